#include <doctest/doctest.h>
#include <strideload/stance.hpp>

#include <cmath>

using namespace strideload;

namespace {
const auto runner = make_runner_model(Runner{});

Stance<double> stance_for(const Form& f) {
  Stance<double> s;
  const auto e = solve_stance(runner, resolve_form(runner, f), s);
  REQUIRE_FALSE(e);
  return s;
}
}  // namespace

TEST_CASE("stance: the vertical impulse of a step is exactly body weight × step time") {
  const auto s = stance_for(Form{});
  CHECK(s.impact.impulse + s.active.impulse == doctest::Approx(runner.weight * s.step_time).epsilon(1e-12));
  CHECK(s.contact_time + s.flight_time == doctest::Approx(s.step_time));
}

TEST_CASE("stance: the vertical motion is periodic (closed form)") {
  const auto s = stance_for(Form{});
  CHECK(com_vertical_displacement(s, runner, s.step_time) == doctest::Approx(0.0).scale(1.0).epsilon(1e-12));
  CHECK(com_vertical_velocity(s, runner, s.step_time) == doctest::Approx(s.touchdown_vz).epsilon(1e-12));
  // The COM falls into touchdown and rises out of take-off.
  CHECK(s.touchdown_vz < 0.0);
  CHECK(com_vertical_velocity(s, runner, s.contact_time) > 0.0);
}

TEST_CASE("stance: contact time is the spring-mass sweep 2a/v") {
  Form f;
  f.landing = metres(0.2);
  const auto s = stance_for(f);
  CHECK(s.sweep_half == doctest::Approx(0.2 + (1 - 1.0 / 6) * runner.foot_length));
  CHECK(s.contact_time == doctest::Approx(2 * s.sweep_half / 3.0));
}

TEST_CASE("stance: a forefoot contact collides more softly than a heel contact (ankle lever)") {
  Form rear, fore;
  fore.strike = Strike::forefoot;
  const auto r = resolve_form(runner, rear);
  const auto fo = resolve_form(runner, fore);
  CHECK(contact_compliance(runner, fo) > contact_compliance(runner, r));
  CHECK(stance_for(fore).impact.half_width > stance_for(rear).impact.half_width);
}

TEST_CASE("stance: combinations no runner can make are a no_solution error naming landing") {
  Form f;
  f.cadence = steps_per_minute(200.0);
  f.landing = metres(0.55);  // the contact would outlast the step
  Stance<double> s;
  auto e = solve_stance(runner, resolve_form(runner, f), s);
  CHECK(e.status == Status::no_solution);
  CHECK(std::string(e.parameter) == "landing");
  f = Form{};
  f.strike = Strike::forefoot;
  f.landing = metres(0.0);  // a 29 ms stance would need > 5 BW
  e = solve_stance(runner, resolve_form(runner, f), s);
  CHECK(e.status == Status::no_solution);
}
