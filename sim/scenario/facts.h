// Key facts of a step's result for the teaching transcript: what a reader of the blog post the
// scenario retells would look for in the answer (the public IP, the Elastic IP's address, the
// state an instance went to, the invoice total), a few short lines per answer.
#ifndef EC2SIM_SIM_SCENARIO_FACTS_H_
#define EC2SIM_SIM_SCENARIO_FACTS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace ec2sim::scenario {

// At most this many lines for the items of one answer (instances, addresses, rules); one more
// line says how many were left out.
inline constexpr size_t kMaxFactItems = 8;

// The facts of `result`, the successful answer of `name`: an EC2 action ("DescribeInstances")
// or a verb ("bill"). Chosen from a table keyed by the name; empty for names it does not list
// and for answers without the fields it reads. Lines are raw text: the caller escapes them.
std::vector<std::string> KeyFacts(std::string_view name, const nlohmann::json& result);

// One instance of a RunInstances or DescribeInstances answer: "i-0abc running, t2.micro in
// ap-northeast-2a, public IP 3.35.120.7" ("no public IP", or "Elastic IP ..." when the address
// is an allocated one).
std::string InstanceFact(const nlohmann::json& instance);

// The string at `key` of an object, else "": answers from a remote server are not trusted to
// have any field, or its type.
std::string TextOf(const nlohmann::json& object, const char* key);
// The member `key` of an object, else null.
const nlohmann::json& MemberOf(const nlohmann::json& object, const char* key);

// "$0.41": a USD amount to the cent.
std::string Cents(double usd);

}  // namespace ec2sim::scenario

#endif  // EC2SIM_SIM_SCENARIO_FACTS_H_
