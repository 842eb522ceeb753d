#include <doctest/doctest.h>
#include <strideload/analysis.hpp>

using namespace strideload;

TEST_CASE("metrics: contact time at a threshold grows as the threshold falls") {
  const auto a = analyze(Runner{}, Form{});
  const double at50 = contact_time_at(a.series, 50.0);
  const double at20 = contact_time_at(a.series, 20.0);
  CHECK(at20 > at50);
  CHECK(at20 < a.stance.contact_time);
  CHECK(a.metrics.contact_time_s == doctest::Approx(at20));
  CHECK(a.metrics.flight_time_s == doctest::Approx(a.stance.step_time - at20));
}

TEST_CASE("metrics: step length, steps per km and stiffness definitions") {
  const auto a = analyze(Runner{}, Form{});
  const auto& m = a.metrics;
  CHECK(m.step_length_m == doctest::Approx(3.0 * 60.0 / typical::cadence_spm(3.0)));
  CHECK(m.steps_per_km * m.step_length_m == doctest::Approx(1000.0));
  // Vertical stiffness = peak force / COM drop (McMahon & Cheng 1990).
  const double drop = -a.series.com_z.minCoeff();
  CHECK(m.vertical_stiffness_kn_per_m == doctest::Approx(m.peak_vgrf_bw * a.runner.weight / drop / 1000));
  CHECK(m.com_vertical_excursion_m >= drop);
  // Leg stiffness can be reproduced from what is reported: peak force over the leg compression
  // over the 20 N contact, with the surface's compliance taken out.
  const double series = m.peak_vgrf_bw * a.runner.weight /
                        leg_compression(a.runner.leg_length, drop, 0.5 * a.form.speed * m.contact_time_s);
  CHECK(1 / m.leg_stiffness_kn_per_m == doctest::Approx(1000 / series - 1000 / a.form.surface_stiffness));
}

TEST_CASE("metrics: leg compression is the COM drop plus the shortening the body's travel needs") {
  CHECK(leg_compression(1.0, 0.05, 0.0) == doctest::Approx(0.05));
  CHECK(leg_compression(1.0, 0.05, 0.6) == doctest::Approx(0.05 + 0.2));  // 1 − sqrt(1 − 0.36)
  CHECK(leg_compression(0.9, 0.0, 0.3) > leg_compression(1.0, 0.0, 0.3));  // a shorter leg tilts further
}

TEST_CASE("metrics: a rearfoot strike has an impact peak before the active peak, forefoot a tiny one") {
  const auto rear = analyze(Runner{}, Form{});
  REQUIRE(rear.metrics.impact_peak_bw);
  CHECK(*rear.metrics.impact_peak_bw < rear.metrics.peak_vgrf_bw);
  Form f;
  f.strike = Strike::forefoot;
  const auto fore = analyze(Runner{}, f);
  CHECK(fore.metrics.impact_peak_bw.value_or(0.0) < 0.3 * *rear.metrics.impact_peak_bw);
}
