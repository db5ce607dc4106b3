#include "sim/model/latency/cities.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "sim/engine/ascii.h"
#include "sim/engine/spelling.h"
#include "sim/model/csv.h"

extern const char kEc2simLatencyCitiesCsv[];

namespace ec2sim::latency {
namespace {

double ParseCoordinate(const std::string& text) {
  double v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size()) {
    std::fprintf(stderr, "embedded cities.csv: bad coordinate '%s'\n", text.c_str());
    std::abort();
  }
  return v;
}

std::vector<City> LoadCities() {
  std::vector<City> out;
  for (const auto& row : model::ReadEmbeddedCsv(kEc2simLatencyCitiesCsv, "cities.csv")) {
    City city{row[0], row[1], {ParseCoordinate(row[2]), ParseCoordinate(row[3])}, {}};
    std::string_view aliases = row[4];
    while (!aliases.empty()) {
      size_t semi = aliases.find(';');
      std::string_view alias = aliases.substr(0, semi);
      if (!alias.empty()) city.aliases.emplace_back(alias);
      aliases.remove_prefix(semi == std::string_view::npos ? aliases.size() : semi + 1);
    }
    out.push_back(std::move(city));
  }
  return out;
}

bool NameMatches(const City& city, std::string_view lowered) {
  if (engine::AsciiLower(city.name) == lowered) return true;
  return std::any_of(city.aliases.begin(), city.aliases.end(),
                     [&](const std::string& a) { return engine::AsciiLower(a) == lowered; });
}

}  // namespace

const std::vector<City>& Cities() {
  static const std::vector<City> kCities = LoadCities();
  return kCities;
}

const City* FindCity(std::string_view text) {
  std::string wanted = engine::AsciiLower(engine::TrimBlanks(text));
  std::string country;
  size_t comma = wanted.rfind(',');
  if (comma != std::string::npos) {
    country = engine::AsciiLower(engine::TrimBlanks(std::string_view(wanted).substr(comma + 1)));
    wanted = std::string(engine::TrimBlanks(std::string_view(wanted).substr(0, comma)));
  }
  for (const City& city : Cities()) {
    if (!country.empty() && engine::AsciiLower(city.country) != country) continue;
    if (NameMatches(city, wanted)) return &city;
  }
  return nullptr;
}

const City* NearestCity(LatLon pos, double max_km) {
  const City* best = nullptr;
  double best_km = max_km;
  for (const City& city : Cities()) {
    double km = GreatCircleKm(pos, city.pos);
    if (km <= best_km) {
      best_km = km;
      best = &city;
    }
  }
  return best;
}

std::vector<std::string> SimilarCityNames(std::string_view text, int limit) {
  std::string wanted = engine::AsciiLower(engine::TrimBlanks(text));
  // Score each city by its closest spelling; a name that starts with what was typed counts as
  // close, so "Seo" suggests Seoul.
  std::vector<std::pair<int, size_t>> scored;
  const auto& cities = Cities();
  for (size_t i = 0; i < cities.size(); ++i) {
    std::string name = engine::AsciiLower(cities[i].name);
    int best = engine::EditDistance(wanted, name);
    if (!wanted.empty() && name.rfind(wanted, 0) == 0) best = 0;
    for (const std::string& alias : cities[i].aliases) {
      best = std::min(best, engine::EditDistance(wanted, engine::AsciiLower(alias)));
    }
    scored.emplace_back(best, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> out;
  for (size_t i = 0; i < scored.size() && static_cast<int>(i) < limit; ++i) {
    out.push_back(cities[scored[i].second].name);
  }
  return out;
}

}  // namespace ec2sim::latency
