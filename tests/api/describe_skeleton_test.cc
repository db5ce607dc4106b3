// The Describe skeleton of sim/api/describe.h on its own: ids, filters, paging and the rule
// against a page size next to ids, over a small list of made-up items.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/api/describe.h"

namespace ec2sim::api {
namespace {

struct Item {
  std::string id;
  std::string color;
  std::vector<std::string> sizes;
  model::TagList tags;
};

using IdList = std::vector<std::string>;

DescribeQuery Query(IdList ids, std::vector<Filter> filters = {},
                    std::optional<std::int64_t> max_results = std::nullopt,
                    std::optional<std::string> next_token = std::nullopt) {
  DescribeQuery query;
  query.ids = std::move(ids);
  query.filters = std::move(filters);
  query.max_results = max_results;
  query.next_token = std::move(next_token);
  return query;
}

class DescribeSkeleton : public ::testing::Test {
 protected:
  DescribeSkeleton() {
    items_ = {{"x-1", "red", {"s", "m"}, {{"team", "a"}}},
              {"x-2", "blue", {"m"}, {{"team", "b"}}},
              {"x-3", "red", {"l"}, {}},
              {"x-4", "green", {"s"}, {{"team", "a"}}},
              {"x-5", "blue", {}, {}},
              {"x-6", "red", {"m"}, {}},
              {"x-7", "red", {"xl"}, {}}};
    schema_.fields["item-id"] = [](const Item& i) { return std::vector<std::string>{i.id}; };
    schema_.fields["color"] = [](const Item& i) { return std::vector<std::string>{i.color}; };
    schema_.fields["size"] = [](const Item& i) { return i.sizes; };
    schema_.tags = [](const Item& i) -> const model::TagList& { return i.tags; };
    spec_.schema = &schema_;
    spec_.id_of = IdMember<Item, &Item::id>;
  }

  // The ids on the page, or the error's code and message.
  std::vector<std::string> Ids(const DescribeQuery& query) {
    Result<DescribedPage<Item>> page = DescribePage(scope_, items_, query, spec_);
    if (!page.ok()) return {std::string(AwsCode(page.error().code)), page.error().message};
    std::vector<std::string> ids;
    for (const Item* item : page->items) ids.push_back(item->id);
    return ids;
  }

