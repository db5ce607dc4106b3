// Instance attributes as RunInstances and the attribute actions read them: the metadata options
// (RunInstances MetadataOptions, ModifyInstanceMetadataOptions) and the launch attributes.
#ifndef EC2SIM_API_INSTANCE_ATTRIBUTE_PARAMS_H_
#define EC2SIM_API_INSTANCE_ATTRIBUTE_PARAMS_H_

#include <optional>
#include <string>

#include "sim/api/params.h"
#include "sim/model/instance.h"
#include "sim/model/instances.h"

namespace ec2sim::api {

// The members given; absent ones keep their current value
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyInstanceMetadataOptions.html).
struct MetadataChange {
  std::optional<std::string> tokens, endpoint, ipv6, tags;
  std::optional<int> hops;
};

// Reads HttpTokens, HttpEndpoint, HttpProtocolIpv6, InstanceMetadataTags and
// HttpPutResponseHopLimit (1-64); a value out of its set is kInvalidParameterValue.
MetadataChange ReadMetadataChange(Params& p);
void ApplyMetadataChange(const MetadataChange& change, model::InstanceMetadataOptions& options);

// Reads RunInstances' DisableApiTermination, DisableApiStop, EbsOptimized,
// InstanceInitiatedShutdownBehavior, UserData, CreditSpecification and MetadataOptions into
// `spec` (spec.instance_type must be read first).
void ReadLaunchAttributes(Params& p, model::LaunchSpec& spec);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_INSTANCE_ATTRIBUTE_PARAMS_H_
