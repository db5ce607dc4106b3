// The build's layers and the one direction their #includes may point (docs/architecture.md).
// Used by layering_test.cc to check the whole tree; small enough to test on planted trees.
#ifndef EC2SIM_TESTS_LAYERS_INCLUDE_LAYERS_H_
#define EC2SIM_TESTS_LAYERS_INCLUDE_LAYERS_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ec2sim::testing {

// The layer of a path relative to the source root ("sim/model/world.h" -> "model",
// "include/ec2sim/sandbox.h" -> "api"), or nullopt for a path in no layer (a new folder under
// sim/ or a new public header must be given one here first).
std::optional<std::string> LayerOfPath(std::string_view path);

// True when code of layer `from` may include headers of layer `to` (its own included).
bool MayInclude(std::string_view from, std::string_view to);

struct IncludeViolation {
  std::string file;    // relative to the root
  int line = 0;        // 1-based
  std::string header;  // as written in the #include
  std::string reason;  // "model may not include api", "sim/newdir is in no layer", ...
};

// Every quoted #include under root/sim and root/include that points to a layer the including
// file's layer may not use, every #include <...> of a library kept to other layers (JSON, CLI11,
// Asio, Beast, cpp-httplib), and every file or header in no layer. Sorted by file and line.
std::vector<IncludeViolation> FindLayerViolations(const std::filesystem::path& root);

}  // namespace ec2sim::testing

#endif  // EC2SIM_TESTS_LAYERS_INCLUDE_LAYERS_H_
