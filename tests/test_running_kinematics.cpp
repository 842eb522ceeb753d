#include <doctest/doctest.h>
#include <strideload/running_kinematics.hpp>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace strideload;

TEST_CASE("running kinematics: the Fourier series reproduce the measured angles") {
  std::ifstream in(STRIDELOAD_TEST_DATA "/hamner-s01-run300-stride-angles.csv");
  REQUIRE(in.good());
  std::string line;
  std::getline(in, line);
  double worst_hip = 0, worst_knee = 0;
  while (std::getline(in, line)) {
    std::stringstream ss(line);
    std::vector<double> v;
    std::string cell;
    while (std::getline(ss, cell, ',')) v.push_back(std::stod(cell));
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
