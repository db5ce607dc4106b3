// What `ec2sim run --endpoint` and `ec2sim lesson check|progress --endpoint` share: reading the
// AWS CLI's environment and credentials, and a connector to the server that signs with them.
#ifndef EC2SIM_CLI_REMOTE_H_
#define EC2SIM_CLI_REMOTE_H_

#include <optional>
#include <string>

#include "sim/client/admin_client.h"

namespace ec2sim::cli {

// An environment variable; nullopt when unset or empty.
std::optional<std::string> Getenv(const char* name);
// A whole file; nullopt when it cannot be read.
std::optional<std::string> ReadWholeFile(const std::string& path);

// Options of a connector that signs with the AWS CLI's credentials (the secret found with the
// key of --profile, the environment, AWS_PROFILE or the default profile), which a classroom
// server requires; unsigned when no secret is found, which an open server takes. The
// signature's region is `region` when given, else AWS_REGION / AWS_DEFAULT_REGION, else
// us-east-1.
client::RemoteOptions SigningOptions(const std::string& profile, const std::string& region);

// `message` about the server at `endpoint`, naming the endpoint once: the client's messages
// mostly name it already ("http://...: http://... needs signed requests" said it twice).
std::string AboutEndpoint(const std::string& endpoint, const std::string& message);

// Whether the server at `endpoint` says it is a classroom (GET /_ec2sim/health, unsigned);
// false when nothing answers there, so a learner may read `lesson start` before starting one.
bool IsClassroomServer(const std::string& endpoint);

}  // namespace ec2sim::cli

#endif  // EC2SIM_CLI_REMOTE_H_
