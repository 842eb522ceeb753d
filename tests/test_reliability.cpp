// Reliability under bad input (issue 6): every public entry point rejects NaN, inf, negative,
// implausible, inconsistent and unknown input with an error naming the parameter, on the status
// path without throwing; and across the whole plausible range an analysis is either finite or a
// reasoned refusal.

#include <doctest/doctest.h>
#include <strideload/strideload.hpp>

#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <string>

#include "analysis_checks.hpp"

using namespace strideload;
using strideload_test::all_finite;

namespace {

const double nan_value = std::numeric_limits<double>::quiet_NaN();
const double inf_value = std::numeric_limits<double>::infinity();

/// Values no input accepts, whatever its range.
const double hostile[] = {nan_value, inf_value, -inf_value, -1.0, 0.0, 1.0e300, -1.0e300,
                          std::numeric_limits<double>::denorm_min()};

/// Analyses through the status API, checking that it does not throw.
InputError analyze_status(const RunnerModel<double>& runner, const Form& form,
                          const AnalysisOptions& options = {}) {
  Analysis out;
  InputError e;
  CHECK_NOTHROW(e = analyze(runner, form, options, out));
  return e;
}

/// The error names `parameter`, and so does its one-line message.
void check_names(const InputError& e, const std::string& parameter) {
  CHECK(e.status != Status::ok);
  CHECK(std::string(e.parameter) == parameter);
  const std::string text = describe(e);
  CHECK(text.rfind(parameter + " = ", 0) == 0);
  CHECK(text.find('\n') == std::string::npos);
}

/// One numeric form field: its whatif name, its range and how to set it.
struct FormField {
  const char* parameter;
  Range range;
  std::function<void(Form&, double)> set;
};

std::vector<FormField> form_fields() {
  return {
      {"speed", ranges::speed, [](Form& f, double v) { f.speed = metres_per_second(v); }},
      {"cadence", ranges::cadence, [](Form& f, double v) { f.cadence = steps_per_minute(v); }},
      {"stride-length", ranges::stride_length, [](Form& f, double v) { f.stride_length = metres(v); }},
      {"landing", ranges::landing, [](Form& f, double v) { f.landing = metres(v); }},
      {"pelvic-tilt", ranges::pelvic_tilt, [](Form& f, double v) { f.pelvic_tilt = degrees(v); }},
      {"trunk-lean", ranges::trunk_lean, [](Form& f, double v) { f.trunk_lean = degrees(v); }},
      {"surface", ranges::surface_stiffness,
       [](Form& f, double v) { f.surface = {SurfacePreset::custom, kilonewtons_per_metre(v)}; }},
      {"shoe", ranges::shoe_stiffness,
       [](Form& f, double v) { f.shoe = {ShoePreset::custom, kilonewtons_per_metre(v)}; }},
  };
}

}  // namespace

TEST_CASE("reliability: every form field rejects NaN, inf and out-of-range values by name") {
  const auto runner = make_runner_model(Runner{});
  for (const FormField& field : form_fields()) {
    const double width = field.range.max - field.range.min;
    std::vector<double> bad(std::begin(hostile), std::end(hostile));
    bad.push_back(field.range.min - 0.01 * width);
    bad.push_back(field.range.max + 0.01 * width);
    for (double v : bad) {
      if (v >= field.range.min && v <= field.range.max) continue;  // 0 is a plausible landing
      CAPTURE(field.parameter);
      CAPTURE(v);
      Form f;
      field.set(f, v);
      const InputError e = analyze_status(runner, f);
      CHECK(e.status == Status::invalid_input);
      check_names(e, field.parameter);
      // The throwing API reports the same error.
      CHECK_THROWS_AS(analyze(Runner{}, f), invalid_input);
      try {
        analyze(Runner{}, f);
      } catch (const invalid_input& thrown) {
        CHECK(std::string(thrown.error().parameter) == field.parameter);
        CHECK(std::string(thrown.what()) == describe(e));
      }
    }
  }
}

