// The same model in double, float and forward-mode automatic differentiation (Eigen's
// AutoDiffScalar): each stage of the pipeline keeps its defining properties in every scalar type,
// float and autodiff agree with double, and autodiff's derivatives agree with finite differences.
#include <doctest/doctest.h>
#include <strideload/autodiff.hpp>
#include <strideload/strideload.hpp>

#include <algorithm>
#include <cmath>

using namespace strideload;

namespace {
using AD = AutoDiff<2>;

/// Relative agreement expected of each scalar type against double.
template <class T> double tolerance() { return std::is_same_v<T, float> ? 2e-3 : 1e-12; }

template <class T> BasicForm<T> typical_form_of() {
  BasicForm<T> f;
  f.speed = metres_per_second(T(3.2));
  f.cadence = steps_per_minute(T(172));
  return f;
}
}  // namespace

#define SCALARS double, float, AD

TEST_CASE_TEMPLATE("scalar types: the runner model matches double", T, SCALARS) {
  const auto r = make_runner_model(BasicRunner<T>{});
  const auto d = make_runner_model(Runner{});
  CHECK(value_of(r.leg_length) == doctest::Approx(d.leg_length).epsilon(tolerance<T>()));
  CHECK(value_of(r.impact_mass) == doctest::Approx(d.impact_mass).epsilon(tolerance<T>()));
}

TEST_CASE_TEMPLATE("scalar types: bad input is reported the same way", T, SCALARS) {
  const auto runner = make_runner_model(BasicRunner<T>{});
  BasicForm<T> f;
  f.speed = metres_per_second(T(40));
  BasicAnalysis<T> out;
  const InputError e = analyze(runner, f, AnalysisOptions{}, out);
  CHECK(e.status == Status::invalid_input);
  CHECK(std::string(e.parameter) == "speed");
  CHECK(e.value == doctest::Approx(40.0));
}

TEST_CASE_TEMPLATE("scalar types: vertical impulse over a step is body weight times step time", T, SCALARS) {
  BasicAnalysis<T> a;
  REQUIRE(analyze(make_runner_model(BasicRunner<T>{}), typical_form_of<T>(), AnalysisOptions{}, a).status == Status::ok);
  double impulse = 0;
  for (Eigen::Index i = 1; i < a.series.size(); ++i)
    impulse += 0.5 * value_of(a.series.time[i] - a.series.time[i - 1]) *
               value_of(a.series.vgrf[i] + a.series.vgrf[i - 1]);
  const double expected = value_of(a.runner.weight * a.stance.step_time);
  CHECK(impulse == doctest::Approx(expected).epsilon(std::is_same_v<T, float> ? 1e-3 : 1e-3));
}

TEST_CASE_TEMPLATE("scalar types: a whole analysis agrees with double", T, SCALARS) {
  BasicAnalysis<T> a;
  Analysis d;
  REQUIRE(analyze(make_runner_model(BasicRunner<T>{}), typical_form_of<T>(), AnalysisOptions{}, a).status == Status::ok);
  REQUIRE(analyze(make_runner_model(Runner{}), typical_form_of<double>(), AnalysisOptions{}, d).status == Status::ok);
  REQUIRE(a.series.size() == d.series.size());
  const double tol = std::is_same_v<T, float> ? 5e-3 : 1e-12;
  CHECK(value_of(a.metrics.peak_vgrf_bw) == doctest::Approx(d.metrics.peak_vgrf_bw).epsilon(tol));
  CHECK(value_of(a.metrics.contact_time_s) == doctest::Approx(d.metrics.contact_time_s).epsilon(tol));
  CHECK(value_of(a.metrics.braking_impulse_bw_s) == doctest::Approx(d.metrics.braking_impulse_bw_s).epsilon(tol));
  CHECK(value_of(a.lumbar.peak_compression_bw) == doctest::Approx(d.lumbar.peak_compression_bw).epsilon(tol));
  CHECK(value_of(a.lumbar.peak_extension_moment_nm_per_kg) ==
        doctest::Approx(d.lumbar.peak_extension_moment_nm_per_kg).epsilon(tol));
  // Every sample finite in every type.
  for (Eigen::Index i = 0; i < a.series.size(); ++i) {
    REQUIRE(std::isfinite(value_of(a.series.compression[i])));
    REQUIRE(std::isfinite(value_of(a.series.extension_moment[i])));
  }
}

