#pragma once
/// @file body_pose.hpp
/// Where every segment is at an instant of the step, with exact velocities and accelerations.
///
/// Angles are rotations about the lateral axis (x forward, y up, counter-clockwise positive), as in
/// OpenSim: a positive rotation swings a hanging segment's distal end forward and tips an upright
/// segment's top backward. Leg and arm patterns are Hamner & Delp's 3 m/s runner
/// (running_kinematics.hpp), played at the runner's own stride time. The pelvis and trunk follow
/// the form's pelvic tilt and trunk lean, with the measured oscillation about them. Positions are
/// relative to the hip centres; the hips themselves move so that the whole-body COM follows the
/// trajectory the ground reaction force implies (analysis.hpp).

#include <Eigen/Core>
#include <array>
#include <cmath>

#include "body_model.hpp"
#include "form.hpp"
#include "running_kinematics.hpp"

namespace strideload {

/// Angle, angular velocity and angular acceleration: rad, rad/s, rad/s².
template <class Scalar = double>
struct AngleState {
  ///@{
  /// Angle (rad), angular velocity (rad/s), angular acceleration (rad/s²).
  Scalar q = Scalar(0), qd = Scalar(0), qdd = Scalar(0);
  ///@}
  /// Sum of two rotations about the same axis, e.g. a pattern and a correction.
  AngleState operator+(const AngleState& o) const { return {q + o.q, qd + o.qd, qdd + o.qdd}; }
};

/// Position, velocity and acceleration of a point: m, m/s, m/s².
template <class Scalar = double>
struct PointState {
  /// A planar vector: forward, up.
  using Vec = Eigen::Matrix<Scalar, 2, 1>;
  ///@{
  /// Position (m), velocity (m/s), acceleration (m/s²).
  Vec p = Vec::Zero(), v = Vec::Zero(), a = Vec::Zero();
  ///@}
};

/// The segments of the planar body, in a fixed order.
enum class BodySegment : int {
  pelvis, trunk, head,
  stance_thigh, stance_shank, stance_foot, swing_thigh, swing_shank, swing_foot,
  near_upper_arm, near_forearm, far_upper_arm, far_forearm,  // near: same side as the stance leg
  count
};
/// Number of segments in BodySegment.
constexpr int body_segment_count = static_cast<int>(BodySegment::count);

/// The upper body: every segment above L5/S1.
constexpr bool above_l5s1(BodySegment s) {
  return s == BodySegment::trunk || s == BodySegment::head || s == BodySegment::near_upper_arm ||
         s == BodySegment::near_forearm || s == BodySegment::far_upper_arm ||
         s == BodySegment::far_forearm;
}

/// The body at one instant: each segment's COM (relative to the hip centres) and angle.
template <class Scalar = double>
struct BodyPose {
  /// Each segment's COM relative to the hip centres, indexed by BodySegment.
  std::array<PointState<Scalar>, body_segment_count> com;
  /// Each segment's angle from vertical (rad) and its rates, indexed by BodySegment.
  std::array<AngleState<Scalar>, body_segment_count> angle;
  PointState<Scalar> l5s1;      ///< the L5/S1 joint, relative to the hip centres
  PointState<Scalar> body_com;  ///< whole-body COM, relative to the hip centres
  PointState<Scalar> stance_ankle;  ///< the stance leg's ankle, relative to the hip centres
  Scalar sacral_slope = Scalar(0);        ///< rad, follows the pelvis
  /// Unit normal of the L5/S1 disc, up the spine: (sin, cos) of sacral_slope.
  typename PointState<Scalar>::Vec disc_normal = typename PointState<Scalar>::Vec(Scalar(0), Scalar(1));

};

/// The inertial properties of one segment of the body.
template <class Scalar>
const SegmentInertia<Scalar>& segment(const BodyModel<Scalar>& b, BodySegment s) {
  switch (s) {
    case BodySegment::pelvis: return b.pelvis;
    case BodySegment::trunk: return b.trunk;
    case BodySegment::head: return b.head;
    case BodySegment::stance_thigh: case BodySegment::swing_thigh: return b.thigh;
    case BodySegment::stance_shank: case BodySegment::swing_shank: return b.shank;
    case BodySegment::stance_foot: case BodySegment::swing_foot: return b.foot;
    case BodySegment::near_upper_arm: case BodySegment::far_upper_arm: return b.upper_arm;
    case BodySegment::near_forearm: case BodySegment::far_forearm: return b.forearm;
    case BodySegment::count: break;
  }
  return b.trunk;
}

/// Anterior pelvic tilt, motion-capture (ASIS–PSIS) convention, of a pelvis in its anatomical
/// position (ASIS–pubis plane vertical): 13 ± 5° (Preece et al. 2008, J Man Manip Ther 16:113).
constexpr double anatomical_pelvic_tilt_deg = 13.0;

/// Standing sacral slope of asymptomatic adults: mean 39.5° (Mac-Thiong et al. 2011, Eur Spine J,
/// n = 709). An anterior tilt of Δ raises the sacral slope by Δ (science.md §6), so
/// SS = 39.5° + (tilt − 13°) = tilt + 26.5°.
constexpr double standing_sacral_slope_deg = 39.5;

namespace detail {
constexpr double deg = 3.14159265358979323846 / 180.0;

/// A Fourier pattern at a stride phase (given by its basis), in rad, rad/s and rad/s² for a phase
/// rate (rad/s). With `even_only`, the average of the two steps: only the step-frequency harmonics.
template <class Scalar>
AngleState<Scalar> pattern(const FourierSeries& f, const FourierBasis<Scalar>& basis,
                           Scalar phase_rate, bool even_only = false) {
  Scalar v, d1, d2;
  f.evaluate(basis, v, d1, d2, even_only);
  const Scalar r = Scalar(deg);
  return {v * r, d1 * phase_rate * r, d2 * phase_rate * phase_rate * r};
}

/// A pattern at the stance leg's phase (first) and half a stride later (second) for one
/// evaluation: the even part plus and minus the odd part (FourierSeries::evaluate_parts()).
template <class Scalar>
std::array<AngleState<Scalar>, 2> pattern_pair(const FourierSeries& f, const FourierBasis<Scalar>& basis,
                                               Scalar phase_rate) {
  std::array<Scalar, 3> even, odd;
  f.evaluate_parts(basis, even, odd);
  const Scalar r = Scalar(deg), r1 = phase_rate * r, r2 = phase_rate * phase_rate * r;
  return {AngleState<Scalar>{Scalar((even[0] + odd[0]) * r), Scalar((even[1] + odd[1]) * r1), Scalar((even[2] + odd[2]) * r2)},
          AngleState<Scalar>{Scalar((even[0] - odd[0]) * r), Scalar((even[1] - odd[1]) * r1), Scalar((even[2] - odd[2]) * r2)}};
}

}  // namespace detail

/// How the form reshapes the measured leg pattern: offsets to the thigh and ankle angles at
/// touchdown, faded out smoothly over the stride by w(φ) = (1 + cos φ)/2 (one at touchdown, zero
/// half a stride later), so that velocities and accelerations stay exact and both legs alike.
template <class Scalar = double>
struct LegShape {
  Scalar thigh = Scalar(0);  ///< rad: places the first contact point `landing` ahead of the COM
  Scalar ankle = Scalar(0);  ///< rad: gives the strike's foot angle at touchdown
};

/// Foot angle at touchdown, rad, toe up positive, by strike: Altman & Davis (2012, Gait Posture
/// 35:298) classify above 8° as rearfoot, −1.6° to 8° as midfoot and below −1.6° as forefoot
/// (bounds recalled, not re-verified). Rearfoot keeps the measured pattern's own angle (Hamner's
/// runner lands at about 14°); midfoot takes the band's centre; forefoot −8°.
template <class Scalar>
Scalar strike_foot_angle(Strike strike, Scalar measured) {
  const Scalar deg = Scalar(3.14159265358979323846 / 180.0);
  switch (strike) {
    case Strike::rearfoot: return measured;
    case Strike::midfoot: return Scalar(3.2) * deg;
    case Strike::forefoot: return Scalar(-8.0) * deg;
  }
  return measured;
}

/// The absolute angle of every segment (rad, rad/s, rad/s²): the body's configuration relative to
/// the hips. The head is welded to the trunk, so both carry the same angle.
template <class Scalar = double>
struct SegmentAngles {
  std::array<AngleState<Scalar>, body_segment_count> angle;  ///< indexed by BodySegment
  /// The angle of segment s.
  AngleState<Scalar>& operator[](BodySegment s) { return angle[static_cast<int>(s)]; }
  /// The angle of segment s.
  const AngleState<Scalar>& operator[](BodySegment s) const { return angle[static_cast<int>(s)]; }
};

namespace detail {
/// Absolute segment angles as patterns: the joint angles summed along each chain, so that each
/// segment costs one series (OpenSim's thigh angle is pelvis tilt + hip flexion, and so on).
namespace absolute {
namespace k = hamner_s01;
constexpr FourierSeries thigh = k::pelvis_tilt + k::hip_flexion;
constexpr FourierSeries shank = thigh + k::knee_angle;
constexpr FourierSeries foot = shank + k::ankle_angle;
constexpr FourierSeries trunk = k::pelvis_tilt + k::lumbar_extension;
constexpr FourierSeries forearm = k::arm_flex + k::elbow_flex;  // relative to the trunk
}  // namespace absolute
}  // namespace detail

/// The pelvis's angle offset, rad: the form's anterior tilt, as a rotation from the anatomical
/// position (−(tilt − 13°)), less the measured pattern's mean, which the pattern adds back.
template <class Scalar>
Scalar pelvis_angle_offset(const ResolvedForm<Scalar>& form) {
  const Scalar deg = Scalar(detail::deg);
  return -(form.pelvic_tilt - Scalar(anatomical_pelvic_tilt_deg) * deg) - Scalar(hamner_s01::pelvis_tilt.mean()) * deg;
}

/// The trunk's (and head's) angle offset, rad: the form's forward lean less the measured trunk
/// pattern's mean, which the pattern adds back.
template <class Scalar>
Scalar trunk_angle_offset(const ResolvedForm<Scalar>& form) {
  return -form.trunk_lean - Scalar(detail::absolute::trunk.mean()) * Scalar(detail::deg);
}

/// The fade of a leg's shape offsets, w(φ) = (1 + cos φ)/2 (one at that leg's touchdown, zero half a
/// stride later), with its rates ẇ and ẅ for a phase turning at `rate` (rad/s), from cos φ and
/// sin φ of that leg's phase (the other leg's are those of the stance leg with their signs
/// changed).
template <class Scalar>
EIGEN_ALWAYS_INLINE AngleState<Scalar> leg_offset_fade(Scalar cos_phase, Scalar sin_phase, Scalar rate) {
  return {Scalar(0.5) * (Scalar(1) + cos_phase), -Scalar(0.5) * sin_phase * rate, -Scalar(0.5) * cos_phase * rate * rate};
}

/// How fast the stride phase turns, rad/s: a stride (2π) is two steps.
template <class Scalar>
Scalar stride_phase_rate(const ResolvedForm<Scalar>& form) {
  return Scalar(3.14159265358979323846) / form.step_time;
}

/// The segment angles at time t after touchdown of the stance leg: the measured patterns played at
/// the form's step time, about the form's pelvic tilt and trunk lean, the legs reshaped by `shape`.
/// `upper_correction` rotates the whole upper body (trunk, head, arms) about L5/S1 on top of its
/// pattern (see balance_angular_momentum() in analysis.hpp). Never allocates or throws.
template <class Scalar>
SegmentAngles<Scalar> segment_angles(const ResolvedForm<Scalar>& form, Scalar t,
                                     const LegShape<Scalar>& shape = {},
                                     const AngleState<Scalar>& upper_correction = {}) {
  return segment_angles(form, FourierBasis<Scalar>(stride_phase_rate(form) * t), shape, upper_correction);
}

/// The same at the stance leg's stride phase φ = stride_phase_rate()·t, given by its basis (for a
/// caller that follows φ from sample to sample).
template <class Scalar>
SegmentAngles<Scalar> segment_angles(const ResolvedForm<Scalar>& form, const FourierBasis<Scalar>& phase,
                                     const LegShape<Scalar>& shape = {},
                                     const AngleState<Scalar>& upper_correction = {}) {
  using detail::pattern;
  namespace k = hamner_s01;
  namespace abs = detail::absolute;
  // One stride is two steps: the stance leg is at phase φ, the other leg half a stride on.
  const Scalar rate = stride_phase_rate(form);
  const FourierBasis<Scalar> other = phase.shifted_by_half();
  SegmentAngles<Scalar> out;

  // Pelvis: the form's anterior tilt from the anatomical position, plus the measured oscillation
  // (the average of the two steps). Tilt from the anatomical position is −q.
  AngleState<Scalar> pelvis = pattern(k::pelvis_tilt, phase, rate, true);
  pelvis.q += pelvis_angle_offset(form);
  out[BodySegment::pelvis] = pelvis;

  // Trunk and head: the form's forward lean, plus the measured oscillation of the trunk
  // (pelvis tilt + lumbar extension in OpenSim) about its mean.
  AngleState<Scalar> trunk = pattern(abs::trunk, phase, rate, true);
  trunk.q += trunk_angle_offset(form);
  trunk = trunk + upper_correction;
  out[BodySegment::trunk] = trunk;
  out[BodySegment::head] = trunk;

  // Arms relative to the trunk; the near arm swings with the stance leg's phase.
  const auto upper_arm = detail::pattern_pair(k::arm_flex, phase, rate);
  const auto forearm = detail::pattern_pair(abs::forearm, phase, rate);
  out[BodySegment::near_upper_arm] = trunk + upper_arm[0];
  out[BodySegment::near_forearm] = trunk + forearm[0];
  out[BodySegment::far_upper_arm] = trunk + upper_arm[1];
  out[BodySegment::far_forearm] = trunk + forearm[1];

  // Legs in absolute angles as measured, reshaped at touchdown by the form: the offsets fade by
  // w(φ) = (1 + cos φ)/2, whose time derivatives keep velocities and accelerations exact.
  // Each pattern once for both legs (the other leg is half a stride on).
  const auto thigh_pattern = detail::pattern_pair(abs::thigh, phase, rate);
  const auto shank_pattern = detail::pattern_pair(abs::shank, phase, rate);
  const auto foot_pattern = detail::pattern_pair(abs::foot, phase, rate);
  auto leg = [&](const FourierBasis<Scalar>& leg_phase, int side, BodySegment thigh, BodySegment shank,
                 BodySegment foot) {
    const AngleState<Scalar> w = leg_offset_fade(leg_phase.c[1], leg_phase.s[1], rate);
    const AngleState<Scalar> thigh_offset{shape.thigh * w.q, shape.thigh * w.qd, shape.thigh * w.qdd};
    const AngleState<Scalar> ankle_offset{shape.ankle * w.q, shape.ankle * w.qd, shape.ankle * w.qdd};
    out[thigh] = thigh_pattern[side] + thigh_offset;
    out[shank] = shank_pattern[side] + thigh_offset;
    out[foot] = foot_pattern[side] + thigh_offset + ankle_offset;
  };
  leg(phase, 0, BodySegment::stance_thigh, BodySegment::stance_shank, BodySegment::stance_foot);
  leg(other, 1, BodySegment::swing_thigh, BodySegment::swing_shank, BodySegment::swing_foot);
  return out;
}

/// The direction (cos q, sin q) of every segment, in BodySegment order.
template <class Scalar>
using SegmentDirections = std::array<Eigen::Matrix<Scalar, 2, 1>, body_segment_count>;

/// Forward kinematics: where every segment is, given its angle, relative to the hip centres. One
/// sine and cosine per segment; everything else is products. Never allocates or throws.
template <class Scalar>
BodyPose<Scalar> body_pose(const BodyModel<Scalar>& body, const SegmentAngles<Scalar>& angles) {
  using std::cos;
  using std::sin;
  SegmentDirections<Scalar> direction;
  for (int i = 0; i < body_segment_count; ++i)
    direction[i] = typename PointState<Scalar>::Vec(cos(angles.angle[i].q), sin(angles.angle[i].q));
  return body_pose(body, angles, direction);
}

namespace detail {
/// Forward kinematics, relative to the hip centres: sets `l5s1` and `stance_ankle`, then calls
/// visit(segment, state of its COM) for every segment, pelvis first. Never allocates or throws.
template <class Scalar, class Visit>
void walk_segments(const BodyModel<Scalar>& body, const SegmentAngles<Scalar>& angles,
                   const SegmentDirections<Scalar>& direction, PointState<Scalar>& l5s1,
                   PointState<Scalar>& stance_ankle, Visit&& visit) {
  using Vec = typename PointState<Scalar>::Vec;
  // A point `length` along `base` (the segment's direction at zero angle) in segment s, from `from`.
  auto along = [&](const PointState<Scalar>& from, BodySegment s, Scalar base_x, Scalar base_y,
                   Scalar length) {
    const int i = static_cast<int>(s);
    const Scalar c = direction[i].x(), sn = direction[i].y();
    const Vec r(length * (c * base_x - sn * base_y), length * (sn * base_x + c * base_y));
    const Vec perp(-r.y(), r.x());  // d/dq of r
    const AngleState<Scalar>& a = angles.angle[i];
    PointState<Scalar> out;
    out.p = from.p + r;
    out.v = from.v + a.qd * perp;
    out.a = from.a + a.qdd * perp - a.qd * a.qd * r;
    return out;
  };
  using S = BodySegment;
  const Scalar zero = Scalar(0), one = Scalar(1);

  // Pelvis: from the hips towards L5/S1 (Reed et al. 1999's axis, tipped back by the tilt).
  const PointState<Scalar> hips;
  static const double axis = std::hypot(pelvis_axis_back, pelvis_axis_up);  // once, not per pose
  const Scalar back = Scalar(-pelvis_axis_back / axis), up = Scalar(pelvis_axis_up / axis);
  l5s1 = along(hips, S::pelvis, back, up, body.pelvis.length);
  visit(S::pelvis, along(hips, S::pelvis, back, up, body.pelvis.com));

  // Trunk up from L5/S1, head up from C7, arms down from the shoulders.
  visit(S::trunk, along(l5s1, S::trunk, zero, one, body.trunk.com));
  const PointState<Scalar> c7 = along(l5s1, S::trunk, zero, one, body.trunk.length);
  visit(S::head, along(c7, S::head, zero, one, body.head.com));
  const PointState<Scalar> shoulder = along(l5s1, S::trunk, zero, one, body.shoulder);
  auto arm = [&](S upper, S fore) {
    visit(upper, along(shoulder, upper, zero, -one, body.upper_arm.com));
    const PointState<Scalar> elbow = along(shoulder, upper, zero, -one, body.upper_arm.length);
    visit(fore, along(elbow, fore, zero, -one, body.forearm.com));
  };
  arm(S::near_upper_arm, S::near_forearm);
  arm(S::far_upper_arm, S::far_forearm);

  // Legs down from the hips; the foot's COM lies ahead of and below the ankle.
  using std::sqrt;
  const Scalar foot_r = sqrt(body.foot_com_forward * body.foot_com_forward + body.foot_com_down * body.foot_com_down);
  auto leg = [&](S thigh, S shank, S foot) {
    visit(thigh, along(hips, thigh, zero, -one, body.thigh.com));
    const PointState<Scalar> knee = along(hips, thigh, zero, -one, body.thigh.length);
    visit(shank, along(knee, shank, zero, -one, body.shank.com));
    PointState<Scalar> ankle = along(knee, shank, zero, -one, body.shank.length);
    visit(foot, along(ankle, foot, body.foot_com_forward / foot_r, -body.foot_com_down / foot_r, foot_r));
    return ankle;
  };
  stance_ankle = leg(S::stance_thigh, S::stance_shank, S::stance_foot);
  leg(S::swing_thigh, S::swing_shank, S::swing_foot);
}

/// Unit normal of the L5/S1 disc, up the spine, from the pelvis's direction (cos q, sin q): the
/// sacral slope is SS = 39.5° + (tilt − 13°) = 39.5° − q, and (sin SS, cos SS) follows by angle
/// addition.
template <class Scalar>
Eigen::Matrix<Scalar, 2, 1> disc_normal(const Eigen::Matrix<Scalar, 2, 1>& pelvis_direction) {
  static const double c0 = std::cos(standing_sacral_slope_deg * deg);
  static const double s0 = std::sin(standing_sacral_slope_deg * deg);
  const Scalar& c = pelvis_direction.x();
  const Scalar& s = pelvis_direction.y();
  return {Scalar(Scalar(s0) * c - Scalar(c0) * s), Scalar(Scalar(c0) * c + Scalar(s0) * s)};
}
}  // namespace detail

/// The same, given each segment's direction (cos q, sin q) (for a caller that follows them from
/// sample to sample, turning_direction.hpp).
template <class Scalar>
BodyPose<Scalar> body_pose(const BodyModel<Scalar>& body, const SegmentAngles<Scalar>& angles,
                           const SegmentDirections<Scalar>& direction) {
  BodyPose<Scalar> pose;
  pose.angle = angles.angle;
  pose.sacral_slope = Scalar(standing_sacral_slope_deg * detail::deg) - angles[BodySegment::pelvis].q;
  pose.disc_normal = detail::disc_normal(direction[static_cast<int>(BodySegment::pelvis)]);
  detail::walk_segments(body, angles, direction, pose.l5s1, pose.stance_ankle,
                        [&](BodySegment s, const PointState<Scalar>& com) { pose.com[static_cast<int>(s)] = com; });

  // Whole-body COM relative to the hips.
  Scalar total = Scalar(0);
  for (int i = 0; i < body_segment_count; ++i) {
    const Scalar m = segment(body, static_cast<BodySegment>(i)).mass;
    pose.body_com.p += m * pose.com[i].p;
    pose.body_com.v += m * pose.com[i].v;
    pose.body_com.a += m * pose.com[i].a;
    total += m;
  }
  pose.body_com.p /= total;
  pose.body_com.v /= total;
  pose.body_com.a /= total;
  return pose;
}

/// The pose at time t after touchdown of the stance leg (segment_angles(), then body_pose()).
/// Never allocates or throws.
template <class Scalar>
BodyPose<Scalar> body_pose(const BodyModel<Scalar>& body, const ResolvedForm<Scalar>& form,
                           Scalar t, const LegShape<Scalar>& shape = {},
                           const AngleState<Scalar>& upper_correction = {}) {
  return body_pose(body, segment_angles(form, t, shape, upper_correction));
}

}  // namespace strideload

