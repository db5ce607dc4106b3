// model::IdMap: lookups by id, creation-order iteration, and ids kept inside the index.
#include "sim/model/id_map.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ec2sim::model {
namespace {

struct Thing {
  std::string id;
  int n = 0;
};

template <typename Map>
std::vector<int> Order(const Map& map) {
  std::vector<int> out;
  for (const Thing& t : map.values()) out.push_back(t.n);
  return out;
}

TEST(IdMap, FindsByIdAndIteratesInCreationOrder) {
  IdMap<Thing, InlineId> map;
  for (int n : {3, 1, 2}) {
    Thing t{"i-0000000000000000" + std::to_string(n), n};
    map.Insert(t.id, std::move(t));  // the id is read before the value moves
  }
  ASSERT_NE(map.Find("i-00000000000000001"), nullptr);
  EXPECT_EQ(map.Find("i-00000000000000001")->n, 1);
  EXPECT_EQ(map.Find("i-00000000000000001")->id, "i-00000000000000001");
  EXPECT_EQ(map.Find("i-00000000000000004"), nullptr);
  EXPECT_EQ(Order(map), (std::vector<int>{3, 1, 2}));
  EXPECT_TRUE(map.Erase("i-00000000000000001"));
  EXPECT_FALSE(map.Erase("i-00000000000000001"));
  EXPECT_EQ(map.Find("i-00000000000000001"), nullptr);
  EXPECT_EQ(Order(map), (std::vector<int>{3, 2}));
  EXPECT_EQ(map.size(), 2u);
}

TEST(IdMap, AnIdLongerThanAnyDrawnIsSimplyNotFound) {
  IdMap<Thing, InlineId> map;
  Thing t{"eipassoc-0123456789abcdef0", 1};  // the longest shape the simulator draws, 26
  map.Insert(t.id, std::move(t));
  EXPECT_NE(map.Find("eipassoc-0123456789abcdef0"), nullptr);
  std::string long_id(200, 'a');
  EXPECT_EQ(map.Find(long_id), nullptr);
  EXPECT_FALSE(map.Erase(long_id));
}

TEST(IdMap, StringKeysTakeAnyLength) {
  IdMap<Thing> map;  // key pairs are keyed by names of up to 255 characters
  std::string name(255, 'k');
  Thing t{name, 7};
  map.Insert(t.id, std::move(t));
  ASSERT_NE(map.Find(name), nullptr);
  EXPECT_EQ(map.Find(name)->n, 7);
}

TEST(IdMap, PointersStayValidAsTheMapGrowsAndMoves) {
  IdMap<Thing, InlineId> map;
  Thing first{"vol-00000000000000000", 0};
  Thing* p = &map.Insert(first.id, std::move(first));
  for (int n = 1; n < 1000; ++n) {
    Thing t{"vol-" + std::string(17 - std::to_string(n).size(), '0') + std::to_string(n), n};
    map.Insert(t.id, std::move(t));
  }
  EXPECT_EQ(map.Find("vol-00000000000000000"), p);
  IdMap<Thing, InlineId> moved = std::move(map);
  EXPECT_EQ(moved.Find("vol-00000000000000000"), p);
  EXPECT_EQ(moved.Find("vol-00000000000000999")->n, 999);
}

}  // namespace
}  // namespace ec2sim::model
