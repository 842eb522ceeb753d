// The real-time path never allocates once its workspace is sized, and reports bad input as a
// status without allocating either (design.md, Interfaces; issue 6). Its own program, because it
// replaces the global operator new to count.

#include <atomic>
#include <cstdlib>
#include <limits>
#include <new>
#include <vector>

namespace strideload_test {
std::atomic<long> heap_allocations{0};
/// Eigen calls this where it would allocate while allocation is forbidden (or on any other failed
/// Eigen assertion, which is just as wrong here).
inline void eigen_assert_failed() { ++heap_allocations; }
}  // namespace strideload_test

// Eigen allocates with malloc, not operator new: make it report instead (in every build type).
#define EIGEN_RUNTIME_NO_MALLOC
#define eigen_assert(x) ((x) ? static_cast<void>(0) : strideload_test::eigen_assert_failed())

#include <doctest/doctest.h>
#include <strideload/strideload.hpp>

void* operator new(std::size_t size) {
  ++strideload_test::heap_allocations;
  if (void* p = std::malloc(size ? size : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

using namespace strideload;

namespace {

/// Allocations made by `f`, with Eigen's heap forbidden meanwhile.
template <class F>
long allocations_in(F&& f) {
  const long before = strideload_test::heap_allocations;
  Eigen::internal::set_is_malloc_allowed(false);
  f();
  Eigen::internal::set_is_malloc_allowed(true);
  return strideload_test::heap_allocations - before;
}

}  // namespace

TEST_CASE("no allocation: a sized workspace analyses again without touching the heap") {
  const auto runner = make_runner_model(Runner{});
  Form form;
  form.strike = Strike::forefoot;
  Analysis out;
  REQUIRE_FALSE(analyze(runner, form, AnalysisOptions{}, out));  // sizes the series
  InputError e;
  CHECK(allocations_in([&] {
          for (int i = 0; i < 3; ++i) e = analyze(runner, form, AnalysisOptions{}, out);
        }) == 0);
  CHECK_FALSE(e);
  // The count sees both kinds of heap use: a new sample count resizes Eigen's arrays, and
  // std::vector uses operator new.
  AnalysisOptions other;
  other.sample_rate_hz = 500.0;
  CHECK(allocations_in([&] { e = analyze(runner, form, other, out); }) > 0);
  static std::vector<int>* escaped = nullptr;  // escapes, so the compiler cannot elide the allocation
  CHECK(allocations_in([] { escaped = new std::vector<int>(3); }) > 0);
  delete escaped;
}

TEST_CASE("no allocation: bad input is reported as a status without touching the heap") {
  const auto runner = make_runner_model(Runner{});
  Analysis out;
  REQUIRE_FALSE(analyze(runner, Form{}, AnalysisOptions{}, out));
  const double nan_value = std::numeric_limits<double>::quiet_NaN();
  const double inf_value = std::numeric_limits<double>::infinity();

  std::vector<Form> bad(12);
  bad[0].speed = metres_per_second(nan_value);
  bad[1].cadence = steps_per_minute(inf_value);
  bad[2].stride_length = metres(-1.0);
  bad[3].landing = metres(0.61);
  bad[4].pelvic_tilt = degrees(-inf_value);
  bad[5].trunk_lean = degrees(90.0);
  bad[6].surface = {SurfacePreset::custom, kilonewtons_per_metre(1.0)};
  bad[7].shoe = {ShoePreset::custom, kilonewtons_per_metre(nan_value)};
  bad[8].strike = static_cast<Strike>(9);
  bad[9].speed = metres_per_second(3.0);  // three that disagree
  bad[9].cadence = steps_per_minute(180.0);
  bad[9].stride_length = metres(3.0);
  bad[10].cadence = steps_per_minute(120.0);  // no running step: the leg sweeps past 45°
  bad[10].landing = metres(0.6);
  bad[11].shoe = {static_cast<ShoePreset>(-3), {}};
  auto broken = runner;
  broken.mass = nan_value;
  AnalysisOptions too_fast;
  too_fast.sample_rate_hz = 1.0e9;

  int errors = 0;
  CHECK(allocations_in([&] {
          for (const Form& f : bad)
            if (analyze(runner, f, AnalysisOptions{}, out)) ++errors;
          if (analyze(broken, Form{}, AnalysisOptions{}, out)) ++errors;
          if (analyze(runner, Form{}, too_fast, out)) ++errors;
        }) == 0);
  CHECK(errors == static_cast<int>(bad.size()) + 2);
}
