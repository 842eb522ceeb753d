#include <doctest/doctest.h>
#include <strideload/body_pose.hpp>
#include <strideload/turning_direction.hpp>

#include <algorithm>
#include <cmath>

using namespace strideload;

TEST_CASE("turning direction: the small-angle series agree with the library to two units in the last place of one") {
  double worst = 0;
  for (int i = -1000; i <= 1000; ++i) {
    const double x = small_angle_limit * i / 1000.0;
    double c = 0, s = 0;
    small_angle_cos_sin(x, c, s);
    worst = std::max({worst, std::abs(c - std::cos(x)), std::abs(s - std::sin(x))});
  }
  CHECK(worst <= 2 * 1.1102230246251565e-16);
  // Beyond the limit, the library's own.
  double c = 0, s = 0;
  small_angle_cos_sin(0.5, c, s);
  CHECK(c == std::cos(0.5));
  CHECK(s == std::sin(0.5));
}

TEST_CASE("turning direction: following every segment over a step stays within 1e-13 of the library") {
  const auto runner = make_runner_model(Runner{});
  const auto body = make_body_model(runner);
  for (double rate : {100.0, 250.0, 1000.0, 4000.0, 100000.0}) {
    const auto form = resolve_form(runner, Form{});
    const auto shape = leg_shape(body, form);
    std::array<TurningDirection<double>, body_segment_count> d;
    TurningDirections<double, body_segment_count> together;  // as analysis.hpp follows them
    TurningDirections<double, body_segment_count>::Array q_all;
    TurningDirection<double> phase;
    double worst = 0;
    const int n = static_cast<int>(form.step_time * rate) + 1;
    for (int i = 0; i < n; ++i) {
      const double t = i / rate, phi = stride_phase_rate(form) * t;
      phase.turn_to(phi);
      worst = std::max({worst, std::abs(phase.cos() - std::cos(phi)), std::abs(phase.sin() - std::sin(phi))});
      const auto angles = segment_angles(form, t, shape);
      for (int k = 0; k < body_segment_count; ++k) {
        const double q = angles.angle[static_cast<std::size_t>(k)].q;
        d[static_cast<std::size_t>(k)].turn_to(q);
        worst = std::max({worst, std::abs(d[static_cast<std::size_t>(k)].cos() - std::cos(q)),
                          std::abs(d[static_cast<std::size_t>(k)].sin() - std::sin(q))});
        q_all[k] = q;
      }
      together.turn_to(q_all);
      worst = std::max({worst, (together.cos() - q_all.cos()).abs().maxCoeff(),
                        (together.sin() - q_all.sin()).abs().maxCoeff()});
    }
    CAPTURE(rate);
    CHECK(worst < 1e-13);
  }
}
