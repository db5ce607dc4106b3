#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/layers/include_layers.h"

namespace ec2sim::testing {
namespace {

namespace fs = std::filesystem;

std::string Describe(const std::vector<IncludeViolation>& violations) {
  std::string text;
  for (const IncludeViolation& v : violations) {
    text += v.file + ":" + std::to_string(v.line) + ": " + v.reason + "\n";
  }
  return text;
}

// A scratch source tree that removes itself.
class PlantedTree {
 public:
  PlantedTree()
      : root_(fs::temp_directory_path() / ("ec2sim-layers-" + std::to_string(::getpid()))) {
    fs::remove_all(root_);
  }
  ~PlantedTree() { fs::remove_all(root_); }
  void Write(const std::string& rel, const std::string& text) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel) << text;
  }
  const fs::path& root() const { return root_; }

 private:
  fs::path root_;
};

TEST(Layering, NoFileOfTheTreeIncludesALayerAboveIt) {
  std::vector<IncludeViolation> found = FindLayerViolations(EC2SIM_SOURCE_DIR);
  EXPECT_TRUE(found.empty()) << Describe(found);
}

TEST(Layering, APlantedBackEdgeIsFoundWithItsFileAndLine) {
  PlantedTree tree;
  tree.Write("sim/model/fine.cc", "#include \"sim/engine/rng.h\"\n#include \"ec2sim/result.h\"\n");
  tree.Write(
      "sim/model/planted.cc",
      "#include <string>\n\n#include \"sim/model/world.h\"\n#include \"sim/api/params.h\"\n");
  std::vector<IncludeViolation> found = FindLayerViolations(tree.root());
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(found[0].file, "sim/model/planted.cc");
  EXPECT_EQ(found[0].line, 4);
  EXPECT_EQ(found[0].header, "sim/api/params.h");
  EXPECT_EQ(found[0].reason, "model may not include api");
}

TEST(Layering, APublicHeaderCountsAsTheLayerThatImplementsIt) {
  PlantedTree tree;
  tree.Write("sim/model/world.h", "#include \"ec2sim/options.h\"\n#include \"ec2sim/sandbox.h\"\n");
  std::vector<IncludeViolation> found = FindLayerViolations(tree.root());
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(found[0].reason, "model may not include api");
}

TEST(Layering, SidewaysLayersMayNotIncludeEachOther) {
  EXPECT_FALSE(MayInclude("wire", "api"));
  EXPECT_FALSE(MayInclude("api", "wire"));
  EXPECT_FALSE(MayInclude("server", "lessons"));
  EXPECT_FALSE(MayInclude("server", "client"));
  EXPECT_FALSE(MayInclude("report", "api"));
  EXPECT_TRUE(MayInclude("cli", "server"));
  EXPECT_TRUE(MayInclude("scenario", "api"));
}

TEST(Layering, LibrariesStayInTheirLayers) {
  PlantedTree tree;
  tree.Write("sim/model/json_in_model.h", "#include <string>\n#include <nlohmann/json.hpp>\n");
  tree.Write("sim/api/cli_in_api.cc", "#include <CLI/CLI.hpp>\n");
  tree.Write("sim/client/asio_in_client.cc", "#include <boost/asio/io_context.hpp>\n");
  tree.Write("sim/server/httplib_in_server.cc", "#include <httplib.h>\n");
  tree.Write("sim/server/fine.cc",
             "#include <boost/beast/http.hpp>\n#include <nlohmann/json.hpp>\n");
  std::vector<IncludeViolation> found = FindLayerViolations(tree.root());
  ASSERT_EQ(found.size(), 4u) << Describe(found);
  EXPECT_EQ(found[0].reason, "api may not include <CLI/CLI.hpp>");
  EXPECT_EQ(found[1].reason, "client may not include <boost/asio/io_context.hpp>");
  EXPECT_EQ(found[2].file, "sim/model/json_in_model.h");
  EXPECT_EQ(found[2].line, 2);
  EXPECT_EQ(found[2].reason, "model may not include <nlohmann/json.hpp>");
  EXPECT_EQ(found[3].reason, "server may not include <httplib.h>");
}

TEST(Layering, ANewFolderMustBeGivenALayer) {
  PlantedTree tree;
  tree.Write("sim/newthing/x.cc", "int x;\n");
  std::vector<IncludeViolation> found = FindLayerViolations(tree.root());
  ASSERT_EQ(found.size(), 1u) << Describe(found);
  EXPECT_EQ(found[0].reason, "sim/newthing/x.cc is in no layer");
}

}  // namespace
}  // namespace ec2sim::testing
