#pragma once
/// @file opensim_storage.hpp
/// OpenSim storage files (.sto): a step's time series in the format OpenSim's plotter and tools
/// read, so that model output opens next to measured data. Opt-in: the umbrella strideload.hpp
/// does not include it, so programs that never write files do not pull in the streams.
///
/// The format, as OpenSim reads it (opensim-core, OpenSim/Common/Storage.cpp parseHeaders() for
/// the version-1 header; DelimFileAdapter.h extendRead() for the newer reader): header lines up
/// to one that says `endheader` (a name line, then `key=value` lines: `version=1`, `nRows` data
/// rows, `nColumns` columns counting time, `inDegrees=yes|no`), then one tab-separated label line
/// whose first label is `time`, then `nRows` tab-separated rows of numbers, time strictly
/// increasing. Labels must not hold whitespace, since both readers split on it.
///
/// StorageTable is the format's content, not a writer's detail: reading OpenSim .mot/.sto
/// ground-reaction files (a later issue) will fill the same struct.

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "../analysis.hpp"

namespace strideload::io {

/// One named column of a storage table.
struct StorageColumn {
  std::string label;           ///< e.g. "baseline.vgrf_bw": units in the name, no whitespace
  std::vector<double> values;  ///< one per time
};

/// Time series as an OpenSim storage file holds them.
struct StorageTable {
  std::string name = "strideload";    ///< the header's first line
  bool in_degrees = false;             ///< whether angles are in degrees (yes) or radians (no)
  std::vector<double> time;            ///< s, strictly increasing
  std::vector<StorageColumn> columns;  ///< the data columns, after time
};

/// True when `label` can be a column label: not empty, no whitespace.
inline bool valid_storage_label(const std::string& label) {
  return !label.empty() && label.find_first_of(" \t\n\r\v\f") == std::string::npos;
}

/// Writes `table` to `out` as an OpenSim storage file (format: see the file's description).
/// Numbers are written with 10 significant digits in the C locale's notation.
/// @throws std::invalid_argument if a column's length differs from the time column's, a label
/// is not valid_storage_label(), the name spans lines, time is not strictly increasing, or a
/// value is NaN or infinite.
inline void write_opensim_storage(std::ostream& out, const StorageTable& table) {
  if (table.name.find_first_of("\r\n") != std::string::npos || table.name == "endheader")
    throw std::invalid_argument("OpenSim storage: the name must be one line other than 'endheader'");
  for (std::size_t i = 0; i < table.time.size(); ++i)
    if (!std::isfinite(table.time[i]) || (i > 0 && !(table.time[i] > table.time[i - 1])))
      throw std::invalid_argument("OpenSim storage: time must be finite and strictly increasing");
  for (const auto& c : table.columns) {
    if (!valid_storage_label(c.label))
      throw std::invalid_argument("OpenSim storage: bad column label '" + c.label + "'");
    if (c.values.size() != table.time.size())
      throw std::invalid_argument("OpenSim storage: column '" + c.label + "' has " +
                                  std::to_string(c.values.size()) + " values for " +
                                  std::to_string(table.time.size()) + " times");
    for (const double v : c.values)
      if (!std::isfinite(v))
        throw std::invalid_argument("OpenSim storage: column '" + c.label + "' holds NaN or inf");
  }
  out << table.name << "\nversion=1\nnRows=" << table.time.size()
      << "\nnColumns=" << table.columns.size() + 1 << "\ninDegrees=" << (table.in_degrees ? "yes" : "no")
      << "\nendheader\ntime";
  for (const auto& c : table.columns) out << '\t' << c.label;
  out << '\n';
  // snprintf rather than the stream, whose locale might write a decimal comma.
  char number[32];
  for (std::size_t i = 0; i < table.time.size(); ++i) {
    std::snprintf(number, sizeof number, "%.10g", table.time[i]);
    out << number;
    for (const auto& c : table.columns) {
      std::snprintf(number, sizeof number, "%.10g", c.values[i]);
      out << '\t' << number;
    }
    out << '\n';
  }
}

/// Appends the time series of one analysed step to `table`, one column per quantity, each
/// label `prefix` followed by the quantity and its unit: vgrf_bw, hgrf_bw, cop_m,
/// com_vertical_m, com_forward_speed_m_per_s, compression_bw, ap_shear_bw,
/// extension_moment_nm_per_kg, residual_moment_nm_per_kg (BW = body weight).
///
/// With an empty `table.time`, the step's own sample times become the time column. Times past
/// the step (when the table holds a longer step of another analysis) continue periodically
/// into the next step, to the nearest sample, as the runner's next step repeats this one.
/// @throws std::invalid_argument if the series has fewer than two samples or the table's time
/// is not on the series' sample grid.
template <class Scalar>
void append_step_series(StorageTable& table, const BasicAnalysis<Scalar>& a, const std::string& prefix) {
  const auto& s = a.series;
  const Eigen::Index n = s.size();
  if (n < 2) throw std::invalid_argument("OpenSim storage: a step series needs two samples");
  if (table.time.empty())
    for (Eigen::Index i = 0; i < n; ++i) table.time.push_back(static_cast<double>(s.time[i]));
  const double dt = static_cast<double>(s.time[1] - s.time[0]);
  std::vector<Eigen::Index> sample(table.time.size());
  for (std::size_t r = 0; r < table.time.size(); ++r) {
    const double k = table.time[r] / dt;
    if (std::abs(k - std::round(k)) > 1e-6)
      throw std::invalid_argument("OpenSim storage: time is not on the step's sample grid");
    const auto index = static_cast<Eigen::Index>(std::llround(k));
    sample[r] = index < n ? index : index % (n - 1);  // the last sample is the next touchdown
  }
  const double bw = static_cast<double>(a.runner.weight), kg = static_cast<double>(a.runner.mass);
  auto add = [&](const char* name, const typename StepSeries<Scalar>::Array& values, double scale) {
    StorageColumn c{prefix + name, {}};
    c.values.reserve(sample.size());
    for (const Eigen::Index i : sample) c.values.push_back(static_cast<double>(values[i]) / scale);
    table.columns.push_back(std::move(c));
  };
  add("vgrf_bw", s.vgrf, bw);
  add("hgrf_bw", s.hgrf, bw);
  add("cop_m", s.cop_x, 1.0);
  add("com_vertical_m", s.com_z, 1.0);
  add("com_forward_speed_m_per_s", s.com_vx, 1.0);
  add("compression_bw", s.compression, bw);
  add("ap_shear_bw", s.ap_shear, bw);
  add("extension_moment_nm_per_kg", s.extension_moment, kg);
  add("residual_moment_nm_per_kg", s.residual_moment, kg);
}

}  // namespace strideload::io
