// The commercial AWS regions the simulator models, with their availability zones.
#ifndef EC2SIM_MODEL_REGIONS_H_
#define EC2SIM_MODEL_REGIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "sim/model/ip.h"

namespace ec2sim::model {

struct RegionInfo {
  std::string code;          // "ap-northeast-2"
  std::string display_name;  // "Asia Pacific (Seoul)"
  std::string city;
  double latitude = 0;  // degrees; coordinates are the only non-integer model data
  double longitude = 0;
  int az_count = 0;
  bool opt_in = false;               // launched after 2019-03-20: opt-in for real accounts
  std::string short_code;            // "apne2", the stem of AZ ids such as "apne2-az1"
  std::vector<Cidr4> public_blocks;  // where auto-assigned and Elastic IPs come from
};

// All 34 regions, in the order of regions.csv.
const std::vector<RegionInfo>& Regions();
// nullptr when `code` is not a region.
const RegionInfo* FindRegion(std::string_view code);

// "ap-northeast-2a" for index 0. Precondition: 0 <= index < az_count.
std::string AzName(const RegionInfo& region, int index);
// "apne2-az1" for index 0.
std::string AzId(const RegionInfo& region, int index);
// Index of an AZ name within its region, or -1.
int AzIndex(const RegionInfo& region, std::string_view az_name);

// Every region code, in the order of Regions().
const std::vector<std::string>& RegionCodes();

// Up to `limit` region codes closest in spelling to `text`, for "did you mean" messages.
std::vector<std::string> SimilarRegionCodes(std::string_view text, int limit = 3);

}  // namespace ec2sim::model

#endif  // EC2SIM_MODEL_REGIONS_H_
