#pragma once
/// @file body_model.hpp
/// The runner as planar linked segments: masses, lengths, centres of mass and moments of inertia,
/// scaled from de Leva (1996) to the runner's mass, stature and sex, and where L5/S1 sits.
///
/// Segments: per leg foot, shank and thigh; the pelvis; the trunk above L5/S1; the head; per arm
/// an upper arm and a forearm with hand.
///
/// Where L5/S1 sits: Reed, Manary & Schneider (1999, SAE 1999-01-0959, as coded in Kinetics
/// Toolkit) place it 0.404·PW above and 0.056·PW behind the hip centres (PW: the distance between
/// the ASISs), about 101 mm up and 14 mm back for a typical 250 mm PW. de Leva's lower trunk runs
/// 146 mm from the mid-hip to the omphalion at 1.75 m, so L5/S1 is taken 0.69 of the way up it.
/// (OpenSim's gait models put their single lumbar joint 148 mm up, nearer L4/L5.)
///
/// The lower trunk is split there: the part above L5/S1 is a uniform slice of it (31 % of its
/// length and mass), which joins the trunk; the pelvis keeps the rest, with the COM and inertia
/// that leave the whole segment's unchanged. The mass above L5/S1 is then head, arms, upper and
/// middle trunk and the slice: 52.6 % (♂) of body mass, within science.md's 0.50–0.55.

#include <cmath>

#include "anthropometry.hpp"
#include "runner.hpp"

