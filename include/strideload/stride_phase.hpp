#pragma once
/// @file stride_phase.hpp
/// The stride phase at which the measured joint patterns are played, timed to the model's own
/// contact: touchdown at phase 0, the pattern's toe-off when the model's force falls through the
/// level at which the pattern's toe-off was read, the next touchdown half a stride on.
///
/// Why: Hamner & Delp's runner toes off at 36.3 % of the stride. Played at a uniform rate, the
/// patterns keep that toe-off whatever the model's contact lasts, so at a longer contact (slower
/// running, lower cadence) the trunk and arms already move as in flight while the foot still
/// pushes, and at a shorter one the reverse (docs/validation.md: the L5/S1 moment falls early).
/// Locked to the contact, each leg is in its stance pattern exactly while it bears force.
///
/// The phase turns at one rate through the stance and another through the flight, and changes
/// between them in blends centred on touchdown and toe-off. The blend is a smoothstep of the rate,
/// so the phase's acceleration is continuous and so are the segments'. Each blend is as long as the
/// shorter of stance and flight: the widest blends that do not overlap, which keep the added
/// angular accelerations as small as this kind of re-timing allows. The warp repeats every step,
/// so the other leg, half a stride on, meets its own touchdown and toe-off at the model's times too.

#include <Eigen/Core>
#include <algorithm>
#include <cmath>

#include "raised_cosine.hpp"
#include "runner.hpp"
#include "scalar.hpp"
#include "stance.hpp"

namespace strideload {

/// Toe-off of the measured patterns' leg, fraction of the stride from its touchdown: 36.3 %
/// (Hamner & Delp 2013 subject 1 at 3 m/s, AddBiomechanics; shared data README, right toe-off).
constexpr double pattern_toe_off_stride_fraction = 0.363;

/// The vertical force at which the patterns' touchdown and toe-off were read, in body weights:
/// 50 N on the 72.94 kg subject (shared data README: stance is the vGRF above 50 N), so 0.0699 BW.
/// Read as a fraction of body weight, it marks the same point of the force curve on any runner.
constexpr double pattern_event_force_bw = 50.0 / (72.94 * 9.80665);

/// The stance leg's stride phase at one instant: rad, rad/s, rad/s².
template <class Scalar = double>
struct PhaseState {
  Scalar angle = Scalar(0);         ///< φ, rad: 0 at touchdown, 2π a stride later
  Scalar rate = Scalar(0);          ///< φ̇, rad/s
  Scalar acceleration = Scalar(0);  ///< φ̈, rad/s²
};

/// The stride phase over a step, φ(t): the stance turns at stance_rate, the flight at
/// stance_rate + rate_change, with smoothstep blends of length `blend` centred on touchdown and
/// toe-off. φ(0) = 0, φ(toe_off) = 2π·pattern_toe_off_stride_fraction, φ(step_time) = π, and the
/// same again every step.
template <class Scalar = double>
struct StridePhase {
  Scalar step_time = Scalar(0);    ///< T, s
  Scalar toe_off = Scalar(0);      ///< t_o, s: when the pattern's toe-off is played
  Scalar stance_rate = Scalar(0);  ///< r_s, rad/s: the rate through the stance, between blends
  Scalar rate_change = Scalar(0);  ///< D = r_f − r_s, rad/s: the flight's rate less the stance's
  Scalar blend = Scalar(0);        ///< δ, s: each blend's length
  Scalar inverse_blend = Scalar(0);  ///< 1/δ, 1/s (kept, so that at() does not divide)

  /// φ, φ̇ and φ̈ at time t after touchdown (any t: the warp repeats every step). Never throws.
  PhaseState<Scalar> at(Scalar t) const {
    using std::floor;
    const double pi = 3.14159265358979323846;
    if (value_of(t) >= 0.0 && value_of(t) < value_of(step_time)) return within_step(t);
    const double steps = floor(value_of(t) / value_of(step_time));
    PhaseState<Scalar> p = within_step(Scalar(t - Scalar(steps) * step_time));
    p.angle += Scalar(steps * pi);
    return p;
  }

  /// at() for −δ/2 ≤ t ≤ T + δ/2 (a step and half a blend either side), without a branch.
  PhaseState<Scalar> within_step(Scalar t) const {
    PhaseState<Scalar> out;
    within_step(t, out.angle, out.rate, out.acceleration);
    return out;
  }

