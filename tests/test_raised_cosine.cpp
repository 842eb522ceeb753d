#include <doctest/doctest.h>
#include <strideload/raised_cosine.hpp>

using namespace strideload;

TEST_CASE("raised cosine: area, peak and closed-form integrals agree with quadrature") {
  const RaisedCosine<double> p{10.0, 0.05, 0.03};  // 10 N·s over 0.02–0.08 s
  CHECK(p.amplitude() == doctest::Approx(10.0 / 0.03));
  CHECK(p.force(0.05) == doctest::Approx(p.amplitude()));
  CHECK(p.force(0.02) == 0.0);
  CHECK(p.force(0.09) == 0.0);
  // Midpoint-rule quadrature of force and of its running integral.
  const int n = 200000;
  const double dt = 0.12 / n;
  double impulse = 0.0, double_integral = 0.0;
  for (int i = 0; i < n; ++i) {
    const double t = (i + 0.5) * dt;
    double_integral += impulse * dt + 0.5 * p.force(t) * dt * dt;
    impulse += p.force(t) * dt;
    if (i == n / 2) {
      CHECK(p.impulse_until(t + 0.5 * dt) == doctest::Approx(impulse).epsilon(1e-6));
    }
  }
  CHECK(impulse == doctest::Approx(10.0).epsilon(1e-9));
  CHECK(p.impulse_until(0.12) == doctest::Approx(10.0));
  CHECK(p.double_integral_until(0.12) == doctest::Approx(double_integral).epsilon(1e-6));
  // After the pulse, it acts as if all at its centre.
  CHECK(p.double_integral_until(0.12) == doctest::Approx(10.0 * (0.12 - 0.05)));
}

TEST_CASE("raised cosine: state_at() gives force and both integrals as the separate calls do") {
  const RaisedCosine<double> p{10.0, 0.05, 0.03};
  for (double t = -0.01; t <= 0.13; t += 0.0007) {
    CAPTURE(t);
    const auto state = p.state_at(t);
    CHECK(state.force == doctest::Approx(p.force(t)).scale(1.0).epsilon(1e-12));
    CHECK(state.impulse == doctest::Approx(p.impulse_until(t)).scale(1.0).epsilon(1e-12));
    CHECK(state.double_integral == doctest::Approx(p.double_integral_until(t)).scale(1.0).epsilon(1e-12));
  }
}
