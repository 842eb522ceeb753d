// The real-time path: once its output has been sized, analyze() and the pair compare() make no
// heap allocation and throw nothing, on success and on error alike. Allocations are counted by a
// replaced global operator new (bench/allocation_counter.cpp), so this is its own test program.
#include <doctest/doctest.h>
#include <strideload/strideload.hpp>

#include "allocation_counter.hpp"

using namespace strideload;

namespace {
/// Allocations made while `f` runs.
template <class F> std::size_t allocations_during(F&& f) {
  const std::size_t before = strideload_bench::allocations();
  f();
  return strideload_bench::allocations() - before;
}
}  // namespace

int* volatile kept = nullptr;  // volatile, so the compiler cannot elide the allocation

TEST_CASE("real time: the counter sees allocations") {
  CHECK(allocations_during([] { kept = new int(1); }) == 1);
  delete kept;
}

TEST_CASE("real time: analyze allocates nothing once its output is sized") {
  const auto runner = make_runner_model(Runner{});
  Form form;
  Analysis out;
  REQUIRE(analyze(runner, form, AnalysisOptions{}, out).status == Status::ok);
  InputError e;
  CHECK(allocations_during([&] { e = analyze(runner, form, AnalysisOptions{}, out); }) == 0);
  CHECK(e.status == Status::ok);
  // A shorter step (higher cadence, other strike and surface) fits in the same storage.
  form.cadence = steps_per_minute(190.0);
  form.strike = Strike::forefoot;
  form.surface = Surface{SurfacePreset::grass, {}};
  CHECK(allocations_during([&] { e = analyze(runner, form, AnalysisOptions{}, out); }) == 0);
  CHECK(e.status == Status::ok);
}

TEST_CASE("real time: errors come back as a status, without throwing or allocating") {
  const auto runner = make_runner_model(Runner{});
  Analysis out;
  REQUIRE(analyze(runner, Form{}, AnalysisOptions{}, out).status == Status::ok);
  Form bad;
  bad.speed = metres_per_second(std::nan(""));
  InputError e;
  std::size_t n = 0;
  CHECK_NOTHROW(n = allocations_during([&] { e = analyze(runner, bad, AnalysisOptions{}, out); }));
  CHECK(n == 0);
  CHECK(e.status == Status::invalid_input);
  CHECK(std::string(e.parameter) == "speed");
  // A combination no runner could make: each value plausible, no step that joins them.
  Form impossible;
  impossible.cadence = steps_per_minute(240.0);
  impossible.speed = metres_per_second(2.0);
  impossible.landing = metres(0.6);
  CHECK_NOTHROW(n = allocations_during([&] { e = analyze(runner, impossible, AnalysisOptions{}, out); }));
  CHECK(n == 0);
  CHECK(e.status != Status::ok);
}

TEST_CASE("real time: compare of a baseline and one change allocates nothing once sized") {
  const auto runner = make_runner_model(Runner{});
  PairComparison out;
  const FormChange change = raise_cadence(10.0);
  REQUIRE(compare(runner, Form{}, change, Holds{}, AnalysisOptions{}, out).status == Status::ok);
  InputError e;
  CHECK(allocations_during([&] { e = compare(runner, Form{}, change, Holds{}, AnalysisOptions{}, out); }) == 0);
  CHECK(e.status == Status::ok);
  // The result is the same as the allocating compare()'s.
  const Comparison c = compare(Runner{}, Form{}, change);
  for (std::size_t i = 0; i < metric_count; ++i) {
    CAPTURE(out.differences[i].metric->key);
    CHECK(out.differences[i].variant == c.variants[0].differences[i].variant);
  }
}
