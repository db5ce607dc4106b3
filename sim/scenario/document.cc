#include "sim/scenario/document.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/engine/json_depth.h"
#include "sim/engine/text_position.h"
#include "sim/model/regions.h"

namespace ec2sim::scenario {
namespace {

using OrderedJson = nlohmann::ordered_json;

constexpr size_t kMaxDiagnostics = 20;

constexpr std::array<std::string_view, 15> kTopLevelKeys = {
    "format", "name",           "title",  "description", "region",    "account",
    "start",  "seed",           "timing", "pricing",     "free_tier", "accept_unknown_images",
    "quotas", "opt_in_regions", "steps"};

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsScenarioName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!IsLower(c) && !IsDigit(c) && c != '-') return false;
  }
  return true;
}

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// A value as a short line for messages.
std::string Shown(const OrderedJson& v) {
  constexpr size_t kLimit = 60;
  std::string text = v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() <= kLimit) return text;
  size_t cut = kLimit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "...";
}

// nlohmann reports the last byte it read, which for an unexpected string or number is the end
// of that token; people look for the token's start.
size_t TokenStart(std::string_view text, size_t offset, std::string_view reason) {
  if (offset >= text.size()) return offset;
  if (reason.find("unexpected string literal") != std::string_view::npos && text[offset] == '"') {
    for (size_t i = offset; i-- > 0;) {
      if (text[i] != '"') continue;
      size_t backslashes = 0;
      while (backslashes < i && text[i - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return i;
    }
  }
  if (reason.find("unexpected number literal") != std::string_view::npos) {
    while (offset > 0 &&
           std::string_view("0123456789+-.eE").find(text[offset - 1]) != std::string_view::npos) {
      --offset;
    }
  }
  return offset;
}

// Reads an optional string member; reports a wrong type.
bool OptionalString(const OrderedJson& root, std::string_view key, std::string& out,
                    Diagnostics& diag) {
  auto it = root.find(key);
  if (it == root.end()) return false;
  if (!it->is_string()) {
    diag.Add(MessageId::kMustBeString, {Quoted(key), Shown(*it)});
    return false;
  }
  out = it->get<std::string>();
  return true;
}

// A text for people: a string, or {"en": TEXT, "ko": TEXT} of which the English is kept (the
// course shows the Korean; see docs/scenario-format.md).
void OptionalText(const OrderedJson& root, std::string_view key, std::string& out,
                  Diagnostics& diag) {
  auto it = root.find(key);
  if (it == root.end() || it->is_string()) {
    OptionalString(root, key, out, diag);
    return;
  }
  if (it->is_object() && it->size() == 2 && it->contains("en") && it->contains("ko") &&
      (*it)["en"].is_string() && (*it)["ko"].is_string()) {
    out = (*it)["en"].get<std::string>();
    return;
  }
  diag.Add(Quoted(key) + " must be a string or {\"en\": TEXT, \"ko\": TEXT}, got " + Shown(*it));
}

template <typename Enum, size_t N>
void OptionalEnum(const OrderedJson& root, std::string_view key,
                  const std::array<std::pair<std::string_view, Enum>, N>& choices, Enum& out,
                  Diagnostics& diag) {
  std::string text;
  if (!OptionalString(root, key, text, diag)) return;
  std::string names;
  for (const auto& [name, value] : choices) {
    if (name == text) {
      out = value;
      return;
    }
    names += (names.empty() ? "" : diag.Text(MessageId::kOr)) + Quoted(name);
  }
  diag.Add(MessageId::kMustBeOneOf, {Quoted(key), names, Quoted(text)});
}

void OptionalBool(const OrderedJson& root, std::string_view key, bool& out, Diagnostics& diag) {
  auto it = root.find(key);
  if (it == root.end()) return;
  if (it->is_boolean()) {
    out = it->get<bool>();
  } else {
    diag.Add(MessageId::kMustBeBool, {Quoted(key), Shown(*it)});
  }
}

// "opt_in_regions": ["ap-east-1", ...], each a region that is opt-in on AWS.
void ReadOptInRegions(const OrderedJson& root, std::vector<std::string>& out, Diagnostics& diag) {
  auto it = root.find("opt_in_regions");
  if (it == root.end()) return;
  if (!it->is_array()) {
    diag.Add(MessageId::kOptInRegionsList, {Shown(*it)});
    return;
  }
  for (const OrderedJson& code : *it) {
    const model::RegionInfo* region =
        code.is_string() ? model::FindRegion(code.get<std::string>()) : nullptr;
    if (region == nullptr || !region->opt_in) {
      std::string opt_in;
      for (const model::RegionInfo& r : model::Regions()) {
        if (r.opt_in) opt_in += (opt_in.empty() ? "" : ", ") + r.code;
      }
      diag.Add(MessageId::kNotOptInRegion, {Shown(code), opt_in});
      continue;
    }
    out.push_back(region->code);
  }
}

// "quotas": {"vcpus": N, "elastic_ips": N}, each optional, whole numbers 0..kMaxAccountQuota.
void OptionalScenarioQuotas(const OrderedJson& root, AccountQuotas& out, Diagnostics& diag) {
  auto it = root.find("quotas");
  if (it == root.end()) return;
  if (!it->is_object()) {
    diag.Add("\"quotas\" must be an object {\"vcpus\": N, \"elastic_ips\": N}, got " + Shown(*it));
    return;
  }
  for (const auto& [key, value] : it->items()) {
    int* field = key == "vcpus" ? &out.vcpus : key == "elastic_ips" ? &out.elastic_ips : nullptr;
    if (field == nullptr) {
      diag.Add("\"quotas\" has an unknown key " + Quoted(key) +
               " (only \"vcpus\", \"elastic_ips\")");
    } else if (!value.is_number_integer() || value.get<std::int64_t>() < 0 ||
               value.get<std::int64_t>() > kMaxAccountQuota) {
      diag.Add("\"quotas\"." + key + " must be a whole number from 0 to " +
               std::to_string(kMaxAccountQuota) + ", got " + Shown(value));
    } else {
      *field = value.get<int>();
    }
  }
}

void ValidateTopLevel(const OrderedJson& root, Scenario& sc, Diagnostics& diag) {
  for (const auto& [key, value] : root.items()) {
    bool known = false;
    for (std::string_view k : kTopLevelKeys) known = known || k == key;
    if (!known) diag.Add(MessageId::kUnknownTopLevelKey, {Quoted(key)});
  }
  auto format = root.find("format");
  if (format == root.end()) {
    diag.Add(MessageId::kMissingFormat);
  } else if (!format->is_number_integer() || format->get<std::int64_t>() != 1) {
    diag.Add(MessageId::kFormatMustBe1, {Shown(*format)});
  }
  if (!root.contains("name")) {
    diag.Add(MessageId::kMissingName);
  } else if (OptionalString(root, "name", sc.name, diag) && !IsScenarioName(sc.name)) {
    diag.Add(MessageId::kNameShape, {Quoted(sc.name)});
  }
  OptionalText(root, "title", sc.title, diag);
  OptionalText(root, "description", sc.description, diag);
  if (OptionalString(root, "region", sc.region, diag) && !IsRegionShaped(sc.region)) {
    diag.Add(MessageId::kRegionShape, {Quoted(sc.region)});
  }
  if (OptionalString(root, "account", sc.account, diag) && !IsAccountId(sc.account)) {
    diag.Add(MessageId::kAccountShape, {Quoted(sc.account)});
  }
  std::string start;
  if (OptionalString(root, "start", start, diag)) {
    auto t = ParseIsoTime(start);
    if (t.ok()) {
      sc.options.start = *t;
    } else {
      diag.Add(MessageId::kStart, {t.error().message});
    }
  }
  if (auto seed = root.find("seed"); seed != root.end()) {
    if (seed->is_number_unsigned()) {
      sc.options.seed = seed->get<std::uint64_t>();
    } else {
      diag.Add(MessageId::kSeed, {Shown(*seed)});
    }
  }
  OptionalEnum<Timing, 2>(root, "timing",
                          {{{"realistic", Timing::kRealistic}, {"instant", Timing::kInstant}}},
                          sc.options.timing, diag);
  OptionalEnum<PricingPolicy, 2>(root, "pricing",
                                 {{{"public-ipv4-2024", PricingPolicy::kPublicIpv4_2024},
                                   {"legacy-eip", PricingPolicy::kLegacyEip}}},
                                 sc.options.pricing, diag);
  OptionalBool(root, "free_tier", sc.options.free_tier, diag);
  // Off by default, as on AWS: an image id the catalog lacks is InvalidAMIID.NotFound.
  OptionalBool(root, "accept_unknown_images", sc.options.accept_unknown_images, diag);
  OptionalScenarioQuotas(root, sc.options.quotas, diag);
  ReadOptInRegions(root, sc.options.opted_in_regions, diag);
}

}  // namespace

void Diagnostics::Add(const std::string& message) { lines_.push_back(file_ + ": " + message); }

void Diagnostics::AddForStep(int step, std::string_view key, const std::string& message) {
  std::string n = std::to_string(step);
  std::string where = key.empty() ? Text(MessageId::kStepWhere, {n})
                                  : Text(MessageId::kStepWhereKey, {n, Quoted(key)});
  Add(where + ": " + message);
}

Error Diagnostics::ToError() const {
  std::string text;
  for (size_t i = 0; i < lines_.size() && i < kMaxDiagnostics; ++i) {
    if (i > 0) text += '\n';
    text += lines_[i];
  }
  if (lines_.size() > kMaxDiagnostics) {
    text += "\n" + file_ + ": " +
            Text(MessageId::kMoreProblems, {std::to_string(lines_.size() - kMaxDiagnostics)});
  }
  return MakeError(ErrorCode::kSimInvalidInput, std::move(text));
}

bool IsRegionShaped(std::string_view text) {
  // [a-z]{2}(-[a-z]+)+-[0-9]+
  size_t pos = 0;
  if (text.size() < 2 || !IsLower(text[0]) || !IsLower(text[1])) return false;
  pos = 2;
  int words = 0;
  while (pos < text.size() && text[pos] == '-' && pos + 1 < text.size() && IsLower(text[pos + 1])) {
    ++pos;
    while (pos < text.size() && IsLower(text[pos])) ++pos;
    ++words;
  }
  if (words == 0 || pos >= text.size() || text[pos] != '-' || pos + 1 >= text.size()) return false;
  for (++pos; pos < text.size(); ++pos) {
    if (!IsDigit(text[pos])) return false;
  }
  return true;
}

bool IsAccountId(std::string_view text) {
  if (text.size() != 12) return false;
  for (char c : text) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

Result<Scenario> ParseScenarioText(std::string_view text, const std::string& display_name,
                                   const ActionPredicate& has_action, Lang lang) {
  if (auto deep = engine::FindJsonTooDeep(text)) {
    engine::TextPosition at = engine::PositionOfOffset(text, deep->offset);
    return MakeError(
        ErrorCode::kSimInvalidInput,
        display_name + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
            Message(lang, MessageId::kJsonTooDeep, {std::to_string(engine::kMaxJsonDepth)}));
  }
  OrderedJson root;
  try {
    root = OrderedJson::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is the 1-based index of the last byte read.
    std::string reason = engine::ParseErrorReason(e.what());
    size_t offset = TokenStart(text, e.byte == 0 ? 0 : e.byte - 1, reason);
    engine::TextPosition at = engine::PositionOfOffset(text, offset);
    return MakeError(ErrorCode::kSimInvalidInput,
                     display_name + ":" + std::to_string(at.line) + ":" +
                         std::to_string(at.column) + ": " +
                         Message(lang, MessageId::kJsonSyntax, {reason}));
  } catch (const nlohmann::json::exception& e) {
    return MakeError(ErrorCode::kSimInvalidInput, display_name + ": " + e.what());
  }
  Diagnostics diag(display_name, lang);
  if (!root.is_object()) {
    diag.Add(MessageId::kNotAnObject, {Shown(root)});
    return diag.ToError();
  }
  Scenario sc;
  sc.file = display_name;
  ValidateTopLevel(root, sc, diag);
  auto steps = root.find("steps");
  if (steps == root.end()) {
    diag.Add(MessageId::kMissingSteps);
  } else if (!steps->is_array()) {
    diag.Add(MessageId::kStepsNotList, {Shown(*steps)});
  } else {
    std::set<std::string> saved;
    int index = 0;
    for (const auto& raw : *steps) {
      sc.steps.push_back(ValidateStep(raw, ++index, has_action, saved, diag));
    }
  }
  if (!diag.empty()) return diag.ToError();
  return sc;
}

Result<Scenario> LoadScenarioFileWith(const std::string& path, const ActionPredicate& has_action,
                                      Lang lang) {
  auto unreadable = [&](MessageId id) {
    return MakeError(ErrorCode::kSimInvalidInput, path + ": " + Message(lang, id));
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return unreadable(MessageId::kIsDirectory);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    bool exists = std::filesystem::exists(path, ec);
    return unreadable(exists ? MessageId::kCannotOpen : MessageId::kNoSuchFile);
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return unreadable(MessageId::kIoError);
  return ParseScenarioText(text.str(), path, has_action, lang);
}

}  // namespace ec2sim::scenario

namespace ec2sim {

Result<Scenario> ParseScenario(std::string_view text, const std::string& display_name, Lang lang) {
  Sandbox actions;
  return scenario::ParseScenarioText(
      text, display_name, [&actions](std::string_view a) { return actions.HasAction(a); }, lang);
}

Result<Scenario> LoadScenarioFile(const std::string& path, Lang lang) {
  Sandbox actions;
  return scenario::LoadScenarioFileWith(
      path, [&actions](std::string_view a) { return actions.HasAction(a); }, lang);
}

SandboxOptions SandboxOptionsFor(const Scenario& scenario) { return scenario.options; }

}  // namespace ec2sim
