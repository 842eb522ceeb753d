// Benchmarks (Google Benchmark; build with -DCMAKE_BUILD_TYPE=Release).
// docs/performance.md records what was measured and how. Every benchmark reports
// allocs_per_iter: heap allocations per iteration inside the timed loop, counted by a replaced
// global operator new (allocation_counter.hpp).
#include <benchmark/benchmark.h>
#include <strideload/sensitivity.hpp>
#include <strideload/strideload.hpp>

#include "allocation_counter.hpp"

namespace {

/// Allocations per iteration since `before`, as a benchmark counter.
benchmark::Counter allocs_per_iter(std::size_t before, const benchmark::State& state) {
  const double n = static_cast<double>(strideload_bench::allocations() - before);
  return benchmark::Counter(n / static_cast<double>(state.iterations()));
}

// One step, default runner and form, through the real-time path (a reused result, so the series
// is sized once). The argument is the sample rate, Hz: 1000 is the figure; 250 to 4000
// show how the cost scales with the number of samples.
void BM_Analyze(benchmark::State& state) {
  const auto runner = strideload::make_runner_model(strideload::Runner{});
  const strideload::Form form;
  strideload::AnalysisOptions options;
  options.sample_rate_hz = static_cast<double>(state.range(0));
  strideload::Analysis out;
  (void)strideload::analyze(runner, form, options, out);  // sizes the series
  const std::size_t before = strideload_bench::allocations();
  for (auto _ : state) {
    const auto e = strideload::analyze(runner, form, options, out);
    benchmark::DoNotOptimize(e);
    benchmark::DoNotOptimize(out.lumbar.peak_compression_bw);
  }
  state.counters["allocs_per_iter"] = allocs_per_iter(before, state);
  state.counters["samples"] = static_cast<double>(out.series.size());
}
BENCHMARK(BM_Analyze)->Arg(250)->Arg(500)->Arg(1000)->Arg(2000)->Arg(4000)->Unit(benchmark::kMicrosecond);

// Baseline and one variant (cadence +10 %, with its couplings) at 1 kHz, and every metric's
// difference, through the real-time compare().
void BM_Compare(benchmark::State& state) {
  const auto runner = strideload::make_runner_model(strideload::Runner{});
  const strideload::Form form;
  const strideload::FormChange change = strideload::raise_cadence(10.0);
  strideload::PairComparison out;
  (void)strideload::compare(runner, form, change, strideload::Holds{}, strideload::AnalysisOptions{}, out);
  const std::size_t before = strideload_bench::allocations();
  for (auto _ : state) {
    const auto e = strideload::compare(runner, form, change, strideload::Holds{}, strideload::AnalysisOptions{}, out);
    benchmark::DoNotOptimize(e);
    benchmark::DoNotOptimize(out.differences[0].percent);
  }
  state.counters["allocs_per_iter"] = allocs_per_iter(before, state);
}
BENCHMARK(BM_Compare)->Unit(benchmark::kMicrosecond);

// Every metric's derivative with respect to all seven form variables, in one autodiff pass at
// 1 kHz (issue 8 asks for at most about 5x BM_Analyze/1000).
void BM_Gradients(benchmark::State& state) {
  const auto runner = strideload::make_runner_model(strideload::Runner{});
  const auto at = strideload::resolve_form(runner, strideload::Form{});
  strideload::Sensitivities out;
  (void)strideload::sensitivities(runner, at, strideload::AnalysisOptions{}, out);
  const std::size_t before = strideload_bench::allocations();
  for (auto _ : state) {
    const auto e = strideload::sensitivities(runner, at, strideload::AnalysisOptions{}, out);
    benchmark::DoNotOptimize(e);
    benchmark::DoNotOptimize(out.gradient[0][0]);
  }
  state.counters["allocs_per_iter"] = allocs_per_iter(before, state);
}
BENCHMARK(BM_Gradients)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
