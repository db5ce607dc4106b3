// A map from resource id to resource that iterates in creation order, so Describe* answers and
// everything derived from them are deterministic and read like AWS's (oldest first).
//
// Key is std::string, or for ids the simulator draws itself an InlineId: those fit inside the
// index node, so a lookup compares against memory it has already loaded instead of following
// the key's own heap buffer (a cache miss per lookup when there are many resources).
#ifndef EC2SIM_MODEL_ID_MAP_H_
#define EC2SIM_MODEL_ID_MAP_H_

#include <boost/static_string/static_string.hpp>
#include <cassert>
#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace ec2sim::model {

// Long enough for every id the simulator draws: the longest prefix, "eipassoc-", and 17 hex
// digits make 26 characters.
using InlineId = boost::static_strings::static_string<31>;

// The longest id a key type holds.
template <typename Key>
struct KeyCapacity {
  static constexpr std::size_t value = std::numeric_limits<std::size_t>::max();
};
template <std::size_t N>
struct KeyCapacity<boost::static_strings::static_string<N>> {
  static constexpr std::size_t value = N;
};

template <typename T, typename Key = std::string>
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
  // Precondition for InlineId keys: the id fits (at most 31 characters).
  T& Insert(std::string_view id, T&& value) {
    assert(id.size() <= kMaxKey);
    Key key(id.data(), id.size());  // before `value` moves: `id` may view a member of it
    std::uint64_t seq = next_++;
    T& stored = by_seq_.emplace(seq, std::move(value)).first->second;
    index_.emplace(std::move(key), Slot{seq, &stored});
    return stored;
  }
  T* Find(std::string_view id) {
    if (id.size() > kMaxKey) return nullptr;
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : it->second.value;
  }
  const T* Find(std::string_view id) const {
    if (id.size() > kMaxKey) return nullptr;
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : it->second.value;
  }
  bool Erase(std::string_view id) {
    if (id.size() > kMaxKey) return false;
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
  static constexpr std::size_t kMaxKey = KeyCapacity<Key>::value;
  static std::string_view View(const Key& key) { return {key.data(), key.size()}; }
  static std::string_view View(std::string_view id) { return id; }
  // Hash and compare keys and string_views alike, so Find(string_view) builds no key.
  struct IdHash {
    using is_transparent = void;
    template <typename K>
    std::size_t operator()(const K& id) const {
      return std::hash<std::string_view>{}(View(id));
    }
  };
  struct IdEq {
    using is_transparent = void;
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return View(a) == View(b);
    }
  };
  std::unordered_map<Key, Slot, IdHash, IdEq> index_;
  std::uint64_t next_ = 0;
};

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_ID_MAP_H_
