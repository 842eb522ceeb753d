#pragma once
/// @file lumbar_load.hpp
/// The load at L5/S1: inverse dynamics of the segments above it, then the muscles that hold the
/// net moment, resolved on the disc plane into compression and anterior–posterior shear.

#include <Eigen/Core>
#include <cmath>

#include "body_about_l5s1.hpp"
#include "body_model.hpp"
#include "body_pose.hpp"
#include "runner.hpp"
#include "scalar.hpp"

namespace strideload {

/// Moment arm of the equivalent lumbar extensor at L5/S1, m: 5 cm, the NIOSH/Chaffin-type value
/// (McGill-type models use about 6 cm, which would lower the muscle force by a sixth).
constexpr double extensor_moment_arm = 0.05;

/// Angle between the equivalent extensor's line of action and the disc normal, rad: about 10°,
/// the middle of the 5–15° of Bogduk, Macintosh & Pearcy 1992 (Spine 17:897; unverified, see
/// science.md §7). Its pull compresses the disc and shears L5 backwards.
constexpr double extensor_line_angle = 10.0 * 3.14159265358979323846 / 180.0;

/// Moment arm of the abdominal wall (rectus abdominis) at L5/S1 for flexion moments, m: about 8 cm
/// (7–10 cm reported; unverified). Its line of action is taken along the disc normal.
constexpr double abdominal_moment_arm = 0.08;

/// Net load at L5/S1 at one instant, and what the disc carries.
template <class Scalar = double>
struct LumbarLoad {
  Eigen::Matrix<Scalar, 2, 1> force = Eigen::Matrix<Scalar, 2, 1>::Zero();  ///< on the upper body from the pelvis, N (x forward, y up)
  Scalar moment = Scalar(0);           ///< on the upper body from the pelvis, N·m; positive = extension
  Scalar moment_bottom_up = Scalar(0); ///< the same moment from the ground reaction force up, N·m
  Scalar extensor_force = Scalar(0);   ///< N
  Scalar abdominal_force = Scalar(0);  ///< N
  Scalar compression = Scalar(0);      ///< along the disc normal, N
  Scalar ap_shear = Scalar(0);         ///< along the disc, N; positive = L5 pushed forward on S1
};

/// Planar cross product (z component).
template <class Scalar>
Scalar cross(const Eigen::Matrix<Scalar, 2, 1>& a, const Eigen::Matrix<Scalar, 2, 1>& b) {
  return a.x() * b.y() - a.y() * b.x();
}

namespace detail {
/// The muscles that hold the net moment (science.md §7: one equivalent muscle: an extensor for an
/// extension moment, the abdominal wall for a flexion moment), and the resolution on the disc
/// plane, whose unit normal up the spine is `normal` (inclined by the sacral slope).
template <class Scalar>
void hold_and_resolve(const Eigen::Matrix<Scalar, 2, 1>& normal, LumbarLoad<Scalar>& out) {
  using Vec = Eigen::Matrix<Scalar, 2, 1>;
  using std::cos;
  using std::max;
  using std::sin;
  using Real = plain_number_t<Scalar>;  // constants without derivatives
  out.extensor_force = max(out.moment, Scalar(0)) / Real(extensor_moment_arm);
  out.abdominal_force = max(Scalar(-out.moment), Scalar(0)) / Real(abdominal_moment_arm);
  const Vec along(normal.y(), -normal.x());  // the disc, anterior
  static const double cos_alpha = cos(extensor_line_angle), sin_alpha = sin(extensor_line_angle);
  out.compression = out.force.dot(normal) + out.extensor_force * Real(cos_alpha) + out.abdominal_force;
  out.ap_shear = -out.force.dot(along) - out.extensor_force * Real(sin_alpha);
}
}  // namespace detail

/// Net force and moment at L5/S1 from the segments above it (top-down Newton–Euler), and the same
/// moment from the ground reaction force up (bottom-up). `hip_acceleration` is the hip centres'
/// acceleration in the ground frame; `cop` is the centre of pressure and `grf` the ground reaction
/// force, both in the ground frame relative to the hip centres (zero in flight). Then the
/// muscles: an extensor for an extension moment, the abdominal wall for a flexion moment, and the
/// resolution on the disc plane, inclined by the sacral slope. Never allocates or throws.
template <class Scalar>
LumbarLoad<Scalar> lumbar_load(const BodyModel<Scalar>& body, const BodyPose<Scalar>& pose,
                               const Eigen::Matrix<Scalar, 2, 1>& hip_acceleration,
                               const Eigen::Matrix<Scalar, 2, 1>& cop,
                               const Eigen::Matrix<Scalar, 2, 1>& grf) {
  using Vec = Eigen::Matrix<Scalar, 2, 1>;
  using std::cos;
  using std::sin;
  const Vec gravity(Scalar(0), -Scalar(standard_gravity));
  LumbarLoad<Scalar> out;
  // Each segment's required force m·(a − g) and moment about L5/S1, I·α + ρ × m·(a − g).
  // Top-down sums the segments above L5/S1; bottom-up is the GRF's moment about L5/S1 less the
  // segments below. For a motion that agrees with the GRF in full the two are equal.
  Scalar below = Scalar(0);
  for (int i = 0; i < body_segment_count; ++i) {
    const auto s = static_cast<BodySegment>(i);
    const SegmentInertia<Scalar>& seg = segment(body, s);
    const Vec f = seg.mass * (hip_acceleration + pose.com[i].a - gravity);
    const Scalar m = seg.inertia * pose.angle[i].qdd + cross(Vec(pose.com[i].p - pose.l5s1.p), f);
    if (above_l5s1(s)) {
      out.force += f;
      out.moment += m;
    } else {
      below += m;
    }
  }
  out.moment_bottom_up = cross(Vec(cop - pose.l5s1.p), grf) - below;

  const Vec normal(sin(pose.sacral_slope), cos(pose.sacral_slope));
  detail::hold_and_resolve(normal, out);
  return out;
}

/// The same load from the body's sums about L5/S1 (body_about_l5s1.hpp), for the hips moving so
/// that the whole-body COM has `com_acceleration` (ground frame). `cop_from_com` is the centre of
/// pressure relative to the whole-body COM; `grf` as above. Never allocates or throws.
template <class Scalar>
LumbarLoad<Scalar> lumbar_load(const BodyModel<Scalar>& body, const BodyAboutL5S1<Scalar>& b,
                               const Eigen::Matrix<Scalar, 2, 1>& com_acceleration,
                               const Eigen::Matrix<Scalar, 2, 1>& cop_from_com,
                               const Eigen::Matrix<Scalar, 2, 1>& grf) {
  using Vec = Eigen::Matrix<Scalar, 2, 1>;
  const Vec gravity(Scalar(0), -Scalar(standard_gravity));
  LumbarLoad<Scalar> out;
  // L5/S1's acceleration in the ground frame: the COM's, less the COM's relative to L5/S1. Every
  // segment then needs m·(a_L5/S1 − g + ρ̈), so the sums give force and moments at once.
  const Vec accelerations = b.lower_mass_acceleration + b.upper_mass_acceleration;
  const Vec moments = b.lower_mass_moment + b.upper_mass_moment;
  const Vec e = com_acceleration - accelerations / body.mass - gravity;
  out.force = body.mass_above_l5s1 * e + b.upper_mass_acceleration;
  out.moment = b.upper_moment + cross(b.upper_mass_moment, e);
  const Scalar below = b.lower_moment + cross(b.lower_mass_moment, e);
  out.moment_bottom_up = cross(Vec(cop_from_com + moments / body.mass), grf) - below;
  detail::hold_and_resolve(b.disc_normal, out);
  return out;
}

}  // namespace strideload
