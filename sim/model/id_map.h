// A map from resource id to resource that iterates in creation order, so Describe* answers and
// everything derived from them are deterministic and read like AWS's (oldest first).
#ifndef EC2SIM_MODEL_ID_MAP_H_
#define EC2SIM_MODEL_ID_MAP_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace ec2sim::model {

template <typename T>
class IdMap {
 public:
  IdMap() = default;
  // The index points into the value map, so a copy would point into the original.
  IdMap(const IdMap&) = delete;
  IdMap& operator=(const IdMap&) = delete;
  IdMap(IdMap&&) = default;
  IdMap& operator=(IdMap&&) = default;

  // Inserts under a new id. Precondition: the id is not present. `value` is taken by rvalue
  // reference so that `Insert(x.id, std::move(x))` copies the id before anything moves.
  T& Insert(std::string id, T&& value) {
    std::uint64_t seq = next_++;
    T& stored = by_seq_.emplace(seq, std::move(value)).first->second;
    index_.emplace(std::move(id), Slot{seq, &stored});
    return stored;
  }
  T* Find(std::string_view id) {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : it->second.value;
  }
  const T* Find(std::string_view id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : it->second.value;
  }
  bool Erase(std::string_view id) {
    auto it = index_.find(id);
    if (it == index_.end()) return false;
    by_seq_.erase(it->second.seq);
    index_.erase(it);
    return true;
  }
  std::size_t size() const { return by_seq_.size(); }
  bool empty() const { return by_seq_.empty(); }
  // Values in creation order, for range-for. (A small view of its own rather than
  // std::views::values, which clang 14 cannot compile against libstdc++ 12's <ranges>; the
  // sanitizer and fuzz builds use that clang.)
  template <typename Map>
  class ValuesView {
   public:
    using MapIt = decltype(std::declval<Map&>().begin());
    class Iterator {
     public:
      explicit Iterator(MapIt it) : it_(it) {}
      auto& operator*() const { return it_->second; }
      Iterator& operator++() {
        ++it_;
        return *this;
      }
      bool operator==(const Iterator& other) const { return it_ == other.it_; }

     private:
      MapIt it_;
    };
    explicit ValuesView(Map& map) : map_(map) {}
    Iterator begin() const { return Iterator(map_.begin()); }
    Iterator end() const { return Iterator(map_.end()); }

   private:
    Map& map_;
  };
  ValuesView<std::map<std::uint64_t, T>> values() {
    return ValuesView<std::map<std::uint64_t, T>>(by_seq_);
  }
  ValuesView<const std::map<std::uint64_t, T>> values() const {
    return ValuesView<const std::map<std::uint64_t, T>>(by_seq_);
  }

 private:
  // Map nodes never move, so the index can point straight at the values: a lookup is one hash
  // probe, not a hash probe and a tree walk.
  std::map<std::uint64_t, T> by_seq_;
  struct Slot {
    std::uint64_t seq;
    T* value;
  };
  // Hashes string_views like strings, so Find(string_view) looks up without building a string.
  struct IdHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
  };
  std::unordered_map<std::string, Slot, IdHash, std::equal_to<>> index_;
  std::uint64_t next_ = 0;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_ID_MAP_H_
