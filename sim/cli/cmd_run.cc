// `ec2sim run FILE...`: run scenario files.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "ec2sim/scenario.h"
#include "sim/cli/commands.h"

namespace ec2sim::cli {

void AddRunCommand(CLI::App& app, Registry& commands) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto output = std::make_shared<std::string>("table");
  auto* run = app.add_subcommand("run", "Run scenario files and print their transcript");
  run->add_option("files", *files, "Scenario files (JSON, format 1)")->required();
  run->add_option("--output", *output, "text transcript (table) or json report")
      ->check(CLI::IsMember({"table", "text", "json"}));
  commands.push_back({run, [files, output] {
                        return RunScenarioFiles(*files, *output == "json", std::cout, std::cerr);
                      }});
}

}  // namespace ec2sim::cli
