// The built-in list of world cities a learner can name as a client location (data/cities.csv):
// more than 300 cities on every continent, including every Korean metropolitan city.
#ifndef EC2SIM_MODEL_LATENCY_CITIES_H_
#define EC2SIM_MODEL_LATENCY_CITIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "sim/model/latency/geo.h"

namespace ec2sim::latency {

struct City {
  std::string name;     // "Seoul"
  std::string country;  // ISO 3166-1 alpha-2, "KR"
  LatLon pos;
  std::vector<std::string> aliases;  // "서울", "Seoul-si"
};

// Every city, in file order.
const std::vector<City>& Cities();

// The city whose name or alias equals `text` ignoring ASCII case and surrounding spaces; also
// accepts "Name, CC" with the country code. nullptr when there is none.
const City* FindCity(std::string_view text);

// The listed city nearest to `pos` if it is at most `max_km` away, else nullptr.
const City* NearestCity(LatLon pos, double max_km);

// Up to `limit` city names closest in spelling to `text` (edit distance on lowercased names and
// aliases, nearest first): never empty for a non-empty list, so an error can always suggest.
std::vector<std::string> SimilarCityNames(std::string_view text, int limit = 3);

}  // namespace ec2sim::latency

#endif  // EC2SIM_MODEL_LATENCY_CITIES_H_
