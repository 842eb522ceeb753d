#pragma once
/// @file body_about_l5s1.hpp
/// The body summed about L5/S1: the few mass-weighted sums of the segments' positions, velocities
/// and accelerations that the L5/S1 load (lumbar_load.hpp) and the angular-momentum balance
/// (analysis.hpp) need, and how they change when the upper body turns rigidly about L5/S1.
///
/// Why: the top-down L5/S1 force and moment are affine in the hips' acceleration, so a pose enters
/// them only through these sums. The trunk correction turns the upper body about L5/S1, which
/// turns its sums by the same angle (exact rigid-body kinematics), so the corrected load needs a
/// rotation per sample instead of a second pose.

#include <Eigen/Core>
#include <cmath>

#include "body_model.hpp"
#include "body_pose.hpp"
#include "turning_direction.hpp"

namespace strideload {

/// The body about L5/S1 at one instant. ρ, ρ̇ and ρ̈ are a segment COM's position, velocity and
/// acceleration relative to L5/S1 (x forward, y up), m, m/s, m/s²; q̈ its angular acceleration.
template <class Scalar = double>
struct BodyAboutL5S1 {
  using Vec = Eigen::Matrix<Scalar, 2, 1>;  ///< a planar vector (x forward, y up)
  // The segments above L5/S1 (trunk, head, arms).
  Vec upper_mass_moment = Vec::Zero();        ///< Σ m·ρ, kg·m
  Vec upper_momentum = Vec::Zero();           ///< Σ m·ρ̇, kg·m/s
  Vec upper_mass_acceleration = Vec::Zero();  ///< Σ m·ρ̈, N
  Scalar upper_moment = Scalar(0);            ///< Σ I·q̈ + ρ × m·ρ̈, N·m
  Scalar upper_inertia = Scalar(0);           ///< Σ I + m·|ρ|² (about L5/S1), kg·m²
  Scalar upper_spread_rate = Scalar(0);       ///< Σ m·ρ·ρ̇ (half the rate of upper_inertia), kg·m²/s
  // The segments below L5/S1 (pelvis and legs).
  Vec lower_mass_moment = Vec::Zero();        ///< Σ m·ρ, kg·m
  Vec lower_mass_acceleration = Vec::Zero();  ///< Σ m·ρ̈, N
  Scalar lower_moment = Scalar(0);            ///< Σ I·q̈ + ρ × m·ρ̈, N·m
  /// Unit normal of the L5/S1 disc, up the spine: (sin, cos) of the sacral slope. It follows the
  /// pelvis, so the upper body's rotation leaves it unchanged.
  Vec disc_normal = Vec(Scalar(0), Scalar(1));
};

/// The sums of a pose (every segment's state, BodyPose) about L5/S1. Never allocates or throws.
template <class Scalar>
BodyAboutL5S1<Scalar> about_l5s1(const BodyModel<Scalar>& body, const BodyPose<Scalar>& pose) {
  using Vec = typename BodyAboutL5S1<Scalar>::Vec;
  BodyAboutL5S1<Scalar> out;
  for (int i = 0; i < body_segment_count; ++i) {
    const auto s = static_cast<BodySegment>(i);
    const SegmentInertia<Scalar>& seg = segment(body, s);
    const Vec r = pose.com[i].p - pose.l5s1.p;
    const Vec ma = seg.mass * (pose.com[i].a - pose.l5s1.a);
    const Scalar moment = seg.inertia * pose.angle[i].qdd + (r.x() * ma.y() - r.y() * ma.x());
    if (above_l5s1(s)) {
      const Vec v = pose.com[i].v - pose.l5s1.v;
      out.upper_mass_moment += seg.mass * r;
      out.upper_momentum += seg.mass * v;
      out.upper_mass_acceleration += ma;
      out.upper_moment += moment;
      out.upper_inertia += seg.inertia + seg.mass * r.squaredNorm();
      out.upper_spread_rate += seg.mass * r.dot(v);
    } else {
      out.lower_mass_moment += seg.mass * r;
      out.lower_mass_acceleration += ma;
      out.lower_moment += moment;
    }
  }
  out.disc_normal = pose.disc_normal;
  return out;
}

/// The same sums straight from the segment angles and directions, without keeping the pose (what
/// analysis.hpp needs at every sample): the forward kinematics of body_pose(), summed as it goes.
/// Never allocates or throws.
template <class Scalar>
BodyAboutL5S1<Scalar> about_l5s1(const BodyModel<Scalar>& body, const SegmentAngles<Scalar>& angles,
                                 const SegmentDirections<Scalar>& direction) {
  using Vec = typename BodyAboutL5S1<Scalar>::Vec;
  BodyAboutL5S1<Scalar> out;
  PointState<Scalar> l5s1, stance_ankle;
  detail::walk_segments(body, angles, direction, l5s1, stance_ankle,
                        [&](BodySegment s, const PointState<Scalar>& com) {
    const SegmentInertia<Scalar>& seg = segment(body, s);
    const Vec r = com.p - l5s1.p;
    const Vec ma = seg.mass * (com.a - l5s1.a);
    const Scalar moment = seg.inertia * angles[s].qdd + (r.x() * ma.y() - r.y() * ma.x());
    if (above_l5s1(s)) {
      const Vec v = com.v - l5s1.v;
      out.upper_mass_moment += seg.mass * r;
      out.upper_momentum += seg.mass * v;
      out.upper_mass_acceleration += ma;
      out.upper_moment += moment;
      out.upper_inertia += seg.inertia + seg.mass * r.squaredNorm();
      out.upper_spread_rate += seg.mass * r.dot(v);
    } else {
      out.lower_mass_moment += seg.mass * r;
      out.lower_mass_acceleration += ma;
      out.lower_moment += moment;
    }
  });
  out.disc_normal = detail::disc_normal(direction[static_cast<int>(BodySegment::pelvis)]);
  return out;
}

/// The sums after the upper body turns rigidly about L5/S1 by `turn` (angle δ, rate δ̇ and
/// acceleration δ̈ added to every upper segment's angle, as segment_angles()' upper_correction
/// does). Each ρ becomes R(δ)·ρ, so ρ̇ gains δ̇·⊥ρ and ρ̈ gains 2δ̇·⊥ρ̇ + δ̈·⊥ρ − δ̇²·ρ (⊥ turns by
/// +90°). Exact; never allocates or throws.
template <class Scalar>
BodyAboutL5S1<Scalar> turn_upper_body(const BodyAboutL5S1<Scalar>& b, const AngleState<Scalar>& turn) {
  using Vec = typename BodyAboutL5S1<Scalar>::Vec;
  Scalar c = Scalar(1), s = Scalar(0);
  small_angle_cos_sin(turn.q, c, s);  // the correction is small: no library call
  auto rotated = [&](const Vec& v) { return Vec(c * v.x() - s * v.y(), s * v.x() + c * v.y()); };
  auto perp = [](const Vec& v) { return Vec(-v.y(), v.x()); };
  BodyAboutL5S1<Scalar> out = b;
  const Vec moment = rotated(b.upper_mass_moment), momentum = rotated(b.upper_momentum);
  out.upper_mass_moment = moment;
  out.upper_momentum = momentum + turn.qd * perp(moment);
  out.upper_mass_acceleration = rotated(b.upper_mass_acceleration) + Scalar(2) * turn.qd * perp(momentum) +
                                turn.qdd * perp(moment) - turn.qd * turn.qd * moment;
  // ρ × ⊥ρ̇ = ρ·ρ̇ and ρ × ⊥ρ = |ρ|²; the rotation itself leaves ρ × ρ̈ unchanged.
  out.upper_moment = b.upper_moment + Scalar(2) * turn.qd * b.upper_spread_rate + turn.qdd * b.upper_inertia;
  return out;
}

/// Rate of change of the body's angular momentum about its COM, N·m (sagittal), from its sums:
/// Σ I·q̈ + m·ρ × ρ̈ less M·ρ_COM × ρ̈_COM, with `mass` the whole body's (BodyModel::mass).
template <class Scalar>
Scalar angular_momentum_rate(Scalar mass, const BodyAboutL5S1<Scalar>& b) {
  const auto s = (b.lower_mass_moment + b.upper_mass_moment).eval();
  const auto a = (b.lower_mass_acceleration + b.upper_mass_acceleration).eval();
  return b.lower_moment + b.upper_moment - (s.x() * a.y() - s.y() * a.x()) / mass;
}

/// How much the body's angular momentum about its COM changes per rad/s of rotation of the upper
/// body about L5/S1, kg·m²: Σ over the upper segments of I + m·(ρ − ρ_COM)·ρ.
template <class Scalar>
Scalar upper_body_rotational_inertia(Scalar mass, const BodyAboutL5S1<Scalar>& b) {
  const auto com = ((b.lower_mass_moment + b.upper_mass_moment) / mass).eval();
  return b.upper_inertia - com.dot(b.upper_mass_moment);
}

}  // namespace strideload
