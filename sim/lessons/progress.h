// The teacher's view of a class: which goals each learner's account meets, lesson by lesson.
#ifndef EC2SIM_SIM_LESSONS_PROGRESS_H_
#define EC2SIM_SIM_LESSONS_PROGRESS_H_

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ec2sim/backend.h"
#include "ec2sim/result.h"
#include "sim/lessons/catalog.h"

namespace ec2sim::lessons {

// Opens the backend that holds one account's state (for a server: the HTTP client's
// RemoteConnector::ForAccount). The account's goals are checked on it.
using BackendOpener = std::function<Result<std::shared_ptr<Backend>>(const std::string& account)>;

// Checks every exercise of every lesson for each account, in the order given:
// {"accounts": [{"account": ID, "met": N, "total": N,
//                "lessons": [{"lesson": N, "exercise": ID, "started": BOOL, "met": N,
//                             "total": N,
//                             "goals": {GOAL_ID: "met"|"missed"|"waiting"|"unavailable"}}]}]}.
// An exercise is started once the account meets a goal that an empty account does not (an
// empty account already meets "no forgotten Elastic IP"); until then its "met" is 0, so a lesson
// nobody began shows as not started rather than as partial credit.
// Errors: the first error of `open`.
Result<nlohmann::json> CollectProgress(const Course& course,
                                       const std::vector<std::string>& accounts,
                                       const BackendOpener& open);

}  // namespace ec2sim::lessons

#endif  // EC2SIM_SIM_LESSONS_PROGRESS_H_
