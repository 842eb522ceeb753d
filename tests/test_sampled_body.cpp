#include <doctest/doctest.h>
#include <strideload/sampled_body.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

#include "body_sum_components.hpp"

using namespace strideload;

using strideload_test::components;

TEST_CASE("sampled body: the blocks give the sample-by-sample sums, every component, every sample") {
  const auto runner = make_runner_model(Runner{});
  const auto body = make_body_model(runner);
  struct Case {
    double speed;
    Strike strike;
    double tilt_deg;
    double rate_hz;
  };
  // Sample counts that fill the last block, and that leave it nearly empty.
  for (const Case c : {Case{3.0, Strike::rearfoot, 13.0, 1000.0}, Case{4.5, Strike::forefoot, 13.0, 250.0},
                       Case{2.2, Strike::rearfoot, 12.0, 4000.0}, Case{3.5, Strike::midfoot, 20.0, 2000.0}}) {
    Form f;
    f.speed = metres_per_second(c.speed);
    f.strike = c.strike;
    f.pelvic_tilt = degrees(c.tilt_deg);
    const auto form = resolve_form(runner, f);
    Stance<double> stance;
    REQUIRE(!solve_stance(runner, form, stance));
    StepSeries<double> s;
    s.resize(samples_per_step(stance.step_time, c.rate_hz));
    sample_step(runner, form, stance, c.rate_hz, s);
    // The sample-by-sample sums (as analysis.hpp computed them before the blocks) first.
    detail::sample_body_one_by_one(body, form, leg_shape(body, form), s);
    const std::vector<BodyAboutL5S1<double>> reference = s.body_sums;
    sample_body(body, form, s);
    // Each component against its largest value over the step.
    std::array<double, 16> scale{};
    for (const auto& b : reference) {
      const auto v = components(b);
      for (std::size_t k = 0; k < v.size(); ++k) scale[k] = std::max(scale[k], std::abs(v[k]));
    }
    double worst = 0;
    for (std::size_t i = 0; i < reference.size(); ++i) {
      const auto a = components(s.body_sums[i]), b = components(reference[i]);
      for (std::size_t k = 0; k < a.size(); ++k) worst = std::max(worst, std::abs(a[k] - b[k]) / scale[k]);
    }
    CAPTURE(c.speed);
    CAPTURE(c.rate_hz);
    CHECK(worst <= 1e-14);
  }
}
