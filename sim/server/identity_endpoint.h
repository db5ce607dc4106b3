// The few STS and IAM actions that automation tools call before they touch EC2 (Terraform's AWS
// provider and Ansible's amazon.aws ask who the caller is), served at the EC2 endpoint's address:
// STS GetCallerIdentity, IAM GetUser (the caller only) and ListAccountAliases (none). Every other
// action of those services is InvalidAction, in that service's own error format:
//
//   <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
//     <Error><Type>Sender</Type><Code>..</Code><Message>..</Message></Error>
//     <RequestId>..</RequestId></ErrorResponse>
//
// (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html,
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetUser.html,
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAccountAliases.html,
// https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html). Knows no sockets.
#ifndef EC2SIM_SERVER_IDENTITY_ENDPOINT_H_
#define EC2SIM_SERVER_IDENTITY_ENDPOINT_H_

#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/server/http_types.h"
#include "sim/server/shared_world.h"
#include "sim/server/users.h"

namespace ec2sim::server {

// The caller's name in open mode, where keys belong to no user: arn:aws:iam::ACCOUNT:user/ec2sim.
inline constexpr std::string_view kOpenModeUserName = "ec2sim";

// "sts" or "iam" when `request` is for one of those services: its SigV4 credential scope names
// the service, or (unsigned) its Version is STS's 2011-06-15 or IAM's 2010-05-08, or its Action
// is one this endpoint serves. "" for everything else (EC2).
std::string IdentityServiceOf(const HttpRequest& request);

// The IAM user id ("AIDA" and 17 characters of A-Z 2-7) that stands for an access key id: the
// same key always has the same id, as a user keeps theirs.
std::string UserIdForAccessKey(std::string_view access_key_id);

class IdentityEndpoint {
 public:
  // `users` (classroom mode; must outlive the endpoint) as for Ec2Endpoint: every request must
  // then be signed by one of them, with a scope for the service it calls.
  IdentityEndpoint(SharedWorld& world, const UserDirectory* users = nullptr)
      : world_(world), users_(users) {}

  // Answers one request for `service` ("sts" or "iam"). Never fails: every problem is an error
  // response in that service's format with a 4xx status.
  HttpResponse Handle(const HttpRequest& request, const std::string& service);

 private:
  std::string NextRequestId();

  SharedWorld& world_;
  const UserDirectory* const users_;
  std::atomic<std::uint64_t> next_request_ = 1;
};

}  // namespace ec2sim::server

#endif  // EC2SIM_SERVER_IDENTITY_ENDPOINT_H_