  std::vector<Item> items_;
  FilterSchema<Item> schema_;
  DescribeSpec<Item> spec_;
  model::Scope scope_;
};

TEST_F(DescribeSkeleton, WithoutIdsOrFiltersListsEverythingInOrder) {
  EXPECT_EQ(Ids(Query({})), (IdList{"x-1", "x-2", "x-3", "x-4", "x-5", "x-6", "x-7"}));
}

TEST_F(DescribeSkeleton, IdsSelectTheItemsNamedInListOrder) {
  EXPECT_EQ(Ids(Query({"x-6", "x-2"})), (IdList{"x-2", "x-6"}));
}

TEST_F(DescribeSkeleton, UnknownIdsAreTheKindsNotFound) {
  // The scope holds no VPC at all, so every VPC id is unknown.
  spec_.kind = &model::KindInfo(model::Kind::kVpc);
  EXPECT_EQ(
      Ids(Query({"vpc-1a2b3c4d", "vpc-5e6f7a8b"})),
      (IdList{"InvalidVpcID.NotFound", "The vpc IDs 'vpc-1a2b3c4d, vpc-5e6f7a8b' do not exist"}));
}

TEST_F(DescribeSkeleton, CheckIdsReplacesTheKindsCheck) {
  spec_.kind = &model::KindInfo(model::Kind::kVpc);
  spec_.check_ids = [] { return OkStatus(); };
  EXPECT_EQ(Ids(Query({"x-1"})), (IdList{"x-1"}));
}

TEST_F(DescribeSkeleton, FiltersAndWhileTheValuesOfOneFilterOr) {
  EXPECT_EQ(Ids(Query({}, {{"color", {"blue", "green"}}})), (IdList{"x-2", "x-4", "x-5"}));
  EXPECT_EQ(Ids(Query({}, {{"color", {"red"}}, {"size", {"m", "l"}}})),
            (IdList{"x-1", "x-3", "x-6"}));
  EXPECT_EQ(Ids(Query({}, {{"tag:team", {"a"}}, {"color", {"g*"}}})), (IdList{"x-4"}));
}

TEST_F(DescribeSkeleton, IdsAndFiltersBothNarrow) {
  EXPECT_EQ(Ids(Query({"x-1", "x-2", "x-3"}, {{"color", {"red"}}})), (IdList{"x-1", "x-3"}));
}

TEST_F(DescribeSkeleton, AnUnknownFilterIsRefused) {
  EXPECT_EQ(Ids(Query({}, {{"colour", {"red"}}})),
            (IdList{"InvalidParameterValue", "The filter 'colour' is invalid"}));
}

TEST_F(DescribeSkeleton, PagesWalkEveryItemOnce) {
  DescribeQuery query = Query({}, {}, 3);
  IdList seen;
  std::vector<std::string> tokens;
  for (int guard = 0; guard < 10; ++guard) {
    Result<DescribedPage<Item>> page = DescribePage(scope_, items_, query, spec_);
    ASSERT_TRUE(page.ok());
    for (const Item* item : page->items) seen.push_back(item->id);
    if (page->next_token.empty()) break;
    tokens.push_back(page->next_token);
    query.next_token = page->next_token;
  }
  EXPECT_EQ(seen, (IdList{"x-1", "x-2", "x-3", "x-4", "x-5", "x-6", "x-7"}));
  EXPECT_EQ(tokens, (std::vector<std::string>{"ec2sim-page-3", "ec2sim-page-6"}));
}

TEST_F(DescribeSkeleton, PagesCountTheFilteredItems) {
  DescribeQuery query = Query({}, {{"color", {"red"}}}, 3);
  EXPECT_EQ(Ids(query), (IdList{"x-1", "x-3", "x-6"}));
  query.next_token = "ec2sim-page-3";
  EXPECT_EQ(Ids(query), (IdList{"x-7"}));
}

TEST_F(DescribeSkeleton, AForeignTokenIsRefused) {
  EXPECT_EQ(Ids(Query({}, {}, std::nullopt, "page-2")),
            (IdList{"InvalidParameterValue", "Unable to parse pagination token 'page-2'"}));
}

TEST_F(DescribeSkeleton, APageSizeWithIdsIsRefusedWhereTheActionSaysSo) {
  DescribeQuery query = Query({"x-1"}, {}, 5);
  EXPECT_EQ(Ids(query), (IdList{"x-1"}));
  spec_.page_size_excludes_ids = PageSizeExcludesIds{"instancesSet", "maxResults"};
  EXPECT_EQ(Ids(query),
            (IdList{"InvalidParameterCombination",
                    "The parameter instancesSet cannot be used with the parameter maxResults"}));
  // Ids alone, or a page size alone, are fine.
  EXPECT_EQ(Ids(Query({"x-1"})), (IdList{"x-1"}));
  EXPECT_EQ(Ids(Query({}, {}, 5)).size(), 5u);
  // Other selectors (names) count as ids.
  spec_.other_selectors = true;
  EXPECT_EQ(Ids(Query({}, {}, 5))[0], "InvalidParameterCombination");
}

TEST_F(DescribeSkeleton, RequestedAndAlsoSelectBeforeTheFilters) {
  spec_.requested = [](const Item& i) { return i.color != "green"; };
  spec_.also = [](const Item& i) { return !i.sizes.empty(); };
  EXPECT_EQ(Ids(Query({"x-1"}, {{"size", {"m", "l", "xl"}}})),
            (IdList{"x-1", "x-2", "x-3", "x-6", "x-7"}));
}

TEST_F(DescribeSkeleton, ListsUnderTheMemberWithATokenOnlyWhenMoreFollow) {
  auto render = [](const Item& i) { return json{{"Id", i.id}}; };
  Result<json> first = DescribeList(scope_, items_, Query({}, {}, 6), spec_, "Items", render);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ((*first)["Items"].size(), 6u);
  EXPECT_EQ((*first)["NextToken"], "ec2sim-page-6");
  Result<json> last =
      DescribeList(scope_, items_, Query({}, {}, 6, "ec2sim-page-6"), spec_, "Items", render);
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(*last, (json{{"Items", json::array({json{{"Id", "x-7"}}})}}));
}

TEST(ReadDescribeQuery, ReadsIdsFiltersAndPaging) {
  json request = {{"ThingIds", {"x-1"}},
                  {"Filters", json::array({json{{"Name", "color"}, {"Values", {"red"}}}})},
                  {"MaxResults", 7},
                  {"NextToken", "ec2sim-page-7"}};
  Params p(request);
  DescribeQuery query = ReadDescribeQuery(p, "ThingIds", PageSizeRange{5, 100});
  ASSERT_TRUE(p.Finish().ok());
  EXPECT_EQ(query.ids, (IdList{"x-1"}));
  ASSERT_EQ(query.filters.size(), 1u);
  EXPECT_EQ(query.filters[0].name, "color");
  EXPECT_EQ(query.max_results, 7);
  EXPECT_EQ(query.next_token, "ec2sim-page-7");
}

TEST(ReadDescribeQuery, AnUnpagedDescribeRefusesMaxResults) {
  json request = {{"MaxResults", 7}};
  Params p(request);
  DescribeQuery query = ReadDescribeQuery(p, "", std::nullopt);
  EXPECT_FALSE(query.max_results.has_value());
  Status finished = p.Finish();
  ASSERT_FALSE(finished.ok());
  EXPECT_EQ(finished.error().code, ErrorCode::kUnknownParameter);
}

}  // namespace
}  // namespace ec2sim::api
