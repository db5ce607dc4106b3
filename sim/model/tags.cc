#include "sim/model/tags.h"

namespace ec2sim::model {

void MergeTags(TagList& tags, const TagList& add) {
  for (const Tag& t : add) {
    bool replaced = false;
    for (Tag& existing : tags) {
      if (existing.key == t.key) {
        existing.value = t.value;
        replaced = true;
        break;
      }
    }
    if (!replaced) tags.push_back(t);
  }
}

}  // namespace ec2sim::model
