// Instance attributes beyond the lifecycle: the instance type and user data while stopped, CPU
// credit options of burstable types and the boot log GetConsoleOutput returns.
#ifndef EC2SIM_MODEL_INSTANCE_ATTRIBUTES_H_
#define EC2SIM_MODEL_INSTANCE_ATTRIBUTES_H_

#include <optional>
#include <string>
#include <string_view>

#include "ec2sim/result.h"
#include "sim/model/world.h"

namespace ec2sim::model {

// Changes the instance type; AWS allows it only while the instance is stopped
// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/change-instance-type-of-ebs-backed-instance.html).
// Errors: kIncorrectInstanceState, kInvalidParameterValue (unknown type, other architecture).
Status ChangeInstanceType(Scope& scope, Instance& inst, const std::string& type);
// Replaces the user data (base64); only while stopped. Errors: kIncorrectInstanceState.
Status ChangeUserData(Instance& inst, const std::string& base64);
// kIncorrectInstanceState unless the instance is stopped ("is not in the 'stopped' state").
Status RequireStopped(const Instance& inst);

// The instance family of a burstable type ("t3" for "t3.micro"), or nullopt for a type without
// CPU credits.
std::optional<std::string> BurstableFamily(std::string_view instance_type);
// AWS's default credit option of a family: T2 standard, T3/T3a/T4g unlimited
// (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/burstable-performance-instances-unlimited-mode-concepts.html).
std::string AwsDefaultCpuCredits(std::string_view family);
// The account's default for `family` in this region (ModifyDefaultCreditSpecification), or
// AWS's default.
std::string DefaultCpuCredits(const Scope& scope, std::string_view family);
// The credit option an instance runs with: its own, else its family's default.
// Surplus-credit billing under CPU load reads it (sim/model/billing/cpu_credits.h).
std::string EffectiveCpuCredits(const Scope& scope, const Instance& inst);

// Declares the instance's CPU utilization, 0..100 percent, from now until declared again (the
// scenario verb `cpu`); the ledger meters it with the credit option in force. Errors:
// kInvalidParameterValue (percent out of range), kIncorrectInstanceState (terminated).
Status SetCpuLoad(World& world, const Scope& scope, Instance& inst, int percent);
// Tells the ledger the instance's credit option may have changed, when it is under a declared
// load (ModifyInstanceCreditSpecification, ModifyDefaultCreditSpecification).
void NoteCpuCreditsChanged(World& world, const Scope& scope, const Instance& inst);

// The deterministic boot log of a running or stopped instance: kernel and cloud-init lines built
// from the image, the type and the boot time, and a line per user-data script line. Empty while
// the instance has never run.
std::string ConsoleLog(const Scope& scope, const Instance& inst);
// When the log was last written: the last boot, or the launch time.
SimTime ConsoleLogTime(const Instance& inst);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_INSTANCE_ATTRIBUTES_H_
