// whatif: how does a change of running form change the load on the lower back?
// Compares a baseline form with variants (--vs) for one runner; see `whatif --help` and
// design.md for the command-line contract. With no options: the classic advice, as a demo.

#include <strideload/strideload.hpp>
#include <strideload/io/opensim_storage.hpp>
#include <strideload/ranking.hpp>

#include <cctype>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
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

whatif [runner] [form] [--vs CHANGE]... [--hold NAME]... [--rank] [--json] [--series FILE.csv]
       [--plot FILE.png] [--opensim FILE.sto]
runner:  --mass KG (70)  --height M (1.75)  --sex male|female (male)
form:    --speed M/S  --cadence SPM  --stride-length M   (any two; default 3.0 m/s, typical cadence)
         --strike rearfoot|midfoot|forefoot (rearfoot)
         --landing M      foot's first contact point ahead of the body's COM at touchdown (default: typical)
         --pelvic-tilt DEG   anterior, motion-capture convention (default: typical)
         --trunk-lean DEG    forward lean from vertical (default: typical)
         --surface concrete|asphalt|track|grass|treadmill|KN_PER_M (asphalt)
         --shoe barefoot|minimal|cushioned|KN_PER_M (cushioned)
CHANGE:  NAME=VALUE with NAME one of the form options: "+10%"/"-5%" is relative, "+5"/"-0.05"
         (signed) is a change in the option's unit, an unsigned number or word is the new value.
         A change moves what it does not set as runners do (cadence at the same speed brings the
         landing closer, Lieberman et al. 2015; speed moves cadence, Hamner & Delp 2013).
--hold NAME   keeps speed, cadence, stride-length or landing at the baseline value.
--rank        ranks the plausible single changes (cadence ±10 %, landing -5 cm, strike, pelvic
              tilt ±5°, trunk lean ±5°, surface, shoe) by their cut in L5/S1 peak compression, with
              the gradient's linear estimate and what each rests on; --json adds `ranking` and
              `gradients` (every metric per unit of every form variable, others held).
--series FILE.csv   writes every case's time series over one step as CSV.
--opensim FILE.sto  writes them as an OpenSim storage file (one column per case and quantity),
                    to plot in OpenSim next to measured data.
--plot FILE.png     draws them with gnuplot.
No options at all: the classic advice on the default runner (--demo).
Bad input exits with status 2 and one line on stderr.
)";

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
  for (const auto& row : strideload::metric_table()) m[row.key] = number(row.get(a));
  return m;
}

struct Case {
  std::string label;
  Analysis analysis;
  std::vector<strideload::MetricDifference> differences;
  std::vector<strideload::FormParameter> moved;
};

std::string describe_baseline(const strideload::Runner& runner, const Analysis& base) {
  const auto& f = base.form;
  char text[400];
  std::snprintf(text, sizeof text,
                "strideload %s: %.0f kg, %.2f m, %s runner\nbaseline: %.2f m/s, %.0f spm, stride "
                "%.2f m, %s strike landing %.2f m ahead of the COM, %s, %s shoes\n",
                strideload::version, runner.mass.value(), runner.height.value(),
                runner.sex == strideload::Sex::male ? "male" : "female", f.speed, f.cadence * 60.0,
                f.stride_length, strideload::name(f.strike), f.landing, strideload::name(f.surface),
                strideload::name(f.shoe));
  return text;
}

