#pragma once
/// @file sensitivity.hpp
/// How much each summary metric moves per unit of each continuous form parameter: the gradient,
/// by forward-mode automatic differentiation through the whole model in one pass (opt-in: pulls
/// in unsupported/Eigen/AutoDiff).
///
/// Each derivative holds every other parameter fixed, as `whatif --hold` on every coupled
/// parameter would: d/d cadence is at the same speed (the stride shortens) and the same landing.

#include <array>
#include <cmath>
#include <cstddef>
#include <optional>

#include "analysis.hpp"
#include "autodiff.hpp"
#include "errors.hpp"
#include "form.hpp"
#include "metric_table.hpp"
#include "multiversion.hpp"
#include "sampled_body_derivatives.hpp"

/// Put before a function to have the compiler inline into it every function it calls, all the way
/// down (GCC's and Clang's `flatten`). sensitivities() runs the per-sample stages in autodiff
/// through such functions: without it GCC leaves Eigen's loops over the derivatives out of line,
/// and they cost more than the arithmetic (docs/performance.md (10)). Define it empty before
/// including this header to turn it off, for a compiler that fails on it (g++ 12.2 stops with an
/// internal error on sample_body() flattened, which is why the body is not).
///
/// The flattened stages are also compiled for AVX2 (STRIDELOAD_BLOCK_KERNEL). Eigen's own packets
/// stay two doubles wide there (they are chosen when Eigen is included), but the three-operand AVX
/// encoding spares the copies between registers that two-operand SSE needs: 13 % fewer
/// instructions and about 10 % less time for sensitivities() (docs/performance.md (18)).
#ifndef STRIDELOAD_FLATTEN
#if defined(__GNUC__)
#define STRIDELOAD_FLATTEN [[gnu::flatten]]
#else
#define STRIDELOAD_FLATTEN
#endif
#endif

