// validation_curves: writes the model's stance curves for Hamner & Delp 2013 subject 1 (72.94 kg,
// 3.0 m/s, 166.8 spm) next to the measured ones, at the same % of the 50 N stance, for
// docs/plot_validation.gp.
// Usage: validation_curves MEASURED.csv > curves.dat
#include <strideload/strideload.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: validation_curves tests/data/hamner-s01-run300-stance.csv\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "validation_curves: cannot read '%s'\n", argv[1]);
    return 2;
  }
  using namespace strideload;
  Runner runner;
  runner.mass = kilograms(72.94);
  Form form;
  form.speed = metres_per_second(3.0);
  form.cadence = steps_per_minute(166.8);
  const Analysis a = analyze(runner, form);
  const auto& s = a.series;
  const double contact = contact_time_at(s, 50.0);
  Eigen::Index onset = 0;  // first sample at or above 50 N
  while (s.vgrf[onset] < 50.0) ++onset;
  std::printf("# pct_stance measured_moment measured_sd model_moment measured_vgrf model_vgrf "
              "model_compression_bw\n");
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::stringstream ss(line);
    std::vector<double> v;
    for (std::string cell; std::getline(ss, cell, ',');) v.push_back(std::stod(cell));
    const double t = s.time[onset] + v[0] / 100.0 * contact;
    const Eigen::Index i = std::min<Eigen::Index>(s.size() - 1, static_cast<Eigen::Index>(t * 1000.0 + 0.5));
    std::printf("%g %.4f %.4f %.4f %.4f %.4f %.4f\n", v[0], v[5], v[6],
                s.extension_moment[i] / a.runner.mass, v[1], s.vgrf[i] / a.runner.weight,
                s.compression[i] / a.runner.weight);
  }
  return 0;
}