TEST_CASE("reliability: the runner is checked on both APIs, hand-built models included") {
  for (double v : hostile) {
    CAPTURE(v);
    Runner r;
    r.mass = kilograms(v);
    check_names(check_runner(r), "mass");
    CHECK_THROWS_AS(analyze(r, Form{}), invalid_input);
    // A model built without checks is checked by the real-time analysis itself.
    check_names(analyze_status(runner_model_unchecked(r), Form{}), "mass");
    r = Runner{};
    r.height = metres(v);
    check_names(analyze_status(runner_model_unchecked(r), Form{}), "height");
  }
  Runner r;
  r.sex = static_cast<Sex>(7);
  check_names(check_runner(r), "sex");
  check_names(analyze_status(runner_model_unchecked(r), Form{}), "sex");
  // Derived quantities edited by hand.
  auto model = make_runner_model(Runner{});
  model.leg_length = nan_value;
  check_names(analyze_status(model, Form{}), "leg-length");
  model = make_runner_model(Runner{});
  model.impact_mass = 0.0;
  check_names(analyze_status(model, Form{}), "impact-mass");
  model = make_runner_model(Runner{});
  model.weight = -inf_value;
  check_names(analyze_status(model, Form{}), "weight");
  model = make_runner_model(Runner{});
  model.foot_length = inf_value;
  check_names(analyze_status(model, Form{}), "foot-length");
  // Found by fuzz_analysis: a positive but denormal weight gave every load in body weights as inf.
  model = make_runner_model(Runner{});
  model.weight = 4.9406564584124654e-324;
  check_names(analyze_status(model, Form{}), "weight");
  model = make_runner_model(Runner{});
  model.leg_length *= 2.5;
  check_names(analyze_status(model, Form{}), "leg-length");
  // Within a factor of two of the derivation, a hand-set quantity is accepted.
  model = make_runner_model(Runner{});
  model.leg_length *= 1.05;
  CHECK_FALSE(static_cast<bool>(analyze_status(model, Form{})));
}

TEST_CASE("reliability: enum values outside their enumerators are rejected, never defaulted") {
  const auto runner = make_runner_model(Runner{});
  Form f;
  f.strike = static_cast<Strike>(3);
  check_names(analyze_status(runner, f), "strike");
  f = Form{};
  f.surface = {static_cast<SurfacePreset>(-1), {}};
  check_names(analyze_status(runner, f), "surface");
  f = Form{};
  f.shoe = {static_cast<ShoePreset>(9), {}};
  check_names(analyze_status(runner, f), "shoe");
}

TEST_CASE("reliability: three inconsistent spatiotemporal values and implausible derived ones") {
  const auto runner = make_runner_model(Runner{});
  Form f;
  f.speed = metres_per_second(3.0);
  f.cadence = steps_per_minute(180.0);
  f.stride_length = metres(3.0);
  const InputError e = analyze_status(runner, f);
  CHECK(e.status == Status::inconsistent);
  check_names(e, "stride-length");
  // Each plausible alone, but 7 m/s at 110 spm needs a 7.6 m stride.
  f = Form{};
  f.speed = metres_per_second(7.0);
  f.cadence = steps_per_minute(110.0);
  const InputError derived = analyze_status(runner, f);
  check_names(derived, "stride-length");
  // The caller never gave a stride length: the message says where it came from.
  CHECK(describe(derived) ==
        "stride-length = 7.63636 m: derived from the other two of speed, cadence and stride length "
        "(given or typical); accepted 0.6 to 5 m");
}

TEST_CASE("reliability: the sample rate is checked") {
  const auto runner = make_runner_model(Runner{});
  for (double v : {nan_value, inf_value, -1000.0, 0.0, 99.0, 1.0e6}) {
    AnalysisOptions o;
    o.sample_rate_hz = v;
    check_names(analyze_status(runner, Form{}, o), "sample-rate");
  }
}