TEST_CASE_TEMPLATE("scalar types: the top-down and bottom-up L5/S1 moments agree", T, SCALARS) {
  BasicAnalysis<T> a;
  REQUIRE(analyze(make_runner_model(BasicRunner<T>{}), typical_form_of<T>(), AnalysisOptions{}, a).status == Status::ok);
  double worst = 0;
  for (Eigen::Index i = 0; i < a.series.size(); ++i)
    worst = std::max(worst, std::abs(value_of(a.series.residual_moment[i])));
  // The same bound as in double (test_analysis.cpp): a small fraction of the peak moment.
  CHECK(worst / value_of(a.runner.mass) < 0.05);
}

TEST_CASE_TEMPLATE("scalar types: a followed direction matches the library's", T, SCALARS) {
  TurningDirection<T> d;
  double worst = 0;
  for (int i = 0; i <= 300; ++i) {
    const T q = T(0.7 * std::sin(0.02 * i));  // turns by up to 0.014 rad per call
    d.turn_to(q);
    worst = std::max({worst, std::abs(value_of(d.cos()) - std::cos(value_of(q))),
                      std::abs(value_of(d.sin()) - std::sin(value_of(q)))});
  }
  CHECK(worst < (std::is_same_v<T, float> ? 1e-5 : 1e-13));
}

TEST_CASE("scalar types: autodiff derivatives agree with central finite differences") {
  // Two independent variables: speed (m/s) and pelvic tilt (deg).
  auto metric = [](auto speed, auto tilt_deg, auto get) {
    using T = decltype(speed);
    BasicForm<T> f;
    f.speed = metres_per_second(speed);
    f.cadence = steps_per_minute(T(172));
    f.pelvic_tilt = degrees(tilt_deg);
    BasicAnalysis<T> a;
    REQUIRE(analyze(make_runner_model(BasicRunner<T>{}), f, AnalysisOptions{}, a).status == Status::ok);
    return get(a);
  };
  auto peak_vgrf = [](const auto& a) { return a.metrics.peak_vgrf_bw; };
  auto mean_shear = [](const auto& a) { return a.series.ap_shear.mean(); };
  const double v = 3.2, tilt = 17.0, hv = 1e-4, ht = 1e-3;
  const AD ad_v = independent_variable<2>(v, 0), ad_tilt = independent_variable<2>(tilt, 1);

  const AD vgrf = metric(ad_v, ad_tilt, peak_vgrf);
  const double dv = (metric(v + hv, tilt, peak_vgrf) - metric(v - hv, tilt, peak_vgrf)) / (2 * hv);
  CHECK(vgrf.value() == doctest::Approx(metric(v, tilt, peak_vgrf)).epsilon(1e-12));
  CHECK(vgrf.derivatives()[0] == doctest::Approx(dv).epsilon(1e-4));
  CHECK(vgrf.derivatives()[1] == doctest::Approx(0.0));  // the ground force does not see the pelvis

  // AP shear responds to the tilt through the disc plane.
  const AD shear = metric(ad_v, ad_tilt, mean_shear);
  const double dt = (metric(v, tilt + ht, mean_shear) - metric(v, tilt - ht, mean_shear)) / (2 * ht);
  CHECK(shear.derivatives()[1] == doctest::Approx(dt).epsilon(1e-4));
  CHECK(shear.derivatives()[1] != 0.0);
}

// Explicit instantiations: every member of every class template compiles in every scalar type,
// not only the ones the tests call.
#define INSTANTIATE_EVERY_CLASS_TEMPLATE(T) \
  template struct strideload::BasicRunner<T>; \
  template struct strideload::BasicForm<T>; \
  template struct strideload::ResolvedForm<T>; \
  template struct strideload::RunnerModel<T>; \
  template struct strideload::BodyModel<T>; \
  template struct strideload::BodyPose<T>; \
  template struct strideload::SegmentAngles<T>; \
  template struct strideload::Stance<T>; \
  template struct strideload::StepSeries<T>; \
  template struct strideload::GroundContactMetrics<T>; \
  template struct strideload::LumbarMetrics<T>; \
  template struct strideload::LumbarLoad<T>; \
  template struct strideload::BodyAboutL5S1<T>; \
  template class strideload::TurningDirection<T>; \
  template class strideload::TurningDirections<T, strideload::body_segment_count>; \
  template struct strideload::BodyChains<T>; \
  template struct strideload::BasicAnalysis<T>;

INSTANTIATE_EVERY_CLASS_TEMPLATE(float)
INSTANTIATE_EVERY_CLASS_TEMPLATE(AD)
