// Gradients by automatic differentiation against central finite differences of the same model.
#include <doctest/doctest.h>
#include <strideload/sensitivity.hpp>

#include <cmath>
#include <string>

using namespace strideload;

namespace {
/// Every metric of the double model at `values`.
std::array<double, metric_count> metrics_at(const RunnerModel<double>& runner, const ResolvedForm<double>& at,
                                            const std::array<double, form_variable_count>& values) {
  Analysis a;
  REQUIRE(analyze(runner, form_with(at, values), AnalysisOptions{}, a).status == Status::ok);
  std::array<double, metric_count> out{};
  for (std::size_t m = 0; m < metric_count; ++m) out[m] = *metric_table()[m].get(a);
  return out;
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
  const auto plain = metrics_at(runner, at, values);
  for (std::size_t m = 0; m < metric_count; ++m) {
    const std::string metric = metric_table()[m].key;
    CAPTURE(metric);
    CHECK(plain[m] == doctest::Approx(*metric_table()[m].get(given)).epsilon(1e-9));
    CHECK(value_of(*metric_table<GradientScalar>()[m].get(s.analysis)) == doctest::Approx(plain[m]).epsilon(1e-9));
  }
  int compared = 0;
  for (int v = 0; v < form_variable_count; ++v) {
    const auto var = static_cast<FormVariable>(v);
    const auto k = static_cast<std::size_t>(v);
    if (!s.gradient[0][k]) continue;  // the shoe, barefoot
    const double h = step(var, values[k]);
    auto up = values, down = values;
    up[k] += h;
    down[k] -= h;
    const auto above = metrics_at(runner, at, up), below = metrics_at(runner, at, down);
    for (std::size_t m = 0; m < metric_count; ++m) {
      const std::string metric = metric_table()[m].key;
      CAPTURE(metric);
      const std::string variable = form_key(var);
      CAPTURE(variable);
      const double fd = (above[m] - below[m]) / (2 * h);
      // "A few percent", with a floor for derivatives that are zero or nearly so: a change of the
      // variable by its whole value (or by one unit, if smaller) moving the metric by less than
      // 1e-3 of itself.
      const double scale = std::abs(plain[m]) / std::max(std::abs(values[k]), 1.0);
      CHECK(std::abs(*s.gradient[m][k] - fd) <= 0.03 * std::abs(fd) + 1e-3 * scale);
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

TEST_CASE("sensitivity: the body posed in its four variables gives the gradients of one full pass") {
  // sensitivities() poses the body in plain numbers with its derivatives by hand, and solves the
  // leg shape in plain numbers with its derivatives by Newton steps from there
  // (leg_shape_from_plain()); the whole analyze() in GradientScalar, every variable seeded, must
  // give the same values and derivatives (to rounding).
  Form fast;
  fast.speed = metres_per_second(4.2);
  fast.strike = Strike::forefoot;
  fast.pelvic_tilt = degrees(24.0);
  fast.trunk_lean = degrees(9.0);
  fast.surface = {SurfacePreset::track, {}};
  for (const Form& form : {Form{}, fast}) {
    const auto runner = make_runner_model(Runner{});
    const ResolvedForm<double> at = resolve_form(runner, form);
    Sensitivities s;
    REQUIRE(sensitivities(runner, at, AnalysisOptions{}, s).status == Status::ok);
    const auto values = form_values(at);
    std::array<GradientScalar, form_variable_count> seeded;
    for (int v = 0; v < form_variable_count; ++v)
      seeded[static_cast<std::size_t>(v)] =
          independent_variable<form_variable_count>(values[static_cast<std::size_t>(v)], v);
    BasicAnalysis<GradientScalar> full;
    REQUIRE(analyze(runner_model_as<GradientScalar>(runner), form_with(at, seeded), AnalysisOptions{}, full).status ==
            Status::ok);
    for (std::size_t m = 0; m < metric_count; ++m) {
      const std::string metric = metric_table()[m].key;
      CAPTURE(metric);
      const GradientScalar expected = *metric_table<GradientScalar>()[m].get(full);
      CHECK(value_of(*metric_table<GradientScalar>()[m].get(s.analysis)) == doctest::Approx(value_of(expected)).epsilon(1e-12));
      for (int v = 0; v < form_variable_count; ++v) {
        const std::string variable = form_key(static_cast<FormVariable>(v));
        CAPTURE(variable);
        // To rounding, with a floor for derivatives that are zero but for rounding: one unit of
        // the variable moving the metric by 1e-10 of itself.
        CHECK(s.gradient[m][static_cast<std::size_t>(v)].value_or(expected.derivatives()[v]) ==
              doctest::Approx(expected.derivatives()[v]).epsilon(1e-10).scale(std::abs(value_of(expected))));
      }
    }
  }
}

TEST_CASE("sensitivity: errors are reported as analyze() reports them") {
  const auto runner = make_runner_model(Runner{});
  Sensitivities s;
  Analysis plain;
  // No runner can make this step: the contact would outlast it.
  Form f;
  f.cadence = steps_per_minute(200.0);
  f.landing = metres(0.55);
  const InputError expected = analyze(runner, f, AnalysisOptions{}, plain);
  REQUIRE(expected.status == Status::no_solution);
  const InputError e = sensitivities(runner, resolve_form(runner, f), AnalysisOptions{}, s);
  CHECK(e.status == expected.status);
  CHECK(std::string(e.parameter) == expected.parameter);
  // A sample rate out of range.
  AnalysisOptions o;
  o.sample_rate_hz = std::nan("");
  CHECK(sensitivities(runner, resolve_form(runner, Form{}), o, s).status == Status::invalid_input);
}
