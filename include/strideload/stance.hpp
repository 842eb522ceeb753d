#pragma once
/// @file stance.hpp
/// One step's ground contact, solved: how long the foot is on the ground, how the vertical
/// impulse of the step is split between the impact of the lower limb and the rest of the body,
/// and the centre of mass's vertical state at touchdown. Equations in docs/model.md §2.

#include <cmath>

#include "errors.hpp"
#include "form.hpp"
#include "raised_cosine.hpp"
#include "runner.hpp"
#include "scalar.hpp"

namespace strideload {

/// Secant stiffness of the heel (or forefoot) pad under a running impact, N/m: about 150 kN/m,
/// estimated from the in-vivo heel-pad deformation of De Clercq et al. (1994, J Biomech 27:1213),
/// about 60 % of an 18 mm pad under a 1.5–2 kN barefoot impact. Unverified against the full text;
/// docs/validation.md lists it among the constants to check.
constexpr double foot_pad_stiffness = 1.5e5;

/// Lateral malleolus above the foot, as a fraction of foot length from the heel (about 6 cm on a
/// 26 cm foot; an estimate). A rearfoot contact lies under or behind it.
constexpr double ankle_position_per_foot_length = 0.25;

/// Largest half-angle the stance leg may sweep each side of vertical, rad (45°): beyond that the
/// runner is no longer on a spring-mass leg.
constexpr double max_sweep_half_angle = 3.14159265358979323846 / 4.0;

/// Highest active vertical force the model accepts, in body weights: 5 BW, the largest transient
/// measured in running (McMahon & Greene 1979, J Biomech 12:893). A stance short enough to need more
/// is not a running step.
constexpr double max_active_peak_bw = 5.0;

/// When the active vertical force peaks, as a fraction of the contact, 1/2 − b·v^−k: fitted to the
/// peak times of ten runners at 3, 4 and 5 m/s, as fractions of their 20 N contacts (Hamner & Delp
/// 2013; docs/data/hamner2013_stance_timing.csv, fitted by docs/fit_typical_timing.py). The force
/// rises faster than it falls, the more so the slower the run: 0.44 of the contact at 3 m/s, 0.47
/// at 5 m/s. b = 0.289 ± 0.093 (with v in m/s). The model applies it to its spring-mass contact,
/// first to last force, which is about 4 % longer than its 20 N contact: its peak comes 3–5 ms after
/// the runners' (docs/validation.md).
constexpr double active_peak_advance = 0.2889;
/// How fast the peak's advance fades with speed: k = 1.44 ± 0.25, from the same fit. At 2 m/s, where
/// only three of the ten files can be timed and which the fit leaves out, it gives 0.394 against
/// their 0.384 ± 0.017 (docs/validation.md).
constexpr double active_peak_advance_speed_power = 1.441;

/// Fraction of the contact at which the active force peaks at `speed` (m/s), always before
/// mid-stance: the measured asymmetry fades with speed, and at sprint speeds Clark et al. (2017) fit
/// measured waveforms with a symmetric pulse (R² 0.95 at 3–11 m/s); the law gives 0.49 at 11 m/s.
template <class Scalar>
Scalar active_peak_fraction(Scalar speed) {
  using std::pow;
  return Scalar(Scalar(0.5) - Scalar(active_peak_advance) *
                                  Scalar(pow(speed, -active_peak_advance_speed_power)));
}

/// The solved stance of one step.
template <class Scalar = double>
struct Stance {
  Scalar step_time = Scalar(0);        ///< T = 1/cadence, s
  Scalar contact_time = Scalar(0);     ///< tc, s: the spring-mass stance, from first to last force
  Scalar flight_time = Scalar(0);      ///< ta = T − tc, s
  Scalar pivot_offset = Scalar(0);     ///< e: spring-mass pivot ahead of the first contact point, m
  Scalar sweep_half = Scalar(0);       ///< a = landing + e: COM behind the pivot at touchdown, m
  Scalar touchdown_height = Scalar(0); ///< y0 = sqrt(L² − a²): COM above the ground at touchdown, m
  Scalar contact_stiffness = Scalar(0);///< foot pad, shoe and surface in series, N/m
  Scalar colliding_mass = Scalar(0);   ///< m1: what collides at touchdown, kg (colliding_mass())
  Scalar impact_velocity = Scalar(0);  ///< Δv1: the lower limb's downward speed at touchdown, m/s
  Scalar impact_deceleration = Scalar(0);  ///< a1: the lower limb's peak deceleration on the contact spring, m/s²
  RaisedCosine<Scalar> impact;  ///< impulse 1: the collision of the lower limb (Clark 2017)
  RaisedCosine<Scalar> active;  ///< impulse 2: the rest of the body over the whole contact, peaking at active_peak_fraction()
  Scalar touchdown_vz = Scalar(0);     ///< COM vertical velocity at touchdown (negative: falling), m/s
};

/// Distance from the ankle forward to the first contact point, m; zero for a contact under or
/// behind the ankle (a heel strike).
template <class Scalar>
Scalar ankle_lever(const RunnerModel<Scalar>& runner, Strike strike) {
  const Scalar fraction = Scalar(strike_index(strike) - ankle_position_per_foot_length);
  return fraction > Scalar(0) ? fraction * runner.foot_length : Scalar(0);
}

/// Mass that collides with the ground at touchdown, kg. A heel contact lies under the ankle: foot
/// and shank collide together, m1 = 0.08·m (Clark et al. 2017). A contact ahead of the ankle turns
/// the foot about it: only the foot's effective mass at the contact, I_ankle/r², collides, and the
/// shank is slowed later through the ankle, within the active impulse. This is why forefoot strikes
/// have far smaller effective masses (Lieberman et al. 2010) and no distinct impact peak.
template <class Scalar>
Scalar colliding_mass(const RunnerModel<Scalar>& runner, Strike strike) {
  const Scalar r = ankle_lever(runner, strike);
  if (r <= Scalar(0)) return runner.impact_mass;
  // Foot about the ankle (de Leva 1996: CoM and sagittal radius of gyration along the foot).
  const SegmentRow foot = de_leva(runner.sex, Segment::foot);
  const Scalar m_foot = Scalar(foot.mass_fraction) * runner.mass;
  const Scalar gyration = Scalar(foot.gyration_sagittal) * runner.foot_length;
  const Scalar com_from_ankle =
      Scalar(foot.com_fraction - ankle_position_per_foot_length) * runner.foot_length;
  const Scalar inertia = m_foot * (gyration * gyration + com_from_ankle * com_from_ankle);
  using std::min;
  return min(runner.impact_mass, Scalar(inertia / (r * r)));
}

/// Compliance between the colliding mass and the ground, m/N: pad, shoe and surface in series.
template <class Scalar>
Scalar contact_compliance(const ResolvedForm<Scalar>& form) {
  return Scalar(1.0 / foot_pad_stiffness) + form.shoe_compliance + Scalar(1) / form.surface_stiffness;
}


/// Solves the stance of one step. Never allocates or throws; returns no_solution, naming the
/// landing distance, when no running step has this combination of form parameters.
template <class Scalar>
InputError solve_stance(const RunnerModel<Scalar>& runner, const ResolvedForm<Scalar>& form,
                        Stance<Scalar>& out) {
  using std::sqrt;
  const Scalar g = Scalar(standard_gravity);
  const Scalar pi = Scalar(3.14159265358979323846);
  const double landing = value_of(form.landing);
  Stance<Scalar> s;
  s.step_time = form.step_time;

  // Spring-mass geometry (Morin et al. 2005): the COM sweeps symmetrically over the pivot,
  // covering v·tc, so tc = 2a/v.
  s.pivot_offset = pivot_offset(runner, form.strike);
  s.sweep_half = form.landing + s.pivot_offset;
  using std::sin;
  if (s.sweep_half > Scalar(sin(max_sweep_half_angle)) * runner.leg_length)
    return rejected(Status::no_solution, "landing",
                    "the leg would sweep more than 45° each side of vertical; land closer", landing, "m");
  s.touchdown_height = sqrt(runner.leg_length * runner.leg_length - s.sweep_half * s.sweep_half);
  s.contact_time = Scalar(2) * s.sweep_half / form.speed;
  s.flight_time = s.step_time - s.contact_time;
  if (s.flight_time < Scalar(0))
    return rejected(Status::no_solution, "landing",
                    "at this speed and cadence the foot would still be on the ground at "
                               "the next touchdown; land closer or lower the cadence", landing, "m");
  // Mean stance force is BW·T/tc; the raised cosine peaks at twice that, wherever its peak falls.
  if (Scalar(2) * s.step_time / s.contact_time > Scalar(max_active_peak_bw))
    return rejected(Status::no_solution, "landing",
                    "a stance this short needs a vertical force above 5 body weights; "
                               "land further ahead or raise the cadence", landing, "m");

  // Impact (Clark et al. 2017): the lower limb m1 lands on the contact spring k_c and is brought to
  // rest in a quarter period, Δt1 = (π/2)/ω with ω = sqrt(k_c/m1), decelerating at up to
  // a1 = Δv1·ω. Clark's model takes the impact force's mean over its 2·Δt1 span as m1·(a1 + g),
  // so J1 = 2·m1·(a1 + g)·Δt1 = π·m1·(Δv1 + g/ω)   (docs/model.md, eq. 2.5–2.6).
  s.contact_stiffness = Scalar(1) / contact_compliance(form);
  s.colliding_mass = colliding_mass(runner, form.strike);
  const Scalar m1 = s.colliding_mass;
  const Scalar omega = sqrt(s.contact_stiffness / m1);
  const Scalar dt1 = pi / Scalar(2) / omega;
  if (Scalar(2) * dt1 > s.contact_time)
    return rejected(Status::no_solution, "landing",
                    "the contact is shorter than the impact of the foot on this "
                               "surface and shoe; land further ahead", landing, "m");

  // The active pulse spans the contact and peaks at the measured fraction of it (Hamner & Delp;
  // docs/model.md, eq. 2.11–2.12).
  const Scalar rise = active_peak_fraction(form.speed) * s.contact_time;
  s.active = {Scalar(0), rise, rise, Scalar(s.contact_time - rise)};
  const Scalar active_centroid = s.active.centroid();

  // The foot meets the ground at the COM's descent speed V (in Hamner & Delp's 3 m/s data the ankle
  // and pelvis descend together at touchdown, 0.67 and 0.59 m/s just before it). V follows from a
  // periodic vertical motion, the COM back at its touchdown height at the next touchdown: with the
  // step's impulse m·g·T split into J1 centred at Δt1 and J2 at the active centroid t2,
  //   V = g·(T/2 − t2) + J1·(t2 − Δt1)/(m·T),  J1 = π·m1·(V + g/ω),
  // which is linear in V (docs/model.md, eq. 2.7). A symmetric active pulse, t2 = tc/2, gives g·ta/2
  // for the first term; a peak before mid-stance moves t2 earlier and V up.
  const Scalar lever = (active_centroid - dt1) / (runner.mass * s.step_time);
  const Scalar gravity_part = pi * m1 * g / omega;
  s.impact_velocity = (g * (s.step_time / Scalar(2) - active_centroid) + gravity_part * lever) /
                      (Scalar(1) - pi * m1 * lever);
  s.impact_deceleration = s.impact_velocity * omega;
  s.touchdown_vz = -s.impact_velocity;

  // Impulse balance: the vertical impulse of a step is exactly body weight × step time.
  const Scalar total = runner.weight * s.step_time;
  const Scalar j1 = Scalar(2) * m1 * (s.impact_deceleration + g) * dt1;
  s.impact = {j1, dt1, dt1, dt1};
  s.active.impulse = total - j1;
  out = s;
  return {};
}

/// Vertical ground reaction force at time t after touchdown, N (zero in flight).
template <class Scalar>
Scalar vertical_force(const Stance<Scalar>& s, Scalar t) {
  return s.impact.force(t) + s.active.force(t);
}

/// Vertical COM velocity at time t after touchdown (0 ≤ t ≤ T), m/s.
template <class Scalar>
Scalar com_vertical_velocity(const Stance<Scalar>& s, const RunnerModel<Scalar>& r, Scalar t) {
  return s.touchdown_vz + (s.impact.impulse_until(t) + s.active.impulse_until(t)) / r.mass -
         Scalar(standard_gravity) * t;
}

/// Vertical COM displacement from its touchdown height at time t (0 ≤ t ≤ T), m.
template <class Scalar>
Scalar com_vertical_displacement(const Stance<Scalar>& s, const RunnerModel<Scalar>& r, Scalar t) {
  return s.touchdown_vz * t +
         (s.impact.double_integral_until(t) + s.active.double_integral_until(t)) / r.mass -
         Scalar(0.5 * standard_gravity) * t * t;
}

/// The vertical force and the COM's vertical motion at one instant.
template <class Scalar>
struct VerticalState {
  Scalar force = Scalar(0);         ///< vertical_force(), N
  Scalar velocity = Scalar(0);      ///< com_vertical_velocity(), m/s
  Scalar displacement = Scalar(0);  ///< com_vertical_displacement(), m
};

/// vertical_force(), com_vertical_velocity() and com_vertical_displacement() at time t together,
/// with one sine and cosine per pulse instead of three library calls (the sampling loop's cost).
/// `t` may be a plain number, as RaisedCosine::state_at() allows.
template <class Scalar, class Time>
VerticalState<Scalar> vertical_state(const Stance<Scalar>& s, const RunnerModel<Scalar>& r, Time t) {
  using Real = plain_number_t<Scalar>;
  const auto impact = s.impact.state_at(t);
  const auto active = s.active.state_at(t);
  return {Scalar(impact.force + active.force),
          Scalar(s.touchdown_vz + (impact.impulse + active.impulse) / r.mass - Real(standard_gravity) * t),
          Scalar(s.touchdown_vz * t + (impact.double_integral + active.double_integral) / r.mass -
                 Real(0.5 * standard_gravity) * t * t)};
}

}  // namespace strideload
