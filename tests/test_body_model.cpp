#include <doctest/doctest.h>
#include <strideload/body_model.hpp>

using namespace strideload;

TEST_CASE("body model: segment masses add up to the body; mass above L5/S1 is 0.50–0.55") {
  for (Sex sex : {Sex::male, Sex::female}) {
    Runner r;
    r.sex = sex;
    const auto runner = make_runner_model(r);
    const auto b = make_body_model(runner);
    const double total = 2 * (b.foot.mass + b.shank.mass + b.thigh.mass + b.upper_arm.mass + b.forearm.mass) +
                         b.pelvis.mass + b.trunk.mass + b.head.mass;
    CHECK(total == doctest::Approx(runner.mass).epsilon(0.002));
    CHECK(b.mass_above_l5s1 / runner.mass > 0.50);
    CHECK(b.mass_above_l5s1 / runner.mass < 0.55);
  }
}

TEST_CASE("body model: splitting the lower trunk at L5/S1 keeps its mass, COM and inertia") {
  const auto runner = make_runner_model(Runner{});
  const auto b = make_body_model(runner);
  const SegmentRow lower = de_leva(Sex::male, Segment::lower_trunk);
  const double length = length_fraction(Sex::male, Segment::lower_trunk) * 1.75;
  CHECK(b.pelvis.length == doctest::Approx(l5s1_fraction_of_lower_trunk * length));
  // The slice above L5/S1 went into the trunk: recombine and compare with de Leva's lower trunk.
  const double slice_mass = (1 - l5s1_fraction_of_lower_trunk) * lower.mass_fraction * 70;
  const double slice_com = b.pelvis.length + 0.5 * (length - b.pelvis.length);
  const double com = (b.pelvis.mass * b.pelvis.com + slice_mass * slice_com) / (b.pelvis.mass + slice_mass);
  CHECK(b.pelvis.mass + slice_mass == doctest::Approx(lower.mass_fraction * 70));
  CHECK(com == doctest::Approx((1 - lower.com_fraction) * length));
}

TEST_CASE("body model: L5/S1 about 10 cm above the hips; shoulder below C7") {
  const auto b = make_body_model(make_runner_model(Runner{}));
  CHECK(b.pelvis.length == doctest::Approx(0.101).epsilon(0.05));
  CHECK(b.shoulder < b.trunk.length);
  CHECK(b.shoulder > 0.8 * b.trunk.length);
}
