#include "sim/api/account_permissions.h"

#include <algorithm>

namespace ec2sim::api {

Status CheckAccountIds(const std::vector<std::string>& users) {
  for (const std::string& user : users) {
    bool digits = user.size() == 12 && std::all_of(user.begin(), user.end(),
                                                   [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) {
      return MakeError(
          ErrorCode::kInvalidParameterValue,
          "Value (" + user + ") for parameter userId is invalid: an account ID has 12 digits.");
    }
  }
  return OkStatus();
}

void ApplyAccountPermissions(const AccountPermissionChange& change, bool add,
                             std::set<std::string>& users, bool& everyone) {
  for (const std::string& user : change.users) {
    if (add) {
      users.insert(user);
    } else {
      users.erase(user);
    }
  }
  if (change.all) everyone = add;
}

}  // namespace ec2sim::api
