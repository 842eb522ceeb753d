// Inverse dynamics per sample, strideload against Simbody: the same 13-segment planar chain
// (tests/simbody_chain/, with the L5/S1 joint that reports force and moment), the same random
// instants, each side producing the L5/S1 force and moment. test_lumbar_load_simbody.cpp checks
// that both give the same numbers on these instants. Built only when Simbody is found.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <vector>

#include "allocation_counter.hpp"
#include "simbody_chain/simbody_body.hpp"
#include "simbody_chain/simbody_samples.hpp"

namespace {

using namespace strideload_simbody;

// What both benchmarks share: the body, its Simbody chain and the instants, drawn before timing.
struct Chain {
  strideload::BodyModel<double> body =
      strideload::make_body_model(strideload::make_runner_model(strideload::Runner{}));
  SimbodyBody simbody{body, L5S1Joint::planar};
  std::vector<JointSample> samples = random_samples(simbody, sample_count);
};

// Heap allocations per iteration of the timed loop that started with `before` allocations.
void count_allocations(benchmark::State& state, std::size_t before) {
  state.counters["allocs_per_iter"] =
      static_cast<double>(strideload_bench::allocations() - before) / static_cast<double>(state.iterations());
}

// strideload per sample: segment angles (given) → body_pose() → lumbar_load().
void BM_InverseDynamics_strideload(benchmark::State& state) {
  const Chain chain;
  std::vector<StrideloadInputs> inputs;
  for (const JointSample& s : chain.samples) inputs.push_back(strideload_inputs(chain.simbody, s));
  std::size_t i = 0;
  const std::size_t before = strideload_bench::allocations();
  for (auto _ : state) {
    const auto load = strideload_l5s1(chain.body, inputs[i]);
    benchmark::DoNotOptimize(load);
    i = (i + 1) % inputs.size();
  }
  count_allocations(state, before);
}
BENCHMARK(BM_InverseDynamics_strideload);

// Simbody per sample: set q and u, realize to Velocity, gravity, residual forces for udot.
void BM_InverseDynamics_simbody(benchmark::State& state) {
  const Chain chain;
  SimTK::State s = chain.simbody.system().getDefaultState();
  SimTK::Vector residual(s.getNU());
  std::size_t i = 0;
  const std::size_t before = strideload_bench::allocations();
  for (auto _ : state) {
    const L5S1Load load = chain.simbody.inverse_dynamics(s, chain.samples[i], residual);
    benchmark::DoNotOptimize(load);
    i = (i + 1) % chain.samples.size();
  }
  count_allocations(state, before);
}
BENCHMARK(BM_InverseDynamics_simbody);

}  // namespace
