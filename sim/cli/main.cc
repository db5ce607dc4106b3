// The ec2sim command line: a thin layer over the library. Only main() picks exit codes.
#include <CLI/CLI.hpp>
#include <string>

#include "sim/cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"ec2sim: an offline, deterministic EC2 simulator and teaching sandbox"};
  app.set_version_flag("--version", std::string("ec2sim ") + EC2SIM_VERSION);
  app.require_subcommand(1);

  ec2sim::cli::Registry commands;
  ec2sim::cli::AddRunCommand(app, commands);
  ec2sim::cli::AddCatalogCommands(app, commands);
  ec2sim::cli::AddProbeCommand(app, commands);
  ec2sim::cli::AddBillCommand(app, commands);
  ec2sim::cli::AddCostCommand(app, commands);
  ec2sim::cli::AddLatencyCommand(app, commands);
  ec2sim::cli::AddServeCommand(app, commands);
  ec2sim::cli::AddLessonCommand(app, commands);
  ec2sim::cli::AddClockCommand(app, commands);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  for (const ec2sim::cli::Command& c : commands) {
    if (c.app->parsed()) return c.run();
  }
  return 2;
}
