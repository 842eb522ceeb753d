#include <doctest/doctest.h>
#include <strideload/units.hpp>

using namespace strideload;

TEST_CASE("units: cadence converts between steps per minute and Hz") {
  const auto c = steps_per_minute(180.0);
  CHECK(c.value() == doctest::Approx(3.0));
  CHECK(in_steps_per_minute(c) == doctest::Approx(180.0));
}

TEST_CASE("units: degrees and stiffness round-trip") {
  CHECK(degrees(180.0).value() == doctest::Approx(3.14159265358979));
  CHECK(in_degrees(degrees(17.5)) == doctest::Approx(17.5));
  CHECK(kilonewtons_per_metre(10.0).value() == doctest::Approx(10000.0));
  CHECK(in_kilonewtons_per_metre(kilonewtons_per_metre(21.3)) == doctest::Approx(21.3));
}