namespace strideload {

namespace detail {
/// Σ I·(angular term) + m·(ρ − c) × (linear term − the COM's), over every segment: the body's
/// angular momentum about its COM with velocities, its rate with accelerations.
template <class Scalar>
Scalar about_com(const BodyModel<Scalar>& body, const BodyPose<Scalar>& pose,
                 Scalar AngleState<Scalar>::*angular,
                 typename PointState<Scalar>::Vec PointState<Scalar>::*linear) {
  Scalar h = Scalar(0);
  for (int i = 0; i < body_segment_count; ++i) {
    const SegmentInertia<Scalar>& seg = segment(body, static_cast<BodySegment>(i));
    const auto r = (pose.com[i].p - pose.body_com.p).eval();
    const auto m = (pose.com[i].*linear - pose.body_com.*linear).eval();
    h += seg.inertia * (pose.angle[i].*angular) + seg.mass * (r.x() * m.y() - r.y() * m.x());
  }
  return h;
}
}  // namespace detail

/// Angular momentum of the body about its COM, kg·m²/s (sagittal).
template <class Scalar>
Scalar angular_momentum(const BodyModel<Scalar>& body, const BodyPose<Scalar>& pose) {
  return detail::about_com(body, pose, &AngleState<Scalar>::qd, &PointState<Scalar>::v);
}

/// Rate of change of the body's angular momentum about its COM, N·m (sagittal).
template <class Scalar>
Scalar angular_momentum_rate(const BodyModel<Scalar>& body, const BodyPose<Scalar>& pose) {
  return detail::about_com(body, pose, &AngleState<Scalar>::qdd, &PointState<Scalar>::a);
}

/// How much the body's angular momentum about its COM changes per rad/s of rotation of the upper
/// body about L5/S1, kg·m²: Σ over the upper segments of I + m·(ρ − c)·(ρ − L5/S1).
template <class Scalar>
Scalar upper_body_rotational_inertia(const BodyModel<Scalar>& body, const BodyPose<Scalar>& pose) {
  Scalar j = Scalar(0);
  for (int i = 0; i < body_segment_count; ++i) {
    const auto s = static_cast<BodySegment>(i);
    if (!above_l5s1(s)) continue;
    const SegmentInertia<Scalar>& seg = segment(body, s);
    j += seg.inertia + seg.mass * (pose.com[i].p - pose.body_com.p).dot(pose.com[i].p - pose.l5s1.p);
  }
  return j;
}

}  // namespace strideload