void print_table(const strideload::Runner& runner, const std::vector<Case>& cases) {
  const Analysis& base = cases.front().analysis;
  std::fputs(describe_baseline(runner, base).c_str(), stdout);
  const bool compact = cases.size() > 4;  // many variants: percentages only
  const int width = compact ? 16 : 22;
  std::printf("\n%-30s %-7s %10s", "metric", "unit", "baseline");
  for (std::size_t i = 1; i < cases.size(); ++i) std::printf(" %*.*s", width, width, cases[i].label.c_str());
  std::printf("\n");
  const auto& table = strideload::metric_table();
  for (std::size_t m = 0; m < table.size(); ++m) {
    const auto b = table[m].get(base);
    std::printf("%-30s %-7s", table[m].label, table[m].unit);
    if (b) std::printf(" %10.4g", *b); else std::printf(" %10s", "none");
    for (std::size_t i = 1; i < cases.size(); ++i) {
      const auto& d = cases[i].differences[m];
      char cell[64];
      if (!d.variant) std::snprintf(cell, sizeof cell, "none");
      else if (compact && d.percent) std::snprintf(cell, sizeof cell, "%+.1f%%", *d.percent);
      else if (compact) std::snprintf(cell, sizeof cell, "%.4g", *d.variant);
      else if (d.percent) std::snprintf(cell, sizeof cell, "%.4g (%+.1f%%)", *d.variant, *d.percent);
      else std::snprintf(cell, sizeof cell, "%.4g", *d.variant);
      std::printf(" %*s", width, cell);
    }
    std::printf("\n");
  }
  bool any_moved = false;
  for (std::size_t i = 1; i < cases.size(); ++i) {
    if (cases[i].moved.empty()) continue;
    if (!any_moved) std::printf("\nAlso moved (not held; --hold NAME pins them):\n");
    any_moved = true;
    std::printf("  %-18s", cases[i].label.c_str());
    for (auto p : cases[i].moved) std::printf(" %s", strideload::name(p));
    std::printf("\n");
  }
  std::printf(
      "\nL5/S1 values are model predictions: no study has measured lumbar load against cadence, landing\n"
      "or strike. Compression is a lower bound (one equivalent muscle, no co-contraction). See\n"
      "docs/whatif.md for how to read this table and where the model disagrees with common advice.\n");
}

/// `ranking` and `gradients` for --rank --json.
void add_ranking_json(json& out, const strideload::Ranking& r) {
  using namespace strideload;
  json list = json::array();
  std::vector<const RankedChange*> per_km;
  for (const auto& c : r.changes) per_km.push_back(&c);
  std::stable_sort(per_km.begin(), per_km.end(), [](const RankedChange* a, const RankedChange* b) {
    return a->compression_per_km_pct < b->compression_per_km_pct;
  });
  for (std::size_t i = 0; i < r.changes.size(); ++i) {
    const RankedChange& c = r.changes[i];
    const auto km_rank = std::find(per_km.begin(), per_km.end(), &c) - per_km.begin() + 1;
    json delta = json::object(), moved = json::array();
    for (const auto& d : differences(r.baseline, c.analysis)) delta[d.metric->key] = number(d.percent);
    for (auto p : c.moved) moved.push_back(name(p));
    list.push_back({{"rank", i + 1},
                    {"change", c.label},
                    {"peak_compression_pct", c.peak_compression_pct},
                    {"linear_peak_compression_pct", number(c.linear_peak_compression_pct)},
                    {"compression_per_km_pct", c.compression_per_km_pct},
                    {"linear_compression_per_km_pct", number(c.linear_compression_per_km_pct)},
                    {"rank_per_km", km_rank},
                    {"peak_ap_shear_pct", c.peak_ap_shear_pct},
                    {"moved", moved},
                    {"measured", c.basis.measured},
                    {"extrapolated", c.basis.extrapolated},
                    {"form", form_json(c.analysis.form)},
                    {"delta_pct", delta}});
  }
  out["ranking"] = list;
  json gradients = json::object();
  for (std::size_t m = 0; m < metric_count; ++m) {
    json row = json::object();
    for (int v = 0; v < form_variable_count; ++v)
      row[form_key(static_cast<FormVariable>(v))] = number(r.sensitivities.gradient[m][static_cast<std::size_t>(v)]);
    gradients[metric_table()[m].key] = row;
  }
  out["gradients"] = gradients;
}

