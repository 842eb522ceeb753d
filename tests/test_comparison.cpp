#include <doctest/doctest.h>
#include <strideload/comparison.hpp>

using namespace strideload;

TEST_CASE("comparison: every metric differs absolutely and in percent, and moved parameters are named") {
  const auto c = compare(Runner{}, Form{}, raise_cadence(10), run_on(SurfacePreset::grass));
  REQUIRE(c.variants.size() == 2);
  const auto& v = c.variants[0];
  REQUIRE(v.differences.size() == metric_table().size());
  for (const auto& d : v.differences) {
    CAPTURE(d.metric->key);
    if (d.baseline && d.variant) {
      CHECK(*d.absolute == doctest::Approx(*d.variant - *d.baseline));
      if (*d.baseline != 0) CHECK(*d.percent == doctest::Approx(100 * *d.absolute / *d.baseline));
    }
  }
  // A cadence change at the same speed moves the stride and the landing, not the speed.
  CHECK(v.moved == std::vector<FormParameter>{FormParameter::stride_length, FormParameter::landing});
  CHECK(c.variants[1].moved.empty());
}

TEST_CASE("comparison: per step and per km: steps per km scale the per-step impulse") {
  const auto c = compare(Runner{}, Form{}, raise_cadence(10));
  const auto& a = c.variants[0].analysis;
  CHECK(a.lumbar.cumulative_compression_bw_s_per_km ==
        doctest::Approx(a.lumbar.compression_impulse_bw_s_per_step * a.metrics.steps_per_km));
}
