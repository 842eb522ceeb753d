#include <doctest/doctest.h>
#include <strideload/body_model.hpp>

using namespace strideload;

TEST_CASE("body model: segment masses add up to the body, mass above L5/S1 about half") {
  double above[2] = {0, 0};
  for (Sex sex : {Sex::male, Sex::female}) {
    Runner r;
    r.sex = sex;
    const auto runner = make_runner_model(r);
    const auto b = make_body_model(runner);
    const double total = 2 * (b.foot.mass + b.shank.mass + b.thigh.mass + b.upper_arm.mass + b.forearm.mass) +
                         b.pelvis.mass + b.trunk.mass + b.head.mass;
    CHECK(total == doctest::Approx(runner.mass).epsilon(0.002));
    above[sex == Sex::male ? 0 : 1] = b.mass_above_l5s1 / runner.mass;
  }
  // science.md §8: roughly 0.50–0.55 of body mass (a figure for men's proportions).
  CHECK(above[0] > 0.50);
  CHECK(above[0] < 0.55);
  // de Leva's (1996) women carry a larger share in the pelvis and thighs: the same split of the
  // same table gives a little less above L5/S1 (0.496), not more.
  CHECK(above[1] < above[0]);
  CHECK(above[1] > 0.47);
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

TEST_CASE("body model: L5/S1 about 10 cm above the hips, shoulder below C7") {
  for (Sex sex : {Sex::male, Sex::female}) {
    Runner r;
    r.sex = sex;
    const auto runner = make_runner_model(r);
    const auto b = make_body_model(runner);
    if (sex == Sex::male) CHECK(b.pelvis.length == doctest::Approx(0.101).epsilon(0.05).scale(0));
    // The shoulder joint (Winter's height) lies between C7 (the top of the trunk) and the
    // xiphisternal joint, where de Leva's upper trunk ends: two sources that must agree.
    const double xiphoid = b.trunk.length - length_fraction(sex, Segment::upper_trunk) * runner.height;
    CHECK(b.shoulder < b.trunk.length);
    CHECK(b.shoulder > xiphoid);
  }
}