TEST_CASE("reliability: a change with a bad value, parameter or kind is an error naming it") {
  const auto runner = make_runner_model(Runner{});
  const Form given;
  const Analysis base = analyze(Runner{}, given);
  for (FormParameter p : {FormParameter::speed, FormParameter::cadence, FormParameter::stride_length,
                          FormParameter::landing, FormParameter::pelvic_tilt,
                          FormParameter::trunk_lean, FormParameter::surface, FormParameter::shoe})
    for (auto kind : {FormChange::Kind::relative, FormChange::Kind::delta, FormChange::Kind::absolute})
      for (double v : {nan_value, inf_value, -inf_value, 1.0e300, -1.0e300}) {
        CAPTURE(name(p));
        CAPTURE(v);
        FormChange c{p, kind, v};
        Form variant;
        InputError e;
        CHECK_NOTHROW(e = apply_change(runner, given, base.form, c, Holds{}, variant));
        if (!e) e = analyze_status(runner, variant);
        REQUIRE(e);
        CHECK(*e.parameter);
        CHECK(describe(e).find('\n') == std::string::npos);
      }
  Form variant;
  FormChange c{static_cast<FormParameter>(42), FormChange::Kind::relative, 5.0};
  check_names(apply_change(runner, given, base.form, c, Holds{}, variant), "change");
  c = FormChange{FormParameter::cadence, static_cast<FormChange::Kind>(17), 5.0};
  check_names(apply_change(runner, given, base.form, c, Holds{}, variant), "cadence");
  c = switch_strike(static_cast<Strike>(5));
  REQUIRE_FALSE(apply_change(runner, given, base.form, c, Holds{}, variant));
  check_names(analyze_status(runner, variant), "strike");
}

TEST_CASE("reliability: a value just outside its range does not read as the bound") {
  const std::string text = describe(check_range(ranges::body_mass, std::nextafter(150.0, 200.0)));
  CHECK(text.rfind("mass = 150.00000000000003 kg: accepted 35 to 150 kg", 0) == 0);
  CHECK(describe(check_range(ranges::body_mass, 150.5)) == "mass = 150.5 kg: accepted 35 to 150 kg");
}

TEST_CASE("reliability: a message is one line whatever text the caller gave") {
  InputError e = rejected(Status::invalid_input, "strike", "accepted rearfoot, midfoot or forefoot",
                          nan_value, "", "heel\nstrike\r\x1b[31m");
  const std::string text = describe(e);
  CHECK(text.find('\n') == std::string::npos);
  CHECK(text.find('\r') == std::string::npos);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.rfind("strike = 'heel?strike?", 0) == 0);
}

namespace {

/// Analyses at 250 Hz (fast enough for the sanitizer build) and checks the outcome: finite
/// outputs, or an error naming a parameter. Counts each.
struct SweepCounter {
  int solved = 0, refused = 0;
  std::map<std::string, int> reasons;  ///< refusals by status and parameter, for the log
  void run(const Runner& runner, const Form& form) {
    Analysis a;
    AnalysisOptions options;
    options.sample_rate_hz = 250.0;
    InputError e;
    CHECK_NOTHROW(e = analyze(runner_model_unchecked(runner), form, options, a));
    if (e) {
      ++refused;
      ++reasons[std::string(e.status == Status::no_solution    ? "no_solution "
                            : e.status == Status::inconsistent ? "inconsistent "
                                                               : "invalid_input ") +
                e.parameter];
      // Each value is plausible alone, so a refusal is about their combination or a derived
      // value; it must say which parameter.
      CHECK(*e.parameter);
      CHECK(!describe(e).empty());
      return;
    }
    ++solved;
    const bool finite = all_finite(a);
    if (!finite) {  // the inputs that failed, for the report
      CAPTURE(describe_form(runner, form));
      CHECK(finite);
    }
  }
  std::string summary() const {
    std::string text = std::to_string(solved) + " solved, " + std::to_string(refused) + " refused";
    for (const auto& [reason, count] : reasons) text += "; " + reason + ": " + std::to_string(count);
    return text;
  }
  static std::string describe_form(const Runner& r, const Form& f) {
    char text[400];
    std::snprintf(text, sizeof text,
                  "mass %g height %g sex %d speed %g cadence %g stride %g strike %d landing %g "
                  "tilt %g lean %g surface %d/%g shoe %d/%g",
                  r.mass.value(), r.height.value(), static_cast<int>(r.sex),
                  f.speed ? f.speed->value() : -1.0, f.cadence ? in_steps_per_minute(*f.cadence) : -1.0,
                  f.stride_length ? f.stride_length->value() : -1.0, static_cast<int>(f.strike),
                  f.landing ? f.landing->value() : -1.0, f.pelvic_tilt ? in_degrees(*f.pelvic_tilt) : -99.0,
                  f.trunk_lean ? in_degrees(*f.trunk_lean) : -99.0, static_cast<int>(f.surface.preset),
                  f.surface.stiffness.value(), static_cast<int>(f.shoe.preset), f.shoe.stiffness.value());
    return text;
  }
};

double lerp(const Range& r, double t) { return r.min + t * (r.max - r.min); }

}  // namespace

