// Tags as EC2 keeps them on every taggable resource.
#ifndef EC2SIM_MODEL_TAGS_H_
#define EC2SIM_MODEL_TAGS_H_

#include <string>
#include <vector>

namespace ec2sim::model {

struct Tag {
  std::string key;
  std::string value;
};
using TagList = std::vector<Tag>;  // insertion order, unique keys

// Sets or replaces tags in order (CreateTags semantics).
void MergeTags(TagList& tags, const TagList& add);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_TAGS_H_