namespace strideload {

/// Where the stance foot's first contact point is, relative to the whole-body COM, m (x forward).
template <class Scalar>
Eigen::Matrix<Scalar, 2, 1> first_contact_from_com(const BodyModel<Scalar>& body,
                                                   const ResolvedForm<Scalar>& form,
                                                   const BodyPose<Scalar>& pose) {
  using std::cos;
  using std::sin;
  const Scalar foot_length = body.foot.length;
  // In the foot's frame, from the ankle: along the sole to the strike point, one ankle height down.
  const Scalar along_sole = Scalar(strike_index(form.strike)) * foot_length - Scalar(0.25) * foot_length;
  const Scalar down = Scalar(2) * body.foot_com_down;  // foot_com_down is half the ankle height
  const Scalar q = pose.angle[static_cast<int>(BodySegment::stance_foot)].q;
  const Eigen::Matrix<Scalar, 2, 1> contact(along_sole * cos(q) + down * sin(q),
                                            along_sole * sin(q) - down * cos(q));
  return pose.stance_ankle.p + contact - pose.body_com.p;
}

namespace detail {
/// The body posed at touchdown for one leg shape after another (body_pose(body, form, 0, shape)).
/// Only the stance leg's angles change with the shape, so each segment's direction (a library
/// cosine and sine) is computed again only where its angle changed: the same poses for a quarter
/// of the library calls.
template <class Scalar>
class TouchdownPoses {
 public:
  /// Poses for `body` running `form`; both must outlive this.
  TouchdownPoses(const BodyModel<Scalar>& body, const ResolvedForm<Scalar>& form)
      : body_(body), form_(form), unshaped_(segment_angles(form, Scalar(0))) {
    using std::cos;
    using std::sin;
    for (int i = 0; i < body_segment_count; ++i)
      unshaped_direction_[i] = Vec(cos(unshaped_.angle[i].q), sin(unshaped_.angle[i].q));
  }

