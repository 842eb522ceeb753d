#include <doctest/doctest.h>
#include <strideload/metric_table.hpp>

#include <set>
#include <string>

using namespace strideload;

TEST_CASE("metric table: keys are unique and hold every key design.md requires") {
  std::set<std::string> keys;
  for (const auto& m : metric_table()) CHECK(keys.insert(m.key).second);
  for (const char* k : {"peak_compression_bw", "peak_compression_n", "peak_ap_shear_bw",
                        "peak_extension_moment_nm_per_kg", "compression_loading_rate_bw_per_s",
                        "compression_impulse_bw_s_per_step", "cumulative_compression_bw_s_per_km",
                        "peak_vgrf_bw", "impact_peak_bw", "vgrf_loading_rate_bw_per_s", "contact_time_s",
                        "flight_time_s", "com_vertical_excursion_m", "leg_stiffness_kn_per_m",
                        "vertical_stiffness_kn_per_m", "braking_impulse_bw_s", "step_length_m",
                        "steps_per_km", "residual_moment_nm_per_kg"})
    CHECK(keys.count(k) == 1);
}

TEST_CASE("metric table: the ankle lands closer with a forefoot strike (Vannatta & Kernozek 2015)") {
  Form fore;
  fore.strike = Strike::forefoot;
  CHECK(ankle_landing(analyze(Runner{}, fore)) < ankle_landing(analyze(Runner{}, Form{})));
}
