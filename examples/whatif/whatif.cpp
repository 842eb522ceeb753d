// whatif: how does a change of running form change the load?
// Compares a baseline form with variants (--vs) for one runner; see `whatif --help` and
// design.md for the command-line contract.

#include <strideload/strideload.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "command_line.hpp"

namespace {

using strideload::Analysis;
using json = nlohmann::ordered_json;

constexpr const char* usage = R"(whatif: compare a change of running form against a baseline.

whatif [runner] [form] [--vs CHANGE]... [--json] [--series FILE.csv]
runner:  --mass KG (70)  --height M (1.75)  --sex male|female (male)
form:    --speed M/S  --cadence SPM  --stride-length M   (any two; default 3.0 m/s, typical cadence)
         --strike rearfoot|midfoot|forefoot (rearfoot)
         --landing M      foot contact point ahead of the body's COM at touchdown (default: typical)
         --pelvic-tilt DEG   anterior, motion-capture convention (default: typical)
         --trunk-lean DEG    forward lean from vertical (default: typical)
         --surface concrete|asphalt|track|grass|treadmill|KN_PER_M (asphalt)
         --shoe barefoot|minimal|cushioned|KN_PER_M (cushioned)
CHANGE:  NAME=VALUE with NAME one of the form options: "+10%"/"-5%" is relative, "+5"/"-0.05"
         (signed) is a change in the option's unit, an unsigned number or word is the new value.
         A cadence or stride-length change keeps the speed; parameters not given stay typical
         and move with the change.
Bad input exits with status 2 and one line on stderr.
)";

/// One metric: its JSON key, how to print it, and where to find it.
struct MetricRow {
  const char* key;
  const char* label;
  const char* unit;
  std::optional<double> (*get)(const Analysis&);
};

