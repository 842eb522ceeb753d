#include <doctest/doctest.h>
#include <strideload/analysis.hpp>
#include <strideload/sampled_lumbar_load.hpp>

#include <cmath>

using namespace strideload;

namespace {

/// The step of `f` at `rate_hz` up to the L5/S1 load (analyze()'s stages 1 to 4, less the load).
StepSeries<double> balanced_step(const RunnerModel<double>& runner, const Form& f, double rate_hz,
                                 BodyModel<double>& body, Stance<double>& stance) {
  const auto form = resolve_form(runner, f);
  REQUIRE(!solve_stance(runner, form, stance));
  StepSeries<double> s;
  s.resize(samples_per_step(stance.step_time, rate_hz));
  sample_step(runner, form, stance, rate_hz, s);
  body = make_body_model(runner);
  sample_body(body, form, s);
  balance_angular_momentum(runner, body, s);
  return s;
}

/// Every sample of the four load series, in blocks and sample by sample: the same bits.
void check_same_as_one_by_one(const RunnerModel<double>& runner, const BodyModel<double>& body,
                              const Stance<double>& stance, StepSeries<double> s) {
  StepSeries<double> reference = s;
  for (Eigen::Index i = 0; i < reference.size(); ++i) detail::lumbar_load_at(runner, body, stance, reference, i);
  sample_lumbar_load(runner, body, stance, s);
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    CHECK(s.compression[i] == reference.compression[i]);
    CHECK(s.ap_shear[i] == reference.ap_shear[i]);
    CHECK(s.extension_moment[i] == reference.extension_moment[i]);
    CHECK(s.residual_moment[i] == reference.residual_moment[i]);
  }
}

}  // namespace

TEST_CASE("sampled lumbar load: the blocks give the sample-by-sample load, bit for bit") {
  const auto runner = make_runner_model(Runner{});
  struct Case {
    double speed;
    Strike strike;
    double lean_deg;
    double rate_hz;
  };
  // Sample counts that fill the last block, and that leave it nearly empty.
  for (const Case c : {Case{3.0, Strike::rearfoot, 5.0, 1000.0}, Case{4.5, Strike::forefoot, 10.0, 250.0},
                       Case{2.2, Strike::rearfoot, 0.0, 4000.0}, Case{3.5, Strike::midfoot, 15.0, 2000.0}}) {
    Form f;
    f.speed = metres_per_second(c.speed);
    f.strike = c.strike;
    f.trunk_lean = degrees(c.lean_deg);
    BodyModel<double> body;
    Stance<double> stance;
    check_same_as_one_by_one(runner, body, stance, balanced_step(runner, f, c.rate_hz, body, stance));
  }
}

TEST_CASE("sampled lumbar load: a correction too large for the series takes the library's cosine") {
  const auto runner = make_runner_model(Runner{});
  BodyModel<double> body;
  Stance<double> stance;
  StepSeries<double> s = balanced_step(runner, Form{}, 1000.0, body, stance);
  // Some samples turned well past small_angle_limit, in the first block and in the last.
  s.trunk_correction[3] = 0.2;
  s.trunk_correction[s.size() - 2] = -0.3;
  check_same_as_one_by_one(runner, body, stance, s);
}