TEST_CASE("reliability: property: a grid over the plausible range is finite or refused by name") {
  // Every corner and the centre of the spatiotemporal and landing ranges, for every strike, with
  // the runner, posture, surface and shoe cycling through their extremes.
  SweepCounter sweep;
  const double steps[] = {0.0, 0.5, 1.0};
  int k = 0;
  for (double ts : steps)
    for (double tc : steps)
      for (double tl : {-1.0, 0.0, 0.25, 0.5, 1.0})  // -1: landing left typical
        for (Strike strike : {Strike::rearfoot, Strike::midfoot, Strike::forefoot})
          for (double tr : steps) {
            ++k;
            Runner r;
            r.mass = kilograms(lerp(ranges::body_mass, steps[k % 3]));
            r.height = metres(lerp(ranges::height, steps[(k / 3) % 3]));
            r.sex = k % 2 ? Sex::female : Sex::male;
            Form f;
            f.speed = metres_per_second(lerp(ranges::speed, ts));
            f.cadence = steps_per_minute(lerp(ranges::cadence, tc));
            if (tl >= 0.0) f.landing = metres(lerp(ranges::landing, tl));
            f.strike = strike;
            f.pelvic_tilt = degrees(lerp(ranges::pelvic_tilt, tr));
            f.trunk_lean = degrees(lerp(ranges::trunk_lean, steps[(k / 2) % 3]));
            f.surface = {SurfacePreset::custom,
                         kilonewtons_per_metre(lerp(ranges::surface_stiffness, steps[(k / 5) % 3]))};
            f.shoe = k % 4 == 0 ? Shoe{ShoePreset::barefoot, {}}
                                : Shoe{ShoePreset::custom, kilonewtons_per_metre(lerp(
                                                               ranges::shoe_stiffness, steps[(k / 7) % 3]))};
            sweep.run(r, f);
          }
  MESSAGE("grid: " << sweep.summary());
  CHECK(sweep.solved > 0);
  CHECK(sweep.refused > 0);  // the corners include combinations no runner can run
}

TEST_CASE("reliability: property: random forms over the plausible range are finite or refused by name") {
  std::mt19937_64 rng(20240606);  // fixed seed: the same cases every run
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto in = [&](const Range& r) { return lerp(r, unit(rng)); };
  // Stiffnesses spread over their decades, not crowded at the top.
  auto stiffness = [&](const Range& r) {
    return r.min * std::pow(r.max / r.min, unit(rng));
  };
  SweepCounter sweep;
  for (int i = 0; i < 600; ++i) {
    Runner r;
    r.mass = kilograms(in(ranges::body_mass));
    r.height = metres(in(ranges::height));
    r.sex = unit(rng) < 0.5 ? Sex::male : Sex::female;
    Form f;
    // Any two, one or none of speed, cadence and stride length.
    const int given = static_cast<int>(unit(rng) * 7.0) + 1;  // bit mask, 1..7
    if (given & 1) f.speed = metres_per_second(in(ranges::speed));
    if (given & 2) f.cadence = steps_per_minute(in(ranges::cadence));
    if ((given & 4) && given != 7) f.stride_length = metres(in(ranges::stride_length));
    f.strike = static_cast<Strike>(static_cast<int>(unit(rng) * 3.0));
    if (unit(rng) < 0.7) f.landing = metres(in(ranges::landing));
    if (unit(rng) < 0.7) f.pelvic_tilt = degrees(in(ranges::pelvic_tilt));
    if (unit(rng) < 0.7) f.trunk_lean = degrees(in(ranges::trunk_lean));
    f.surface = unit(rng) < 0.5
                    ? Surface{static_cast<SurfacePreset>(static_cast<int>(unit(rng) * 5.0)), {}}
                    : Surface{SurfacePreset::custom, kilonewtons_per_metre(stiffness(ranges::surface_stiffness))};
    f.shoe = unit(rng) < 0.5
                 ? Shoe{static_cast<ShoePreset>(static_cast<int>(unit(rng) * 3.0)), {}}
                 : Shoe{ShoePreset::custom, kilonewtons_per_metre(stiffness(ranges::shoe_stiffness))};
    sweep.run(r, f);
  }
  MESSAGE("random: " << sweep.summary());
  CHECK(sweep.solved > 150);
}