  /// within_step() at each of `t` (a Scalar, or an Eigen array of them, so that a block of
  /// samples vectorises): φ, φ̇ and φ̈ into `angle`, `rate` and `acceleration`.
  ///
  /// With u(t) where the rate is between the stance's (0) and the flight's (1), and U(t) = ∫u dt
  /// from touchdown: φ = r_s·t + D·U, φ̇ = r_s + D·u, φ̈ = D·u̇. Only the nearest event's blend
  /// matters at t (touchdown at 0, toe-off at t_o, the next touchdown at T): a smoothstep
  /// σ(v) = 3v² − 2v³, v = (t − event)/δ + 1/2 clamped to [0, 1], whose rate 6v(1 − v)/δ is zero
  /// outside the blend and whose integral from the blend's start is
  /// S = δ·(v³(1 − v/2) + max(v, 0) − v), v clamped only in the first and last terms. Then
  ///   near touchdown:  u = 1 − σ,  U = t + 3δ/32 − S;
  ///   near toe-off:    u = σ,      U = 3δ/32 + S;
  ///   near the next:   u = 1 − σ,  U = t − t_o + 3δ/32 − S,
  /// 3δ/32 being the blend's integral up to its event.
  template <class Times>
  EIGEN_ALWAYS_INLINE void within_step(const Times& t, Times& angle, Times& rate, Times& acceleration) const {
    const Scalar half_area = Scalar(3.0 / 32.0) * blend;
    const auto after_touchdown = t >= Scalar(0.5) * toe_off;
    const auto before_next = t < Scalar(0.5) * (toe_off + step_time);
    const auto near_toe_off = after_touchdown && before_next;
    const Times event = pick(near_toe_off, toe_off, pick(after_touchdown, step_time, Scalar(0)));
    const Times v = (t - event) * inverse_blend + Scalar(0.5);
    const Times positive = at_least_zero(v);
    const Times vc = at_most_one(positive);
    const Times vc2 = vc * vc;
    const Times sigma = vc2 * (Scalar(3) - Scalar(2) * vc);
    const Times sigma_rate = Scalar(6) * vc * (Scalar(1) - vc) * inverse_blend;
    const Times sigma_area = blend * (vc2 * vc * (Scalar(1) - Scalar(0.5) * vc) + positive - vc);
    const Times sign = pick(near_toe_off, Scalar(1), Scalar(-1));
    const Times u = pick(near_toe_off, Scalar(0), Scalar(1)) + sign * sigma;
    const Times area = pick(near_toe_off, Scalar(0), Scalar(1)) * t + pick(before_next, Scalar(0), Scalar(-toe_off)) +
                       half_area + sign * sigma_area;
    angle = stance_rate * t + rate_change * area;
    rate = stance_rate + rate_change * u;
    acceleration = rate_change * sign * sigma_rate;
  }

 private:
  // max(v, 0), min(v, 1) and c ? a : b: for one number, selects; for many, the array's own
  // operations (vectorised).
  static Scalar at_least_zero(const Scalar& v) { return v > Scalar(0) ? v : Scalar(0); }
  static Scalar at_most_one(const Scalar& v) { return v < Scalar(1) ? v : Scalar(1); }
  static Scalar pick(bool c, const Scalar& a, const Scalar& b) { return c ? a : b; }
  template <int N>
  static Eigen::Array<Scalar, N, 1> at_least_zero(const Eigen::Array<Scalar, N, 1>& v) { return v.max(Scalar(0)); }
  template <int N>
  static Eigen::Array<Scalar, N, 1> at_most_one(const Eigen::Array<Scalar, N, 1>& v) { return v.min(Scalar(1)); }
  template <class Condition>
  static auto pick(const Condition& c, const Scalar& a, const Scalar& b) {
    return c.select(Eigen::Array<Scalar, Condition::RowsAtCompileTime, 1>::Constant(a),
                    Eigen::Array<Scalar, Condition::RowsAtCompileTime, 1>::Constant(b)).eval();
  }
  template <class Condition, int N>
  static Eigen::Array<Scalar, N, 1> pick(const Condition& c, const Scalar& a, const Eigen::Array<Scalar, N, 1>& b) {
    return c.select(Eigen::Array<Scalar, N, 1>::Constant(a), b);
  }
};

/// The phase that turns at one rate, π/T, as the patterns were measured: toe-off falls at the
/// pattern's own fraction of the stride. Never throws.
template <class Scalar>
StridePhase<Scalar> uniform_stride_phase(Scalar step_time) {
  const double pi = 3.14159265358979323846;
  StridePhase<Scalar> p;
  p.step_time = step_time;
  p.toe_off = Scalar(2.0 * pattern_toe_off_stride_fraction) * step_time;
  p.stance_rate = Scalar(pi) / step_time;
  p.rate_change = Scalar(0);
  p.blend = Scalar(0.5) * step_time;
  p.inverse_blend = Scalar(1) / p.blend;
  return p;
}

/// The phase that plays the pattern's toe-off at `toe_off` (0 < toe_off < step_time, s). The two
/// rates follow from φ(t_o) = φ_o = 2π·pattern_toe_off_stride_fraction and φ(T) = π: with e the
/// area of a half blend's smoothstep (3δ/32),
///   r_s·t_o + 2e·D = φ_o,   r_s·T + (T − t_o)·D = π,
/// so D = (π·t_o − φ_o·T)/(t_o·(T − t_o) − 2e·T), positive when the contact is longer than the
/// pattern's. Both rates stay positive whatever the contact: the phase never runs backwards.
/// Never throws.
template <class Scalar>
StridePhase<Scalar> stride_phase(Scalar step_time, Scalar toe_off) {
  using std::min;
  const double pi = 3.14159265358979323846;
  const Scalar phi_o = Scalar(2.0 * pi * pattern_toe_off_stride_fraction);
  StridePhase<Scalar> p;
  p.step_time = step_time;
  p.toe_off = toe_off;
  p.blend = min(toe_off, Scalar(step_time - toe_off));
  p.inverse_blend = Scalar(1) / p.blend;
  const Scalar half_blend_area = Scalar(3.0 / 32.0) * p.blend;
  p.rate_change = (Scalar(pi) * toe_off - phi_o * step_time) /
                  (toe_off * (step_time - toe_off) - Scalar(2) * half_blend_area * step_time);
  p.stance_rate = (Scalar(pi) - p.rate_change * (step_time - toe_off)) / step_time;
  return p;
}

/// The phase locked to a step's contact: touchdown at the first force, the pattern's toe-off when
/// the active force falls through pattern_event_force_bw (the impact is long over by then).
/// Never throws.
template <class Scalar>
StridePhase<Scalar> stride_phase(const RunnerModel<Scalar>& runner, const Stance<Scalar>& stance) {
  const Scalar level = Scalar(pattern_event_force_bw) * runner.weight;
  return stride_phase(stance.step_time, stance.active.falls_to(level));
}

}  // namespace strideload
