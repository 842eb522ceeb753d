// sweep_cadence_landing: L5/S1 peak compression and compression per km over a grid of cadence and
// landing distance at one speed, written as CSV, and drawn as heat maps with gnuplot.
// Usage: sweep_cadence_landing OUT.csv [OUT.png] [--speed M/S]
#include <strideload/strideload.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

int main(int argc, char** argv) {
  using namespace strideload;
  if (argc < 2) {
    std::fprintf(stderr, "usage: sweep_cadence_landing OUT.csv [OUT.png] [--speed M/S]\n");
    return 2;
  }
  const std::string csv_path = argv[1];
  std::string png_path;
  double speed = 3.0;
  for (int i = 2; i < argc; ++i) {
    if (std::string(argv[i]) == "--speed" && i + 1 < argc) speed = std::atof(argv[++i]);
    else png_path = argv[i];
  }
  std::ofstream csv(csv_path);
  if (!csv) {
    std::fprintf(stderr, "sweep_cadence_landing: cannot write '%s'\n", csv_path.c_str());
    return 2;
  }
  csv << "cadence_spm,landing_m,peak_compression_bw,cumulative_compression_bw_s_per_km,peak_vgrf_bw\n";
  const auto runner = make_runner_model(Runner{});
  Analysis a;  // reused: the series is sized once
  for (double spm = 150; spm <= 196; spm += 2) {
    for (double landing = 0.16; landing <= 0.401; landing += 0.01) {
      Form f;
      f.speed = metres_per_second(speed);
      f.cadence = steps_per_minute(spm);
      f.landing = metres(landing);
      if (analyze(runner, f, AnalysisOptions{}, a)) {
        csv << spm << ',' << landing << ",NaN,NaN,NaN\n";  // no running step here
        continue;
      }
      csv << spm << ',' << landing << ',' << a.lumbar.peak_compression_bw << ','
          << a.lumbar.cumulative_compression_bw_s_per_km << ',' << a.metrics.peak_vgrf_bw << '\n';
    }
    csv << '\n';  // gnuplot's grid rows
  }
  csv.close();
  if (png_path.empty()) return 0;
  if (std::system("command -v gnuplot > /dev/null 2>&1") != 0) {
    std::fprintf(stderr, "sweep_cadence_landing: gnuplot is not installed; install it with: sudo apt-get install gnuplot-nox\n");
    return 2;
  }
  const std::string script =
      "set terminal pngcairo size 1100,460 font ',10'\nset output '" + png_path + "'\n"
      "set datafile separator ','\nset multiplot layout 1,2 title 'Default runner at " + std::to_string(speed).substr(0, 4) +
      " m/s: cadence × landing (blank: no running step)'\n"
      "set view map\nset xlabel 'cadence (spm)'\nset ylabel 'first contact ahead of the COM (m)'\n"
      "set palette defined (0 '#2c7bb6', 1 '#ffffbf', 2 '#d7191c')\n"
      "set title 'L5/S1 peak compression (BW)'\n"
      "plot '" + csv_path + "' skip 1 using 1:2:3 with image notitle\n"
      "set title 'compression impulse per km (BW·s)'\n"
      "plot '" + csv_path + "' skip 1 using 1:2:4 with image notitle\nunset multiplot\n";
  FILE* gp = popen("gnuplot", "w");
  if (!gp) return 2;
  std::fputs(script.c_str(), gp);
  return pclose(gp) == 0 ? 0 : 2;
}