/// The --rank table.
void print_ranking(const strideload::Ranking& r) {
  using namespace strideload;
  std::printf("\nSingle changes ranked by the cut in L5/S1 peak compression (full re-analysis; the\n"
              "gradient's linear estimate beside it; couplings included, --hold pins them):\n\n");
  std::printf("%3s  %-18s %24s %24s %9s  %s\n", "", "", "peak compression", "compression per km", "peak", "");
  std::printf("%3s  %-18s %11s %12s %11s %12s %9s  %s\n", "#", "change", "full", "linear", "full", "linear",
              "AP shear", "also moved");
  auto pct = [](std::optional<double> v) {
    char cell[32];
    if (v) std::snprintf(cell, sizeof cell, "%+.1f%%", *v);
    else std::snprintf(cell, sizeof cell, "n/a");
    return std::string(cell);
  };
  for (std::size_t i = 0; i < r.changes.size(); ++i) {
    const RankedChange& c = r.changes[i];
    std::string moved;
    for (auto p : c.moved) moved += std::string(moved.empty() ? "" : " ") + name(p);
    std::printf("%3zu  %-18s %11s %12s %11s %12s %9s  %s\n", i + 1, c.label.c_str(), pct(c.peak_compression_pct).c_str(),
                pct(c.linear_peak_compression_pct).c_str(), pct(c.compression_per_km_pct).c_str(),
                pct(c.linear_compression_per_km_pct).c_str(), pct(c.peak_ap_shear_pct).c_str(), moved.c_str());
  }
  for (const auto& [label, e] : r.refused) std::printf("  not possible: %s: %s\n", label.c_str(), describe(e).c_str());
  std::printf("\nWhat each rests on:\n");
  std::vector<FormParameter> shown;
  for (const RankedChange& c : r.changes) {
    if (std::find(shown.begin(), shown.end(), c.change.parameter) != shown.end()) continue;
    shown.push_back(c.change.parameter);
    std::printf("  %-12s measured: %s\n  %-12s model:    %s\n", name(c.change.parameter), c.basis.measured, "",
                c.basis.extrapolated);
  }
  std::printf("\n\"linear\" is the gradient times the change of every form variable: where it is far from\n"
              "\"full\", the effect is not proportional (stiff surfaces, large steps). n/a: not a continuous\n"
              "change. docs/ranking.md explains how to read this.\n");
}

void print_json(const strideload::Runner& runner, const std::vector<Case>& cases,
                const strideload::Ranking* ranking) {
  const Analysis& base = cases.front().analysis;
  json out;
  out["version"] = strideload::version;
  out["runner"] = {{"mass_kg", runner.mass.value()},
                   {"height_m", runner.height.value()},
                   {"sex", runner.sex == strideload::Sex::male ? "male" : "female"}};
  out["baseline"] = {{"form", form_json(base.form)}, {"metrics", metrics_json(base)}};
  out["variants"] = json::array();
  for (std::size_t i = 1; i < cases.size(); ++i) {
    json delta = json::object(), absolute = json::object(), moved = json::array();
    for (const auto& d : cases[i].differences) {
      delta[d.metric->key] = number(d.percent);
      absolute[d.metric->key] = number(d.absolute);
    }
    for (auto p : cases[i].moved) moved.push_back(strideload::name(p));
    out["variants"].push_back({{"change", cases[i].label},
                               {"form", form_json(cases[i].analysis.form)},
                               {"metrics", metrics_json(cases[i].analysis)},
                               {"delta_pct", delta},
                               {"delta", absolute},
                               {"moved", moved}});
  }
  if (ranking) add_ranking_json(out, *ranking);
  std::cout << out.dump(2) << "\n";
}

[[noreturn]] void file_error(const char* option, std::string path, const char* why) {
  for (char& c : path)  // one line on stderr, whatever the path holds
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  std::fprintf(stderr, "whatif: %s = '%s': %s\n", option, path.c_str(), why);
  std::exit(2);
}

