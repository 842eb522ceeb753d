#include <doctest/doctest.h>
#include <strideload/analysis.hpp>

using namespace strideload;

TEST_CASE("step series: samples at the chosen rate from touchdown to the next touchdown") {
  AnalysisOptions o;
  o.sample_rate_hz = 2000.0;
  const auto a = analyze(Runner{}, Form{}, o);
  CHECK(a.series.size() == samples_per_step(a.stance.step_time, 2000.0));
  CHECK(a.series.time[1] == doctest::Approx(0.0005));
  CHECK(a.series.time[a.series.size() - 1] <= a.stance.step_time);
  CHECK(a.series.time[a.series.size() - 1] > a.stance.step_time - 0.0005);
}

TEST_CASE("step series: property: zero net horizontal impulse, braking then propulsion") {
  for (double v : {2.5, 3.5, 5.0}) {
    Form f;
    f.speed = metres_per_second(v);
    const auto a = analyze(Runner{}, f);
    const auto& s = a.series;
    double impulse = 0.0, absolute = 0.0;
    for (Eigen::Index i = 1; i < s.size(); ++i) {
      impulse += 0.5 * (s.hgrf[i] + s.hgrf[i - 1]) * (s.time[i] - s.time[i - 1]);
      absolute += 0.5 * (std::abs(s.hgrf[i]) + std::abs(s.hgrf[i - 1])) * (s.time[i] - s.time[i - 1]);
    }
    CHECK(std::abs(impulse) < 1e-9 * absolute);
    CHECK(s.hgrf[10] < 0.0);                                                // early stance: braking
    CHECK(s.hgrf[static_cast<Eigen::Index>(0.9 * a.stance.contact_time * 1000)] > 0.0);  // propulsion
    // The mean forward speed is the running speed.
    CHECK(s.com_vx.mean() == doctest::Approx(v).epsilon(1e-3));
  }
}

TEST_CASE("step series: property: impulse balance within 0.5 % on the samples") {
  for (double rate : {250.0, 1000.0, 4000.0}) {
    AnalysisOptions o;
    o.sample_rate_hz = rate;
    const auto a = analyze(Runner{}, Form{}, o);
    const auto& s = a.series;
    double impulse = 0.0;
    for (Eigen::Index i = 1; i < s.size(); ++i)
      impulse += 0.5 * (s.vgrf[i] + s.vgrf[i - 1]) * (s.time[i] - s.time[i - 1]);
    CAPTURE(rate);
    CHECK(impulse == doctest::Approx(a.runner.weight * a.stance.step_time).epsilon(0.005));
  }
}
