#include <doctest/doctest.h>
#include <strideload/analysis.hpp>

#include <cmath>
#include <cstring>

using namespace strideload;

TEST_CASE("analysis: property: the same input gives bitwise the same output") {
  Form f;
  f.speed = metres_per_second(3.7);
  f.strike = Strike::midfoot;
  const auto a = analyze(Runner{}, f);
  const auto b = analyze(Runner{}, f);
  REQUIRE(a.series.size() == b.series.size());
  CHECK(std::memcmp(a.series.vgrf.data(), b.series.vgrf.data(), sizeof(double) * a.series.size()) == 0);
  CHECK(std::memcmp(a.series.hgrf.data(), b.series.hgrf.data(), sizeof(double) * a.series.size()) == 0);
  CHECK(std::memcmp(&a.metrics.peak_vgrf_bw, &b.metrics.peak_vgrf_bw, sizeof(double)) == 0);
}

TEST_CASE("analysis: the status path reports errors without throwing") {
  const auto runner = make_runner_model(Runner{});
  Form f;
  f.speed = metres_per_second(12.0);
  Analysis out;
  InputError e;
  CHECK_NOTHROW(e = analyze(runner, f, AnalysisOptions{}, out));
  CHECK(e.status == Status::invalid_input);
  CHECK(std::string(e.parameter) == "speed");
  AnalysisOptions o;
  o.sample_rate_hz = std::nan("");
  CHECK(analyze(runner, Form{}, o, out).status == Status::invalid_input);
}

TEST_CASE("analysis: property: no NaN or inf across a grid of the plausible range") {
  int solved = 0, refused = 0;
  for (double v : {1.8, 2.5, 3.5, 4.5, 5.5, 7.0})
    for (double spm : {110.0, 150.0, 180.0, 210.0, 240.0})
      for (Strike st : {Strike::rearfoot, Strike::midfoot, Strike::forefoot})
        for (double k : {20.0, 300.0, 1.0e5}) {
          Form f;
          f.speed = metres_per_second(v);
          f.cadence = steps_per_minute(spm);
          f.strike = st;
          f.surface = {SurfacePreset::custom, kilonewtons_per_metre(k)};
          Analysis a;
          const auto e = analyze(make_runner_model(Runner{}), f, AnalysisOptions{}, a);
          if (e) {
            // Refusals must be reasoned ones, never a silent failure.
            CHECK((e.status == Status::no_solution || e.status == Status::invalid_input));
            ++refused;
            continue;
          }
          ++solved;
          CHECK(a.series.vgrf.allFinite());
          CHECK(a.series.hgrf.allFinite());
          CHECK(std::isfinite(a.metrics.leg_stiffness_kn_per_m));
          CHECK(std::isfinite(a.metrics.vgrf_loading_rate_bw_per_s));
          CHECK(a.metrics.vgrf_loading_rate_bw_per_s > 0.0);
          CHECK(a.series.compression.allFinite());
          CHECK(a.series.ap_shear.allFinite());
          CHECK(a.series.extension_moment.allFinite());
          CHECK(std::isfinite(a.lumbar.compression_loading_rate_bw_per_s));
          CHECK(a.lumbar.peak_compression_bw > 0.0);
          CHECK(a.lumbar.residual_moment_nm_per_kg < 0.15);
        }
  CHECK(solved > refused);
}
