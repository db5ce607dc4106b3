#include "sim/model/seeded_openssl.h"

#include <openssl/core_dispatch.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/provider.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <mutex>
#include <string>

#include "sim/model/ssh_format.h"

// OpenSSL 3 lets a library context take its DRBGs from any provider (RAND_set_DRBG_type). The
// provider below, registered only inside contexts made here, offers one generator: a SHA-256
// counter-mode stream keyed through a context parameter. The library creates its primary, public
// and private generators from it, and Create() keys each one from the seed. Unlike replacing the
// process-wide RAND_METHOD, this leaves every other use of OpenSSL in the process untouched.

namespace ec2sim::model {
namespace {

constexpr char kProviderName[] = "ec2sim-seeded";
constexpr char kRandName[] = "EC2SIM-SEEDED-STREAM";
constexpr char kKeyParam[] = "ec2sim-stream-key";
constexpr std::size_t kKeySize = 32;
constexpr std::size_t kMaxRequest = 1 << 16;

struct Stream {
  std::mutex mu;
  EVP_MD* sha256 = nullptr;
  std::array<unsigned char, kKeySize> key{};
  std::uint64_t counter = 0;
  std::array<unsigned char, 32> block{};
  std::size_t block_used = 32;  // all of `block` consumed: the next byte needs a new block
  int state = EVP_RAND_STATE_UNINITIALISED;
  // Set once Create() has supplied the key. OpenSSL makes public and private generators per
  // thread, so one made on another thread is never keyed and must refuse to produce bytes rather
  // than a stream that ignores the seed.
  bool keyed = false;
};

bool NextBlock(Stream& s) {
  unsigned char input[kKeySize + 8];
  std::memcpy(input, s.key.data(), kKeySize);
  for (int i = 0; i < 8; ++i)
    input[kKeySize + i] = static_cast<unsigned char>(s.counter >> (56 - 8 * i));
  ++s.counter;
  unsigned int size = 0;
  if (EVP_Digest(input, sizeof(input), s.block.data(), &size, s.sha256, nullptr) != 1) return false;
  s.block_used = 0;
  return true;
}

// The provider's generator functions, in the order of OSSL_FUNC_RAND_* ids. OpenSSL calls them
// through the dispatch table, with `vctx` the Stream made by StreamNew.
void* StreamNew(void* /*provctx*/, void* /*parent*/, const OSSL_DISPATCH* /*parent_calls*/) {
  auto* s = new Stream;
  s->sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (s->sha256 == nullptr) {
    delete s;
    return nullptr;
  }
  return s;
}

void StreamFree(void* vctx) {
  auto* s = static_cast<Stream*>(vctx);
  if (s == nullptr) return;
  EVP_MD_free(s->sha256);
  delete s;
}

int StreamSetParams(void* vctx, const OSSL_PARAM params[]) {
  auto* s = static_cast<Stream*>(vctx);
  // The library also passes DRBG tuning parameters (digest, reseed intervals); they do not apply.
  const OSSL_PARAM* p = OSSL_PARAM_locate_const(params, kKeyParam);
  if (p == nullptr) return 1;
  const void* data = nullptr;
  std::size_t size = 0;
  if (OSSL_PARAM_get_octet_string_ptr(p, &data, &size) != 1 || size != kKeySize) return 0;
  std::memcpy(s->key.data(), data, kKeySize);
  s->keyed = true;
  s->counter = 0;
  s->block_used = s->block.size();
  return 1;
}

int StreamInstantiate(void* vctx, unsigned int /*strength*/, int /*prediction_resistance*/,
                      const unsigned char* /*pstr*/, size_t /*pstr_len*/,
                      const OSSL_PARAM params[]) {
  auto* s = static_cast<Stream*>(vctx);
  s->state = EVP_RAND_STATE_READY;
  return StreamSetParams(vctx, params);
}

int StreamUninstantiate(void* vctx) {
  static_cast<Stream*>(vctx)->state = EVP_RAND_STATE_UNINITIALISED;
  return 1;
}

int StreamGenerate(void* vctx, unsigned char* out, size_t outlen, unsigned int /*strength*/,
                   int /*prediction_resistance*/, const unsigned char* /*addin*/,
                   size_t /*addin_len*/) {
  auto* s = static_cast<Stream*>(vctx);
  if (s->state != EVP_RAND_STATE_READY || !s->keyed) return 0;
  while (outlen > 0) {
    if (s->block_used == s->block.size() && !NextBlock(*s)) return 0;
    const std::size_t n = std::min(outlen, s->block.size() - s->block_used);
    std::memcpy(out, s->block.data() + s->block_used, n);
    s->block_used += n;
    out += n;
    outlen -= n;
  }
  return 1;
}

// Requests for fresh entropy are ignored on purpose: the stream must depend on the seed only.
int StreamReseed(void* /*vctx*/, int /*prediction_resistance*/, const unsigned char* /*entropy*/,
                 size_t /*entropy_len*/, const unsigned char* /*addin*/, size_t /*addin_len*/) {
  return 1;
}

int StreamEnableLocking(void* /*vctx*/) { return 1; }

int StreamLock(void* vctx) {
  static_cast<Stream*>(vctx)->mu.lock();
  return 1;
}

void StreamUnlock(void* vctx) { static_cast<Stream*>(vctx)->mu.unlock(); }

const OSSL_PARAM* StreamGettableParams(void* /*vctx*/, void* /*provctx*/) {
  static const OSSL_PARAM kGettable[] = {
      OSSL_PARAM_int(OSSL_RAND_PARAM_STATE, nullptr),
      OSSL_PARAM_uint(OSSL_RAND_PARAM_STRENGTH, nullptr),
      OSSL_PARAM_size_t(OSSL_RAND_PARAM_MAX_REQUEST, nullptr),
      OSSL_PARAM_END,
  };
  return kGettable;
}

const OSSL_PARAM* StreamSettableParams(void* /*vctx*/, void* /*provctx*/) {
  static const OSSL_PARAM kSettable[] = {
      OSSL_PARAM_octet_string(kKeyParam, nullptr, 0),
      OSSL_PARAM_END,
  };
  return kSettable;
}

int StreamGetParams(void* vctx, OSSL_PARAM params[]) {
  auto* s = static_cast<Stream*>(vctx);
  OSSL_PARAM* p = OSSL_PARAM_locate(params, OSSL_RAND_PARAM_STATE);
  if (p != nullptr && OSSL_PARAM_set_int(p, s->state) != 1) return 0;
  p = OSSL_PARAM_locate(params, OSSL_RAND_PARAM_STRENGTH);
  if (p != nullptr && OSSL_PARAM_set_uint(p, 256) != 1) return 0;
  p = OSSL_PARAM_locate(params, OSSL_RAND_PARAM_MAX_REQUEST);
  if (p != nullptr && OSSL_PARAM_set_size_t(p, kMaxRequest) != 1) return 0;
  return 1;
}

template <typename F>
void (*AsDispatchFn(F* fn))(void) {
  return reinterpret_cast<void (*)(void)>(fn);
}

const OSSL_DISPATCH kStreamDispatch[] = {
    {OSSL_FUNC_RAND_NEWCTX, AsDispatchFn(&StreamNew)},
    {OSSL_FUNC_RAND_FREECTX, AsDispatchFn(&StreamFree)},
    {OSSL_FUNC_RAND_INSTANTIATE, AsDispatchFn(&StreamInstantiate)},
    {OSSL_FUNC_RAND_UNINSTANTIATE, AsDispatchFn(&StreamUninstantiate)},
    {OSSL_FUNC_RAND_GENERATE, AsDispatchFn(&StreamGenerate)},
    {OSSL_FUNC_RAND_RESEED, AsDispatchFn(&StreamReseed)},
    {OSSL_FUNC_RAND_ENABLE_LOCKING, AsDispatchFn(&StreamEnableLocking)},
    {OSSL_FUNC_RAND_LOCK, AsDispatchFn(&StreamLock)},
    {OSSL_FUNC_RAND_UNLOCK, AsDispatchFn(&StreamUnlock)},
    {OSSL_FUNC_RAND_GETTABLE_CTX_PARAMS, AsDispatchFn(&StreamGettableParams)},
    {OSSL_FUNC_RAND_SETTABLE_CTX_PARAMS, AsDispatchFn(&StreamSettableParams)},
    {OSSL_FUNC_RAND_GET_CTX_PARAMS, AsDispatchFn(&StreamGetParams)},
    {OSSL_FUNC_RAND_SET_CTX_PARAMS, AsDispatchFn(&StreamSetParams)},
    {0, nullptr},
};

const OSSL_ALGORITHM kRandAlgorithms[] = {
    {kRandName, "provider=ec2sim-seeded", kStreamDispatch, "seeded SHA-256 counter stream"},
    {nullptr, nullptr, nullptr, nullptr},
};

const OSSL_ALGORITHM* ProviderQuery(void* /*provctx*/, int operation_id, int* no_cache) {
  *no_cache = 0;
  return operation_id == OSSL_OP_RAND ? kRandAlgorithms : nullptr;
}

const OSSL_DISPATCH kProviderDispatch[] = {
    {OSSL_FUNC_PROVIDER_QUERY_OPERATION, AsDispatchFn(&ProviderQuery)},
    {0, nullptr},
};

int ProviderInit(const OSSL_CORE_HANDLE* handle, const OSSL_DISPATCH* /*in*/,
                 const OSSL_DISPATCH** out, void** provctx) {
  *out = kProviderDispatch;
  *provctx = const_cast<OSSL_CORE_HANDLE*>(handle);
  return 1;
}

// The stream key of one of the context's generators; `role` keeps the primary, public and
// private generators apart.
bool DeriveKey(std::string_view domain, std::uint64_t seed, std::string_view role,
               std::array<unsigned char, kKeySize>& key) {
  ssh::Writer input;
  input.String("ec2sim seeded OpenSSL stream v1");
  input.String(domain);
  input.String(role);
  input.U32(static_cast<std::uint32_t>(seed >> 32));
  input.U32(static_cast<std::uint32_t>(seed));
  unsigned int size = 0;
  return EVP_Digest(input.bytes().data(), input.bytes().size(), key.data(), &size, EVP_sha256(),
                    nullptr) == 1 &&
         size == kKeySize;
}

Error SetupError(std::string_view step) {
  return MakeError(ErrorCode::kInternalError,
                   "cannot set up the seeded OpenSSL context: " + std::string(step));
}

}  // namespace

Result<std::unique_ptr<SeededLibCtx>> SeededLibCtx::Create(std::string_view domain,
                                                           std::uint64_t seed) {
  OSSL_LIB_CTX* raw = OSSL_LIB_CTX_new();
  if (raw == nullptr) return SetupError("OSSL_LIB_CTX_new");
  std::unique_ptr<SeededLibCtx> ctx(new SeededLibCtx(raw));
  if (OSSL_PROVIDER_add_builtin(raw, kProviderName, &ProviderInit) != 1) {
    return SetupError("seeded provider");
  }
  ctx->seeded_provider_ = OSSL_PROVIDER_load(raw, kProviderName);
  if (ctx->seeded_provider_ == nullptr) return SetupError("seeded provider");
  ctx->default_provider_ = OSSL_PROVIDER_load(raw, "default");
  if (ctx->default_provider_ == nullptr) return SetupError("default provider");
  if (RAND_set_DRBG_type(raw, kRandName, nullptr, nullptr, nullptr) != 1) {
    return SetupError("RAND_set_DRBG_type");
  }
  const struct {
    const char* role;
    EVP_RAND_CTX* (*get)(OSSL_LIB_CTX*);
  } generators[] = {{"primary", &RAND_get0_primary},
                    {"public", &RAND_get0_public},
                    {"private", &RAND_get0_private}};
  for (const auto& g : generators) {
    EVP_RAND_CTX* rand = g.get(raw);
    std::array<unsigned char, kKeySize> key{};
    if (rand == nullptr || !DeriveKey(domain, seed, g.role, key)) return SetupError(g.role);
    // Guards against a library that silently fell back to its own DRBG.
    if (std::string_view(EVP_RAND_get0_name(EVP_RAND_CTX_get0_rand(rand))) != kRandName) {
      return SetupError(g.role);
    }
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(kKeyParam, key.data(), key.size()),
        OSSL_PARAM_construct_end(),
    };
    if (EVP_RAND_CTX_set_params(rand, params) != 1) return SetupError(g.role);
  }
  return ctx;
}

SeededLibCtx::~SeededLibCtx() {
  if (default_provider_ != nullptr) OSSL_PROVIDER_unload(default_provider_);
  if (seeded_provider_ != nullptr) OSSL_PROVIDER_unload(seeded_provider_);
  OSSL_LIB_CTX_free(ctx_);
}

}  // namespace ec2sim::model
