#include <doctest/doctest.h>
#include <strideload/form_change.hpp>

#include <cmath>

using namespace strideload;

namespace {
const auto runner = make_runner_model(Runner{});

ResolvedForm<double> changed(const Form& given, const FormChange& c, Holds holds = {}) {
  const auto base = resolve_form(runner, given);
  Form out;
  REQUIRE_FALSE(apply_change(runner, given, base, c, holds, out));
  return resolve_form(runner, out);
}
}  // namespace

TEST_CASE("form change: raising cadence keeps the speed and brings the landing closer (Lieberman 2015)") {
  const auto base = resolve_form(runner, Form{});
  const auto up = changed(Form{}, raise_cadence(10));
  CHECK(up.speed == doctest::Approx(base.speed));
  CHECK(up.cadence == doctest::Approx(1.1 * base.cadence));
  CHECK(up.stride_length == doctest::Approx(base.stride_length / 1.1));
  // About 5.9 % closer per +5 strides/min at about 85: +10 % cadence is 8.3 strides/min here.
  const double expected = std::pow(1.0 / 1.1, typical::landing_cadence_exponent);
  CHECK(up.landing / base.landing == doctest::Approx(expected).epsilon(0.01));
}

TEST_CASE("form change: a given landing moves the same way, and a hold pins it") {
  Form given;
  given.landing = metres(0.25);
  const auto moved = changed(given, raise_cadence(10));
  CHECK(moved.landing == doctest::Approx(0.25 * std::pow(1.0 / 1.1, typical::landing_cadence_exponent)).epsilon(0.01));
  Holds hold;
  hold.landing = true;
  CHECK(changed(given, raise_cadence(10), hold).landing == doctest::Approx(0.25));
}

TEST_CASE("form change: a speed change moves cadence by the speed–cadence relation unless held") {
  const auto base = resolve_form(runner, Form{});
  const auto faster = changed(Form{}, change_speed(20));
  CHECK(faster.speed == doctest::Approx(1.2 * base.speed));
  CHECK(faster.cadence ==
        doctest::Approx(base.cadence * typical::cadence_spm(1.2 * base.speed) / typical::cadence_spm(base.speed)));
  Holds hold;
  hold.cadence = true;
  CHECK(changed(Form{}, change_speed(20), hold).cadence == doctest::Approx(base.cadence));
}

TEST_CASE("form change: the classic advice reads as advice") {
  const auto base = resolve_form(runner, Form{});
  CHECK(changed(Form{}, land_closer(metres(0.05))).landing == doctest::Approx(base.landing - 0.05));
  CHECK(changed(Form{}, reduce_pelvic_tilt(degrees(5.0))).pelvic_tilt == doctest::Approx(base.pelvic_tilt - 5 * 3.14159265358979 / 180));
  CHECK(changed(Form{}, run_more_upright(degrees(3.0))).trunk_lean == doctest::Approx(base.trunk_lean - 3 * 3.14159265358979 / 180));
  CHECK(changed(Form{}, run_on(SurfacePreset::grass)).surface == SurfacePreset::grass);
  CHECK(changed(Form{}, switch_strike(Strike::forefoot)).strike == Strike::forefoot);
}

TEST_CASE("form change: a number for the strike is an error naming it") {
  FormChange bad{FormParameter::strike, FormChange::Kind::relative, 10};
  const auto base = resolve_form(runner, Form{});
  Form out;
  const auto e = apply_change(runner, Form{}, base, bad, Holds{}, out);
  CHECK(e.status == Status::invalid_input);
  CHECK(std::string(e.parameter) == "strike");
}

TEST_CASE("form change: a hold on the landing survives a change of something else") {
  Form given;
  given.landing = metres(0.3);
  Holds hold;
  hold.landing = true;
  CHECK(changed(given, switch_strike(Strike::forefoot), hold).landing == doctest::Approx(0.3));
  CHECK(changed(given, run_on(SurfacePreset::grass), hold).landing == doctest::Approx(0.3));
  CHECK(changed(given, change_speed(10), hold).landing == doctest::Approx(0.3));
}

TEST_CASE("form change: a change of anything else keeps a given speed and cadence") {
  const auto runner = make_runner_model(Runner{});
  Form given;
  given.speed = metres_per_second(3.2);
  given.cadence = steps_per_minute(155.0);  // well below the typical 168 spm at 3.2 m/s
  const auto base = resolve_form(runner, given);
  for (const FormChange& c : {run_more_upright(degrees(5.0)), reduce_pelvic_tilt(degrees(5.0)),
                              run_on(SurfacePreset::grass), switch_strike(Strike::forefoot),
                              land_closer(metres(0.05))}) {
    CAPTURE(name(c.parameter));
    Form changed;
    REQUIRE_FALSE(apply_change(runner, given, base, c, Holds{}, changed));
    const auto r = resolve_form(runner, changed);
    CHECK(r.cadence * 60.0 == doctest::Approx(155.0));
    CHECK(r.speed == doctest::Approx(3.2));
  }
}
