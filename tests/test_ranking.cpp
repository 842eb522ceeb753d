#include <doctest/doctest.h>
#include <strideload/ranking.hpp>

#include <string>

using namespace strideload;

TEST_CASE("ranking: every candidate is analysed, best first, with both estimates") {
  const Ranking r = rank_changes(Runner{}, Form{});
  // Default form: rearfoot, asphalt, cushioned: 7 + 2 strikes + 4 surfaces + 2 shoes.
  CHECK(r.changes.size() + r.refused.size() == 15);
  for (std::size_t i = 1; i < r.changes.size(); ++i)
    CHECK(r.changes[i - 1].peak_compression_pct <= r.changes[i].peak_compression_pct);
  for (const RankedChange& c : r.changes) {
    CAPTURE(c.label);
    CHECK(std::string(c.basis.extrapolated).find("L5/S1") != std::string::npos);
    const bool continuous = c.change.parameter != FormParameter::strike &&
                            !(c.change.parameter == FormParameter::shoe && c.change.shoe == ShoePreset::barefoot);
    CHECK(c.linear_peak_compression_pct.has_value() == continuous);
  }
}

TEST_CASE("ranking: for small continuous changes the gradient's estimate is close to the full analysis") {
  const Ranking r = rank_changes(Runner{}, Form{});
  for (const RankedChange& c : r.changes) {
    if (c.change.parameter != FormParameter::pelvic_tilt && c.change.parameter != FormParameter::trunk_lean) continue;
    CAPTURE(c.label);
    REQUIRE(c.linear_peak_compression_pct.has_value());
    // ±5° is small for these smooth effects: within a fifth of the effect or 1 percentage point.
    CHECK(std::abs(*c.linear_peak_compression_pct - c.peak_compression_pct) <=
          std::max(0.2 * std::abs(c.peak_compression_pct), 1.0));
  }
}

TEST_CASE("ranking: the same directions as the what-if comparisons") {
  const Ranking r = rank_changes(Runner{}, Form{});
  auto find = [&](const std::string& label) -> const RankedChange& {
    for (const auto& c : r.changes)
      if (c.label == label) return c;
    FAIL("no candidate " << label);
    return r.changes.front();
  };
  // Mechanics: an upright trunk shortens the upper body's lever arm about L5/S1.
  CHECK(find("trunk-lean=-5").peak_compression_pct < 0.0);
  CHECK(find("trunk-lean=+5").peak_compression_pct > 0.0);
  // Cadence at the same speed: more steps per km, each with less impulse.
  CHECK(find("cadence=+10%").moved.size() >= 2);  // stride length and landing move with it
}