  /// The ankle offset that sets the stance foot at the strike's angle when the thigh offset is
  /// `thigh` (ankle angles are absolute, so the foot keeps its angle as the thigh turns), rad.
  Scalar ankle_offset(const Scalar& thigh) const {
    const Scalar measured = unshaped_.angle[static_cast<int>(BodySegment::stance_foot)].q;
    return strike_foot_angle(form_.strike, measured) - measured - thigh;
  }

  /// The first contact point's distance ahead of the whole-body COM with the leg shaped by
  /// `shape`, m (first_contact_from_com()).
  Scalar contact_ahead(const LegShape<Scalar>& shape) const {
    using std::cos;
    using std::sin;
    const SegmentAngles<Scalar> angles = segment_angles(form_, Scalar(0), shape);
    SegmentDirections<Scalar> direction = unshaped_direction_;
    for (int i = 0; i < body_segment_count; ++i)
      if (!(angles.angle[i].q == unshaped_.angle[i].q))
        direction[i] = Vec(cos(angles.angle[i].q), sin(angles.angle[i].q));
    return first_contact_from_com(body_, form_, body_pose(body_, angles, direction)).x();
  }

  /// contact_ahead() with the thigh offset `turn` rad more and the ankle's as much less.
  Scalar contact_ahead_turned(LegShape<Scalar> shape, const Scalar& turn) const {
    shape.thigh += turn;
    shape.ankle -= turn;
    return contact_ahead(shape);
  }

