#include <doctest/doctest.h>
#include <strideload/stance.hpp>

#include <cmath>
#include <initializer_list>

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

TEST_CASE("stance: the active force spans the contact and peaks before mid-stance, later the faster") {
  const auto s = stance_for(Form{});
  CHECK(s.active.start() == doctest::Approx(0.0).scale(1.0));
  CHECK(s.active.end() == doctest::Approx(s.contact_time));
  CHECK(s.active.peak_time / s.contact_time == doctest::Approx(active_peak_fraction(3.0)));
  // The ten runners' measured peak times (docs/data/hamner2013_stance_timing.csv).
  CHECK(active_peak_fraction(3.0) == doctest::Approx(0.441).epsilon(0.01).scale(0));
  CHECK(active_peak_fraction(5.0) == doctest::Approx(0.472).epsilon(0.01).scale(0));
  CHECK(active_peak_fraction(5.0) > active_peak_fraction(3.0));
  CHECK(active_peak_fraction(3.0) > active_peak_fraction(2.0));
  // Never past mid-stance, nearly symmetric at sprint speeds (Clark et al. 2017).
  CHECK(active_peak_fraction(11.0) < 0.5);
  CHECK(active_peak_fraction(11.0) > 0.48);
  // The impulse centred before mid-stance: the COM falls faster into touchdown than the symmetric
  // pulse's g·ta/2 (the impact's own share alone adds little to it).
  CHECK(s.impact_velocity > 9.80665 * s.flight_time / 2 + 0.05);
}

TEST_CASE("stance: contact time is the spring-mass sweep 2a/v") {
  Form f;
  f.landing = metres(0.2);
  const auto s = stance_for(f);
  CHECK(s.sweep_half == doctest::Approx(0.2 + 0.5 * (1 - 1.0 / 6) * runner.foot_length));
  CHECK(s.contact_time == doctest::Approx(2 * s.sweep_half / 3.0));
}

TEST_CASE("stance: a contact ahead of the ankle collides with the foot's effective mass only") {
  CHECK(colliding_mass(runner, Strike::rearfoot) == doctest::Approx(0.08 * 70));
  const double mid = colliding_mass(runner, Strike::midfoot);
  const double fore = colliding_mass(runner, Strike::forefoot);
  CHECK(fore < mid);
  CHECK(mid < 0.08 * 70);
  // Below the foot's own mass (de Leva: 1.37 % of body mass): it pivots about the ankle.
  CHECK(fore < 0.0137 * 70);
  Form fo;
  fo.strike = Strike::forefoot;
  CHECK(stance_for(fo).impact.impulse < 0.2 * stance_for(Form{}).impact.impulse);
}

TEST_CASE("stance: the limb's peak deceleration is that of a mass on the contact spring") {
  const auto s = stance_for(Form{});
  const double omega = std::sqrt(s.contact_stiffness / s.colliding_mass);
  CHECK(s.impact_deceleration == doctest::Approx(s.impact_velocity * omega));
  CHECK(s.impact.rise == doctest::Approx(3.14159265358979 / 2 / omega));
  // J1 = 2·m1·(a1 + g)·Δt1 (Clark et al. 2017's mean impact force m1·(a1 + g) over 2·Δt1).
  CHECK(s.impact.impulse == doctest::Approx(2 * s.colliding_mass * (s.impact_deceleration + 9.80665) *
                                            s.impact.rise));
  // Tibial accelerometry in shod rearfoot running: typically 4–8 g (Crowell & Davis 2011 took
  // > 8 g as high).
  CHECK(s.impact_deceleration / 9.80665 > 3.0);
  CHECK(s.impact_deceleration / 9.80665 < 10.0);
}

TEST_CASE("stance: a softer shoe or surface lengthens the impact") {
  Form soft;
  soft.surface = {SurfacePreset::grass, {}};
  CHECK(stance_for(soft).impact.rise > stance_for(Form{}).impact.rise);
  Form bare;
  bare.shoe = {ShoePreset::barefoot, {}};
  CHECK(stance_for(bare).impact.rise < stance_for(Form{}).impact.rise);
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

TEST_CASE("stance: vertical_state() is vertical_force() and the COM's velocity and displacement") {
  for (const auto strike : {Strike::rearfoot, Strike::forefoot}) {
    Form f;
    f.strike = strike;
    const auto s = stance_for(f);
    for (double t = 0.0; t <= s.step_time; t += 0.001) {
      CAPTURE(t);
      const auto v = vertical_state(s, runner, t);
      CHECK(v.force == doctest::Approx(vertical_force(s, t)).scale(1.0).epsilon(1e-12));
      CHECK(v.velocity == doctest::Approx(com_vertical_velocity(s, runner, t)).scale(1.0).epsilon(1e-12));
      CHECK(v.displacement == doctest::Approx(com_vertical_displacement(s, runner, t)).scale(1.0).epsilon(1e-12));
    }
  }
}
