#include "sim/api/instance_attribute_params.h"

#include "sim/model/catalog.h"

namespace ec2sim::api {
namespace {

// Reads a member whose value is one of `choices`; absent keeps `out` as it is.
void ReadMetadataChoice(Params& p, const char* key, std::initializer_list<const char*> choices,
                        std::optional<std::string>& out) {
  out = p.OptString(key);
  if (!out) return;
  for (const char* c : choices) {
    if (*out == c) return;
  }
  p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                   "Value (" + *out + ") for parameter " + key + " is invalid."));
}

}  // namespace

MetadataChange ReadMetadataChange(Params& p) {
  MetadataChange c;
  ReadMetadataChoice(p, "HttpTokens", {"optional", "required"}, c.tokens);
  ReadMetadataChoice(p, "HttpEndpoint", {"enabled", "disabled"}, c.endpoint);
  ReadMetadataChoice(p, "HttpProtocolIpv6", {"enabled", "disabled"}, c.ipv6);
  ReadMetadataChoice(p, "InstanceMetadataTags", {"enabled", "disabled"}, c.tags);
  if (std::optional<std::int64_t> hops = p.OptInt("HttpPutResponseHopLimit")) {
    if (*hops < 1 || *hops > 64) {
      p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                       "Value (" + std::to_string(*hops) +
                           ") for parameter HttpPutResponseHopLimit is invalid. Valid values "
                           "are 1 to 64."));
    } else {
      c.hops = static_cast<int>(*hops);
    }
  }
  return c;
}

void ApplyMetadataChange(const MetadataChange& c, model::InstanceMetadataOptions& m) {
  if (c.tokens) m.http_tokens = *c.tokens;
  if (c.endpoint) m.http_endpoint = *c.endpoint;
  if (c.ipv6) m.http_protocol_ipv6 = *c.ipv6;
  if (c.tags) m.instance_metadata_tags = *c.tags;
  if (c.hops) m.hop_limit = *c.hops;
}

// The instance attributes RunInstances sets (DescribeInstanceAttribute reads them back):
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html
void ReadLaunchAttributes(Params& p, model::LaunchSpec& spec) {
  spec.disable_api_termination = p.OptBool("DisableApiTermination").value_or(false);
  spec.disable_api_stop = p.OptBool("DisableApiStop").value_or(false);
  spec.ebs_optimized = p.OptBool("EbsOptimized").value_or(false);
  spec.shutdown_behavior = p.OptString("InstanceInitiatedShutdownBehavior").value_or("stop");
  spec.user_data = p.OptString("UserData").value_or("");
  if (const json* monitoring = p.Raw("Monitoring")) {
    Params reader(*monitoring, "Monitoring", p);
    spec.monitoring = reader.OptBool("Enabled").value_or(false);
    reader.Done();
  }
  if (const json* credits = p.Raw("CreditSpecification")) {
    Params reader(*credits, "CreditSpecification", p);
    std::optional<std::string> mode = reader.OptString("CpuCredits");
    reader.Done();
    if (mode && *mode != "standard" && *mode != "unlimited") {
      p.Fail(MakeError(ErrorCode::kInvalidParameterValue,
                       "Value (" + *mode + ") for parameter CpuCredits is invalid."));
    }
    // Only burstable types have a credit option; for others AWS has nothing to set.
    if (mode && model::FindInstanceType(spec.instance_type) != nullptr &&
        model::FindInstanceType(spec.instance_type)->burstable) {
      spec.cpu_credits = *mode;
    }
  }
  if (const json* metadata = p.Raw("MetadataOptions")) {
    Params reader(*metadata, "MetadataOptions", p);
    MetadataChange change = ReadMetadataChange(reader);
    reader.Done();
    model::InstanceMetadataOptions options;
    ApplyMetadataChange(change, options);
    spec.metadata = options;
  }
}

}  // namespace ec2sim::api
