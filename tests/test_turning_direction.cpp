#include <doctest/doctest.h>
#include <strideload/autodiff.hpp>
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

TEST_CASE("turning direction: a block at once is the same as turn by turn, resyncs and a short last block included") {
  constexpr int n = 3, block = 8;
  TurningDirections<double, n> by_turn, by_block;
  double q[n][block], c[n][block], s[n][block];
  // 100 samples in blocks of 8 (the last one holds 4), with one step too large for the series.
  int done = 0;
  while (done < 100) {
    const int count = std::min(block, 100 - done);
    for (int j = 0; j < block; ++j)
      for (int k = 0; k < n; ++k) {
        const int i = done + j;
        q[k][j] = 0.3 * k + 0.01 * (k + 1) * i + (i >= 37 ? 0.2 : 0.0);
      }
    by_block.turn_through(q, count, c, s);
    for (int j = 0; j < count; ++j) {
      TurningDirections<double, n>::Array angles;
      for (int k = 0; k < n; ++k) angles[k] = q[k][j];
      by_turn.turn_to(angles);
      for (int k = 0; k < n; ++k) {
        CHECK(c[k][j] == by_turn.cos()[k]);
        CHECK(s[k][j] == by_turn.sin()[k]);
      }
    }
    for (int j = count; j < block; ++j) CHECK(c[0][j] == 1.0);
    done += count;
  }
}

// In autodiff a followed direction takes its derivatives by the chain rule: d(cos q) = −sin q·dq
// and d(sin q) = cos q·dq, whatever the turns and resyncs before.
TEST_CASE("turning direction: in autodiff, the followed direction carries the chain rule's derivatives") {
  using AD = AutoDiff<2>;
  TurningDirection<AD> one;
  TurningDirections<AD, 3> three;
  for (int i = 0; i < 300; ++i) {
    const double t = 0.001 * i;
    // q = 2t·x + y·sin(t) at x = 1, y = 0.3 (a large jump at i = 150: a resync).
    const AD x = independent_variable<2>(1.0, 0), y = independent_variable<2>(0.3, 1);
    const AD q = 2.0 * t * x + y * std::sin(t) + (i >= 150 ? 0.5 : 0.0);
    one.turn_to(q);
    Eigen::Array<AD, 3, 1> qs;
    qs << q, AD(-q), AD(0.5 * q);
    three.turn_to(qs);
    const double qv = q.value();
    CHECK(one.cos().derivatives()[0] == doctest::Approx(-std::sin(qv) * 2.0 * t).epsilon(1e-12));
    CHECK(one.sin().derivatives()[1] == doctest::Approx(std::cos(qv) * std::sin(t)).epsilon(1e-12));
    CHECK(three.sin()[1].derivatives()[0] == doctest::Approx(-std::cos(qv) * 2.0 * t).epsilon(1e-12));
    CHECK(three.cos()[2].derivatives()[1] == doctest::Approx(-std::sin(0.5 * qv) * 0.5 * std::sin(t)).epsilon(1e-12));
    CHECK(three.cos()[0].value() == doctest::Approx(std::cos(qv)).epsilon(1e-13));
  }
}
