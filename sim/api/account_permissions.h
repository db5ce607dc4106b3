// What snapshot and image sharing have in common: a change that grants or revokes the use of a
// resource to accounts by id and to everyone (the group "all"), as CreateVolumePermission and
// LaunchPermission both say it.
#ifndef EC2SIM_API_ACCOUNT_PERMISSIONS_H_
#define EC2SIM_API_ACCOUNT_PERMISSIONS_H_

#include <set>
#include <string>
#include <vector>

#include "ec2sim/result.h"

namespace ec2sim::api {

// One direction (Add or Remove) of a permission change.
struct AccountPermissionChange {
  std::vector<std::string> users;  // account ids
  bool all = false;                // the group "all"
};

// kInvalidParameterValue unless every id is an account id of 12 digits.
Status CheckAccountIds(const std::vector<std::string>& users);

// Grants (`add`) or revokes the change on a resource's set of accounts and its public flag.
void ApplyAccountPermissions(const AccountPermissionChange& change, bool add,
                             std::set<std::string>& users, bool& everyone);

}  // namespace ec2sim::api

#endif  // EC2SIM_API_ACCOUNT_PERMISSIONS_H_
