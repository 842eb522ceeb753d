#include <doctest/doctest.h>
#include <strideload/analysis.hpp>
#include <strideload/stride_phase.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>

using namespace strideload;

namespace {
constexpr double pi = 3.14159265358979323846;
constexpr double toe_off_phase = 2.0 * pi * pattern_toe_off_stride_fraction;
}  // namespace

TEST_CASE("stride phase: touchdown at 0, the pattern's toe-off at t_o, the next touchdown at π, every step") {
  const double step = 0.357;
  for (double duty : {0.30, 0.55, 0.726, 0.76, 0.85, 0.95}) {
    CAPTURE(duty);
    const auto p = stride_phase(step, duty * step);
    CHECK(p.at(0.0).angle == doctest::Approx(0.0).scale(1));
    CHECK(p.at(duty * step).angle == doctest::Approx(toe_off_phase));
    CHECK(p.at(step).angle == doctest::Approx(pi));
    for (double t : {0.01, 0.1, 0.2, 0.3}) {
      const auto now = p.at(t), later = p.at(t + step), earlier = p.at(t - step);
      CHECK(later.angle == doctest::Approx(now.angle + pi));
      CHECK(earlier.angle == doctest::Approx(now.angle - pi));
      CHECK(later.rate == doctest::Approx(now.rate));
      CHECK(later.acceleration == doctest::Approx(now.acceleration).scale(1));
    }
  }
}

TEST_CASE("stride phase: the rate and acceleration are the phase's derivatives, continuous through every blend") {
  const double step = 0.357, h = 1e-6;
  for (double duty : {0.40, 0.76, 0.92}) {
    CAPTURE(duty);
    const auto p = stride_phase(step, duty * step);
    double worst_rate = 0, worst_acceleration = 0, largest_jump = 0, largest_acceleration = 0;
    for (int i = 0; i <= 2000; ++i) {
      const double t = step * i / 2000.0;
      const auto a = p.at(t - h), b = p.at(t), c = p.at(t + h);
      worst_rate = std::max(worst_rate, std::abs((c.angle - a.angle) / (2 * h) - b.rate));
      worst_acceleration = std::max(worst_acceleration, std::abs((c.rate - a.rate) / (2 * h) - b.acceleration));
      largest_jump = std::max(largest_jump, std::abs(c.acceleration - a.acceleration));
      largest_acceleration = std::max(largest_acceleration, std::abs(b.acceleration));
    }
    CHECK(worst_rate < 1e-6 * p.stance_rate);
    CHECK(worst_acceleration < 1e-4 * largest_acceleration + 1e-9);
    // φ̈ continuous: over 2 µs it moves by far less than its range.
    CHECK(largest_jump < 1e-3 * largest_acceleration + 1e-9);
  }
}

TEST_CASE("stride phase: the phase never runs backwards, however long or short the contact") {
  const double step = 0.3;
  for (double duty = 0.05; duty < 0.99; duty += 0.01) {
    CAPTURE(duty);
    const auto p = stride_phase(step, duty * step);
    double slowest = 1e9;
    for (int i = 0; i <= 600; ++i) slowest = std::min(slowest, p.at(step * i / 600.0).rate);
    CHECK(slowest > 0.0);
  }
}

TEST_CASE("stride phase: at the pattern's own toe-off the warp vanishes, and uniform_stride_phase() is πt/T") {
  const double step = 0.4;
  const auto p = stride_phase(step, 2.0 * pattern_toe_off_stride_fraction * step);
  CHECK(p.rate_change == doctest::Approx(0.0).scale(1e-6));
  const auto u = uniform_stride_phase(step);
  for (double t : {0.0, 0.05, 0.2, 0.39, 0.5, -0.1}) {
    CHECK(u.at(t).angle == doctest::Approx(pi * t / step).scale(1));
    CHECK(u.at(t).rate == doctest::Approx(pi / step));
    CHECK(u.at(t).acceleration == 0.0);
  }
}

TEST_CASE("stride phase: a block of times gives what each time gives alone") {
  const auto p = stride_phase(0.357, 0.27);
  Eigen::Array<double, 8, 1> t, angle, rate, acceleration;
  t << 0.0, 0.01, 0.05, 0.2, 0.25, 0.28, 0.33, 0.357;
  p.within_step(t, angle, rate, acceleration);
  for (int i = 0; i < t.size(); ++i) {
    const auto one = p.at(t[i]);
    CHECK(angle[i] == doctest::Approx(one.angle).epsilon(1e-14).scale(1));
    CHECK(rate[i] == doctest::Approx(one.rate).epsilon(1e-14));
    CHECK(acceleration[i] == doctest::Approx(one.acceleration).epsilon(1e-14).scale(1));
  }
}

TEST_CASE("stride phase: an analysis plays the pattern's toe-off when its force falls through the pattern's 50 N") {
  for (double speed : {2.0, 3.0, 5.0}) {
    CAPTURE(speed);
    Form f;
    f.speed = metres_per_second(speed);
    const Analysis a = analyze(Runner{}, f);
    const double level = pattern_event_force_bw * a.runner.weight;
    // The last sample at or above the level, and the time the force crosses it there.
    Eigen::Index i = a.series.size() - 1;
    while (a.series.vgrf[i] < level) --i;
    const double f0 = a.series.vgrf[i], f1 = a.series.vgrf[i + 1];
    const double crossing = a.series.time[i] + (a.series.time[i + 1] - a.series.time[i]) * (f0 - level) / (f0 - f1);
    CHECK(a.phase.toe_off == doctest::Approx(crossing).epsilon(2e-3));
    CHECK(a.phase.at(a.phase.toe_off).angle == doctest::Approx(toe_off_phase));
    CHECK(a.phase.step_time == a.stance.step_time);
  }
}
