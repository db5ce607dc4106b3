#include "sim/wire/protocol_fields.h"

#include <algorithm>
#include <array>

namespace ec2sim::wire {
namespace {

// Every version of the EC2 API, oldest first: the WSDL and API Reference versions AWS published
// (the API Reference's "Document history"; the 2006-06-26 to 2011-07-15 entries with the
// actions each added are also listed in garnaat/missingcloud's ec2_api_versions.json). EC2 has
// kept 2016-11-15 since, adding actions to it instead of versions (botocore's
// data/ec2/2016-11-15/service-2.json is its current model).
constexpr std::array<std::string_view, 52> kEc2ApiVersions = {
    "2006-06-26", "2006-10-01", "2007-01-03", "2007-01-19", "2007-03-01", "2007-08-29",
    "2008-02-01", "2008-05-05", "2008-08-08", "2008-12-01", "2009-03-01", "2009-04-04",
    "2009-07-15", "2009-08-15", "2009-10-31", "2009-11-30", "2010-06-15", "2010-08-31",
    "2010-11-15", "2011-01-01", "2011-02-28", "2011-05-15", "2011-07-15", "2011-11-01",
    "2011-12-01", "2011-12-15", "2012-03-01", "2012-04-01", "2012-05-01", "2012-06-01",
    "2012-06-15", "2012-07-20", "2012-08-15", "2012-10-01", "2012-12-01", "2013-02-01",
    "2013-06-15", "2013-07-15", "2013-08-15", "2013-10-01", "2013-10-15", "2014-02-01",
    "2014-05-01", "2014-06-15", "2014-09-01", "2014-10-01", "2015-03-01", "2015-04-15",
    "2015-10-01", "2016-04-01", "2016-09-15", "2016-11-15",
};

// The value of the field named `key`; kInvalidParameterValue when it is given twice.
Result<std::optional<std::string>> Single(const QueryParams& params, std::string_view key) {
  std::optional<std::string> found;
  for (const auto& [k, v] : params) {
    if (k != key) continue;
    if (found) {
      return MakeError(ErrorCode::kInvalidParameterValue,
                       "The parameter " + std::string(key) + " is given more than once");
    }
    found = v;
  }
  return found;
}

}  // namespace

bool IsEc2ApiVersion(std::string_view version) {
  return std::find(kEc2ApiVersions.begin(), kEc2ApiVersions.end(), version) !=
         kEc2ApiVersions.end();
}

Result<ProtocolFields> ReadProtocolFields(const QueryParams& params) {
  EC2SIM_ASSIGN_OR_RETURN(std::optional<std::string> action, Single(params, "Action"));
  EC2SIM_ASSIGN_OR_RETURN(std::optional<std::string> version, Single(params, "Version"));
  if (!action || action->empty()) {
    return MakeError(ErrorCode::kMissingParameter, "The request must contain the parameter Action");
  }
  // The wording of EC2's NoSuchVersion (API Reference, "Common client error codes").
  if (version && !IsEc2ApiVersion(*version)) {
    return MakeError(ErrorCode::kNoSuchVersion, "The requested version (" + *version +
                                                    ") of service AmazonEC2 does not exist");
  }
  return ProtocolFields{*action, version};
}

}  // namespace ec2sim::wire
