#pragma once
/// @file ranking.hpp
/// Which single change of form lowers the load on the lower back most: plausible changes within
/// realistic bounds, each analysed in full and estimated from the gradient, ranked by their effect
/// on L5/S1 peak compression and on compression per km (opt-in: uses sensitivity.hpp).

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "comparison.hpp"
#include "form_change.hpp"
#include "sensitivity.hpp"

namespace strideload {

/// What a change's predicted effect rests on.
struct Evidence {
  const char* measured;      ///< the part that published measurements support
  const char* extrapolated;  ///< the part that is the model's own prediction
};

/// The evidence behind changes of one parameter (science.md §3–7, docs/validation.md).
inline Evidence evidence(FormParameter p) {
  switch (p) {
    case FormParameter::cadence:
    case FormParameter::stride_length:
    case FormParameter::speed:
      return {"landing moves ~1 % closer per +1 % cadence (Lieberman 2015); shorter steps, less braking "
              "(Heiderscheit 2011)",
              "L5/S1 load: no study has measured it against cadence"};
    case FormParameter::landing:
      return {"landing ahead of the hip predicts braking (Lieberman 2015)",
              "L5/S1 load: never measured against landing"};
    case FormParameter::strike:
      return {"forefoot strikes: lower impact and loading rate (Xu 2021 meta-analysis), foot lands "
              "closer (Vannatta & Kernozek 2015)",
              "L5/S1 load: never measured against strike"};
    case FormParameter::pelvic_tilt:
      return {"the L5/S1 disc tips with the sacrum: sacral slope rises with anterior tilt (Mac-Thiong 2011)",
              "L5/S1 load in running: never measured against tilt"};
    case FormParameter::trunk_lean:
      return {"the model's L5/S1 moment matches one measured runner at one lean (Hamner & Delp 2013)",
              "L5/S1 load at other leans: model prediction"};
    case FormParameter::surface:
      return {"runners keep leg + surface stiffness nearly constant (Ferris 1998, 1999)",
              "surface stiffnesses are estimates from sports-surface tests; impact and L5/S1: model"};
    case FormParameter::shoe:
      return {"shoe stiffness from whole-shoe impact tests (Fuss 2025)",
              "impact and L5/S1 effects: model prediction"};
  }
  return {"", ""};
}

/// One candidate change and what it does.
struct RankedChange {
  std::string label;  ///< e.g. "cadence +10%", in `whatif --vs` spelling
  FormChange change;  ///< the change itself
  Analysis analysis;  ///< the full re-analysis of the changed form
  double peak_compression_pct = 0.0;        ///< full re-analysis, % of baseline
  double compression_per_km_pct = 0.0;      ///< full re-analysis, % of baseline
  double peak_ap_shear_pct = 0.0;           ///< full re-analysis, % of baseline: the trade-off to watch
  /// Gradient · (change of every continuous form variable, couplings included), % of baseline.
  /// Empty where the change is not continuous (a new strike, shoes on or off).
  std::optional<double> linear_peak_compression_pct;
  std::optional<double> linear_compression_per_km_pct;  ///< the same, for compression per km
  std::vector<FormParameter> moved;  ///< parameters it moved without setting them
  Evidence basis;  ///< what the predicted effect rests on
};

/// The ranking of one runner's candidate changes.
struct Ranking {
  Analysis baseline;                  ///< the form as given
  Sensitivities sensitivities;        ///< at the baseline
  std::vector<RankedChange> changes;  ///< best first: the largest cut in peak compression
  std::vector<std::pair<std::string, InputError>> refused;  ///< candidates with no running step
};

/// The plausible single changes of a form within realistic bounds: cadence ±10 %, landing 5 cm
/// closer, each other strike, pelvic tilt ±5°, trunk lean ±5°, each other surface and shoe.
inline std::vector<std::pair<std::string, FormChange>> candidate_changes(const ResolvedForm<double>& f) {
  std::vector<std::pair<std::string, FormChange>> out = {
      {"cadence=+10%", raise_cadence(10)},
      {"cadence=-10%", raise_cadence(-10)},
      {"landing=-0.05", land_closer(metres(0.05))},
      {"pelvic-tilt=-5", reduce_pelvic_tilt(degrees(5.0))},
      {"pelvic-tilt=+5", reduce_pelvic_tilt(degrees(-5.0))},
      {"trunk-lean=-5", run_more_upright(degrees(5.0))},
      {"trunk-lean=+5", run_more_upright(degrees(-5.0))},
  };
  for (Strike s : {Strike::rearfoot, Strike::midfoot, Strike::forefoot})
    if (s != f.strike) out.push_back({std::string("strike=") + name(s), switch_strike(s)});
  for (SurfacePreset s : {SurfacePreset::concrete, SurfacePreset::asphalt, SurfacePreset::track,
                          SurfacePreset::grass, SurfacePreset::treadmill})
    if (s != f.surface) out.push_back({std::string("surface=") + name(s), run_on(s)});
  for (ShoePreset s : {ShoePreset::barefoot, ShoePreset::minimal, ShoePreset::cushioned})
    if (s != f.shoe) {
      FormChange c;
      c.parameter = FormParameter::shoe;
      c.kind = FormChange::Kind::word;
      c.shoe = s;
      out.push_back({std::string("shoe=") + name(s), c});
    }
  return out;
}

namespace detail {
/// Linear estimate of metric m's change, % of baseline: Σ gradient·Δvariable.
inline std::optional<double> linear_estimate_pct(const Ranking& r, const Analysis& variant, std::size_t m) {
  const ResolvedForm<double>& a = r.baseline.form;
  const ResolvedForm<double>& b = variant.form;
  if (a.strike != b.strike || (a.shoe_compliance > 0.0) != (b.shoe_compliance > 0.0)) return std::nullopt;
  const auto before = form_values(a), after = form_values(b);
  double change = 0.0;
  for (std::size_t v = 0; v < before.size(); ++v) {
    const auto& g = r.sensitivities.gradient[m][v];
    if (before[v] == after[v]) continue;
    if (!g) return std::nullopt;
    change += *g * (after[v] - before[v]);
  }
  const std::optional<double> base = metric_table()[m].get(r.baseline);
  if (!base || *base == 0.0) return std::nullopt;
  return 100.0 * change / *base;
}

inline std::size_t metric_index(const char* key) {
  for (std::size_t m = 0; m < metric_count; ++m)
    if (std::string(metric_table()[m].key) == key) return m;
  return metric_count;
}
}  // namespace detail

/// Ranks the candidate changes of `form` for `runner` by the cut in L5/S1 peak compression (best
/// first); each also carries its effect on compression per km, the gradient's linear estimate of
/// both, and the evidence it rests on. Changes move the parameters they do not set as runners do
/// (form_change.hpp) unless `holds` pins them.
/// @throws invalid_input naming the parameter, its value and what is accepted, for a bad baseline.
inline Ranking rank_changes(const Runner& runner, const Form& form, const Holds& holds = {},
                            const AnalysisOptions& options = {}) {
  Ranking r;
  r.baseline = analyze(runner, form, options);
  throw_if_error(sensitivities(r.baseline.runner, r.baseline.form, options, r.sensitivities));
  const std::size_t peak = detail::metric_index("peak_compression_bw");
  const std::size_t per_km = detail::metric_index("cumulative_compression_bw_s_per_km");
  for (const auto& [label, change] : candidate_changes(r.baseline.form)) {
    RankedChange c;
    c.label = label;
    c.change = change;
    c.basis = evidence(change.parameter);
    Form changed;
    if (auto e = apply_change(r.baseline.runner, form, r.baseline.form, change, holds, changed)) {
      r.refused.push_back({label, e});
      continue;
    }
    if (auto e = analyze(r.baseline.runner, changed, options, c.analysis)) {
      r.refused.push_back({label, e});
      continue;
    }
    c.peak_compression_pct = 100.0 * (c.analysis.lumbar.peak_compression_bw / r.baseline.lumbar.peak_compression_bw - 1.0);
    c.compression_per_km_pct = 100.0 * (c.analysis.lumbar.cumulative_compression_bw_s_per_km /
                                            r.baseline.lumbar.cumulative_compression_bw_s_per_km - 1.0);
    c.peak_ap_shear_pct = 100.0 * (c.analysis.lumbar.peak_ap_shear_bw / r.baseline.lumbar.peak_ap_shear_bw - 1.0);
    c.linear_peak_compression_pct = detail::linear_estimate_pct(r, c.analysis, peak);
    c.linear_compression_per_km_pct = detail::linear_estimate_pct(r, c.analysis, per_km);
    c.moved = moved_parameters(r.baseline.form, c.analysis.form, change.parameter);
    r.changes.push_back(std::move(c));
  }
  std::stable_sort(r.changes.begin(), r.changes.end(), [](const RankedChange& a, const RankedChange& b) {
    return a.peak_compression_pct < b.peak_compression_pct;
  });
  return r;
}

}  // namespace strideload