 private:
  using Vec = typename PointState<Scalar>::Vec;
  const BodyModel<Scalar>& body_;
  const ResolvedForm<Scalar>& form_;
  SegmentAngles<Scalar> unshaped_;
  SegmentDirections<Scalar> unshaped_direction_;
};

/// leg_shape()'s solution from `touchdown`'s poses: the ankle offset sets the foot angle, then
/// four Newton steps on the thigh offset bring the first contact to `landing` ahead of the COM.
template <class Scalar>
LegShape<Scalar> solve_leg_shape(const TouchdownPoses<Scalar>& touchdown, const Scalar& landing) {
  LegShape<Scalar> shape{Scalar(0), touchdown.ankle_offset(Scalar(0))};
  const Scalar h = Scalar(1e-4);
  for (int iteration = 0; iteration < 4; ++iteration) {
    const Scalar x = touchdown.contact_ahead(shape);
    const Scalar slope = (touchdown.contact_ahead_turned(shape, h) - x) / h;
    shape.thigh += (landing - x) / slope;
    shape.ankle = touchdown.ankle_offset(shape.thigh);
  }
  return shape;
}
}  // namespace detail

/// The leg shape that lands the form's strike at the form's landing distance: the ankle offset
/// sets the foot angle, then a few Newton steps on the thigh offset place the first contact point.
/// It poses the body at touchdown nine times (detail::TouchdownPoses). Never allocates or throws.
template <class Scalar>
LegShape<Scalar> leg_shape(const BodyModel<Scalar>& body, const ResolvedForm<Scalar>& form) {
  return detail::solve_leg_shape(detail::TouchdownPoses<Scalar>(body, form), form.landing);
}

/// leg_shape() for numbers that carry derivatives (carries_first_derivatives_v), from the same
/// body and form in plain numbers (`plain_body`, `plain_form`: their values).
///
/// The shape is where the first contact lands `landing` ahead of the COM, x(thigh, form) =
/// landing, so its derivatives are the implicit function's, ∂thigh = (∂landing − ∂x/∂form) /
/// (∂x/∂thigh). The shape is solved in plain numbers (leg_shape()), then Newton steps in Scalar
/// from there, with ∂x/∂thigh a central difference in plain numbers, reach them: at the solution a
/// step moves the values by rounding only, and it cuts the derivatives' error by the slope's
/// relative error (about 1e-9), so two steps give them to rounding. Two poses in Scalar instead of
/// leg_shape()'s nine. Never allocates or throws.
template <class Scalar>
LegShape<Scalar> leg_shape_from_plain(const BodyModel<Scalar>& body, const ResolvedForm<Scalar>& form,
                                      const BodyModel<double>& plain_body,
                                      const ResolvedForm<double>& plain_form) {
  const detail::TouchdownPoses<double> plain_touchdown(plain_body, plain_form);
  const LegShape<double> solved = detail::solve_leg_shape(plain_touchdown, plain_form.landing);
  const double h = 1e-4;
  const double slope =
      (plain_touchdown.contact_ahead_turned(solved, h) - plain_touchdown.contact_ahead_turned(solved, -h)) / (2 * h);
  const detail::TouchdownPoses<Scalar> touchdown(body, form);
  LegShape<Scalar> shape{Scalar(solved.thigh), touchdown.ankle_offset(Scalar(solved.thigh))};
  for (int step = 0; step < 2; ++step) {
    shape.thigh += (form.landing - touchdown.contact_ahead(shape)) / slope;
    shape.ankle = touchdown.ankle_offset(shape.thigh);
  }
  return shape;
}

}  // namespace strideload
