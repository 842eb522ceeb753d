// Threads and determinism (issue 6): analyses of one runner from several threads at once give
// bitwise the results of a serial run, and the same input always gives bitwise the same output.
// Built as its own program so that CI can run it under ThreadSanitizer (STRIDELOAD_TSAN=ON).

#include <doctest/doctest.h>
#include <strideload/strideload.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "analysis_checks.hpp"

using namespace strideload;
using strideload_test::bitwise_equal;

namespace {

/// A spread of forms: strikes, surfaces, shoes, given and typical values, and one refusal.
std::vector<Form> forms() {
  std::vector<Form> out;
  for (Strike strike : {Strike::rearfoot, Strike::midfoot, Strike::forefoot})
    for (double speed : {2.5, 3.5, 5.0}) {
      Form f;
      f.speed = metres_per_second(speed);
      f.strike = strike;
      f.surface = {speed < 3.0 ? SurfacePreset::grass : SurfacePreset::concrete, {}};
      f.shoe = {strike == Strike::forefoot ? ShoePreset::minimal : ShoePreset::cushioned, {}};
      out.push_back(f);
    }
  Form leaning;
  leaning.cadence = steps_per_minute(180.0);
  leaning.pelvic_tilt = degrees(25.0);
  leaning.trunk_lean = degrees(12.0);
  leaning.landing = metres(0.2);
  out.push_back(leaning);
  Form impossible;  // refused: the leg would sweep past 45°
  impossible.cadence = steps_per_minute(120.0);
  impossible.landing = metres(0.6);
  out.push_back(impossible);
  return out;
}

struct Outcome {
  Status status = Status::ok;
  std::string parameter;
  Analysis analysis;
};

bool same(const Outcome& a, const Outcome& b) {
  if (a.status != b.status || a.parameter != b.parameter) return false;
  return a.status != Status::ok || bitwise_equal(a.analysis, b.analysis);
}

/// 500 Hz: half the default rate keeps the sanitizer builds quick and changes nothing here.
AnalysisOptions options() {
  AnalysisOptions o;
  o.sample_rate_hz = 500.0;
  return o;
}

Outcome run(const RunnerModel<double>& runner, const Form& form, Analysis& workspace) {
  const InputError e = analyze(runner, form, options(), workspace);
  return {e.status, e.parameter, workspace};
}

}  // namespace

TEST_CASE("threads: the same input twice gives bitwise the same output") {
  const auto runner = make_runner_model(Runner{});
  for (const Form& form : forms()) {
    Analysis first, second;
    const Outcome a = run(runner, form, first);
    // A workspace that held another analysis before must not leak into the next one.
    analyze(runner, forms().front(), options(), second);
    const Outcome b = run(runner, form, second);
    CHECK(same(a, b));
  }
}

TEST_CASE("threads: concurrent analyses of one runner match a serial run bitwise") {
  Runner r;
  r.mass = kilograms(62.0);
  r.sex = Sex::female;
  const RunnerModel<double> runner = make_runner_model(r);  // shared, read-only
  const std::vector<Form> inputs = forms();
  std::vector<Outcome> serial;
  for (const Form& form : inputs) {
    Analysis workspace;
    serial.push_back(run(runner, form, workspace));
  }
  REQUIRE(serial.back().status == Status::no_solution);

  constexpr int threads = 4, rounds = 2;
  std::atomic<int> mismatches{0}, analyses{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      Analysis workspace;  // one per thread, reused: the real-time way
      for (int round = 0; round < rounds; ++round)
        for (std::size_t i = 0; i < inputs.size(); ++i) {
          // Each thread walks the forms from a different start, so that different analyses overlap.
          const std::size_t k = (i + static_cast<std::size_t>(t) * 3) % inputs.size();
          if (!same(run(runner, inputs[k], workspace), serial[k])) ++mismatches;
          // The throwing API from several threads, too.
          if (serial[k].status == Status::ok && !bitwise_equal(analyze(r, inputs[k], options()), serial[k].analysis))
            ++mismatches;
          ++analyses;
        }
    });
  for (auto& thread : pool) thread.join();
  CHECK(analyses == threads * rounds * static_cast<int>(inputs.size()));
  CHECK(mismatches == 0);
}

TEST_CASE("threads: whatif messages from several threads stay their own") {
  // invalid_input copies its message; errors raised at once on several threads must not mix.
  std::atomic<int> wrong{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < 4; ++t)
    pool.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        Form f;
        f.speed = metres_per_second(10.0 + t);
        try {
          analyze(Runner{}, f);
          ++wrong;
        } catch (const invalid_input& e) {
          const std::string expected = "speed = " + std::to_string(10 + t) + " m/s";
          if (std::string(e.what()).rfind(expected, 0) != 0) ++wrong;
        }
      }
    });
  for (auto& thread : pool) thread.join();
  CHECK(wrong == 0);
}