#define LUMBAR_METRIC(key, label, unit) \
  MetricRow { #key, label, unit, [](const Analysis& a) -> std::optional<double> { return a.lumbar.key; } }
#define STRIDELOAD_METRIC(key, label, unit) \
  MetricRow { #key, label, unit, [](const Analysis& a) -> std::optional<double> { return a.metrics.key; } }

const std::vector<MetricRow>& metric_rows() {
  static const std::vector<MetricRow> rows = {
      LUMBAR_METRIC(peak_compression_bw, "L5/S1 peak compression", "BW"),
      LUMBAR_METRIC(peak_compression_n, "L5/S1 peak compression", "N"),
      LUMBAR_METRIC(peak_ap_shear_bw, "L5/S1 peak anterior shear", "BW"),
      LUMBAR_METRIC(peak_extension_moment_nm_per_kg, "L5/S1 peak extension moment", "N·m/kg"),
      LUMBAR_METRIC(compression_loading_rate_bw_per_s, "compression loading rate", "BW/s"),
      LUMBAR_METRIC(compression_impulse_bw_s_per_step, "compression impulse / step", "BW·s"),
      LUMBAR_METRIC(cumulative_compression_bw_s_per_km, "compression impulse / km", "BW·s"),
      STRIDELOAD_METRIC(peak_vgrf_bw, "peak vertical GRF", "BW"),
      MetricRow{"impact_peak_bw", "impact peak", "BW",
                [](const Analysis& a) { return a.metrics.impact_peak_bw; }},
      STRIDELOAD_METRIC(vgrf_loading_rate_bw_per_s, "vGRF loading rate", "BW/s"),
      STRIDELOAD_METRIC(contact_time_s, "contact time", "s"),
      STRIDELOAD_METRIC(flight_time_s, "flight time", "s"),
      STRIDELOAD_METRIC(com_vertical_excursion_m, "COM vertical excursion", "m"),
      STRIDELOAD_METRIC(leg_stiffness_kn_per_m, "leg stiffness", "kN/m"),
      STRIDELOAD_METRIC(vertical_stiffness_kn_per_m, "vertical stiffness", "kN/m"),
      STRIDELOAD_METRIC(braking_impulse_bw_s, "braking impulse", "BW·s"),
      STRIDELOAD_METRIC(step_length_m, "step length", "m"),
      STRIDELOAD_METRIC(steps_per_km, "steps per km", "1/km"),
      LUMBAR_METRIC(residual_moment_nm_per_kg, "model residual moment", "N·m/kg"),
  };
  return rows;
}
#undef STRIDELOAD_METRIC
#undef LUMBAR_METRIC

/// A number for JSON: null where it does not exist or is not finite (output never holds NaN/inf).
json number(std::optional<double> v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  return *v;
}

json form_json(const strideload::ResolvedForm<double>& f) {
  constexpr double deg = 180.0 / 3.14159265358979323846;
  return {{"speed_m_per_s", f.speed},
          {"cadence_spm", f.cadence * 60.0},
          {"stride_length_m", f.stride_length},
          {"strike", strideload::name(f.strike)},
          {"landing_m", f.landing},
          {"pelvic_tilt_deg", f.pelvic_tilt * deg},
          {"trunk_lean_deg", f.trunk_lean * deg},
          {"surface", strideload::name(f.surface)},
          {"surface_stiffness_kn_per_m", f.surface_stiffness / 1000.0},
          {"shoe", strideload::name(f.shoe)},
          {"shoe_stiffness_kn_per_m",
           number(f.shoe_compliance > 0.0 ? std::optional<double>(1.0 / f.shoe_compliance / 1000.0)
                                          : std::nullopt)}};
}

json metrics_json(const Analysis& a) {
  json m = json::object();
  for (const auto& row : metric_rows()) m[row.key] = number(row.get(a));
  return m;
}

std::optional<double> percent_change(std::optional<double> base, std::optional<double> variant) {
  if (!base || !variant || *base == 0.0) return std::nullopt;
  return 100.0 * (*variant - *base) / *base;
}

/// Names of the resolved form parameters that differ between baseline and variant, other than
/// the one the change set: the derived parameters that moved.
std::vector<std::string> moved(const Analysis& base, const Analysis& var, const std::string& set) {
  std::vector<std::string> out;
  auto check = [&](const char* name, double a, double b) {
    if (name != set && std::abs(a - b) > 1e-9 * std::max(1.0, std::abs(a))) out.push_back(name);
  };
  check("speed", base.form.speed, var.form.speed);
  check("cadence", base.form.cadence, var.form.cadence);
  check("stride-length", base.form.stride_length, var.form.stride_length);
  check("landing", base.form.landing, var.form.landing);
  return out;
}

struct Case {
  std::string label;
  std::string change_name;
  Analysis analysis;
};

void print_table(const strideload::Runner& runner, const std::vector<Case>& cases) {
  const Analysis& base = cases.front().analysis;
  std::printf("strideload %s: %.0f kg, %.2f m, %s runner\n", strideload::version,
              runner.mass.value(), runner.height.value(),
              runner.sex == strideload::Sex::male ? "male" : "female");
  const auto& f = base.form;
  std::printf("baseline: %.2f m/s, %.0f spm, stride %.2f m, %s strike landing %.2f m ahead of the "
              "COM, %s, %s shoes\n\n",
              f.speed, f.cadence * 60.0, f.stride_length, strideload::name(f.strike), f.landing,
              strideload::name(f.surface), strideload::name(f.shoe));
  std::printf("%-26s %-6s %10s", "metric", "unit", "baseline");
  for (std::size_t i = 1; i < cases.size(); ++i) std::printf(" %22.22s", cases[i].label.c_str());
  std::printf("\n");
  for (const auto& row : metric_rows()) {
    const auto b = row.get(base);
    std::printf("%-26s %-6s", row.label, row.unit);
    if (b) std::printf(" %10.4g", *b); else std::printf(" %10s", "none");
    for (std::size_t i = 1; i < cases.size(); ++i) {
      const auto v = row.get(cases[i].analysis);
      const auto p = percent_change(b, v);
      char cell[64];
      if (!v) std::snprintf(cell, sizeof cell, "none");
      else if (p) std::snprintf(cell, sizeof cell, "%.4g (%+.1f%%)", *v, *p);
      else std::snprintf(cell, sizeof cell, "%.4g", *v);
      std::printf(" %22s", cell);
    }
    std::printf("\n");
  }
  for (std::size_t i = 1; i < cases.size(); ++i) {
    const auto m = moved(base, cases[i].analysis, cases[i].change_name);
    if (m.empty()) continue;
    std::printf("\n%s also moved:", cases[i].label.c_str());
    for (const auto& name : m) std::printf(" %s", name.c_str());
    std::printf(" (not pinned; see docs/model.md)");
  }
  std::printf("\n");
}

void print_json(const strideload::Runner& runner, const std::vector<Case>& cases) {
  const Analysis& base = cases.front().analysis;
  json out;
  out["version"] = strideload::version;
  out["runner"] = {{"mass_kg", runner.mass.value()},
                   {"height_m", runner.height.value()},
                   {"sex", runner.sex == strideload::Sex::male ? "male" : "female"}};
  out["baseline"] = {{"form", form_json(base.form)}, {"metrics", metrics_json(base)}};
  out["variants"] = json::array();
  for (std::size_t i = 1; i < cases.size(); ++i) {
    const Analysis& v = cases[i].analysis;
    json delta = json::object();
    for (const auto& row : metric_rows()) delta[row.key] = number(percent_change(row.get(base), row.get(v)));
    out["variants"].push_back({{"change", cases[i].label},
                               {"form", form_json(v.form)},
                               {"metrics", metrics_json(v)},
                               {"delta_pct", delta},
                               {"moved", moved(base, v, cases[i].change_name)}});
  }
  std::cout << out.dump(2) << "\n";
}

void write_series(const std::string& path, const std::vector<Case>& cases) {
  std::ofstream csv(path);
  if (!csv) {
    std::fprintf(stderr, "whatif: series = '%s': cannot open for writing\n", path.c_str());
    std::exit(2);
  }
  csv << "case,time_s,vgrf_bw,hgrf_bw,compression_bw,ap_shear_bw,extension_moment_nm_per_kg,"
         "residual_moment_nm_per_kg,com_vertical_m,com_forward_speed_m_per_s\n";
  char line[256];
  for (const auto& c : cases) {
    const auto& s = c.analysis.series;
    const double bw = c.analysis.runner.weight, kg = c.analysis.runner.mass;
    for (Eigen::Index i = 0; i < s.size(); ++i) {
      std::snprintf(line, sizeof line, ",%.4f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f\n", s.time[i],
                    s.vgrf[i] / bw, s.hgrf[i] / bw, s.compression[i] / bw, s.ap_shear[i] / bw,
                    s.extension_moment[i] / kg, s.residual_moment[i] / kg, s.com_z[i], s.com_vx[i]);
      csv << '"' << c.label << '"' << line;
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const whatif::Options o = whatif::parse(std::vector<std::string>(argv + 1, argv + argc));
    if (o.help) {
      std::fputs(usage, stdout);
      return 0;
    }
    std::vector<Case> cases;
    cases.push_back({"baseline", "", strideload::analyze(o.runner, o.form)});
    for (const auto& change : o.changes) {
      const auto form = whatif::apply_change(o.form, cases.front().analysis.form, change);
      cases.push_back({change.text, change.name, strideload::analyze(o.runner, form)});
    }
    if (o.json) print_json(o.runner, cases);
    else print_table(o.runner, cases);
    if (o.series_path) write_series(*o.series_path, cases);
    return 0;
  } catch (const strideload::invalid_input& e) {
    std::fprintf(stderr, "whatif: %s\n", e.what());
    return 2;
  }
}
