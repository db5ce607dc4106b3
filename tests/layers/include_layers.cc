#include "tests/layers/include_layers.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <utility>

namespace ec2sim::testing {
namespace {

namespace fs = std::filesystem;

// Each layer with every layer beneath it that it may use (written out, not derived, so that a
// new arrow is a visible edit here and in docs/architecture.md).
const std::map<std::string, std::set<std::string>, std::less<>>& Allowed() {
  static const std::map<std::string, std::set<std::string>, std::less<>> kAllowed = {
      {"engine", {}},
      {"model", {"engine"}},
      {"api", {"engine", "model"}},
      {"wire", {"engine"}},
      {"report", {"engine", "model"}},
      {"scenario", {"engine", "model", "api"}},
      {"lessons", {"engine", "model", "api", "scenario"}},
      {"server", {"engine", "model", "api", "wire"}},
      // The client signs its requests with the server's SigV4 code (no HTTP in it).
      {"client", {"engine", "api", "wire", "server"}},
      {"cli",
       {"engine", "model", "api", "wire", "report", "scenario", "lessons", "client", "server"}},
  };
  return kAllowed;
}

// The public headers, each placed in the layer that implements it.
const std::map<std::string, std::string, std::less<>>& PublicHeaders() {
  static const std::map<std::string, std::string, std::less<>> kHeaders = {
      {"result.h", "engine"},     {"sim_time.h", "engine"}, {"options.h", "engine"},
      {"lang.h", "engine"},       {"backend.h", "api"},     {"sandbox.h", "api"},
      {"scenario.h", "scenario"},
  };
  return kHeaders;
}

// Libraries whose headers only some layers may include: the model and engine know no JSON,
// only the CLI parses command lines, only the server speaks HTTP with Asio and Beast, only the
// client with cpp-httplib.
const std::vector<std::pair<std::string, std::set<std::string>>>& Libraries() {
  static const std::vector<std::pair<std::string, std::set<std::string>>> kLibraries = {
      {"nlohmann/", {"api", "wire", "report", "scenario", "lessons", "server", "client", "cli"}},
      {"CLI/", {"cli"}},
      {"boost/asio", {"server"}},
      {"boost/beast", {"server"}},
      {"httplib.h", {"client"}},
  };
  return kLibraries;
}

bool IsSource(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".h" || ext == ".cc";
}

// The header named by a quoted #include on `line`, or "" when the line is not one.
std::string QuotedInclude(const std::string& line) {
  std::size_t start = line.find_first_not_of(" \t");
  if (start == std::string::npos || line.compare(start, 8, "#include") != 0) return "";
  std::size_t open = line.find('"', start + 8);
  if (open == std::string::npos) return "";
  std::size_t close = line.find('"', open + 1);
  return close == std::string::npos ? "" : line.substr(open + 1, close - open - 1);
}

// The header named by an #include <...> on `line`, or "".
std::string AngleInclude(const std::string& line) {
  std::size_t start = line.find_first_not_of(" \t");
  if (start == std::string::npos || line.compare(start, 8, "#include") != 0) return "";
  std::size_t open = line.find('<', start + 8);
  if (open == std::string::npos) return "";
  std::size_t close = line.find('>', open + 1);
  return close == std::string::npos ? "" : line.substr(open + 1, close - open - 1);
}

// A violation when `layer` may not use the library of `header`, else nothing.
std::optional<std::string> LibraryRule(const std::string& layer, const std::string& header) {
  for (const auto& [prefix, layers] : Libraries()) {
    if (header.rfind(prefix, 0) == 0 && layers.count(layer) == 0) {
      return layer + " may not include <" + header + ">";
    }
  }
  return std::nullopt;
}

void CheckFile(const fs::path& root, const fs::path& file, std::vector<IncludeViolation>& out) {
  std::string rel = fs::relative(file, root).generic_string();
  std::optional<std::string> from = LayerOfPath(rel);
  if (!from) {
    out.push_back({rel, 0, "", rel + " is in no layer"});
    return;
  }
  std::ifstream in(file);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::string library = AngleInclude(line);
    if (std::optional<std::string> why =
            library.empty() ? std::nullopt : LibraryRule(*from, library)) {
      out.push_back({rel, number, library, *why});
      continue;
    }
    std::string header = QuotedInclude(line);
    // Generated and local includes ("embedded_files.h" style) name no layer path.
    if (header.empty() || (header.rfind("sim/", 0) != 0 && header.rfind("ec2sim/", 0) != 0)) {
      continue;
    }
    std::string as_path = header.rfind("ec2sim/", 0) == 0 ? "include/" + header : header;
    std::optional<std::string> to = LayerOfPath(as_path);
    if (!to) {
      out.push_back({rel, number, header, header + " is in no layer"});
    } else if (!MayInclude(*from, *to)) {
      out.push_back({rel, number, header, *from + " may not include " + *to});
    }
  }
}

}  // namespace

std::optional<std::string> LayerOfPath(std::string_view path) {
  if (path.rfind("include/ec2sim/", 0) == 0) {
    auto it = PublicHeaders().find(path.substr(15));
    if (it == PublicHeaders().end()) return std::nullopt;
    return it->second;
  }
  if (path.rfind("sim/", 0) != 0) return std::nullopt;
  std::string_view rest = path.substr(4);
  std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view dir = rest.substr(0, slash);
  if (Allowed().find(dir) == Allowed().end()) return std::nullopt;
  return std::string(dir);
}

bool MayInclude(std::string_view from, std::string_view to) {
  if (from == to) return true;
  auto it = Allowed().find(from);
  return it != Allowed().end() && it->second.count(std::string(to)) > 0;
}

std::vector<IncludeViolation> FindLayerViolations(const fs::path& root) {
  std::vector<IncludeViolation> out;
  for (const char* top : {"sim", "include"}) {
    if (!fs::exists(root / top)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root / top)) {
      if (entry.is_regular_file() && IsSource(entry.path())) CheckFile(root, entry.path(), out);
    }
  }
  std::sort(out.begin(), out.end(), [](const IncludeViolation& a, const IncludeViolation& b) {
    return a.file != b.file ? a.file < b.file : a.line < b.line;
  });
  return out;
}

}  // namespace ec2sim::testing
