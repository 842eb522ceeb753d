#pragma once
/// @file metrics.hpp
/// Summary of one step's ground contact, measured from the time series the way a force-platform
/// study measures it.

#include <Eigen/Core>
#include <cmath>
#include <optional>

#include "form.hpp"
#include "runner.hpp"
#include "stance.hpp"
#include "step_series.hpp"

namespace strideload {

/// Force threshold that defines contact, N. Measured contact time depends on it (science.md §1);
/// 20 N is at the low end of the usual 20–50 N.
constexpr double contact_threshold_n = 20.0;

/// The loading rate is taken over 20–80 % of a reference force: the impact peak, or the force at
/// this fraction of the contact time if that is larger. Rearfoot impact peaks occur at about
/// 13–15 % of stance (15 % in Hamner & Delp's 3 m/s data); the fallback keeps a forefoot's brief,
/// small collision spike from defining its loading rate.
constexpr double impact_reference_fraction = 0.13;

/// The stance leg's compression as a force-platform study computes it (McMahon & Cheng 1990;
/// Farley & González 1996), m: the COM's drop from touchdown plus L − sqrt(L² − a²), the leg
/// shortening that the body's travel alone needs when it covers 2a over the contact on a leg of
/// length L.
template <class Scalar>
Scalar leg_compression(Scalar leg_length, Scalar com_drop, Scalar half_travel) {
  using std::sqrt;
  return com_drop + leg_length - sqrt(leg_length * leg_length - half_travel * half_travel);
}

/// Ground-contact metrics of one step. Names carry their units; BW = body weight.
template <class Scalar = double>
struct GroundContactMetrics {
  Scalar peak_vgrf_bw = Scalar(0);                 ///< highest vertical GRF
  std::optional<Scalar> impact_peak_bw;  ///< empty when there is no distinct impact peak
  Scalar vgrf_loading_rate_bw_per_s = Scalar(0);   ///< average, over 20–80 % of the impact peak
  Scalar contact_time_s = Scalar(0);               ///< vGRF above contact_threshold_n
  Scalar flight_time_s = Scalar(0);                ///< step time − contact time
  Scalar com_vertical_excursion_m = Scalar(0);     ///< highest − lowest COM over the step
  Scalar leg_stiffness_kn_per_m = Scalar(0);       ///< peak force / leg compression over the 20 N contact, the runner's leg alone (surface removed)
  Scalar vertical_stiffness_kn_per_m = Scalar(0);  ///< peak force / COM drop in stance
  Scalar braking_impulse_bw_s = Scalar(0);         ///< magnitude of the negative horizontal impulse
  Scalar step_length_m = Scalar(0);                ///< distance covered per step
  Scalar steps_per_km = Scalar(0);                 ///< 1000 m / step length
};

namespace detail {
/// Time at which the vGRF first reaches `level`, interpolated.
template <class Scalar>
Scalar first_crossing(const StepSeries<Scalar>& s, Scalar level) {
  for (Eigen::Index i = 1; i < s.size(); ++i)
    if (s.vgrf[i - 1] < level && s.vgrf[i] >= level)
      return s.time[i - 1] +
             (level - s.vgrf[i - 1]) / (s.vgrf[i] - s.vgrf[i - 1]) * (s.time[i] - s.time[i - 1]);
  return s.time[0];
}
}  // namespace detail

/// Contact time at a force threshold, s: first upward to last downward crossing, interpolated.
template <class Scalar>
Scalar contact_time_at(const StepSeries<Scalar>& s, Scalar threshold) {
  const Scalar on = detail::first_crossing(s, threshold);
  Scalar off = on;
  for (Eigen::Index i = s.size() - 1; i > 0; --i)
    if (s.vgrf[i - 1] >= threshold && s.vgrf[i] < threshold) {
      off = s.time[i - 1] + (s.vgrf[i - 1] - threshold) / (s.vgrf[i - 1] - s.vgrf[i]) *
                                (s.time[i] - s.time[i - 1]);
      break;
    }
  return off - on;
}

/// Computes the metrics from the sampled step. Never allocates or throws.
template <class Scalar>
GroundContactMetrics<Scalar> measure_ground_contact(const RunnerModel<Scalar>& runner,
                                                    const ResolvedForm<Scalar>& form,
                                                    const Stance<Scalar>& stance,
                                                    const StepSeries<Scalar>& s) {
  GroundContactMetrics<Scalar> m;
  const Scalar bw = runner.weight;
  const Eigen::Index n = s.size();
  Eigen::Index peak = 0;
  const Scalar peak_force = s.vgrf.maxCoeff(&peak);
  m.peak_vgrf_bw = peak_force / bw;

  // Impact peak: a local maximum before the active peak, followed by a dip.
  Eigen::Index impact = -1;
  for (Eigen::Index i = 1; i < peak; ++i)
    if (s.vgrf[i] > s.vgrf[i - 1] && s.vgrf[i] >= s.vgrf[i + 1]) {
      impact = i;
      break;
    }
  using std::max;
  const Scalar early = vertical_force(stance, Scalar(Scalar(impact_reference_fraction) * stance.contact_time));
  const Scalar reference = impact >= 0 ? max(s.vgrf[impact], early) : early;
  if (impact >= 0) m.impact_peak_bw = s.vgrf[impact] / bw;
  const Scalar t20 = detail::first_crossing(s, Scalar(Scalar(0.2) * reference));
  const Scalar t80 = detail::first_crossing(s, Scalar(Scalar(0.8) * reference));
  m.vgrf_loading_rate_bw_per_s = Scalar(0.6) * reference / bw / (t80 - t20);

  m.contact_time_s = contact_time_at(s, Scalar(contact_threshold_n));
  m.flight_time_s = form.step_time - m.contact_time_s;
  m.com_vertical_excursion_m = s.com_z.maxCoeff() - s.com_z.minCoeff();

  // Stiffness as a force-platform study measures it (Farley & González 1996; McMahon & Cheng 1990):
  // peak force over the COM's drop from touchdown, and over the leg's compression, with a = v·tc/2
  // half the distance the body travels over the *measured* contact, here the 20 N contact reported
  // above. The model's own sweep (stance.sweep_half) also counts the faint force below 20 N and
  // would give a stiffness no platform could reproduce (docs/validation.md, leg stiffness).
  const Scalar drop = -s.com_z.minCoeff();
  const Scalar compression = leg_compression(runner.leg_length, drop,
                                             Scalar(Scalar(0.5) * form.speed * m.contact_time_s));
  const Scalar series = peak_force / compression;  // leg and surface in series
  m.vertical_stiffness_kn_per_m = peak_force / drop / Scalar(1000);
  m.leg_stiffness_kn_per_m =
      Scalar(1) / (Scalar(1) / series - Scalar(1) / form.surface_stiffness) / Scalar(1000);

  Scalar braking = Scalar(0);
  for (Eigen::Index i = 1; i < n; ++i) {
    using std::min;
    braking += Scalar(0.5) * (s.time[i] - s.time[i - 1]) *
               (min(s.hgrf[i], Scalar(0)) + min(s.hgrf[i - 1], Scalar(0)));
  }
  m.braking_impulse_bw_s = -braking / bw;
  m.step_length_m = form.step_length;
  m.steps_per_km = Scalar(1000) / form.step_length;
  return m;
}

/// L5/S1 metrics of one step. Names carry their units; BW = body weight.
template <class Scalar = double>
struct LumbarMetrics {
  Scalar peak_compression_bw = Scalar(0);               ///< highest compression, in body weights
  Scalar peak_compression_n = Scalar(0);                ///< the same, in N
  Scalar peak_ap_shear_bw = Scalar(0);                  ///< largest anterior shear
  Scalar peak_extension_moment_nm_per_kg = Scalar(0);   ///< highest net extension moment per body mass
  Scalar compression_loading_rate_bw_per_s = Scalar(0); ///< average, 20–80 % of the rise to peak compression
  Scalar compression_impulse_bw_s_per_step = Scalar(0); ///< time integral of compression over one step
  Scalar cumulative_compression_bw_s_per_km = Scalar(0); ///< that impulse times the steps per km
  Scalar residual_moment_nm_per_kg = Scalar(0);         ///< largest |top-down − bottom-up| moment
};

/// Computes the L5/S1 metrics from the sampled step. Never allocates or throws.
template <class Scalar>
LumbarMetrics<Scalar> measure_lumbar_load(const RunnerModel<Scalar>& runner,
                                          const GroundContactMetrics<Scalar>& ground,
                                          const StepSeries<Scalar>& s) {
  LumbarMetrics<Scalar> m;
  const Scalar bw = runner.weight;
  Eigen::Index peak = 0;
  const Scalar peak_compression = s.compression.maxCoeff(&peak);
  m.peak_compression_n = peak_compression;
  m.peak_compression_bw = peak_compression / bw;
  m.peak_ap_shear_bw = s.ap_shear.maxCoeff() / bw;
  m.peak_extension_moment_nm_per_kg = s.extension_moment.maxCoeff() / runner.mass;
  // Loading rate over the rise to the peak: from the last time before it that compression was
  // below 20 % of the peak to the first time it reached 80 %.
  auto crossing = [&](Scalar level) -> Scalar {
    Eigen::Index i = peak;
    while (i > 0 && s.compression[i - 1] >= level) --i;
    if (i == 0) return s.time[0];
    return s.time[i - 1] + (level - s.compression[i - 1]) / (s.compression[i] - s.compression[i - 1]) *
                               (s.time[i] - s.time[i - 1]);
  };
  const Scalar t20 = crossing(Scalar(0.2) * peak_compression);
  const Scalar t80 = crossing(Scalar(0.8) * peak_compression);
  m.compression_loading_rate_bw_per_s =
      t80 > t20 ? Scalar(0.6) * peak_compression / bw / (t80 - t20) : Scalar(0);
  Scalar impulse = Scalar(0), residual = Scalar(0);
  for (Eigen::Index i = 1; i < s.size(); ++i)
    impulse += Scalar(0.5) * (s.time[i] - s.time[i - 1]) * (s.compression[i] + s.compression[i - 1]);
  m.compression_impulse_bw_s_per_step = impulse / bw;
  m.cumulative_compression_bw_s_per_km = m.compression_impulse_bw_s_per_step * ground.steps_per_km;
  using std::abs;
  for (Eigen::Index i = 0; i < s.size(); ++i)
    residual = abs(s.residual_moment[i]) > residual ? abs(s.residual_moment[i]) : residual;
  m.residual_moment_nm_per_kg = residual / runner.mass;
  return m;
}

}  // namespace strideload
