#include <doctest/doctest.h>
#include <strideload/form.hpp>

#include <cmath>

using namespace strideload;

namespace {
const auto runner = make_runner_model(Runner{});
}

TEST_CASE("form: any two of speed, cadence and stride length fix the third") {
  Form f;
  f.speed = metres_per_second(3.0);
  f.cadence = steps_per_minute(180.0);
  auto r = resolve_form(runner, f);
  CHECK(r.stride_length == doctest::Approx(2.0));
  CHECK(r.derived.stride_length);
  CHECK_FALSE(r.derived.speed);

  f = Form{};
  f.stride_length = metres(2.0);
  f.cadence = steps_per_minute(180.0);
  CHECK(resolve_form(runner, f).speed == doctest::Approx(3.0));

  f = Form{};
  f.speed = metres_per_second(3.0);
  f.stride_length = metres(2.0);
  CHECK(resolve_form(runner, f).cadence * 60 == doctest::Approx(180.0));
}

TEST_CASE("form: three values that disagree by more than 1 % are an error, within 1 % accepted") {
  Form f;
  f.speed = metres_per_second(3.0);
  f.cadence = steps_per_minute(180.0);
  f.stride_length = metres(2.0 * 1.009);
  CHECK_NOTHROW(resolve_form(runner, f));
  f.stride_length = metres(2.0 * 1.02);
  ResolvedForm<double> r;
  const auto e = resolve_form(runner, f, r);
  CHECK(e.status == Status::inconsistent);
  CHECK(std::string(e.parameter) == "stride-length");
}

TEST_CASE("form: defaults are typical, and flagged as derived") {
  const auto r = resolve_form(runner, Form{});
  CHECK(r.speed == doctest::Approx(3.0));
  CHECK(r.cadence * 60 == doctest::Approx(typical::cadence_spm(3.0)));
  CHECK(r.derived.landing);
  CHECK(r.derived.pelvic_tilt);
  // The typical rearfoot landing at 3 m/s: the half sweep at the typical contact time (0.41 m)
  // less half the heel-to-toe roll. It lies above the 0.13–0.26 m derived from Hamner & Delp's
  // data (science.md §3; docs/validation.md discusses why).
  CHECK(r.landing == doctest::Approx(0.5 * 3.0 * typical::contact_time_s(3.0) -
                                     0.5 * (5.0 / 6.0) * runner.foot_length));
  CHECK(r.surface == SurfacePreset::asphalt);
  CHECK(r.shoe == ShoePreset::cushioned);
}

TEST_CASE("form: typical landing comes closer as cadence rises (Lieberman 2015)") {
  Form f;
  f.speed = metres_per_second(3.0);
  f.cadence = steps_per_minute(166.0);
  const double before = resolve_form(runner, f).landing;
  f.cadence = steps_per_minute(166.0 * 90.0 / 85.0);  // +5 strides/min at 85
  CHECK(resolve_form(runner, f).landing / before == doctest::Approx(1 - 0.059).epsilon(0.002));
}

TEST_CASE("form: every numeric input is range-checked, naming the parameter") {
  struct Case { const char* name; Form form; };
  Form speed, cadence, stride, landing, tilt, lean, surface, shoe;
  speed.speed = metres_per_second(std::nan(""));
  cadence.cadence = steps_per_minute(-160.0);
  stride.stride_length = metres(INFINITY);
  landing.landing = metres(-0.1);
  tilt.pelvic_tilt = degrees(90.0);
  lean.trunk_lean = degrees(-45.0);
  surface.surface = {SurfacePreset::custom, kilonewtons_per_metre(5.0)};
  shoe.shoe = {ShoePreset::custom, kilonewtons_per_metre(0.0)};
  for (const Case& c : {Case{"speed", speed}, Case{"cadence", cadence}, Case{"stride-length", stride},
                        Case{"landing", landing}, Case{"pelvic-tilt", tilt}, Case{"trunk-lean", lean},
                        Case{"surface", surface}, Case{"shoe", shoe}}) {
    CAPTURE(c.name);
    ResolvedForm<double> r;
    const auto e = resolve_form(runner, c.form, r);
    CHECK(e.status == Status::invalid_input);
    CHECK(std::string(e.parameter) == c.name);
  }
}

TEST_CASE("form: a derived value outside its range is reported") {
  Form f;
  f.cadence = steps_per_minute(120.0);
  f.stride_length = metres(4.9);  // 4.9 m/s: fine; at 240 spm it would be 9.8 m/s
  CHECK_NOTHROW(resolve_form(runner, f));
  f.cadence = steps_per_minute(240.0);
  CHECK_THROWS_WITH_AS(resolve_form(runner, f), doctest::Contains("speed = 9.8 m/s"), invalid_input);
}
