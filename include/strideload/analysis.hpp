#pragma once
/// @file analysis.hpp
/// The pipeline, top to bottom: runner and form in, one step's loads and metrics out.

#include <algorithm>
#include <array>
#include <cmath>

#include "body_model.hpp"
#include "body_pose.hpp"
#include "errors.hpp"
#include "lumbar_load.hpp"
#include "form.hpp"
#include "metrics.hpp"
#include "plausible_ranges.hpp"
#include "runner.hpp"
#include "sampled_body.hpp"
#include "sampled_lumbar_load.hpp"
#include "stance.hpp"
#include "step_series.hpp"
#include "turning_direction.hpp"
#include "scalar.hpp"

namespace strideload {

/// How to sample the step.
struct AnalysisOptions {
  double sample_rate_hz = 1000.0;  ///< samples per second of the time series (1 kHz default)
};

/// Everything known about one step of one runner with one form.
template <class Scalar = double>
struct BasicAnalysis {
  /// The runner in SI units (kg, m), as analysed.
  RunnerModel<Scalar> runner;
  /// Segment lengths, masses and inertias (de Leva 1996).
  BodyModel<Scalar> body;
  /// The leg shape that lands the form's strike at its landing distance (leg_shape()), rad.
  LegShape<Scalar> shape;
  /// Every form parameter fixed: SI units and radians.
  ResolvedForm<Scalar> form;
  /// Contact and flight times, the impact and active impulses.
  Stance<Scalar> stance;
  /// The step over time, touchdown to touchdown, at AnalysisOptions::sample_rate_hz.
  StepSeries<Scalar> series;
  /// Ground-contact summary, measured as a force-platform study would.
  GroundContactMetrics<Scalar> metrics;
  /// L5/S1 summary: compression, shear, extension moment.
  LumbarMetrics<Scalar> lumbar;
};
/// The analysis in double precision, the common case.
using Analysis = BasicAnalysis<double>;

/// Makes the synthesized motion agree with the ground reaction force's moment, in two steps.
///
/// 1. In stance the GRF supplies the change of the body's angular momentum, Ḣ, as a real GRF does:
///    its point of application moves by Ḣ/Fz from the rolling centre of pressure, without changing
///    the force, but never more than half a foot length (the COP stays on the foot). One constant
///    shift over the contact makes the GRF's angular impulse over the step zero, as a periodic
///    motion needs.
/// 2. What the foot cannot supply (near touchdown and toe-off, and all of flight, where replayed
///    patterns change H a little although nothing outside can) the upper body absorbs: it
///    counter-rotates about L5/S1 at ω = −(R − R*)/J, with R the unsupplied angular impulse so far,
///    J from upper_body_rotational_inertia(), and R* chosen so the added angle is periodic. This
///    is the spirit of OpenSim's residual reduction, which adjusts the torso.
///
/// Reads the body's sums (sample_body()). Moves s.cop_x, fills trunk_correction (zero mean) and
/// its rate. Never allocates or throws.
template <class Scalar>
void balance_angular_momentum(const RunnerModel<Scalar>& runner, const BodyModel<Scalar>& body,
                              StepSeries<Scalar>& s) {
  using std::max;
  using std::min;
  const Eigen::Index n = s.size();
  // Constants and the sample times carry no derivatives: kept in plain numbers (scalar.hpp).
  using Real = plain_number_t<Scalar>;
  const Real half = Real(0.5);
  const Scalar limit = half * runner.foot_length;
  auto weight = [&](Eigen::Index i) { return (i == 0 || i == n - 1) ? half : Real(1); };
  auto half_interval = [&](Eigen::Index i) { return half * Real(value_of(s.time[i]) - value_of(s.time[i - 1])); };
  // What the clamped point of application leaves unsupplied of Ḣ (kept in the rate array for
  // now), and J (in the angle array).
  Scalar hdot_integral = Scalar(0), offset_integral = Scalar(0), force_integral = Scalar(0);
  for (Eigen::Index i = 0; i < n; ++i) {
    const BodyAboutL5S1<Scalar>& b = s.body_sums[static_cast<std::size_t>(i)];
    const Scalar hdot = angular_momentum_rate(body.mass, b);
    const Scalar fz = s.vgrf[i];
    const Scalar offset = fz > Scalar(0) ? max(Scalar(-limit), min(limit, Scalar(hdot / fz))) : Scalar(0);
    s.cop_x[i] += offset;
    s.trunk_correction_rate[i] = hdot - offset * fz;
    s.trunk_correction[i] = upper_body_rotational_inertia(body.mass, b);
    hdot_integral += weight(i) * hdot;
    offset_integral += weight(i) * offset * fz;
    force_integral += weight(i) * fz;
  }
  const Scalar shift = (hdot_integral - offset_integral) / force_integral;
  // Unsupplied angular impulse R(t) (in the rate array), then ω = −(R − R*)/J.
  Scalar r = Scalar(0), previous = Scalar(0);
  for (Eigen::Index i = 0; i < n; ++i) {
    const Scalar fz = s.vgrf[i];
    if (fz > Scalar(0)) s.cop_x[i] += shift;
    const Scalar unsupplied = s.trunk_correction_rate[i] - shift * fz;  // fz is 0 in flight
    if (i > 0) r += half_interval(i) * (unsupplied + previous);
    previous = unsupplied;
    s.trunk_correction_rate[i] = r;
  }
  // The weighted means of R/J and 1/J: each block's quotients first (their divisions vectorise),
  // then their sums in order.
  Scalar weighted = Scalar(0), weights = Scalar(0);
  for (Eigen::Index first = 0; first < n; first += body_block_size) {
    const int m = static_cast<int>(std::min<Eigen::Index>(body_block_size, n - first));
    Scalar by_r[body_block_size], by_one[body_block_size];
    for (int j = 0; j < m; ++j) {
      const Eigen::Index i = first + j;
      by_r[j] = weight(i) * s.trunk_correction_rate[i] / s.trunk_correction[i];
      by_one[j] = weight(i) / s.trunk_correction[i];
    }
    for (int j = 0; j < m; ++j) {
      weighted += by_r[j];
      weights += by_one[j];
    }
  }
  const Scalar target = weighted / weights;  // makes ∫ω dt = 0
  for (Eigen::Index i = 0; i < n; ++i)
    s.trunk_correction_rate[i] = -(s.trunk_correction_rate[i] - target) / s.trunk_correction[i];
  s.trunk_correction[0] = Scalar(0);
  for (Eigen::Index i = 1; i < n; ++i)
    s.trunk_correction[i] =
        s.trunk_correction[i - 1] + half_interval(i) * (s.trunk_correction_rate[i] + s.trunk_correction_rate[i - 1]);
  s.trunk_correction -= s.trunk_correction.mean();
}

/// Sizes `out` once for every plausible step at `options`' sample rate, so that no later
/// analyze() into it allocates, whatever the form. Allocates; call it outside the real-time loop.
template <class Scalar>
void reserve(BasicAnalysis<Scalar>& out, const AnalysisOptions& options = {}) {
  out.series.reserve(max_samples_per_step(options.sample_rate_hz));
}

/// The no_solution error of a step whose leg stiffness (surface removed) is not a positive finite
/// number: the surface is softer than the gait's leg-and-surface stiffness, so no leg can keep the
/// COM motion (Ferris et al. 1999). Empty otherwise. Never allocates or throws.
template <class Scalar>
InputError check_leg_stiffness(const BasicAnalysis<Scalar>& a) {
  using std::isfinite;
  const double k = value_of(a.metrics.leg_stiffness_kn_per_m);
  if (k > 0.0 && isfinite(k)) return {};
  InputError e;
  e.status = Status::no_solution;
  e.parameter = "surface";
  e.value = value_of(a.form.surface_stiffness) / 1000.0;
  e.unit = "kN/m";
  e.accepted = "the surface is softer than this gait's leg-and-surface stiffness; no leg "
               "stiffness can keep the centre-of-mass motion (Ferris et al. 1999)";
  return e;
}

/// Analyses one step into `out`. Returns the first input error, or no_solution when the form
/// parameters are each plausible but no running step combines them. Never throws; allocates only
/// when out.series must grow.
template <class Scalar>
InputError analyze(const RunnerModel<Scalar>& runner, const BasicForm<Scalar>& form,
                   const AnalysisOptions& options, BasicAnalysis<Scalar>& out) {
  if (auto e = check_range(ranges::sample_rate, options.sample_rate_hz)) return e;
  out.runner = runner;
  // 1. Form: fill in what the caller left out, check what they gave.
  if (auto e = resolve_form(runner, form, out.form)) return e;
  // 2. Stance: contact and flight times, the impact and active impulses.
  if (auto e = solve_stance(runner, out.form, out.stance)) return e;
  // 3. The step over time: forces and the COM motion they cause.
  out.series.resize(samples_per_step(out.stance.step_time, options.sample_rate_hz));
  sample_step(runner, out.form, out.stance, options.sample_rate_hz, out.series);
  // 4. The body over the step, and the load at L5/S1.
  out.body = make_body_model(runner);
  out.shape = leg_shape(out.body, out.form);
  sample_body(out.body, out.form, out.shape, out.series);
  balance_angular_momentum(runner, out.body, out.series);
  sample_lumbar_load(runner, out.body, out.stance, out.series);
  // 5. Metrics, measured as a force-platform study would.
  out.metrics = measure_ground_contact(runner, out.form, out.stance, out.series);
  out.lumbar = measure_lumbar_load(runner, out.metrics, out.series);
  return check_leg_stiffness(out);
}

/// Analyses one step.
/// @throws invalid_input naming the parameter, its value and what is accepted.
template <class Scalar>
BasicAnalysis<Scalar> analyze(const BasicRunner<Scalar>& runner, const BasicForm<Scalar>& form,
                              const AnalysisOptions& options = {}) {
  BasicAnalysis<Scalar> a;
  throw_if_error(analyze(make_runner_model(runner), form, options, a));
  return a;
}

}  // namespace strideload
