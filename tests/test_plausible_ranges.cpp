#include <doctest/doctest.h>
#include <strideload/plausible_ranges.hpp>
#include <strideload/typical_form.hpp>

using namespace strideload;

TEST_CASE("plausible ranges: each range is ordered and holds the typical value") {
  for (const Range& r : {ranges::body_mass, ranges::height, ranges::speed, ranges::cadence,
                         ranges::stride_length, ranges::landing, ranges::pelvic_tilt,
                         ranges::trunk_lean, ranges::surface_stiffness, ranges::shoe_stiffness}) {
    CAPTURE(r.parameter);
    CHECK(r.min < r.max);
  }
  CHECK_FALSE(check_range(ranges::speed, typical::speed));
  CHECK_FALSE(check_range(ranges::cadence, typical::cadence_spm(3.0)));
  CHECK_FALSE(check_range(ranges::pelvic_tilt, typical::pelvic_tilt_deg));
  CHECK_FALSE(check_range(ranges::trunk_lean, typical::trunk_lean_deg));
}
