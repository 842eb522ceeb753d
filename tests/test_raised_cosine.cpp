#include <doctest/doctest.h>
#include <strideload/raised_cosine.hpp>

#include <cmath>
#include <initializer_list>

using namespace strideload;

namespace {
// Midpoint-rule quadrature of a pulse's force and of its running integral up to time `until`.
struct Quadrature {
  double impulse = 0.0, double_integral = 0.0, first_moment = 0.0;
};
Quadrature integrate(const RaisedCosine<double>& p, double until) {
  const int n = 400000;
  const double dt = until / n;
  Quadrature q;
  for (int i = 0; i < n; ++i) {
    const double t = (i + 0.5) * dt;
    q.double_integral += q.impulse * dt + 0.5 * p.force(t) * dt * dt;
    q.impulse += p.force(t) * dt;
    q.first_moment += t * p.force(t) * dt;
  }
  return q;
}
}  // namespace

TEST_CASE("raised cosine: equal halves are Clark's symmetric pulse") {
  const RaisedCosine<double> p{10.0, 0.05, 0.03, 0.03};  // 10 N·s over 0.02–0.08 s
  CHECK(p.amplitude() == doctest::Approx(10.0 / 0.03));
  CHECK(p.force(0.05) == doctest::Approx(p.amplitude()));
  CHECK(p.force(0.02) == 0.0);
  CHECK(p.force(0.09) == 0.0);
  CHECK(p.centroid() == doctest::Approx(0.05));
  // Symmetric about its centre.
  for (const double d : {0.005, 0.013, 0.029})
    CHECK(p.force(0.05 - d) == doctest::Approx(p.force(0.05 + d)));
}

TEST_CASE("raised cosine: area, peak, centroid and closed-form integrals agree with quadrature") {
  // An early peak (a quick rise, a slow fall) and a late one.
  for (const double rise : {0.012, 0.03, 0.05}) {
    CAPTURE(rise);
    const double fall = 0.06 - rise;
    const RaisedCosine<double> p{10.0, 0.02 + rise, rise, fall};  // 10 N·s over 0.02–0.08 s
    CHECK(p.start() == doctest::Approx(0.02));
    CHECK(p.end() == doctest::Approx(0.08));
    // The peak depends on the span, not on where it falls.
    CHECK(p.force(p.peak_time) == doctest::Approx(2 * 10.0 / 0.06));
    CHECK(p.force(p.peak_time - 1e-4) < p.force(p.peak_time));
    CHECK(p.force(p.peak_time + 1e-4) < p.force(p.peak_time));
    const Quadrature whole = integrate(p, 0.12);
    CHECK(whole.impulse == doctest::Approx(10.0).epsilon(1e-8));
    CHECK(p.impulse_until(0.12) == doctest::Approx(10.0));
    CHECK(p.double_integral_until(0.12) == doctest::Approx(whole.double_integral).epsilon(1e-6));
    CHECK(p.centroid() == doctest::Approx(whole.first_moment / whole.impulse).epsilon(1e-6));
    // After the pulse, it acts as if all at its centroid.
    CHECK(p.double_integral_until(0.12) == doctest::Approx(10.0 * (0.12 - p.centroid())));
    // Part way, in the rise and in the fall.
    for (const double t : {0.02 + 0.6 * rise, p.peak_time + 0.4 * fall}) {
      CAPTURE(t);
      const Quadrature part = integrate(p, t);
      CHECK(p.impulse_until(t) == doctest::Approx(part.impulse).epsilon(1e-6));
      CHECK(p.double_integral_until(t) == doctest::Approx(part.double_integral).epsilon(1e-6));
    }
  }
}

TEST_CASE("raised cosine: force, impulse and double integral are continuous through the peak") {
  const RaisedCosine<double> p{10.0, 0.035, 0.015, 0.045};
  const double before = p.peak_time - 1e-12, after = p.peak_time + 1e-12;
  CHECK(p.force(before) == doctest::Approx(p.amplitude()).epsilon(1e-9));
  CHECK(p.force(after) == doctest::Approx(p.amplitude()).epsilon(1e-9));
  // The rise holds A·C₁/2 of the impulse, and the fall takes over from there.
  CHECK(p.impulse_until(before) == doctest::Approx(p.amplitude() * p.rise / 2).epsilon(1e-9));
  CHECK(p.impulse_until(after) == doctest::Approx(p.amplitude() * p.rise / 2).epsilon(1e-9));
  CHECK(p.double_integral_until(before) == doctest::Approx(p.double_integral_until(after)).epsilon(1e-9));
  // The slope is zero at the peak, from both sides: tiny beside the steepest slope of the rise, A·π/(2·C₁).
  const double h = 1e-7, steepest = p.amplitude() * 3.14159265358979 / (2 * p.rise);
  CHECK(std::abs(p.force(p.peak_time) - p.force(p.peak_time - h)) / h < 1e-4 * steepest);
  CHECK(std::abs(p.force(p.peak_time + h) - p.force(p.peak_time)) / h < 1e-4 * steepest);
}
