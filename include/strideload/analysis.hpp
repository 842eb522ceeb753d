#pragma once
/// @file analysis.hpp
/// The pipeline, top to bottom: runner and form in, one step's loads and metrics out.

#include <cmath>

#include "body_model.hpp"
#include "body_pose.hpp"
#include "errors.hpp"
#include "lumbar_load.hpp"
#include "form.hpp"
#include "metrics.hpp"
#include "plausible_ranges.hpp"
#include "runner.hpp"
#include "stance.hpp"
#include "step_series.hpp"

namespace strideload {

/// How to sample the step.
struct AnalysisOptions {
  double sample_rate_hz = 1000.0;  ///< samples per second of the time series (1 kHz default)
};

/// Everything known about one step of one runner with one form.
template <class Scalar = double>
struct BasicAnalysis {
  RunnerModel<Scalar> runner;
  BodyModel<Scalar> body;
  ResolvedForm<Scalar> form;
  Stance<Scalar> stance;
  StepSeries<Scalar> series;
  GroundContactMetrics<Scalar> metrics;
  LumbarMetrics<Scalar> lumbar;
};

/// Fills the L5/S1 series of a sampled step: the body's pose at each sample, its hips moving so
/// that the whole-body COM follows the GRF (a_hips = a_COM − a_COM relative to the hips), then the
/// top-down load and its bottom-up check. Never allocates or throws.
template <class Scalar>
void sample_lumbar_load(const RunnerModel<Scalar>& runner, const BodyModel<Scalar>& body,
                        const ResolvedForm<Scalar>& form, const Stance<Scalar>& stance,
                        StepSeries<Scalar>& s) {
  using Vec = Eigen::Matrix<Scalar, 2, 1>;
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    const BodyPose<Scalar> pose = body_pose(body, form, s.time[i]);
    const Vec com_acceleration(s.hgrf[i] / runner.mass,
                               s.vgrf[i] / runner.mass - Scalar(standard_gravity));
    const Vec hip_acceleration = com_acceleration - pose.body_com.a;
    // The centre of pressure relative to the hips: relative to the COM, plus the COM's offset.
    const Vec cop = Vec(s.cop_x[i] - s.com_x[i], -(stance.touchdown_height + s.com_z[i])) + pose.body_com.p;
    const LumbarLoad<Scalar> l =
        lumbar_load(runner, body, pose, hip_acceleration, cop, Vec(s.hgrf[i], s.vgrf[i]));
    s.compression[i] = l.compression;
    s.ap_shear[i] = l.ap_shear;
    s.extension_moment[i] = l.moment;
    s.residual_moment[i] = l.moment - l.moment_bottom_up;
  }
}
using Analysis = BasicAnalysis<double>;

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
  sample_lumbar_load(runner, out.body, out.form, out.stance, out.series);
  // 5. Metrics, measured as a force-platform study would.
  out.metrics = measure_ground_contact(runner, out.form, out.stance, out.series);
  out.lumbar = measure_lumbar_load(runner, out.metrics, out.series);
  using std::isfinite;
  if (!(out.metrics.leg_stiffness_kn_per_m > Scalar(0)) ||
      !isfinite(static_cast<double>(out.metrics.leg_stiffness_kn_per_m))) {
    InputError e;
    e.status = Status::no_solution;
    e.parameter = "surface";
    e.value = static_cast<double>(out.form.surface_stiffness) / 1000.0;
    e.unit = "kN/m";
    e.accepted = "the surface is softer than this gait's leg-and-surface stiffness; no leg "
                 "stiffness can keep the centre-of-mass motion (Ferris et al. 1999)";
    return e;
  }
  return {};
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
