#include <doctest/doctest.h>
#include <strideload/autodiff.hpp>
#include <strideload/running_kinematics.hpp>

#include <cmath>
#include <vector>

#include "csv_rows.hpp"

using namespace strideload;

TEST_CASE("running kinematics: the Fourier series reproduce the measured angles") {
  double worst_hip = 0, worst_knee = 0;
  for (const std::vector<double>& v : strideload_test::csv_rows("hamner-s01-run300-stride-angles.csv")) {
    if (v[0] >= 100) break;
    const double phase = 2 * 3.14159265358979 * v[0] / 100;
    double hip, knee, d1, d2;
    hamner_s01::hip_flexion.evaluate(phase, hip, d1, d2);
    hamner_s01::knee_angle.evaluate(phase, knee, d1, d2);
    worst_hip = std::max(worst_hip, std::abs(hip - v[3]));
    worst_knee = std::max(worst_knee, std::abs(knee - v[5]));
  }
  // The fit removes up to 0.6° of end drift, so allow that plus the fit error.
  CHECK(worst_hip < 1.0);
  CHECK(worst_knee < 1.5);
}

TEST_CASE("running kinematics: derivatives are exact") {
  double v0, v1, v2, d1, d2, x, y;
  const double h = 1e-6, phase = 1.234;
  hamner_s01::knee_angle.evaluate(phase - h, v0, x, y);
  hamner_s01::knee_angle.evaluate(phase + h, v2, x, y);
  hamner_s01::knee_angle.evaluate(phase, v1, d1, d2);
  CHECK(d1 == doctest::Approx((v2 - v0) / (2 * h)).epsilon(1e-6));
  CHECK(d2 == doctest::Approx((v2 - 2 * v1 + v0) / (h * h)).epsilon(1e-3));
}

// In autodiff the series are differentiated by the chain rule (FourierSeries::evaluate_parts()),
// not operation by operation: each part's derivative with respect to an input that moves the phase
// must be its next derivative by phase times dφ. The third derivative is checked against a central
// difference of the second.
TEST_CASE("running kinematics: in autodiff, a pattern's derivatives follow its phase") {
  using AD = AutoDiff<2>;
  const double h = 1e-5;
  for (double phase : {0.0, 0.7, 2.5, 4.0}) {
    // φ = 1.5·x + 0.25·y at (x, y) = (phase/1.5, 0): dφ = (1.5, 0.25).
    const AD x = independent_variable<2>(phase / 1.5, 0), y = independent_variable<2>(0.0, 1);
    const AD phi = 1.5 * x + 0.25 * y;
    const FourierBasis<AD> basis(phi);
    for (std::size_t k = 1; k < basis.c.size(); ++k) {
      const double kk = static_cast<double>(k);
      CHECK(basis.c[k].value() == doctest::Approx(std::cos(kk * phase)).epsilon(1e-12));
      CHECK(basis.c[k].derivatives()[0] == doctest::Approx(-1.5 * kk * std::sin(kk * phase)).epsilon(1e-12));
      CHECK(basis.s[k].derivatives()[1] == doctest::Approx(0.25 * kk * std::cos(kk * phase)).epsilon(1e-12));
    }
    std::array<AD, 3> even, odd;
    hamner_s01::knee_angle.evaluate_parts(basis, even, odd);
    const FourierBasis<double> plain(phase), ahead(phase + h), behind(phase - h);
    std::array<double, 3> e, o, ea, oa, eb, ob;
    hamner_s01::knee_angle.evaluate_parts(plain, e, o);
    hamner_s01::knee_angle.evaluate_parts(ahead, ea, oa);
    hamner_s01::knee_angle.evaluate_parts(behind, eb, ob);
    for (std::size_t j = 0; j < 3; ++j) {
      CHECK(even[j].value() == doctest::Approx(e[j]).epsilon(1e-14));
      CHECK(odd[j].value() == doctest::Approx(o[j]).epsilon(1e-14));
    }
    for (std::size_t j = 0; j < 2; ++j) {
      CHECK(even[j].derivatives()[0] == doctest::Approx(1.5 * e[j + 1]).epsilon(1e-12));
      CHECK(odd[j].derivatives()[1] == doctest::Approx(0.25 * o[j + 1]).epsilon(1e-12));
    }
    CHECK(even[2].derivatives()[0] == doctest::Approx(1.5 * (ea[2] - eb[2]) / (2 * h)).epsilon(1e-6));
    CHECK(odd[2].derivatives()[0] == doctest::Approx(1.5 * (oa[2] - ob[2]) / (2 * h)).epsilon(1e-6));
    // evaluate() agrees with the parts, in full and even only.
    AD value, d1, d2;
    hamner_s01::knee_angle.evaluate(basis, value, d1, d2);
    CHECK(d1.derivatives()[0] == doctest::Approx(1.5 * (e[2] + o[2])).epsilon(1e-12));
    hamner_s01::knee_angle.evaluate(basis, value, d1, d2, true);
    CHECK(value.derivatives()[0] == doctest::Approx(1.5 * e[1]).epsilon(1e-12));
  }
}
