#pragma once
/// @file runner.hpp
/// The runner: body mass, stature and sex at the API boundary, and the mechanical quantities the
/// model derives from them.

#include <cmath>

#include "anthropometry.hpp"
#include "errors.hpp"
#include "plausible_ranges.hpp"
#include "units.hpp"
#include "scalar.hpp"

namespace strideload {

/// Standard acceleration of gravity, m/s² (3rd CGPM, 1901).
constexpr double standard_gravity = 9.80665;

/// Leg length (greater trochanter to floor) as a fraction of stature: 0.530 (Winter 2009,
/// Biomechanics and Motor Control of Human Movement, Fig. 4.1); the same 0.53 that Morin et al.
/// (2005, J Appl Biomech 21:167) use for spring-mass leg length.
constexpr double leg_length_per_stature = 0.530;

/// Mass of the lower limb that collides with the ground at touchdown (stance foot and shank plus
/// part of the thigh), as a fraction of body mass: 0.08 (Clark, Ryan & Weyand 2017, J Exp Biol
/// 220:247, two-mass model).
constexpr double impact_mass_fraction = 0.08;

/// Who is running. Defaults: 70 kg, 1.75 m, male (the `whatif` defaults of design.md).
template <class Scalar = double>
struct BasicRunner {
  Mass<Scalar> mass = kilograms(Scalar(70));     ///< body mass
  Length<Scalar> height = metres(Scalar(1.75));  ///< stature
  Sex sex = Sex::male;                           ///< selects de Leva's (1996) segment table
};
using Runner = BasicRunner<double>;  ///< in double precision

/// The runner as the model sees it: SI scalars derived once from a BasicRunner.
template <class Scalar = double>
struct RunnerModel {
  Sex sex = Sex::male;   ///< selects de Leva's (1996) segment table
  Scalar mass = Scalar(0);         ///< kg
  Scalar height = Scalar(0);       ///< m
  Scalar weight = Scalar(0);       ///< body weight m·g, N
  Scalar leg_length = Scalar(0);   ///< m, leg_length_per_stature × height
  Scalar foot_length = Scalar(0);  ///< m, heel to toe tip (de Leva 1996)
  Scalar impact_mass = Scalar(0);  ///< kg, impact_mass_fraction × mass
};

/// Checks a runner against the plausible ranges of plausible_ranges.hpp.
template <class Scalar>
InputError check_runner(const BasicRunner<Scalar>& r) {
  if (r.sex != Sex::male && r.sex != Sex::female)  // an enum value cast from a bad integer
    return rejected(Status::invalid_input, "sex", "accepted male or female",
                    static_cast<double>(static_cast<int>(r.sex)));
  if (auto e = check_range(ranges::body_mass, value_of(r.mass.value()))) return e;
  return check_range(ranges::height, value_of(r.height.value()));
}

/// Derives the model's quantities; no checks (see check_runner). Never allocates or throws.
template <class Scalar>
RunnerModel<Scalar> runner_model_unchecked(const BasicRunner<Scalar>& r) {
  RunnerModel<Scalar> m;
  m.sex = r.sex;
  m.mass = r.mass.value();
  m.height = r.height.value();
  m.weight = m.mass * Scalar(standard_gravity);
  m.leg_length = Scalar(leg_length_per_stature) * m.height;
  m.foot_length = Scalar(length_fraction(r.sex, Segment::foot)) * m.height;
  m.impact_mass = Scalar(impact_mass_fraction) * m.mass;
  return m;
}

/// Checks a runner model, which the caller of the real-time API may have built or edited by hand:
/// mass and height as check_runner() does, and every derived quantity finite and within a factor of
/// two of its derivation (runner_model_unchecked()). Never allocates or throws.
template <class Scalar>
InputError check_runner_model(const RunnerModel<Scalar>& m) {
  BasicRunner<Scalar> r;
  r.sex = m.sex;
  r.mass = kilograms(m.mass);
  r.height = metres(m.height);
  if (auto e = check_runner(r)) return e;
  // A hand-edited quantity may differ from its derivation (a measured leg length, say), but not by
  // more than a factor of two: a denormal weight, for one, would pass as positive and turn every
  // load in body weights into infinity.
  const RunnerModel<Scalar> made = runner_model_unchecked(r);
  const struct {
    const char* parameter;
    Scalar value;
    Scalar derived;
  } quantities[] = {{"weight", m.weight, made.weight},
                    {"leg-length", m.leg_length, made.leg_length},
                    {"foot-length", m.foot_length, made.foot_length},
                    {"impact-mass", m.impact_mass, made.impact_mass}};
  for (const auto& q : quantities) {
    const double v = value_of(q.value);
    const double ratio = v / value_of(q.derived);
    if (!std::isfinite(v) || !(ratio >= 0.5 && ratio <= 2.0))
      return rejected(Status::invalid_input, q.parameter,
                      "a runner model's derived quantities must be finite and within a factor of "
                      "two of what make_runner_model() derives from mass, height and sex", v);
  }
  return {};
}

/// Checks the runner and derives the model's quantities.
/// @throws invalid_input naming the parameter, its value and the accepted range.
template <class Scalar>
RunnerModel<Scalar> make_runner_model(const BasicRunner<Scalar>& r) {
  throw_if_error(check_runner(r));
  return runner_model_unchecked(r);
}

}  // namespace strideload
