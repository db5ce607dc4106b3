// The EC2 API model that drives the Query protocol codec: operations, their input and output
// shapes, and each member's names on the wire. It is loaded from botocore's EC2 service model,
// trimmed by tools/trim_ec2_model.py to the actions ec2sim implements and embedded in the binary.
//
// Three names matter for every structure member (ec2-semantics.md §2.1, §2.4):
//   name       - the boto3/JSON name the action table speaks ("InstanceIds")
//   query_name - the request parameter name ("InstanceId", flattened as "InstanceId.1")
//   xml_name   - the response element name ("instancesSet")
#ifndef EC2SIM_WIRE_SERVICE_MODEL_H_
#define EC2SIM_WIRE_SERVICE_MODEL_H_

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ec2sim/result.h"

namespace ec2sim::wire {

enum class ShapeType {
  kStructure,
  kList,
  kString,
  kInteger,
  kLong,
  kBoolean,
  kTimestamp,
  kBlob,
  kDouble,
  kFloat,
};

struct Shape;

struct Member {
  std::string name;
  std::string query_name;
  std::string xml_name;
  const Shape* shape = nullptr;
  // "<xml_name>" and "</xml_name>", ready for the encoder.
  std::string open_tag;
  std::string close_tag;
};

struct Shape {
  std::string name;
  ShapeType type = ShapeType::kString;
  // kStructure: members in model order.
  std::vector<Member> members;
  // kList: the element shape and the XML element of each element ("item" in EC2).
  const Shape* item = nullptr;
  std::string item_xml_name = "item";
  std::string item_open = "<item>";
  std::string item_close = "</item>";
  bool flattened = false;

  // The member with this boto3 name, or nullptr.
  const Member* FindMember(std::string_view boto_name) const;
  // The member with this request parameter name, or nullptr.
  const Member* FindQueryMember(std::string_view query_name) const;

  // Indexes into `members`, filled by ServiceModel::Parse. by_name iterates in the order of
  // nlohmann::json objects (std::less on the name), which the encoder relies on.
  std::map<std::string, std::size_t, std::less<>> by_name;
  std::map<std::string, std::size_t, std::less<>> by_query_name;
};

struct Operation {
  std::string name;
  const Shape* input = nullptr;   // nullptr when the operation takes no parameters
  const Shape* output = nullptr;  // nullptr when the response carries only <return>
};

class ServiceModel {
 public:
  // Parses a trimmed (or full) botocore service model. Errors: kSimInvalidInput naming the
  // problem (JSON syntax, a shape reference that does not resolve, an unknown shape type).
  static Result<std::unique_ptr<ServiceModel>> Parse(std::string_view json_text);
  // The embedded EC2 model (sim/wire/data/ec2-2016-11-15.json), parsed once. Thread-safe.
  static const ServiceModel& Ec2();

  // The operation, or nullptr when the model does not have it.
  const Operation* FindOperation(std::string_view name) const;
  std::vector<std::string> OperationNames() const;

  // "2016-11-15".
  const std::string& api_version() const { return api_version_; }
  // The namespace of every response element, with its final "/".
  const std::string& xml_namespace() const { return xml_namespace_; }

 private:
  ServiceModel() = default;

  std::string api_version_;
  std::string xml_namespace_;
  std::map<std::string, std::unique_ptr<Shape>, std::less<>> shapes_;
  std::map<std::string, Operation, std::less<>> operations_;
};

}  // namespace ec2sim::wire

#endif  // EC2SIM_WIRE_SERVICE_MODEL_H_
