#pragma once
/// @file metric_table.hpp
/// Every summary metric by name, with its unit: one list for comparisons, tables and JSON.

#include <array>
#include <optional>

#include "analysis.hpp"

namespace strideload {

/// How far ahead of the whole-body COM the stance ankle is at touchdown, m: where Vannatta &
/// Kernozek (2015) saw the foot land closer after a switch to a forefoot strike.
inline double ankle_landing(const Analysis& a) {
  const BodyPose<double> pose = body_pose(a.body, a.form, 0.0, leg_shape(a.body, a.form));
  return pose.stance_ankle.p.x() - pose.body_com.p.x();
}

/// One summary metric of an Analysis.
struct MetricInfo {
  const char* key;    ///< JSON key, e.g. "peak_compression_bw"
  const char* label;  ///< for tables
  const char* unit;   ///< unit text for tables, e.g. "BW"
  std::optional<double> (*get)(const Analysis&);  ///< empty where the value does not exist
};

/// The summary metrics: lumbar first, then ground contact. Per step and per km where both apply.
inline const std::array<MetricInfo, 22>& metric_table() {
  using M = MetricInfo;
  using O = std::optional<double>;
  static const std::array<MetricInfo, 22> table = {{
      M{"peak_compression_bw", "L5/S1 peak compression", "BW", [](const Analysis& a) -> O { return a.lumbar.peak_compression_bw; }},
      M{"peak_compression_n", "L5/S1 peak compression", "N", [](const Analysis& a) -> O { return a.lumbar.peak_compression_n; }},
      M{"peak_ap_shear_bw", "L5/S1 peak anterior shear", "BW", [](const Analysis& a) -> O { return a.lumbar.peak_ap_shear_bw; }},
      M{"peak_extension_moment_nm_per_kg", "L5/S1 peak extension moment", "N·m/kg", [](const Analysis& a) -> O { return a.lumbar.peak_extension_moment_nm_per_kg; }},
      M{"compression_loading_rate_bw_per_s", "compression loading rate", "BW/s", [](const Analysis& a) -> O { return a.lumbar.compression_loading_rate_bw_per_s; }},
      M{"compression_impulse_bw_s_per_step", "compression impulse per step", "BW·s", [](const Analysis& a) -> O { return a.lumbar.compression_impulse_bw_s_per_step; }},
      M{"cumulative_compression_bw_s_per_km", "compression impulse per km", "BW·s", [](const Analysis& a) -> O { return a.lumbar.cumulative_compression_bw_s_per_km; }},
      M{"peak_vgrf_bw", "peak vertical GRF", "BW", [](const Analysis& a) -> O { return a.metrics.peak_vgrf_bw; }},
      M{"impact_peak_bw", "impact peak", "BW", [](const Analysis& a) -> O { return a.metrics.impact_peak_bw; }},
      M{"vgrf_loading_rate_bw_per_s", "vGRF loading rate", "BW/s", [](const Analysis& a) -> O { return a.metrics.vgrf_loading_rate_bw_per_s; }},
      M{"contact_time_s", "contact time", "s", [](const Analysis& a) -> O { return a.metrics.contact_time_s; }},
      M{"flight_time_s", "flight time", "s", [](const Analysis& a) -> O { return a.metrics.flight_time_s; }},
      M{"com_vertical_excursion_m", "COM vertical excursion", "m", [](const Analysis& a) -> O { return a.metrics.com_vertical_excursion_m; }},
      M{"leg_stiffness_kn_per_m", "leg stiffness", "kN/m", [](const Analysis& a) -> O { return a.metrics.leg_stiffness_kn_per_m; }},
      M{"vertical_stiffness_kn_per_m", "vertical stiffness", "kN/m", [](const Analysis& a) -> O { return a.metrics.vertical_stiffness_kn_per_m; }},
      M{"braking_impulse_bw_s", "braking impulse per step", "BW·s", [](const Analysis& a) -> O { return a.metrics.braking_impulse_bw_s; }},
      M{"braking_impulse_bw_s_per_km", "braking impulse per km", "BW·s", [](const Analysis& a) -> O { return a.metrics.braking_impulse_bw_s * a.metrics.steps_per_km; }},
      M{"step_length_m", "step length", "m", [](const Analysis& a) -> O { return a.metrics.step_length_m; }},
      M{"steps_per_km", "steps per km", "1/km", [](const Analysis& a) -> O { return a.metrics.steps_per_km; }},
      M{"landing_m", "first contact ahead of COM", "m", [](const Analysis& a) -> O { return a.form.landing; }},
      M{"ankle_landing_m", "ankle ahead of COM", "m", [](const Analysis& a) -> O { return ankle_landing(a); }},
      M{"residual_moment_nm_per_kg", "model residual moment", "N·m/kg", [](const Analysis& a) -> O { return a.lumbar.residual_moment_nm_per_kg; }},
  }};
  return table;
}

}  // namespace strideload
