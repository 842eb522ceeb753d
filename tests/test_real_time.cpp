// The real-time path: once its output has been sized, analyze() and the pair compare() make no
// heap allocation and throw nothing, on success and on error alike. Allocations are counted by a
// replaced global operator new (bench/allocation_counter.cpp), so this is its own test program,
// and, since Eigen allocates with malloc rather than operator new, by Eigen's own hook:
// EIGEN_RUNTIME_NO_MALLOC makes every Eigen heap allocation assert that allocation is allowed,
// and this file's eigen_assert counts the refusals instead of aborting.
#include <cstddef>
#include <limits>
#include <vector>

#include <pthread.h>

// AddressSanitizer, as GCC and as Clang announce it: its red zones grow every stack frame.
#if defined(__SANITIZE_ADDRESS__)
#define STRIDELOAD_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define STRIDELOAD_TEST_ASAN 1
#endif
#endif

namespace {
std::size_t eigen_refusals = 0;
}  // namespace
#define EIGEN_RUNTIME_NO_MALLOC
#define eigen_assert(x) ((x) ? static_cast<void>(0) : static_cast<void>(++eigen_refusals))

#include <doctest/doctest.h>
#include <strideload/comparison.hpp>
#include <strideload/sensitivity.hpp>
#include <strideload/strideload.hpp>

#include "allocation_counter.hpp"

using namespace strideload;

namespace {
/// Allocations made while `f` runs: through operator new, and by Eigen.
template <class F> std::size_t allocations_during(F&& f) {
  const std::size_t before = strideload_bench::allocations() + eigen_refusals;
  Eigen::internal::set_is_malloc_allowed(false);
  f();
  Eigen::internal::set_is_malloc_allowed(true);
  return strideload_bench::allocations() + eigen_refusals - before;
}

/// Bytes of stack that `f` uses: it runs on a thread whose stack, a buffer of our own, is painted
/// first, and the deepest byte that changed is counted. It includes what the C library keeps at the
/// top of a thread's stack (thread descriptor and thread-local storage).
template <class F> std::size_t stack_used_by(F f) {
  constexpr std::size_t size = std::size_t(1) << 22;  // 4 MiB, far more than needed
  constexpr unsigned char paint = 0xA5;
  std::vector<unsigned char> stack(size, paint);
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstack(&attributes, stack.data(), size);
  pthread_t thread;
  void* (*start)(void*) = [](void* callable) -> void* {
    (*static_cast<F*>(callable))();
    return nullptr;
  };
  const int created = pthread_create(&thread, &attributes, start, &f);
  pthread_attr_destroy(&attributes);
  REQUIRE(created == 0);
  pthread_join(thread, nullptr);
  std::size_t untouched = 0;  // the stack grows down, from the buffer's end
  while (untouched < size && stack[untouched] == paint) ++untouched;
  return size - untouched;
}
}  // namespace

int* volatile kept = nullptr;  // volatile, so the compiler cannot elide the allocation

TEST_CASE("real time: the counters see allocations") {
  CHECK(allocations_during([] { kept = new int(1); }) == 1);
  delete kept;
  Eigen::ArrayXd grown;
  CHECK(allocations_during([&] { grown.resize(100); }) == 1);
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

TEST_CASE("real time: after reserve(), no plausible form allocates, from the slowest cadence to the fastest") {
  const auto runner = make_runner_model(Runner{});
  Analysis out;
  reserve(out);
  for (double spm : {110.0, 166.0, 240.0}) {
    for (double v : {1.8, 3.0, 6.0}) {
      Form f;
      f.cadence = steps_per_minute(spm);
      f.speed = metres_per_second(v);
      InputError e;
      CAPTURE(spm);
      CAPTURE(v);
      CHECK(allocations_during([&] { e = analyze(runner, f, AnalysisOptions{}, out); }) == 0);
    }
  }
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

TEST_CASE("real time: every kind of bad input is reported as a status without allocating") {
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
  CHECK_NOTHROW(CHECK(allocations_during([&] {
                        for (const Form& f : bad)
                          if (analyze(runner, f, AnalysisOptions{}, out)) ++errors;
                        if (analyze(broken, Form{}, AnalysisOptions{}, out)) ++errors;
                        if (analyze(runner, Form{}, too_fast, out)) ++errors;
                      }) == 0));
  CHECK(errors == static_cast<int>(bad.size()) + 2);
}

TEST_CASE("real time: the stack each entry point needs") {
  // Measured figures (docs/embedding.md): about 35 kB for analyze() and the pair compare(), 100 kB
  // for sensitivities(), depending on the compiler's inlining. The bounds leave room for that and
  // catch a large array added to the stack. Under AddressSanitizer every frame grows with its red
  // zones, so there the sizes are printed but not checked.
  const auto runner = make_runner_model(Runner{});
  Analysis out;
  reserve(out);
  PairComparison pair;
  reserve(pair.baseline);
  reserve(pair.variant);
  ResolvedForm<double> at;
  REQUIRE_FALSE(resolve_form(runner, Form{}, at));
  Sensitivities gradients;
  REQUIRE_FALSE(sensitivities(runner, at, AnalysisOptions{}, gradients));  // sizes its series
  InputError e1, e2, e3;
  const std::size_t nothing = stack_used_by([] {});
  const std::size_t analysis = stack_used_by([&] { e1 = analyze(runner, Form{}, AnalysisOptions{}, out); });
  const std::size_t comparison =
      stack_used_by([&] { e2 = compare(runner, Form{}, raise_cadence(10.0), Holds{}, AnalysisOptions{}, pair); });
  const std::size_t gradient = stack_used_by([&] { e3 = sensitivities(runner, at, AnalysisOptions{}, gradients); });
  MESSAGE("stack used, bytes: empty thread " << nothing << ", analyze " << analysis << ", compare " << comparison
                                             << ", sensitivities " << gradient);
  CHECK_FALSE(e1);
  CHECK_FALSE(e2);
  CHECK_FALSE(e3);
  CHECK(analysis > nothing);  // the measurement sees the call
#if !defined(STRIDELOAD_TEST_ASAN)
  CHECK(analysis < 64 * 1024);
  CHECK(comparison < 64 * 1024);
  CHECK(gradient < 160 * 1024);
#endif
}
