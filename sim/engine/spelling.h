// "Did you mean" support: ranking known names by how close they are to what was typed.
#ifndef EC2SIM_ENGINE_SPELLING_H_
#define EC2SIM_ENGINE_SPELLING_H_

#include <string>
#include <string_view>
#include <vector>

namespace ec2sim::engine {

// Levenshtein distance (insertions, deletions, substitutions), case-sensitive.
int EditDistance(std::string_view a, std::string_view b);

// Up to `limit` candidates closest to `text`, nearest first, ties in candidate order. Only
// candidates within max(2, |text| / 3) edits are returned, so nonsense gets no suggestion.
std::vector<std::string> ClosestMatches(std::string_view text,
                                        const std::vector<std::string>& candidates, int limit = 3);

// " (did you mean A, B?)" or "" when nothing is close.
std::string DidYouMean(std::string_view text, const std::vector<std::string>& candidates);

}  // namespace ec2sim::engine

#endif  // EC2SIM_ENGINE_SPELLING_H_
