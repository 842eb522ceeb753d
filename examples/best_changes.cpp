// best_changes: for one runner's current form, the three changes that lower L5/S1 peak compression
// the most, and the three that lower the cumulative compression per km the most.
// Takes the runner and form options of whatif, e.g.
//   best_changes --mass 80 --speed 3.2 --cadence 158 --landing 0.35 --pelvic-tilt 25
#include <strideload/strideload.hpp>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "whatif/command_line.hpp"

int main(int argc, char** argv) {
  using namespace strideload;
  try {
    const whatif::Options o = whatif::parse(std::vector<std::string>(argv + 1, argv + argc));
    // Plausible single changes within realistic bounds.
    const std::vector<std::pair<std::string, FormChange>> candidates = {
        {"raise cadence 5 %", raise_cadence(5)},
        {"raise cadence 10 %", raise_cadence(10)},
        {"land 5 cm closer", land_closer(metres(0.05))},
        {"switch to a midfoot strike", switch_strike(Strike::midfoot)},
        {"switch to a forefoot strike", switch_strike(Strike::forefoot)},
        {"reduce anterior pelvic tilt 5°", reduce_pelvic_tilt(degrees(5.0))},
        {"run 3° more upright", run_more_upright(degrees(3.0))},
        {"run 5° more upright", run_more_upright(degrees(5.0))},
        {"run on grass", run_on(SurfacePreset::grass)},
        {"run on a track", run_on(SurfacePreset::track)},
    };
    const Analysis base = analyze(o.runner, o.form);
    struct Result {
      std::string name;
      double peak_pct, per_km_pct;
    };
    std::vector<Result> results;
    for (const auto& [label, change] : candidates) {
      Form form;
      if (apply_change(base.runner, o.form, base.form, change, o.holds, form)) continue;
      Analysis a;
      if (analyze(base.runner, form, AnalysisOptions{}, a)) continue;  // no running step: skip it
      results.push_back({label,
                         100.0 * (a.lumbar.peak_compression_bw / base.lumbar.peak_compression_bw - 1.0),
                         100.0 * (a.lumbar.cumulative_compression_bw_s_per_km /
                                      base.lumbar.cumulative_compression_bw_s_per_km - 1.0)});
    }
    std::printf("Runner %.0f kg, %.2f m; form: %.2f m/s, %.0f spm, %s strike landing %.2f m ahead, "
                "pelvic tilt %.0f°, trunk lean %.0f°\n",
                o.runner.mass.value(), o.runner.height.value(), base.form.speed, base.form.cadence * 60,
                name(base.form.strike), base.form.landing, base.form.pelvic_tilt * 180 / 3.14159265358979,
                base.form.trunk_lean * 180 / 3.14159265358979);
    std::printf("Baseline: L5/S1 peak compression %.2f BW, compression impulse %.0f BW·s per km\n\n",
                base.lumbar.peak_compression_bw, base.lumbar.cumulative_compression_bw_s_per_km);
    auto show = [&](const char* title, double Result::*key) {
      std::sort(results.begin(), results.end(), [&](const Result& a, const Result& b) { return a.*key < b.*key; });
      std::printf("%s\n", title);
      for (std::size_t i = 0; i < 3 && i < results.size(); ++i)
        std::printf("  %zu. %-32s peak %+6.1f %%   per km %+6.1f %%\n", i + 1, results[i].name.c_str(),
                    results[i].peak_pct, results[i].per_km_pct);
    };
    show("Largest cut in peak compression per step:", &Result::peak_pct);
    show("Largest cut in compression per km:", &Result::per_km_pct);
    std::printf("\nModel predictions; see docs/whatif.md for what rests on measurement.\n");
    return 0;
  } catch (const invalid_input& e) {
    std::fprintf(stderr, "best_changes: %s\n", e.what());
    return 2;
  }
}