void write_series(const std::string& path, const std::vector<Case>& cases) {
  std::ofstream csv(path);
  if (!csv) file_error("series", path, "cannot open for writing");
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

/// A case's label as a column-label prefix for OpenSim, which splits labels on whitespace:
/// "cadence=+10%" becomes "cadence_+10pct.".
std::string opensim_prefix(const std::string& label) {
  std::string out;
  for (const char ch : label) {
    if (ch == '%') out += "pct";
    else if (std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '+' || ch == '-') out += ch;
    else out += '_';
  }
  return out + '.';
}

/// Every case's series in one OpenSim storage file. The time column spans the longest step;
/// shorter steps continue into their next step (io/opensim_storage.hpp).
void write_opensim(const std::string& path, const std::vector<Case>& cases) {
  strideload::io::StorageTable table;
  table.name = std::string("strideload ") + strideload::version + " whatif";
  const Case* longest = &cases.front();
  for (const auto& c : cases)
    if (c.analysis.series.size() > longest->analysis.series.size()) longest = &c;
  const auto& t = longest->analysis.series.time;
  table.time.assign(t.data(), t.data() + t.size());
  for (const auto& c : cases) strideload::io::append_step_series(table, c.analysis, opensim_prefix(c.label));
  std::ofstream out(path);
  if (!out) file_error("opensim", path, "cannot open for writing");
  strideload::io::write_opensim_storage(out, table);
  if (!out) file_error("opensim", path, "could not write it");
}

/// Draws the cases over the step with gnuplot (Debian's gnuplot-nox): vGRF, L5/S1 compression,
/// AP shear and extension moment.
void write_plot(const std::string& path, const std::vector<Case>& cases) {
  if (std::system("command -v gnuplot > /dev/null 2>&1") != 0)
    file_error("plot", path, "gnuplot is not installed; install it with: sudo apt-get install gnuplot-nox");
  char data_name[] = "/tmp/whatif-plot-XXXXXX";
  const int fd = mkstemp(data_name);
  if (fd < 0) file_error("plot", path, "cannot create a temporary file");
  {
    std::ofstream data(data_name);
    for (const auto& c : cases) {  // one gnuplot data block per case
      const auto& s = c.analysis.series;
      const double bw = c.analysis.runner.weight, kg = c.analysis.runner.mass;
      for (Eigen::Index i = 0; i < s.size(); ++i)
        data << 1000.0 * s.time[i] << ' ' << s.vgrf[i] / bw << ' ' << s.compression[i] / bw << ' '
             << s.ap_shear[i] / bw << ' ' << s.extension_moment[i] / kg << '\n';
      data << "\n\n";
    }
  }
  std::string script = "set terminal pngcairo size 1200,800 font ',10'\nset output '" + path + "'\n"
                       "set multiplot layout 2,2 title 'strideload: one step, touchdown to touchdown'\n"
                       "set grid\nset xlabel 'time after touchdown (ms)'\nset key top right font ',8'\n";
  const char* titles[] = {"vertical ground reaction force", "L5/S1 compression", "L5/S1 anterior shear",
                          "L5/S1 extension moment"};
  const char* units[] = {"BW", "BW", "BW", "N·m/kg"};
  for (int panel = 0; panel < 4; ++panel) {
    script += std::string("set title '") + titles[panel] + "'\nset ylabel '" + units[panel] + "'\nplot ";
    for (std::size_t i = 0; i < cases.size(); ++i) {
      std::string label = cases[i].label;
      for (char& ch : label)
        if (ch == '\'') ch = ' ';
      script += "'" + std::string(data_name) + "' index " + std::to_string(i) + " using 1:" +
                std::to_string(panel + 2) + " with lines lw " + (i == 0 ? "3" : "1.5") + " title '" +
                label + "'" + (i + 1 < cases.size() ? ", " : "\n");
    }
  }
  script += "unset multiplot\n";
  // gnuplot's own complaints would break the one-line error contract; file_error says it all.
  // Its standard output goes too: when it cannot open the file it draws the PNG there instead.
  FILE* gp = popen("gnuplot > /dev/null 2>&1", "w");
  if (!gp) file_error("plot", path, "cannot start gnuplot");
  std::fputs(script.c_str(), gp);
  const int status = pclose(gp);
  std::remove(data_name);
  if (status != 0) file_error("plot", path, "gnuplot could not write it");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    whatif::Options o = whatif::parse(std::vector<std::string>(argv + 1, argv + argc));
    if (o.help) {
      std::fputs(usage, stdout);
      return 0;
    }
    if (o.demo) whatif::add_demo(o);
    std::vector<Case> cases;
    cases.reserve(1 + o.changes.size());  // `base` below must stay valid while cases grow
    cases.push_back({"baseline", strideload::analyze(o.runner, o.form), {}, {}});
    const Analysis& base = cases.front().analysis;
    for (const auto& change : o.changes) {
      strideload::Form form;
      strideload::throw_if_error(
          strideload::apply_change(base.runner, o.form, base.form, change.change, o.holds, form));
      Case c{change.text, strideload::analyze(o.runner, form), {}, {}};
      c.differences = strideload::differences(base, c.analysis);
      c.moved = strideload::moved_parameters(base.form, c.analysis.form, change.change.parameter);
      cases.push_back(std::move(c));
    }
    std::optional<strideload::Ranking> ranking;
    if (o.rank) ranking = strideload::rank_changes(o.runner, o.form, o.holds);
    // Files first: a path that cannot be written ends the run with one line and no results, as
    // any other bad input does.
    if (o.series_path) write_series(*o.series_path, cases);
    if (o.plot_path) write_plot(*o.plot_path, cases);
    if (o.opensim_path) write_opensim(*o.opensim_path, cases);
    if (o.json) {
      print_json(o.runner, cases, ranking ? &*ranking : nullptr);
    } else {
      print_table(o.runner, cases);
      if (ranking) print_ranking(*ranking);
    }
    return 0;
  } catch (const strideload::invalid_input& e) {
    std::fprintf(stderr, "whatif: %s\n", e.what());
    return 2;
  }
}