namespace strideload {

/// Mass, COM and inertia of one rigid planar segment. Lengths in m along the segment from its
/// proximal joint; inertia about the COM, kg·m².
template <class Scalar = double>
struct SegmentInertia {
  Scalar mass = Scalar(0);         ///< kg
  Scalar length = Scalar(0);       ///< proximal joint to distal joint (or end), m
  Scalar com = Scalar(0);          ///< COM distance from the proximal joint, m
  Scalar inertia = Scalar(0);      ///< sagittal moment of inertia about the COM, kg·m²
};

/// L5/S1 above the hip centres as a fraction of de Leva's lower-trunk length (Reed et al. 1999,
/// see above): 0.69.
constexpr double l5s1_fraction_of_lower_trunk = 0.69;

/// Direction from the hip centres to L5/S1 in the pelvis, with the pelvis in its anatomical
/// position (ASIS–pubis plane vertical): 0.056 back for 0.404 up (Reed et al. 1999, male).
constexpr double pelvis_axis_back = 0.056;
constexpr double pelvis_axis_up = 0.404;  ///< the upward component of that direction

/// Shoulder and hip heights as fractions of stature (Winter 2009, Fig. 4.1): 0.818 and 0.530.
constexpr double shoulder_height_per_stature = 0.818;
constexpr double hip_height_per_stature = 0.530;  ///< Winter 2009, Fig. 4.1

/// Ankle height above the sole as a fraction of stature (Winter 2009, Fig. 4.1): 0.039.
constexpr double ankle_height_per_stature = 0.039;

/// The body of one runner. Bilateral segments are the same on both sides.
template <class Scalar = double>
struct BodyModel {
  ///@{
  SegmentInertia<Scalar> foot, shank, thigh;  ///< per leg; foot measured from the ankle
  ///@}
  SegmentInertia<Scalar> pelvis;              ///< hip centres to L5/S1
  SegmentInertia<Scalar> trunk;               ///< L5/S1 to C7 (de Leva's upper + middle trunk)
  SegmentInertia<Scalar> head;                ///< C7 to vertex
  ///@{
  SegmentInertia<Scalar> upper_arm, forearm;  ///< per arm; forearm includes the hand
  ///@}
  Scalar shoulder = Scalar(0);      ///< shoulder joint along the trunk from L5/S1, m
  Scalar foot_com_forward = Scalar(0);  ///< foot COM ahead of the ankle with the foot flat, m
  Scalar foot_com_down = Scalar(0);     ///< foot COM below the ankle with the foot flat, m
  Scalar mass_above_l5s1 = Scalar(0);   ///< kg
};

namespace detail {
/// A de Leva segment scaled to a runner: m·fraction, stature·length ratio.
template <class Scalar>
SegmentInertia<Scalar> scaled(const RunnerModel<Scalar>& r, Segment s) {
  const SegmentRow row = de_leva(r.sex, s);
  SegmentInertia<Scalar> out;
  out.mass = Scalar(row.mass_fraction) * r.mass;
  out.length = Scalar(length_fraction(r.sex, s)) * r.height;
  out.com = Scalar(row.com_fraction) * out.length;
  const Scalar k = Scalar(row.gyration_sagittal) * out.length;
  out.inertia = out.mass * k * k;
  return out;
}

/// Two collinear segments joined end to end (b continues a), as one rigid body.
template <class Scalar>
SegmentInertia<Scalar> joined(const SegmentInertia<Scalar>& a, const SegmentInertia<Scalar>& b) {
  SegmentInertia<Scalar> out;
  out.mass = a.mass + b.mass;
  out.length = a.length + b.length;
  const Scalar b_com = a.length + b.com;
  out.com = (a.mass * a.com + b.mass * b_com) / out.mass;
  const Scalar da = a.com - out.com, db = b_com - out.com;
  out.inertia = a.inertia + a.mass * da * da + b.inertia + b.mass * db * db;
  return out;
}

/// A segment measured from its other end (de Leva measures the trunk parts and the head from the
/// top; the model chains them upwards from L5/S1).
template <class Scalar>
SegmentInertia<Scalar> reversed(SegmentInertia<Scalar> s) {
  s.com = s.length - s.com;
  return s;
}
}  // namespace detail

/// Builds the body of a runner from de Leva (1996). Never allocates or throws.
template <class Scalar>
BodyModel<Scalar> make_body_model(const RunnerModel<Scalar>& r) {
  using detail::scaled;
  BodyModel<Scalar> b;
  b.thigh = scaled(r, Segment::thigh);
  b.shank = scaled(r, Segment::shank);
  b.foot = scaled(r, Segment::foot);
  // Lower trunk, from the mid-hip up to the omphalion, split at L5/S1.
  const SegmentInertia<Scalar> lower = detail::reversed(scaled(r, Segment::lower_trunk));
  const Scalar split = Scalar(l5s1_fraction_of_lower_trunk);
  SegmentInertia<Scalar> slice;  // L5/S1 up to the omphalion, uniform
  slice.mass = (Scalar(1) - split) * lower.mass;
  slice.length = (Scalar(1) - split) * lower.length;
  slice.com = Scalar(0.5) * slice.length;
  slice.inertia = slice.mass * slice.length * slice.length / Scalar(12);
  const Scalar slice_com_from_hip = split * lower.length + slice.com;
  b.pelvis.mass = lower.mass - slice.mass;
  b.pelvis.length = split * lower.length;
  b.pelvis.com = (lower.mass * lower.com - slice.mass * slice_com_from_hip) / b.pelvis.mass;
  const Scalar d_lower = lower.com - b.pelvis.com, d_slice = slice_com_from_hip - b.pelvis.com;
  b.pelvis.inertia = lower.inertia + lower.mass * d_lower * d_lower - slice.inertia -
                     slice.mass * d_slice * d_slice;
  // Trunk above L5/S1: the slice, the middle trunk (omphalion up to the xiphoid), then the upper
  // trunk (xiphoid to C7).
  b.trunk = detail::joined(detail::joined(slice, detail::reversed(scaled(r, Segment::middle_trunk))),
                           detail::reversed(scaled(r, Segment::upper_trunk)));
  b.head = detail::reversed(scaled(r, Segment::head));  // from C7 up to the vertex
  b.upper_arm = scaled(r, Segment::upper_arm);
  b.forearm = detail::joined(scaled(r, Segment::forearm), scaled(r, Segment::hand));
  // Shoulder: its height above the hips less L5/S1's, along the trunk.
  b.shoulder = Scalar(shoulder_height_per_stature - hip_height_per_stature) * r.height - b.pelvis.length;
  // Foot: de Leva's CoM lies 44 % along heel–toe; the ankle is a quarter of the way along and
  // one ankle height above the sole; the CoM is taken at half that height.
  const Scalar foot_length = b.foot.length;
  b.foot_com_forward = b.foot.com - Scalar(0.25) * foot_length;
  b.foot_com_down = Scalar(0.5 * ankle_height_per_stature) * r.height;
  b.mass_above_l5s1 = b.trunk.mass + b.head.mass + Scalar(2) * (b.upper_arm.mass + b.forearm.mass);
  return b;
}

}  // namespace strideload
