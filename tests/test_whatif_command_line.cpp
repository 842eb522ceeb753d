#include <doctest/doctest.h>

#include "command_line.hpp"

using whatif::parse;
using strideload::FormChange;
using strideload::FormParameter;

TEST_CASE("whatif command line: runner, form, changes, holds and flags") {
  const auto o = parse({"--mass", "60", "--sex", "female", "--speed", "3.5", "--strike", "forefoot",
                        "--surface", "grass", "--shoe", "250", "--vs", "cadence=+10%", "--hold",
                        "landing", "--json", "--plot", "out.png"});
  CHECK(o.runner.mass.value() == 60.0);
  CHECK(o.runner.sex == strideload::Sex::female);
  CHECK(o.form.speed->value() == 3.5);
  CHECK(o.form.strike == strideload::Strike::forefoot);
  CHECK(o.form.surface.preset == strideload::SurfacePreset::grass);
  CHECK(o.form.shoe.preset == strideload::ShoePreset::custom);
  CHECK(o.form.shoe.stiffness.value() == 250000.0);
  REQUIRE(o.changes.size() == 1);
  CHECK(o.changes[0].change.parameter == FormParameter::cadence);
  CHECK(o.changes[0].change.kind == FormChange::Kind::relative);
  CHECK(o.changes[0].change.value == 10.0);
  CHECK(o.holds.landing);
  CHECK(o.json);
  CHECK(*o.plot_path == "out.png");
  CHECK_FALSE(o.demo);
}

TEST_CASE("whatif command line: no arguments is the demo") {
  auto o = parse({});
  CHECK(o.demo);
  whatif::add_demo(o);
  CHECK(o.changes.size() == 7);
  CHECK(o.form.surface.preset == strideload::SurfacePreset::concrete);
}

TEST_CASE("whatif command line: relative, signed, absolute and word changes") {
  auto kind = [](const char* text) { return parse({"--vs", text}).changes[0].change; };
  CHECK(kind("cadence=+10%").kind == FormChange::Kind::relative);
  CHECK(kind("landing=-0.05").kind == FormChange::Kind::delta);
  CHECK(kind("landing=-0.05").value == -0.05);
  CHECK(kind("pelvic-tilt=12").kind == FormChange::Kind::absolute);
  CHECK(kind("surface=grass").kind == FormChange::Kind::word);
  CHECK(kind("surface=300").kind == FormChange::Kind::absolute);
  CHECK(kind("strike=forefoot").strike == strideload::Strike::forefoot);
}

TEST_CASE("whatif command line: bad input names the option and the value") {
  CHECK_THROWS_WITH(parse({"--speed", "fast"}), doctest::Contains("speed = 'fast'"));
  CHECK_THROWS_WITH(parse({"--strike", "heel"}), doctest::Contains("strike = 'heel': accepted rearfoot"));
  CHECK_THROWS_WITH(parse({"--bogus"}), doctest::Contains("option = '--bogus'"));
  CHECK_THROWS_WITH(parse({"--vs", "colour=red"}), doctest::Contains("vs = 'colour=red'"));
  CHECK_THROWS_WITH(parse({"--vs", "surface=mud"}), doctest::Contains("accepted concrete"));
  CHECK_THROWS_WITH(parse({"--hold", "strike"}), doctest::Contains("hold = 'strike'"));
  CHECK_THROWS_WITH(parse({"--speed", "nan"}), doctest::Contains("speed = 'nan'"));
  CHECK_THROWS_WITH(parse({"--mass"}), doctest::Contains("value is missing"));
  CHECK_THROWS_WITH(parse({"--mass", "500"}), doctest::Contains("mass = 500 kg: accepted 35 to 150 kg"));
}
