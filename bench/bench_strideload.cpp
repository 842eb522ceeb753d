// Benchmarks (Google Benchmark; build with -DCMAKE_BUILD_TYPE=Release).
// docs/performance.md records what was measured and how.
#include <benchmark/benchmark.h>
#include <strideload/strideload.hpp>

namespace {

// One step at 1 kHz, default runner and form, through the status API with a reused result
// (the series is sized once, so no allocation after the first iteration).
void BM_Analyze(benchmark::State& state) {
  const auto runner = strideload::make_runner_model(strideload::Runner{});
  const strideload::Form form;
  strideload::AnalysisOptions options;
  options.sample_rate_hz = static_cast<double>(state.range(0));
  strideload::Analysis out;
  for (auto _ : state) {
    const auto e = strideload::analyze(runner, form, options, out);
    benchmark::DoNotOptimize(e);
    benchmark::DoNotOptimize(out.metrics.peak_vgrf_bw);
  }
}
BENCHMARK(BM_Analyze)->Arg(250)->Arg(1000)->Arg(4000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
