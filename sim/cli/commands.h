// The ec2sim subcommands. Each Add*Command registers its CLI11 subcommand and the function that
// runs it; main() picks the chosen one. Options live in state captured by the runner.
#ifndef EC2SIM_CLI_COMMANDS_H_
#define EC2SIM_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <vector>

namespace ec2sim::cli {

struct Command {
  CLI::App* app;
  std::function<int()> run;  // returns the process exit status
};
using Registry = std::vector<Command>;

void AddRunCommand(CLI::App& app, Registry& commands);       // cmd_run.cc
void AddCatalogCommands(CLI::App& app, Registry& commands);  // cmd_catalog.cc
void AddProbeCommand(CLI::App& app, Registry& commands);     // cmd_probe.cc
void AddBillCommand(CLI::App& app, Registry& commands);      // cmd_bill.cc
void AddCostCommand(CLI::App& app, Registry& commands);      // cmd_cost.cc
void AddLatencyCommand(CLI::App& app, Registry& commands);   // cmd_latency.cc
void AddServeCommand(CLI::App& app, Registry& commands);     // cmd_serve.cc
void AddLessonCommand(CLI::App& app, Registry& commands);    // cmd_lesson.cc
void AddClockCommand(CLI::App& app, Registry& commands);     // cmd_clock.cc

}  // namespace ec2sim::cli

#endif  // EC2SIM_CLI_COMMANDS_H_
