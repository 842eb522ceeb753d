// best_changes: for one runner's current form, the three changes that lower L5/S1 peak compression
// the most, and the three that lower the cumulative compression per km the most. A short program
// on rank_changes() (ranking.hpp); `whatif --rank` prints the full ranking.
// Takes the runner and form options of whatif, e.g.
//   best_changes --mass 80 --speed 3.2 --cadence 158 --landing 0.35 --pelvic-tilt 25
#include <strideload/ranking.hpp>
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
    const Ranking ranking = rank_changes(o.runner, o.form, o.holds);
    const ResolvedForm<double>& f = ranking.baseline.form;
    std::printf("Runner %.0f kg, %.2f m; form: %.2f m/s, %.0f spm, %s strike landing %.2f m ahead, "
                "pelvic tilt %.0f°, trunk lean %.0f°\n",
                o.runner.mass.value(), o.runner.height.value(), f.speed, f.cadence * 60, name(f.strike), f.landing,
                f.pelvic_tilt * 180 / 3.14159265358979, f.trunk_lean * 180 / 3.14159265358979);
    std::printf("Baseline: L5/S1 peak compression %.2f BW, compression impulse %.0f BW·s per km\n\n",
                ranking.baseline.lumbar.peak_compression_bw, ranking.baseline.lumbar.cumulative_compression_bw_s_per_km);
    std::vector<const RankedChange*> changes;
    for (const RankedChange& c : ranking.changes) changes.push_back(&c);
    auto show = [&](const char* title, double RankedChange::*key) {
      std::stable_sort(changes.begin(), changes.end(),
                       [&](const RankedChange* a, const RankedChange* b) { return a->*key < b->*key; });
      std::printf("%s\n", title);
      for (std::size_t i = 0; i < 3 && i < changes.size(); ++i)
        std::printf("  %zu. %-18s peak %+6.1f %%   per km %+6.1f %%   peak AP shear %+6.1f %%\n", i + 1,
                    changes[i]->label.c_str(), changes[i]->peak_compression_pct, changes[i]->compression_per_km_pct,
                    changes[i]->peak_ap_shear_pct);
    };
    show("Largest cut in peak compression per step:", &RankedChange::peak_compression_pct);
    show("Largest cut in compression per km:", &RankedChange::compression_per_km_pct);
    std::printf("\nModel predictions; docs/ranking.md says what rests on measurement.\n");
    return 0;
  } catch (const invalid_input& e) {
    std::fprintf(stderr, "best_changes: %s\n", e.what());
    return 2;
  }
}
