#include <doctest/doctest.h>
#include <strideload/body_about_l5s1.hpp>

#include <cmath>

using namespace strideload;

namespace {
const auto runner = make_runner_model(Runner{});
const auto body = make_body_model(runner);
const auto form = resolve_form(runner, Form{});

/// |a − b| against the size of b (or 1, for values near zero).
double off(double a, double b) { return std::abs(a - b) / std::max(1.0, std::abs(b)); }

void check_same(const BodyAboutL5S1<double>& a, const BodyAboutL5S1<double>& b) {
  CHECK(off(a.upper_mass_moment.x(), b.upper_mass_moment.x()) < 1e-12);
  CHECK(off(a.upper_mass_moment.y(), b.upper_mass_moment.y()) < 1e-12);
  CHECK(off(a.upper_momentum.x(), b.upper_momentum.x()) < 1e-12);
  CHECK(off(a.upper_momentum.y(), b.upper_momentum.y()) < 1e-12);
  CHECK(off(a.upper_mass_acceleration.x(), b.upper_mass_acceleration.x()) < 1e-12);
  CHECK(off(a.upper_mass_acceleration.y(), b.upper_mass_acceleration.y()) < 1e-12);
  CHECK(off(a.upper_moment, b.upper_moment) < 1e-12);
  CHECK(off(a.upper_inertia, b.upper_inertia) < 1e-12);
  CHECK(off(a.upper_spread_rate, b.upper_spread_rate) < 1e-12);
  CHECK(off(a.lower_mass_moment.x(), b.lower_mass_moment.x()) < 1e-12);
  CHECK(off(a.lower_mass_acceleration.y(), b.lower_mass_acceleration.y()) < 1e-12);
  CHECK(off(a.lower_moment, b.lower_moment) < 1e-12);
  CHECK(off(a.disc_normal.x(), b.disc_normal.x()) < 1e-12);
}
}  // namespace

TEST_CASE("body about L5/S1: turning the sums is the same as posing the turned body") {
  const auto shape = leg_shape(body, form);
  for (double t : {0.0, 0.07, 0.15, 0.31})
    for (AngleState<double> turn : {AngleState<double>{0.05, -0.8, 30.0}, AngleState<double>{-0.3, 2.0, -150.0}}) {
      CAPTURE(t);
      CAPTURE(turn.q);
      const auto turned = turn_upper_body(about_l5s1(body, body_pose(body, form, t, shape)), turn);
      check_same(turned, about_l5s1(body, body_pose(body, form, t, shape, turn)));
    }
}

TEST_CASE("body about L5/S1: angular-momentum rate and upper-body inertia match the pose's") {
  for (double t : {0.02, 0.12, 0.25}) {
    const auto pose = body_pose(body, form, t);
    const auto sums = about_l5s1(body, pose);
    CAPTURE(t);
    CHECK(off(angular_momentum_rate(body.mass, sums), angular_momentum_rate(body, pose)) < 1e-12);
    CHECK(off(upper_body_rotational_inertia(body.mass, sums), upper_body_rotational_inertia(body, pose)) < 1e-12);
  }
}

TEST_CASE("body about L5/S1: the whole body's mass is the segments'") {
  CHECK(body.mass == doctest::Approx(runner.mass).epsilon(1e-3));
}

TEST_CASE("body about L5/S1: straight from angles and directions, the same as from the pose") {
  const auto shape = leg_shape(body, form);
  for (double t : {0.0, 0.1, 0.2}) {
    const auto angles = segment_angles(form, t, shape);
    SegmentDirections<double> direction;
    for (int i = 0; i < body_segment_count; ++i)
      direction[static_cast<std::size_t>(i)] = Eigen::Vector2d(std::cos(angles.angle[static_cast<std::size_t>(i)].q),
                                                               std::sin(angles.angle[static_cast<std::size_t>(i)].q));
    CAPTURE(t);
    check_same(about_l5s1(body, angles, direction), about_l5s1(body, body_pose(body, angles)));
  }
}
