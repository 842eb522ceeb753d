#include <doctest/doctest.h>
#include <strideload/io/opensim_storage.hpp>

#include <cmath>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using namespace strideload;
using strideload::io::StorageTable;

namespace {

/// An OpenSim storage file read back the way OpenSim's readers do: key=value header lines up to
/// `endheader`, a label line, tab-separated rows. Kept apart from the library so that the test
/// does not check the writer against itself.
struct ParsedStorage {
  std::string name;
  std::size_t n_rows = 0, n_columns = 0;
  std::string version, in_degrees;
  std::vector<std::string> labels;
  std::vector<std::vector<double>> rows;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) return out;
    start = tab + 1;
  }
}

ParsedStorage parse(std::istream& in) {
  ParsedStorage p;
  std::string line;
  bool first = true;
  while (std::getline(in, line) && line != "endheader") {
    const auto eq = line.find('=');
    if (first && eq == std::string::npos) p.name = line;
    else if (line.rfind("version=", 0) == 0) p.version = line.substr(eq + 1);
    else if (line.rfind("nRows=", 0) == 0) p.n_rows = std::stoul(line.substr(eq + 1));
    else if (line.rfind("nColumns=", 0) == 0) p.n_columns = std::stoul(line.substr(eq + 1));
    else if (line.rfind("inDegrees=", 0) == 0) p.in_degrees = line.substr(eq + 1);
    first = false;
  }
  REQUIRE(line == "endheader");
  REQUIRE(std::getline(in, line));
  p.labels = split_tabs(line);
  while (std::getline(in, line)) {
    std::vector<double> row;
    for (const auto& cell : split_tabs(line)) row.push_back(std::stod(cell));
    p.rows.push_back(row);
  }
  return p;
}

}  // namespace

TEST_CASE("opensim storage: a written file parses back with header counts that match its data") {
  Form variant;
  variant.cadence = steps_per_minute(183.0);  // a shorter step than the baseline's
  const Analysis base = analyze(Runner{}, Form{}), faster = analyze(Runner{}, variant);
  REQUIRE(faster.series.size() < base.series.size());
  StorageTable table;
  table.name = "strideload test";
  io::append_step_series(table, base, "baseline.");
  io::append_step_series(table, faster, "cadence183.");

  const std::string path = "test_opensim_storage.sto";
  {
    std::ofstream out(path);
    io::write_opensim_storage(out, table);
  }
  std::ifstream in(path);
  const ParsedStorage p = parse(in);
  CHECK(p.name == "strideload test");
  CHECK(p.version == "1");
  CHECK(p.in_degrees == "no");
  CHECK(p.n_rows == p.rows.size());
  CHECK(p.n_rows == static_cast<std::size_t>(base.series.size()));
  CHECK(p.n_columns == p.labels.size());
  CHECK(p.n_columns == 1 + 2 * 9);
  CHECK(p.labels.front() == "time");
  CHECK(p.labels[1] == "baseline.vgrf_bw");
  CHECK(p.labels[10] == "cadence183.vgrf_bw");
  for (const auto& row : p.rows) REQUIRE(row.size() == p.n_columns);
  for (std::size_t r = 1; r < p.rows.size(); ++r) CHECK(p.rows[r][0] > p.rows[r - 1][0]);

  // The values are the series', in body weights; the shorter step continues into its next step.
  const double bw = base.runner.weight;
  const auto i = static_cast<std::size_t>(base.series.size() / 3);
  CHECK(p.rows[i][0] == doctest::Approx(base.series.time[static_cast<Eigen::Index>(i)]));
  CHECK(p.rows[i][1] == doctest::Approx(base.series.vgrf[static_cast<Eigen::Index>(i)] / bw).epsilon(1e-8));
  const Eigen::Index n = faster.series.size();
  CHECK(p.rows[static_cast<std::size_t>(n)][10] ==
        doctest::Approx(faster.series.vgrf[1] / faster.runner.weight).epsilon(1e-8));
}

TEST_CASE("opensim storage: bad tables are refused, not written") {
  StorageTable t;
  t.time = {0.0, 0.001};
  t.columns.push_back({"a_n", {1.0, 2.0}});
  std::ostringstream ok;
  io::write_opensim_storage(ok, t);
  CHECK(ok.str().rfind("strideload\nversion=1\nnRows=2\nnColumns=2\ninDegrees=no\nendheader\ntime\ta_n\n", 0) == 0);

  std::ostringstream out;
  StorageTable bad = t;
  bad.columns[0].label = "a n";
  CHECK_THROWS_AS(io::write_opensim_storage(out, bad), std::invalid_argument);
  bad = t;
  bad.columns[0].values.pop_back();
  CHECK_THROWS_AS(io::write_opensim_storage(out, bad), std::invalid_argument);
  bad = t;
  bad.time = {0.001, 0.0};
  CHECK_THROWS_AS(io::write_opensim_storage(out, bad), std::invalid_argument);
  bad = t;
  bad.columns[0].values[1] = std::nan("");
  CHECK_THROWS_AS(io::write_opensim_storage(out, bad), std::invalid_argument);
  CHECK(out.str().empty());
}
