// An OpenSSL library context whose random generator is a fixed function of a seed, so that key
// generation inside it (RSA prime search included) is reproducible run after run.
//
// Everything drawn from such a context is predictable to anyone who knows the seed. It exists so
// the simulator's transcripts are deterministic; nothing made with it may guard anything real.
#ifndef EC2SIM_MODEL_SEEDED_OPENSSL_H_
#define EC2SIM_MODEL_SEEDED_OPENSSL_H_

#include <openssl/types.h>

#include <cstdint>
#include <memory>
#include <string_view>

#include "ec2sim/result.h"

namespace ec2sim::model {

// Owns an OSSL_LIB_CTX with OpenSSL's "default" provider for algorithms and, in place of its
// DRBGs, a generator that yields SHA-256(key || counter) blocks, the key derived from `domain`
// and `seed`. Every context is independent: no process-global state is touched, so contexts may
// be used on different threads at once. A context must be used on the thread that created it
// (OpenSSL keeps generators per thread; on any other thread random draws fail rather than
// ignore the seed). Objects created in the context (EVP_PKEY and the like) must be freed before
// the context is destroyed.
class SeededLibCtx {
 public:
  // Errors: kInternalError when OpenSSL cannot set the context up.
  static Result<std::unique_ptr<SeededLibCtx>> Create(std::string_view domain, std::uint64_t seed);
  ~SeededLibCtx();
  SeededLibCtx(const SeededLibCtx&) = delete;
  SeededLibCtx& operator=(const SeededLibCtx&) = delete;

  OSSL_LIB_CTX* get() const { return ctx_; }

 private:
  explicit SeededLibCtx(OSSL_LIB_CTX* ctx) : ctx_(ctx) {}

  OSSL_LIB_CTX* ctx_;
  // Our references to the loaded providers, dropped before the context goes.
  OSSL_PROVIDER* seeded_provider_ = nullptr;
  OSSL_PROVIDER* default_provider_ = nullptr;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_SEEDED_OPENSSL_H_
