#pragma once
// Checks on a whole Analysis that the reliability tests, the thread tests and the fuzzers share:
// every output finite, and two analyses bitwise the same.

#include <strideload/strideload.hpp>

#include <array>
#include <cmath>
#include <cstring>

namespace strideload_test {

/// Every time series of a step, for loops over all of them.
template <class Scalar>
auto series_columns(const strideload::StepSeries<Scalar>& s) {
  return std::array<const typename strideload::StepSeries<Scalar>::View*, 15>{
      &s.time,        &s.vgrf,        &s.hgrf,           &s.com_z,
      &s.com_vz,      &s.com_x,       &s.cop_x,          &s.com_vx,
      &s.compression, &s.ap_shear,    &s.extension_moment, &s.residual_moment,
      &s.trunk_correction, &s.trunk_correction_rate, &s.vgrf_per_height};
}

/// True when every series sample and every summary metric that exists is finite.
inline bool all_finite(const strideload::Analysis& a) {
  if (a.series.size() < 2) return false;
  for (const auto* column : series_columns(a.series))
    if (column->size() != a.series.size() || !column->allFinite()) return false;
  for (const auto& row : strideload::metric_table()) {
    const auto v = row.get(a);
    if (v && !std::isfinite(*v)) return false;
  }
  return true;
}

/// True when two analyses hold bitwise the same series and metrics.
inline bool bitwise_equal(const strideload::Analysis& a, const strideload::Analysis& b) {
  if (a.series.size() != b.series.size()) return false;
  const auto ca = series_columns(a.series), cb = series_columns(b.series);
  for (std::size_t i = 0; i < ca.size(); ++i)
    if (std::memcmp(ca[i]->data(), cb[i]->data(),
                    sizeof(double) * static_cast<std::size_t>(a.series.size())) != 0)
      return false;
  for (const auto& row : strideload::metric_table()) {
    const auto va = row.get(a), vb = row.get(b);
    if (va.has_value() != vb.has_value()) return false;
    if (va && std::memcmp(&*va, &*vb, sizeof(double)) != 0) return false;
  }
  return true;
}

}  // namespace strideload_test
