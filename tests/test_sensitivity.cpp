// Gradients by automatic differentiation against central finite differences of the same model.
#include <doctest/doctest.h>
#include <strideload/sensitivity.hpp>

#include <cmath>
#include <string>

using namespace strideload;

namespace {
/// Metric m of the double model at `values`.
double metric_at(const RunnerModel<double>& runner, const ResolvedForm<double>& at,
                 const std::array<double, form_variable_count>& values, std::size_t m) {
  Analysis a;
  REQUIRE(analyze(runner, form_with(at, values), AnalysisOptions{}, a).status == Status::ok);
  return *metric_table()[m].get(a);
}

/// A finite-difference step small against each variable's scale, large against rounding.
double step(FormVariable v, double value) {
  switch (v) {
    case FormVariable::cadence: return 0.01;         // spm
    case FormVariable::speed: return 1e-4;           // m/s
    case FormVariable::landing: return 1e-5;         // m
    case FormVariable::pelvic_tilt: return 1e-3;     // deg
    case FormVariable::trunk_lean: return 1e-3;      // deg
    default: return 1e-4 * value;                    // kN/m
  }
}

void check_gradients(const Runner& r, const Form& form) {
  const auto runner = make_runner_model(r);
  const ResolvedForm<double> at = resolve_form(runner, form);
  Sensitivities s;
  REQUIRE(sensitivities(runner, at, AnalysisOptions{}, s).status == Status::ok);
  // The same form as numbers reproduces the analysis of the form as given.
  const Analysis given = analyze(r, form);
  const auto values = form_values(at);
  int compared = 0;
  for (std::size_t m = 0; m < metric_count; ++m) {
    const std::string key = metric_table()[m].key;
    CAPTURE(key);
    CHECK(metric_at(runner, at, values, m) == doctest::Approx(*metric_table()[m].get(given)).epsilon(1e-9));
    CHECK(value_of(*metric_table<GradientScalar>()[m].get(s.analysis)) ==
          doctest::Approx(*metric_table()[m].get(given)).epsilon(1e-9));
    for (int v = 0; v < form_variable_count; ++v) {
      const auto var = static_cast<FormVariable>(v);
      CAPTURE(form_key(var));
      const auto& g = s.gradient[m][static_cast<std::size_t>(v)];
      if (!g) continue;
      const double h = step(var, values[static_cast<std::size_t>(v)]);
      auto up = values, down = values;
      up[static_cast<std::size_t>(v)] += h;
      down[static_cast<std::size_t>(v)] -= h;
      const double fd = (metric_at(runner, at, up, m) - metric_at(runner, at, down, m)) / (2 * h);
      // "A few percent", with a floor for derivatives that are zero or nearly so: a change of the
      // variable by 1 % of its value moving the metric by less than 1e-5 of itself.
      const double scale = std::abs(*metric_table()[m].get(given)) /
                           std::max(std::abs(values[static_cast<std::size_t>(v)]), 1.0);
      CHECK(std::abs(*g - fd) <= 0.03 * std::abs(fd) + 1e-3 * scale);
      ++compared;
    }
  }
  CHECK(compared >= 120);
}
}  // namespace

TEST_CASE("sensitivity: gradients agree with central finite differences, default runner") {
  check_gradients(Runner{}, Form{});
}

TEST_CASE("sensitivity: gradients agree with central finite differences, forefoot, fast, barefoot, tilted") {
  Form f;
  f.speed = metres_per_second(4.2);
  f.strike = Strike::forefoot;
  f.pelvic_tilt = degrees(24.0);
  f.shoe = {ShoePreset::barefoot, {}};
  f.surface = {SurfacePreset::track, {}};
  Runner r;
  r.mass = kilograms(58.0);
  r.height = metres(1.64);
  r.sex = Sex::female;
  check_gradients(r, f);
}

TEST_CASE("sensitivity: what the mechanics fixes") {
  const auto runner = make_runner_model(Runner{});
  Sensitivities s;
  REQUIRE(sensitivities(runner, resolve_form(runner, Form{}), AnalysisOptions{}, s).status == Status::ok);
  auto g = [&](const char* key, FormVariable v) {
    for (std::size_t m = 0; m < metric_count; ++m)
      if (std::string(metric_table()[m].key) == key) return *s.gradient[m][static_cast<std::size_t>(v)];
    FAIL("no metric " << key);
    return 0.0;
  };
  // The ground reaction force does not see the pelvis or the trunk.
  CHECK(g("peak_vgrf_bw", FormVariable::pelvic_tilt) == 0.0);
  CHECK(g("contact_time_s", FormVariable::trunk_lean) == 0.0);
  // Steps per km at a given speed depend on the cadence only: 1000·f/v per km, so
  // d/d(spm) = 1000/(60·v).
  CHECK(g("steps_per_km", FormVariable::cadence) == doctest::Approx(1000.0 / (60.0 * 3.0)));
  // More anterior tilt, more anterior shear (science.md §6: the disc plane tips with the sacrum).
  CHECK(g("peak_ap_shear_bw", FormVariable::pelvic_tilt) > 0.0);
  // A barefoot runner has no shoe stiffness to differentiate.
  Form barefoot;
  barefoot.shoe = {ShoePreset::barefoot, {}};
  REQUIRE(sensitivities(runner, resolve_form(runner, barefoot), AnalysisOptions{}, s).status == Status::ok);
  CHECK_FALSE(s.gradient[0][static_cast<std::size_t>(FormVariable::shoe_stiffness)].has_value());
}
