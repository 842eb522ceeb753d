#include <doctest/doctest.h>
#include <strideload/anthropometry.hpp>

using namespace strideload;

TEST_CASE("anthropometry: de Leva's whole-body segments sum to 100 % of body mass") {
  for (Sex sex : {Sex::male, Sex::female}) {
    // head + trunk + 2 × (upper arm, forearm, hand, thigh, shank, foot)
    double sum = de_leva(sex, Segment::head).mass_fraction + de_leva(sex, Segment::trunk).mass_fraction;
    for (Segment s : {Segment::upper_arm, Segment::forearm, Segment::hand, Segment::thigh,
                      Segment::shank, Segment::foot})
      sum += 2.0 * de_leva(sex, s).mass_fraction;
    CHECK(sum == doctest::Approx(1.0).epsilon(0.002));
  }
}

TEST_CASE("anthropometry: the trunk's three parts make up the trunk") {
  for (Sex sex : {Sex::male, Sex::female}) {
    const double parts = de_leva(sex, Segment::upper_trunk).mass_fraction +
                         de_leva(sex, Segment::middle_trunk).mass_fraction +
                         de_leva(sex, Segment::lower_trunk).mass_fraction;
    CHECK(parts == doctest::Approx(de_leva(sex, Segment::trunk).mass_fraction).epsilon(0.005));
  }
}

TEST_CASE("anthropometry: foot length fraction of stature (258.1/1741 male, 228.3/1735 female)") {
  CHECK(length_fraction(Sex::male, Segment::foot) == doctest::Approx(0.14825).epsilon(1e-4));
  CHECK(length_fraction(Sex::female, Segment::foot) == doctest::Approx(0.13159).epsilon(1e-4));
}
