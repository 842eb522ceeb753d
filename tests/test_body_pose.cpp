#include <doctest/doctest.h>
#include <strideload/autodiff.hpp>
#include <strideload/body_pose.hpp>

#include <cmath>
#include <string>

using namespace strideload;

namespace {
const auto runner = make_runner_model(Runner{});
const auto body = make_body_model(runner);
const auto form = resolve_form(runner, Form{});
}  // namespace

TEST_CASE("body pose: velocities and accelerations are the derivatives of positions and angles") {
  const double h = 1e-5;
  for (double t : {0.01, 0.1, 0.2, 0.3}) {
    const auto p0 = body_pose(body, form, t - h), p1 = body_pose(body, form, t),
               p2 = body_pose(body, form, t + h);
    for (int i = 0; i < body_segment_count; ++i) {
      CAPTURE(i);
      CHECK(p1.angle[i].qd == doctest::Approx((p2.angle[i].q - p0.angle[i].q) / (2 * h)).epsilon(1e-5));
      CHECK(p1.com[i].v.x() == doctest::Approx((p2.com[i].p.x() - p0.com[i].p.x()) / (2 * h)).epsilon(1e-5).scale(1));
      CHECK(p1.com[i].a.y() == doctest::Approx((p2.com[i].v.y() - p0.com[i].v.y()) / (2 * h)).epsilon(1e-4).scale(10));
    }
  }
}

TEST_CASE("body pose: one step later the body is the mirror image (legs and arms swapped)") {
  const auto a = body_pose(body, form, 0.05), b = body_pose(body, form, 0.05 + form.step_time);
  auto idx = [](BodySegment s) { return static_cast<int>(s); };
  CHECK(a.com[idx(BodySegment::stance_shank)].p.x() == doctest::Approx(b.com[idx(BodySegment::swing_shank)].p.x()));
  CHECK(a.com[idx(BodySegment::near_forearm)].p.y() == doctest::Approx(b.com[idx(BodySegment::far_forearm)].p.y()));
  CHECK(a.body_com.p.x() == doctest::Approx(b.body_com.p.x()));
  CHECK(a.angle[idx(BodySegment::trunk)].q == doctest::Approx(b.angle[idx(BodySegment::trunk)].q));
}

TEST_CASE("body pose: pelvic tilt and trunk lean follow the form, sacral slope = tilt + 26.5°") {
  auto mean_over_step = [&](auto get, const ResolvedForm<double>& f) {
    double sum = 0;
    for (int i = 0; i < 100; ++i) sum += get(body_pose(body, f, f.step_time * i / 100.0));
    return sum / 100;
  };
  Form more;
  more.pelvic_tilt = degrees(27.5);
  more.trunk_lean = degrees(16.0);
  const auto f2 = resolve_form(runner, more);
  const double deg = 3.14159265358979 / 180;
  const double ss1 = mean_over_step([](const BodyPose<double>& p) { return p.sacral_slope; }, form);
  const double ss2 = mean_over_step([](const BodyPose<double>& p) { return p.sacral_slope; }, f2);
  CHECK(ss1 / deg == doctest::Approx(17.5 + 26.5).epsilon(0.01));
  CHECK((ss2 - ss1) / deg == doctest::Approx(10.0).epsilon(1e-6));
  const auto trunk = [](const BodyPose<double>& p) { return p.angle[static_cast<int>(BodySegment::trunk)].q; };
  CHECK((mean_over_step(trunk, form) - mean_over_step(trunk, f2)) / deg == doctest::Approx(10.0).epsilon(1e-6));
}

TEST_CASE("body pose: the stance leg lands the strike at the landing distance ahead of the COM") {
  const double deg = 3.14159265358979 / 180;
  for (Strike strike : {Strike::rearfoot, Strike::midfoot, Strike::forefoot})
    for (double landing : {0.15, 0.3, 0.4}) {
      Form f;
      f.strike = strike;
      f.landing = metres(landing);
      const auto rf = resolve_form(runner, f);
      const auto shape = leg_shape(body, rf);
      const auto pose = body_pose(body, rf, 0.0, shape);
      CAPTURE(name(strike));
      CAPTURE(landing);
      CHECK(first_contact_from_com(body, rf, pose).x() == doctest::Approx(landing).epsilon(1e-4));
      const double foot_angle = pose.angle[static_cast<int>(BodySegment::stance_foot)].q;
      if (strike == Strike::forefoot) CHECK(foot_angle == doctest::Approx(-8 * deg));
      if (strike == Strike::midfoot) CHECK(foot_angle == doctest::Approx(3.2 * deg));
      // The reshaping stays modest: under 25° at the hip.
      CHECK(std::abs(shape.thigh) < 25 * deg);
    }
}

TEST_CASE("body pose: the leg shape from plain numbers has leg_shape()'s values and derivatives") {
  // leg_shape() in autodiff (nine poses, four Newton steps in autodiff) against
  // leg_shape_from_plain() (solved in double, two Newton steps in autodiff from there), with
  // derivatives with respect to the landing distance, the speed and the pelvic tilt.
  using AD = AutoDiff<3>;
  const auto ad_runner = make_runner_model(BasicRunner<AD>{});
  const auto ad_body = make_body_model(ad_runner);
  for (Strike strike : {Strike::rearfoot, Strike::midfoot, Strike::forefoot})
    for (double landing : {0.12, 0.3, 0.42}) {
      const std::string strike_name = name(strike);
      CAPTURE(strike_name);
      CAPTURE(landing);
      BasicForm<AD> f;
      f.strike = strike;
      f.landing = metres(AD(landing, 3, 0));
      f.speed = metres_per_second(AD(3.6, 3, 1));
      f.pelvic_tilt = degrees(AD(17.0, 3, 2));
      ResolvedForm<AD> rf;
      REQUIRE(resolve_form(ad_runner, f, rf).status == Status::ok);
      Form plain;
      plain.strike = strike;
      plain.landing = metres(landing);
      plain.speed = metres_per_second(3.6);
      plain.pelvic_tilt = degrees(17.0);
      const auto plain_form = resolve_form(runner, plain);
      const LegShape<AD> expected = leg_shape(ad_body, rf);
      const LegShape<AD> shape = leg_shape_from_plain(ad_body, rf, body, plain_form);
      CHECK(value_of(shape.thigh) == doctest::Approx(value_of(expected.thigh)).epsilon(1e-12));
      CHECK(value_of(shape.ankle) == doctest::Approx(value_of(expected.ankle)).epsilon(1e-12));
      for (int v = 0; v < 3; ++v) {
        CAPTURE(v);
        CHECK(shape.thigh.derivatives()[v] == doctest::Approx(expected.thigh.derivatives()[v]).epsilon(1e-11).scale(1e-3));
        CHECK(shape.ankle.derivatives()[v] == doctest::Approx(expected.ankle.derivatives()[v]).epsilon(1e-11).scale(1e-3));
      }
    }
}

TEST_CASE("body pose: the angular-momentum rate is the derivative of the angular momentum") {
  const double h = 1e-5;
  for (double t : {0.02, 0.12, 0.25}) {
    const double rate = angular_momentum_rate(body, body_pose(body, form, t));
    const double numeric = (angular_momentum(body, body_pose(body, form, t + h)) -
                            angular_momentum(body, body_pose(body, form, t - h))) / (2 * h);
    CAPTURE(t);
    CHECK(rate == doctest::Approx(numeric).epsilon(1e-5).scale(1));
  }
}