namespace strideload {

/// The continuous form parameters, with their units as in `whatif --json`'s `form`.
enum class FormVariable { cadence, speed, landing, pelvic_tilt, trunk_lean, surface_stiffness, shoe_stiffness };
constexpr int form_variable_count = 7;  ///< the number of FormVariable values

/// Key of a variable in `whatif --json`'s `form` object, which also names its unit.
constexpr const char* form_key(FormVariable v) {
  switch (v) {
    case FormVariable::cadence: return "cadence_spm";
    case FormVariable::speed: return "speed_m_per_s";
    case FormVariable::landing: return "landing_m";
    case FormVariable::pelvic_tilt: return "pelvic_tilt_deg";
    case FormVariable::trunk_lean: return "trunk_lean_deg";
    case FormVariable::surface_stiffness: return "surface_stiffness_kn_per_m";
    case FormVariable::shoe_stiffness: return "shoe_stiffness_kn_per_m";
  }
  return "";
}

/// A variable's value in a resolved form, in the unit of form_key(). The shoe's stiffness does not
/// exist barefoot.
inline std::optional<double> form_value(const ResolvedForm<double>& f, FormVariable v) {
  constexpr double deg = 180.0 / 3.14159265358979323846;
  switch (v) {
    case FormVariable::cadence: return f.cadence * 60.0;
    case FormVariable::speed: return f.speed;
    case FormVariable::landing: return f.landing;
    case FormVariable::pelvic_tilt: return f.pelvic_tilt * deg;
    case FormVariable::trunk_lean: return f.trunk_lean * deg;
    case FormVariable::surface_stiffness: return f.surface_stiffness / 1000.0;
    case FormVariable::shoe_stiffness:
      if (f.shoe_compliance > 0.0) return 1.0 / f.shoe_compliance / 1000.0;
      return std::nullopt;
  }
  return std::nullopt;
}

/// The scalar that carries the derivatives with respect to every FormVariable.
using GradientScalar = AutoDiff<form_variable_count>;

/// Every metric's derivative with respect to every form variable, and the workspace that computes
/// them. Create once and reuse: sensitivities() then allocates nothing.
struct Sensitivities {
  /// d(metric)/d(variable) in the metric's unit per the variable's unit, indexed
  /// [metric, in metric_table() order][FormVariable]; empty where the metric does not exist or the
  /// variable does not apply (the shoe's stiffness, barefoot).
  std::array<std::array<std::optional<double>, form_variable_count>, metric_count> gradient;
  BasicAnalysis<GradientScalar> analysis;  ///< the analysis in autodiff, values and derivatives
};

/// The runner model in another scalar type (the runner is not differentiated).
template <class To, class From>
RunnerModel<To> runner_model_as(const RunnerModel<From>& r) {
  RunnerModel<To> out;
  out.sex = r.sex;
  out.mass = To(value_of(r.mass));
  out.height = To(value_of(r.height));
  out.weight = To(value_of(r.weight));
  out.leg_length = To(value_of(r.leg_length));
  out.foot_length = To(value_of(r.foot_length));
  out.impact_mass = To(value_of(r.impact_mass));
  return out;
}

/// The variables of a resolved form, in form_key() units (the shoe's stiffness is 0 barefoot).
inline std::array<double, form_variable_count> form_values(const ResolvedForm<double>& f) {
  std::array<double, form_variable_count> out{};
  for (int v = 0; v < form_variable_count; ++v)
    out[static_cast<std::size_t>(v)] = form_value(f, static_cast<FormVariable>(v)).value_or(0.0);
  return out;
}

/// The form that resolves like `at` but with each variable at `values` (form_key() units): every
/// spatiotemporal value, landing and angle given, the surface and shoe as stiffnesses (a preset is
/// its stiffness). A barefoot form stays barefoot.
template <class Scalar>
BasicForm<Scalar> form_with(const ResolvedForm<double>& at, const std::array<Scalar, form_variable_count>& values) {
  auto value = [&](FormVariable v) { return values[static_cast<std::size_t>(v)]; };
  BasicForm<Scalar> f;
  f.speed = metres_per_second(value(FormVariable::speed));
  f.cadence = steps_per_minute(value(FormVariable::cadence));
  f.strike = at.strike;
  f.landing = metres(value(FormVariable::landing));
  f.pelvic_tilt = degrees(value(FormVariable::pelvic_tilt));
  f.trunk_lean = degrees(value(FormVariable::trunk_lean));
  f.surface = {SurfacePreset::custom, kilonewtons_per_metre(value(FormVariable::surface_stiffness))};
  if (at.shoe_compliance > 0.0)
    f.shoe = {ShoePreset::custom, kilonewtons_per_metre(value(FormVariable::shoe_stiffness))};
  else
    f.shoe = {ShoePreset::barefoot, {}};
  return f;
}

namespace detail {
/// Poses the body over the step sampled in out.series (sample_body()) in plain doubles with the
/// sums' derivatives with respect to the pose parameters (sample_body_with_derivatives()), and
/// stores the sums in out.series.body_sums with their derivatives with respect to the form: the
/// same values and derivatives as sample_body() in GradientScalar, for a fraction of the cost.
/// `plain_body` and `plain_form` are out.body's and out.form's values; needs out.form and
/// out.shape. Never allocates.
inline void sample_body_for_gradient(const BodyModel<double>& plain_body, const ResolvedForm<double>& plain_form,
                                     BasicAnalysis<GradientScalar>& out) {
  const LegShape<double> shape{value_of(out.shape.thigh), value_of(out.shape.ankle)};
  // How each pose parameter depends on the form: its own derivatives, from the form and leg shape
  // in GradientScalar.
  const auto parameters = pose_parameters(out.form, out.shape);
  Eigen::Matrix<double, pose_parameter_count, form_variable_count> chain;
  for (int p = 0; p < pose_parameter_count; ++p)
    chain.row(p) = parameters[static_cast<std::size_t>(p)].derivatives().transpose();
  sample_body_with_derivatives(
      plain_body, plain_form, shape, chain, out.series.size(),
      [&](Eigen::Index i) { return value_of(out.series.time[i]); },
      [&](Eigen::Index i, const BodyAboutL5S1<GradientScalar>& sums) {
        out.series.body_sums[static_cast<std::size_t>(i)] = sums;
      });
}

/// sample_step() in GradientScalar, flattened (STRIDELOAD_FLATTEN) and multiversioned.
STRIDELOAD_FLATTEN STRIDELOAD_BLOCK_KERNEL inline void sample_step_flattened(const RunnerModel<GradientScalar>& runner,
                                                     const ResolvedForm<GradientScalar>& form,
                                                     const Stance<GradientScalar>& stance, double rate_hz,
                                                     StepSeries<GradientScalar>& s) {
  sample_step(runner, form, stance, rate_hz, s);
}

/// balance_angular_momentum() in GradientScalar, flattened (STRIDELOAD_FLATTEN) and multiversioned.
STRIDELOAD_FLATTEN STRIDELOAD_BLOCK_KERNEL inline void balance_angular_momentum_flattened(const RunnerModel<GradientScalar>& runner,
                                                                  const BodyModel<GradientScalar>& body,
                                                                  StepSeries<GradientScalar>& s) {
  balance_angular_momentum(runner, body, s);
}

/// sample_lumbar_load() in GradientScalar, flattened (STRIDELOAD_FLATTEN) and multiversioned.
STRIDELOAD_FLATTEN STRIDELOAD_BLOCK_KERNEL inline void sample_lumbar_load_flattened(const RunnerModel<GradientScalar>& runner,
                                                            const BodyModel<GradientScalar>& body,
                                                            const Stance<GradientScalar>& stance,
                                                            StepSeries<GradientScalar>& s) {
  sample_lumbar_load(runner, body, stance, s);
}

/// analyze() in GradientScalar (the same stages in the same order), with the body posed by
/// sample_body_for_gradient() and the other per-sample stages flattened.
inline InputError analyze_for_gradient(const RunnerModel<double>& runner, const ResolvedForm<double>& at,
                                       const std::array<double, form_variable_count>& values,
                                       const AnalysisOptions& options, Sensitivities& work) {
  using G = GradientScalar;
  BasicAnalysis<G>& out = work.analysis;
  if (auto e = check_range(ranges::sample_rate, options.sample_rate_hz)) return e;
  std::array<G, form_variable_count> seeded;
  for (int v = 0; v < form_variable_count; ++v)
    seeded[static_cast<std::size_t>(v)] = independent_variable<form_variable_count>(values[static_cast<std::size_t>(v)], v);
  out.runner = runner_model_as<G>(runner);
  if (auto e = resolve_form(out.runner, form_with(at, seeded), out.form)) return e;
  if (auto e = solve_stance(out.runner, out.form, out.stance)) return e;
  out.series.resize(samples_per_step(out.stance.step_time, options.sample_rate_hz));
  sample_step_flattened(out.runner, out.form, out.stance, options.sample_rate_hz, out.series);
  // The body and the leg shape in plain numbers too: the leg shape is solved in them
  // (leg_shape_from_plain()) and the body posed in them with its derivatives by hand.
  ResolvedForm<double> plain_form;
  if (auto e = resolve_form(runner, form_with(at, values), plain_form)) return e;
  const BodyModel<double> plain_body = make_body_model(runner);
  out.body = make_body_model(out.runner);
  out.shape = leg_shape_from_plain(out.body, out.form, plain_body, plain_form);
  sample_body_for_gradient(plain_body, plain_form, out);
  balance_angular_momentum_flattened(out.runner, out.body, out.series);
  sample_lumbar_load_flattened(out.runner, out.body, out.stance, out.series);
  out.metrics = measure_ground_contact(out.runner, out.form, out.stance, out.series);
  out.lumbar = measure_lumbar_load(out.runner, out.metrics, out.series);
  return check_leg_stiffness(out);  // as analyze() reports it
}
}  // namespace detail

/// The gradient of every metric at the resolved form `at`, each variable seeded as an independent
/// variable of one autodiff pass; the body is posed in plain doubles with its derivatives by hand
/// (sample_body_with_derivatives()). Returns the analysis's error, if any (for example
/// no_solution). Never throws; allocates only while out's series grow.
inline InputError sensitivities(const RunnerModel<double>& runner, const ResolvedForm<double>& at,
                                const AnalysisOptions& options, Sensitivities& out) {
  using G = GradientScalar;
  if (auto e = detail::analyze_for_gradient(runner, at, form_values(at), options, out)) return e;

  const bool shod = at.shoe_compliance > 0.0;
  const auto& table = metric_table<G>();
  for (std::size_t m = 0; m < metric_count; ++m) {
    const std::optional<G> value = table[m].get(out.analysis);
    for (int v = 0; v < form_variable_count; ++v) {
      const bool applies = shod || static_cast<FormVariable>(v) != FormVariable::shoe_stiffness;
      out.gradient[m][static_cast<std::size_t>(v)] =
          value && applies ? std::optional<double>(value->derivatives()[v]) : std::nullopt;
    }
  }
  return {};
}

}  // namespace strideload
