#pragma once
/// @file metric_table.hpp
/// Every summary metric by name, with its unit: one list for comparisons, tables and JSON.

#include <array>
#include <cstddef>
#include <optional>

#include "analysis.hpp"

namespace strideload {

/// How far ahead of the whole-body COM the stance ankle is at touchdown, m: where Vannatta &
/// Kernozek (2015) saw the foot land closer after a switch to a forefoot strike.
template <class Scalar>
Scalar ankle_landing(const BasicAnalysis<Scalar>& a) {
  const BodyPose<Scalar> pose = body_pose(a.body, a.form, Scalar(0), a.shape);
  return pose.stance_ankle.p.x() - pose.body_com.p.x();
}

/// One summary metric of an analysis.
template <class Scalar = double>
struct BasicMetricInfo {
  const char* key;    ///< JSON key, e.g. "peak_compression_bw"
  const char* label;  ///< for tables
  const char* unit;   ///< unit text for tables, e.g. "BW"
  std::optional<Scalar> (*get)(const BasicAnalysis<Scalar>&);  ///< empty where the value does not exist
};
using MetricInfo = BasicMetricInfo<double>;  ///< a metric of a double-precision Analysis

/// The summary metrics: lumbar first, then ground contact. Per step and per km where both apply.
/// The number of summary metrics.
constexpr std::size_t metric_count = 22;

/// Templated on the scalar so that derivatives (autodiff) come out under the same keys.
template <class Scalar = double>
const std::array<BasicMetricInfo<Scalar>, metric_count>& metric_table() {
  using M = BasicMetricInfo<Scalar>;
  using O = std::optional<Scalar>;
  using A = BasicAnalysis<Scalar>;
  static const std::array<M, metric_count> table = {{
      M{"peak_compression_bw", "L5/S1 peak compression", "BW", [](const A& a) -> O { return a.lumbar.peak_compression_bw; }},
      M{"peak_compression_n", "L5/S1 peak compression", "N", [](const A& a) -> O { return a.lumbar.peak_compression_n; }},
      M{"peak_ap_shear_bw", "L5/S1 peak anterior shear", "BW", [](const A& a) -> O { return a.lumbar.peak_ap_shear_bw; }},
      M{"peak_extension_moment_nm_per_kg", "L5/S1 peak extension moment", "N·m/kg", [](const A& a) -> O { return a.lumbar.peak_extension_moment_nm_per_kg; }},
      M{"compression_loading_rate_bw_per_s", "compression loading rate", "BW/s", [](const A& a) -> O { return a.lumbar.compression_loading_rate_bw_per_s; }},
      M{"compression_impulse_bw_s_per_step", "compression impulse per step", "BW·s", [](const A& a) -> O { return a.lumbar.compression_impulse_bw_s_per_step; }},
      M{"cumulative_compression_bw_s_per_km", "compression impulse per km", "BW·s", [](const A& a) -> O { return a.lumbar.cumulative_compression_bw_s_per_km; }},
      M{"peak_vgrf_bw", "peak vertical GRF", "BW", [](const A& a) -> O { return a.metrics.peak_vgrf_bw; }},
      M{"impact_peak_bw", "impact peak", "BW", [](const A& a) -> O { return a.metrics.impact_peak_bw; }},
      M{"vgrf_loading_rate_bw_per_s", "vGRF loading rate", "BW/s", [](const A& a) -> O { return a.metrics.vgrf_loading_rate_bw_per_s; }},
      M{"contact_time_s", "contact time", "s", [](const A& a) -> O { return a.metrics.contact_time_s; }},
      M{"flight_time_s", "flight time", "s", [](const A& a) -> O { return a.metrics.flight_time_s; }},
      M{"com_vertical_excursion_m", "COM vertical excursion", "m", [](const A& a) -> O { return a.metrics.com_vertical_excursion_m; }},
      M{"leg_stiffness_kn_per_m", "leg stiffness", "kN/m", [](const A& a) -> O { return a.metrics.leg_stiffness_kn_per_m; }},
      M{"vertical_stiffness_kn_per_m", "vertical stiffness", "kN/m", [](const A& a) -> O { return a.metrics.vertical_stiffness_kn_per_m; }},
      M{"braking_impulse_bw_s", "braking impulse per step", "BW·s", [](const A& a) -> O { return a.metrics.braking_impulse_bw_s; }},
      M{"braking_impulse_bw_s_per_km", "braking impulse per km", "BW·s", [](const A& a) -> O { return Scalar(a.metrics.braking_impulse_bw_s * a.metrics.steps_per_km); }},
      M{"step_length_m", "step length", "m", [](const A& a) -> O { return a.metrics.step_length_m; }},
      M{"steps_per_km", "steps per km", "1/km", [](const A& a) -> O { return a.metrics.steps_per_km; }},
      M{"landing_m", "first contact ahead of COM", "m", [](const A& a) -> O { return a.form.landing; }},
      M{"ankle_landing_m", "ankle ahead of COM", "m", [](const A& a) -> O { return ankle_landing(a); }},
      M{"residual_moment_nm_per_kg", "model residual moment", "N·m/kg", [](const A& a) -> O { return a.lumbar.residual_moment_nm_per_kg; }},
  }};
  return table;
}

}  // namespace strideload
