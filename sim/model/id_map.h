// A map from resource id to resource that iterates in creation order, so Describe* answers and
// everything derived from them are deterministic and read like AWS's (oldest first).
#ifndef EC2SIM_MODEL_ID_MAP_H_
#define EC2SIM_MODEL_ID_MAP_H_

#include <cstdint>
#include <map>
#include <ranges>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ec2sim::model {

template <typename T>
class IdMap {
 public:
  // Inserts under a new id. Precondition: the id is not present. `value` is taken by rvalue
  // reference so that `Insert(x.id, std::move(x))` copies the id before anything moves.
  T& Insert(std::string id, T&& value) {
    std::uint64_t seq = next_++;
    index_.emplace(std::move(id), seq);
    return by_seq_.emplace(seq, std::move(value)).first->second;
  }
  T* Find(std::string_view id) {
    auto it = index_.find(std::string(id));
    return it == index_.end() ? nullptr : &by_seq_.at(it->second);
  }
  const T* Find(std::string_view id) const {
    auto it = index_.find(std::string(id));
    return it == index_.end() ? nullptr : &by_seq_.at(it->second);
  }
  bool Erase(std::string_view id) {
    auto it = index_.find(std::string(id));
    if (it == index_.end()) return false;
    by_seq_.erase(it->second);
    index_.erase(it);
    return true;
  }
  std::size_t size() const { return by_seq_.size(); }
  bool empty() const { return by_seq_.empty(); }
  // Values in creation order.
  auto values() { return std::views::values(by_seq_); }
  auto values() const { return std::views::values(by_seq_); }

 private:
  std::map<std::uint64_t, T> by_seq_;
  std::unordered_map<std::string, std::uint64_t> index_;
  std::uint64_t next_ = 0;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_ID_MAP_H_
