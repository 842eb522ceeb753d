#pragma once
/// @file comparison.hpp
/// compare(): a baseline form against changed forms, for one runner, with the difference of every
/// summary metric.

#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "analysis.hpp"
#include "form_change.hpp"
#include "metric_table.hpp"

namespace strideload {

/// One metric, baseline against variant.
struct MetricDifference {
  const MetricInfo* metric = nullptr;  ///< which metric (key, label, unit)
  ///@{
  std::optional<double> baseline, variant;  ///< the two values, in the metric's unit; empty where none exists
  ///@}
  std::optional<double> absolute;  ///< variant − baseline, in the metric's unit
  std::optional<double> percent;   ///< 100·(variant − baseline)/baseline; empty if the baseline is 0
};

/// A changed form and what it does.
struct ComparedVariant {
  FormChange change;  ///< the change from the baseline form
  Analysis analysis;  ///< the changed form's analysis
  std::vector<MetricDifference> differences;  ///< in metric_table() order
  std::vector<FormParameter> moved;           ///< parameters the change did not set that moved
};

/// A baseline and its variants.
struct Comparison {
  Analysis baseline;                      ///< the form as given
  std::vector<ComparedVariant> variants;  ///< one per change, in the order given
};

/// The difference of one metric between two analyses. Never allocates or throws.
inline MetricDifference difference(const MetricInfo& m, const Analysis& base, const Analysis& variant) {
  MetricDifference d;
  d.metric = &m;
  d.baseline = m.get(base);
  d.variant = m.get(variant);
  if (d.baseline && d.variant) {
    d.absolute = *d.variant - *d.baseline;
    if (*d.baseline != 0.0) d.percent = 100.0 * *d.absolute / *d.baseline;
  }
  return d;
}

/// Differences of every metric between two analyses.
inline std::vector<MetricDifference> differences(const Analysis& base, const Analysis& variant) {
  std::vector<MetricDifference> out;
  for (const MetricInfo& m : metric_table()) out.push_back(difference(m, base, variant));
  return out;
}

/// A baseline, one variant and the difference of every metric, in caller-owned storage: what the
/// real-time compare() fills.
struct PairComparison {
  Analysis baseline;  ///< the baseline form as given
  Form variant_form;  ///< the baseline form with the change applied, couplings and holds included
  Analysis variant;   ///< the changed form
  std::array<MetricDifference, metric_count> differences;  ///< in metric_table() order
};

/// Compares a baseline form with one change of it, into `out`: the real-time path. Returns the
/// first input error. Never throws; allocates nothing once `out` has held a step of this length.
inline InputError compare(const RunnerModel<double>& runner, const Form& baseline, const FormChange& change,
                          const Holds& holds, const AnalysisOptions& options, PairComparison& out) {
  if (auto e = analyze(runner, baseline, options, out.baseline)) return e;
  if (auto e = apply_change(runner, baseline, out.baseline.form, change, holds, out.variant_form)) return e;
  if (auto e = analyze(runner, out.variant_form, options, out.variant)) return e;
  for (std::size_t i = 0; i < metric_count; ++i)
    out.differences[i] = difference(metric_table()[i], out.baseline, out.variant);
  return {};
}

/// Which of speed, cadence, stride length and landing differ between two resolved forms, other
/// than `set`.
inline std::vector<FormParameter> moved_parameters(const ResolvedForm<double>& a, const ResolvedForm<double>& b,
                                                   FormParameter set) {
  std::vector<FormParameter> out;
  auto check = [&](FormParameter p, double x, double y) {
    if (p != set && std::abs(x - y) > 1e-9 * std::max(1.0, std::abs(x))) out.push_back(p);
  };
  check(FormParameter::speed, a.speed, b.speed);
  check(FormParameter::cadence, a.cadence, b.cadence);
  check(FormParameter::stride_length, a.stride_length, b.stride_length);
  check(FormParameter::landing, a.landing, b.landing);
  return out;
}

/// Analyses `baseline` and each change of it for one runner.
/// @throws invalid_input naming the parameter, its value and what is accepted.
inline Comparison compare(const Runner& runner, const Form& baseline, const std::vector<FormChange>& changes,
                          const Holds& holds = {}, const AnalysisOptions& options = {}) {
  Comparison c;
  c.baseline = analyze(runner, baseline, options);
  for (const FormChange& change : changes) {
    Form form;
    throw_if_error(apply_change(c.baseline.runner, baseline, c.baseline.form, change, holds, form));
    ComparedVariant v;
    v.change = change;
    v.analysis = analyze(runner, form, options);
    v.differences = differences(c.baseline, v.analysis);
    v.moved = moved_parameters(c.baseline.form, v.analysis.form, change.parameter);
    c.variants.push_back(std::move(v));
  }
  return c;
}

/// compare(runner, baseline, raise_cadence(10), land_closer(metres(0.05)), ...).
template <class... Changes,
          class = std::enable_if_t<std::conjunction_v<std::is_same<Changes, FormChange>...>>>
Comparison compare(const Runner& runner, const Form& baseline, const FormChange& first, const Changes&... rest) {
  return compare(runner, baseline, std::vector<FormChange>{first, rest...});
}

}  // namespace strideload
