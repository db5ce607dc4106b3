#include "sim/model/instance_attributes.h"

#include <cstdio>
#include <sstream>
#include <vector>

#include "sim/model/catalog.h"
#include "sim/model/resource_events.h"
#include "sim/model/ssh_format.h"

namespace ec2sim::model {

Status RequireStopped(const Instance& inst) {
  if (inst.state == InstanceState::kStopped) return OkStatus();
  return MakeError(ErrorCode::kIncorrectInstanceState,
                   "The instance '" + inst.id + "' is not in the 'stopped' state.");
}

Status ChangeInstanceType(Scope& scope, Instance& inst, const std::string& type) {
  (void)scope;
  const InstanceTypeInfo* info = FindInstanceType(type);
  if (info == nullptr) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "Value (" + type + ") for parameter instanceType is invalid.");
  }
  EC2SIM_RETURN_IF_ERROR(RequireStopped(inst));
  // An image runs on one architecture: an arm64 type cannot boot an x86_64 image.
  if (info->architecture != inst.architecture) {
    return MakeError(ErrorCode::kInvalidParameterValue,
                     "The instance type '" + type + "' does not support the architecture '" +
                         inst.architecture + "' of the instance's image.");
  }
  inst.instance_type = type;
  return OkStatus();
}

Status ChangeUserData(Instance& inst, const std::string& base64) {
  EC2SIM_RETURN_IF_ERROR(RequireStopped(inst));
  inst.user_data = base64;
  return OkStatus();
}

std::optional<std::string> BurstableFamily(std::string_view instance_type) {
  const InstanceTypeInfo* info = FindInstanceType(instance_type);
  if (info == nullptr || !info->burstable) return std::nullopt;
  return info->family;
}

std::string AwsDefaultCpuCredits(std::string_view family) {
  return family == "t2" ? "standard" : "unlimited";
}

std::string DefaultCpuCredits(const Scope& scope, std::string_view family) {
  auto it = scope.default_cpu_credits.find(std::string(family));
  return it != scope.default_cpu_credits.end() ? it->second : AwsDefaultCpuCredits(family);
}

std::string EffectiveCpuCredits(const Scope& scope, const Instance& inst) {
  if (!inst.cpu_credits.empty()) return inst.cpu_credits;
  std::optional<std::string> family = BurstableFamily(inst.instance_type);
  return family ? DefaultCpuCredits(scope, *family) : "standard";
}

SimTime ConsoleLogTime(const Instance& inst) {
  return inst.running_since >= 0 ? inst.running_since : inst.launch_time;
}

namespace {

// "[   12.345678] " as the kernel stamps its lines, from milliseconds since boot.
std::string KernelStamp(std::int64_t ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "[%5lld.%06lld] ", static_cast<long long>(ms / 1000),
                static_cast<long long>((ms % 1000) * 1000));
  return buf;
}

// The commands of a shell script in user data: the lines after "#!" that are neither blank nor
// comments. User data that is not base64 or not a script runs nothing.
std::vector<std::string> UserDataCommands(const std::string& base64) {
  std::vector<std::string> commands;
  std::optional<std::string> text = ssh::Base64Decode(base64);
  if (!text || text->rfind("#!", 0) != 0) return commands;
  std::istringstream in(*text);
  std::string line;
  std::getline(in, line);  // the interpreter line
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    commands.push_back(line.substr(start));
  }
  return commands;
}

}  // namespace

std::string ConsoleLog(const Scope& scope, const Instance& inst) {
  if (inst.running_since < 0 && inst.state == InstanceState::kPending) return "";
  std::optional<ImageInfo> image = FindImage(scope.region->code, inst.image_id);
  const std::string image_name = image ? image->name : inst.image_id;
  const InstanceTypeInfo* type = FindInstanceType(inst.instance_type);
  const int vcpus = type ? type->vcpus : 1;
  const std::string boot = FormatIsoTime(ConsoleLogTime(inst));
  std::string log;
  log += KernelStamp(0) + "Linux version 6.1.0 (" + image_name + ") #1 SMP\n";
  log += KernelStamp(0) + "Command line: BOOT_IMAGE=/boot/vmlinuz root=" +
         (inst.root_device_name.empty() ? "/dev/xvda" : inst.root_device_name) + "1 ro\n";
  log += KernelStamp(0) + "DMI: Amazon EC2 " + inst.instance_type + "/, BIOS 1.0 10/16/2017\n";
  log += KernelStamp(12) + "smpboot: Allowing " + std::to_string(vcpus) + " CPUs\n";
  log += KernelStamp(1840) + "EXT4-fs mounted filesystem with ordered data mode\n";
  log += "cloud-init[1]: Cloud-init v. 22.2.2 running 'init' at " + boot +
         ". Datasource "
         "DataSourceEc2.\n";
  log += "cloud-init[1]: ci-info: Instance " + inst.id + " in " + inst.az + "\n";
  for (const std::string& command : UserDataCommands(inst.user_data)) {
    log += "cloud-init[1]: + " + command + "\n";
  }
  log += "cloud-init[1]: Cloud-init v. 22.2.2 finished at " + boot + ". Up 9.50 seconds\n";
  return log;
}

Status SetCpuLoad(World& world, const Scope& scope, Instance& inst, int percent) {
  if (percent < 0 || percent > 100) {
    return MakeError(
        ErrorCode::kInvalidParameterValue,
        "cpu `percent` must be a whole number from 0 to 100, got " + std::to_string(percent));
  }
  if (inst.state == InstanceState::kTerminated) {
    return MakeError(ErrorCode::kIncorrectInstanceState,
                     "The instance '" + inst.id + "' is terminated, so it has no CPU load.");
  }
  inst.cpu_percent = percent;
  EmitCpuLoad(world, scope, inst, percent, EffectiveCpuCredits(scope, inst));
  return OkStatus();
}

void NoteCpuCreditsChanged(World& world, const Scope& scope, const Instance& inst) {
  if (inst.cpu_percent < 0 || inst.state == InstanceState::kTerminated) return;
  EmitCpuLoad(world, scope, inst, inst.cpu_percent, EffectiveCpuCredits(scope, inst));
}

}  // namespace ec2sim::model
