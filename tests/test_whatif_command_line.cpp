#include <doctest/doctest.h>

#include "command_line.hpp"

using whatif::parse;

TEST_CASE("whatif command line: runner, form, changes and flags") {
  const auto o = parse({"--mass", "60", "--sex", "female", "--speed", "3.5", "--strike", "forefoot",
                        "--surface", "grass", "--shoe", "250", "--vs", "cadence=+10%", "--json"});
  CHECK(o.runner.mass.value() == 60.0);
  CHECK(o.runner.sex == strideload::Sex::female);
  CHECK(o.form.speed->value() == 3.5);
  CHECK(o.form.strike == strideload::Strike::forefoot);
  CHECK(o.form.surface.preset == strideload::SurfacePreset::grass);
  CHECK(o.form.shoe.preset == strideload::ShoePreset::custom);
  CHECK(o.form.shoe.stiffness.value() == 250000.0);
  REQUIRE(o.changes.size() == 1);
  CHECK(o.changes[0].name == "cadence");
  CHECK(o.json);
}

TEST_CASE("whatif command line: relative, signed and absolute changes") {
  const auto runner = strideload::make_runner_model(strideload::Runner{});
  const auto base = strideload::resolve_form(runner, strideload::Form{});
  auto changed = [&](const char* text) {
    const auto o = parse({"--vs", text});
    return strideload::resolve_form(runner, whatif::apply_change({}, base, o.changes[0]));
  };
  CHECK(changed("cadence=+10%").cadence * 60 == doctest::Approx(166 * 1.1));
  CHECK(changed("cadence=+10%").speed == doctest::Approx(3.0));  // same speed
  CHECK(changed("landing=-0.05").landing == doctest::Approx(base.landing - 0.05));
  CHECK(changed("pelvic-tilt=12").pelvic_tilt == doctest::Approx(12 * 3.14159265358979 / 180));
  CHECK(changed("speed=+10%").cadence == doctest::Approx(base.cadence));  // same cadence
  CHECK(changed("surface=grass").surface == strideload::SurfacePreset::grass);
}

TEST_CASE("whatif command line: bad input names the option and the value") {
  CHECK_THROWS_WITH(parse({"--speed", "fast"}), doctest::Contains("speed = 'fast'"));
  CHECK_THROWS_WITH(parse({"--strike", "heel"}), doctest::Contains("strike = 'heel': accepted rearfoot"));
  CHECK_THROWS_WITH(parse({"--bogus"}), doctest::Contains("option = '--bogus'"));
  CHECK_THROWS_WITH(parse({"--vs", "colour=red"}), doctest::Contains("vs = 'colour=red'"));
  CHECK_THROWS_WITH(parse({"--speed", "nan"}), doctest::Contains("speed = 'nan'"));
  CHECK_THROWS_WITH(parse({"--mass"}), doctest::Contains("value is missing"));
  CHECK_THROWS_WITH(parse({"--mass", "500"}), doctest::Contains("mass = 500 kg: accepted 35 to 150 kg"));
}
