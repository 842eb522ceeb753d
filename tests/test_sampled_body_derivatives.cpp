#include <doctest/doctest.h>
#include <strideload/sensitivity.hpp>
#include <strideload/sampled_body_derivatives.hpp>

#include <array>
#include <cmath>

#include "body_sum_components.hpp"

using namespace strideload;

using strideload_test::components;

TEST_CASE("sampled body derivatives: every sum's derivative by every pose parameter, against autodiff") {
  // The reference: the body posed sample by sample in automatic differentiation, with the five
  // pose parameters as its independent variables (the form's step time, tilt and lean chosen so
  // that each parameter is one variable, and the leg shape seeded directly).
  using AD = AutoDiff<pose_parameter_count>;
  const auto runner = make_runner_model(Runner{});
  struct Case {
    double speed;
    Strike strike;
    double tilt_deg, lean_deg;
  };
  for (const Case c : {Case{3.0, Strike::rearfoot, 17.5, 5.0}, Case{4.6, Strike::forefoot, 25.0, -3.0},
                       Case{2.2, Strike::midfoot, 8.0, 12.0}}) {
    CAPTURE(c.speed);
    Form f;
    f.speed = metres_per_second(c.speed);
    f.strike = c.strike;
    f.pelvic_tilt = degrees(c.tilt_deg);
    f.trunk_lean = degrees(c.lean_deg);
    Analysis a;
    REQUIRE(analyze(runner, f, AnalysisOptions{}, a).status == Status::ok);
    const std::array<double, pose_parameter_count> p = pose_parameters(a.form, a.shape);
    // A form in AD whose pose parameters are exactly the seeded variables: the step time gives the
    // rate, the tilt and lean give the offsets (each offset is minus its angle plus a constant).
    ResolvedForm<AD> form_ad;
    form_ad.speed = AD(a.form.speed);
    form_ad.cadence = AD(a.form.cadence);
    form_ad.step_time = AD(3.14159265358979323846) / independent_variable<pose_parameter_count>(p[0], 0);
    form_ad.pelvic_tilt = a.form.pelvic_tilt + (AD(p[1]) - independent_variable<pose_parameter_count>(p[1], 1));
    form_ad.trunk_lean = a.form.trunk_lean + (AD(p[2]) - independent_variable<pose_parameter_count>(p[2], 2));
    form_ad.strike = a.form.strike;
    form_ad.landing = AD(a.form.landing);
    const LegShape<AD> shape_ad{independent_variable<pose_parameter_count>(p[3], 3),
                                independent_variable<pose_parameter_count>(p[4], 4)};
    StepSeries<AD> reference;
    reference.resize(a.series.size());
    for (Eigen::Index i = 0; i < a.series.size(); ++i) reference.time[i] = AD(a.series.time[i]);
    const BodyModel<AD> body_ad = make_body_model(runner_model_as<AD>(runner));
    detail::sample_body_one_by_one(body_ad, form_ad, shape_ad, reference);

    int compared = 0;
    const Eigen::Matrix<double, pose_parameter_count, pose_parameter_count> by_pose_parameter =
        Eigen::Matrix<double, pose_parameter_count, pose_parameter_count>::Identity();
    sample_body_with_derivatives(
        a.body, a.form, a.shape, by_pose_parameter, a.series.size(), [&](Eigen::Index i) { return a.series.time[i]; },
        [&](Eigen::Index i, const BodyAboutL5S1<AD>& sums) {
          const auto expected = components(reference.body_sums[static_cast<std::size_t>(i)]);
          const auto got = components(sums);
          const auto sampled = components(a.series.body_sums[static_cast<std::size_t>(i)]);
          for (std::size_t k = 0; k < 16; ++k) {
            // The values are sample_body()'s, bit for bit.
            CHECK(got[k].value() == sampled[k]);
            for (int q = 0; q < pose_parameter_count; ++q) {
              const double d = got[k].derivatives()[q];
              const double want = expected[k].derivatives()[q];
              if (std::abs(d - want) > 1e-9 * (1.0 + std::abs(want))) {
                CAPTURE(i);
                CAPTURE(k);
                CAPTURE(q);
                CHECK(d == doctest::Approx(want));
              }
            }
          }
          ++compared;
        });
    CHECK(compared == a.series.size());
  }
}
