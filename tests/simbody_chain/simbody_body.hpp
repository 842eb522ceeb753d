#pragma once
// strideload's 13-segment planar body built in Simbody (Debian's libsimbody-dev), for the tests
// and the benchmark that compare strideload's inverse dynamics with Simbody's. Compile with
// -UNDEBUG: Debian's Simbody is built without NDEBUG and its inline header code must match.
#include <strideload/body_model.hpp>
#include <strideload/body_pose.hpp>

#include <Simbody.h>
#include <Eigen/Core>
#include <array>
#include <cmath>
#include <tuple>
#include <utility>

namespace strideload_simbody {

/// How the trunk hangs on the pelvis at L5/S1.
/// - pin: one rotation, as in strideload; its residual is the L5/S1 moment only.
/// - planar: a rotation and two translations along the pelvis's axes. With the translations held
///   at zero (q = u = udot = 0) the motion is the pin's, and the residuals of the translations are
///   the force the pelvis must apply to the upper body at L5/S1 to produce it: the joint force,
///   which a pin's inverse dynamics does not report. That is strideload's LumbarLoad::force, the
///   sum of m·(a − g) over the upper body, whose only other load is gravity. Simbody's Planar
///   mobilizer rotates about the shared z axis and translates along the inboard (pelvis) frame's
///   axes, so the translations' residuals are in the pelvis's axes and the rotation's residual is
///   the moment about L5/S1 itself.
enum class L5S1Joint { pin, planar };

/// The net load at L5/S1 on the upper body from the pelvis: force in the ground frame (N, x
/// forward, y up) and moment (N·m), as in strideload::LumbarLoad.
struct L5S1Load {
  Eigen::Vector2d force = Eigen::Vector2d::Zero();
  double moment = 0;
};

/// One instant of the chain in Simbody's generalized coordinates: q and u, and the udot that the
/// inverse dynamics is asked to produce.
struct JointSample {
  SimTK::Vector q, u, udot;
};

/// The planar body as a Simbody tree: the pelvis on a Planar mobilizer from ground (its origin at
/// the hip centres), the trunk on it at L5/S1, the head welded to the trunk, pins elsewhere.
/// Segment frames coincide with strideload's at zero angle, so each segment's absolute angle is
/// the sum of the rotations from the pelvis down to it.
class SimbodyBody {
 public:
  SimbodyBody(const strideload::BodyModel<double>& b, L5S1Joint l5s1_joint) : joint_(l5s1_joint) {
    namespace st = SimTK;
    using strideload::BodySegment;
    const double axis = std::hypot(strideload::pelvis_axis_back, strideload::pelvis_axis_up);
    const st::Vec3 to_l5s1(-strideload::pelvis_axis_back / axis * b.pelvis.length,
                           strideload::pelvis_axis_up / axis * b.pelvis.length, 0);
    const st::Vec3 pelvis_com = to_l5s1 * (b.pelvis.com / b.pelvis.length);
    pelvis_ = st::MobilizedBody::Planar(matter_.Ground(), rigid(b.pelvis, pelvis_com));
    set(BodySegment::pelvis, pelvis_);
    const st::Body::Rigid trunk_body = rigid(b.trunk, st::Vec3(0, b.trunk.com, 0));
    if (joint_ == L5S1Joint::pin)
      trunk_ = st::MobilizedBody::Pin(pelvis_, st::Transform(to_l5s1), trunk_body, st::Transform());
    else
      trunk_ = st::MobilizedBody::Planar(pelvis_, st::Transform(to_l5s1), trunk_body, st::Transform());
    set(BodySegment::trunk, trunk_);
    set(BodySegment::head,
        st::MobilizedBody::Weld(trunk_, st::Transform(st::Vec3(0, b.trunk.length, 0)),
                                rigid(b.head, st::Vec3(0, b.head.com, 0)), st::Transform()));
    for (auto [upper, fore] : {std::pair{BodySegment::near_upper_arm, BodySegment::near_forearm},
                               std::pair{BodySegment::far_upper_arm, BodySegment::far_forearm}}) {
      st::MobilizedBody::Pin ua(trunk_, st::Transform(st::Vec3(0, b.shoulder, 0)),
                                      rigid(b.upper_arm, st::Vec3(0, -b.upper_arm.com, 0)), st::Transform());
      set(upper, ua);
      set(fore, st::MobilizedBody::Pin(ua, st::Transform(st::Vec3(0, -b.upper_arm.length, 0)),
                                       rigid(b.forearm, st::Vec3(0, -b.forearm.com, 0)), st::Transform()));
    }
    for (auto [th, sh, ft] :
         {std::tuple{BodySegment::stance_thigh, BodySegment::stance_shank, BodySegment::stance_foot},
          std::tuple{BodySegment::swing_thigh, BodySegment::swing_shank, BodySegment::swing_foot}}) {
      st::MobilizedBody::Pin thigh(pelvis_, st::Transform(), rigid(b.thigh, st::Vec3(0, -b.thigh.com, 0)),
                                         st::Transform());
      st::MobilizedBody::Pin shank(thigh, st::Transform(st::Vec3(0, -b.thigh.length, 0)),
                                         rigid(b.shank, st::Vec3(0, -b.shank.com, 0)), st::Transform());
      set(th, thigh);
      set(sh, shank);
      set(ft, st::MobilizedBody::Pin(shank, st::Transform(st::Vec3(0, -b.shank.length, 0)),
                                     rigid(b.foot, st::Vec3(b.foot_com_forward, -b.foot_com_down, 0)),
                                     st::Transform()));
    }
    system_.realizeTopology();
  }

  SimbodyBody(const SimbodyBody&) = delete;  // the mobilized bodies refer into this system
  SimbodyBody& operator=(const SimbodyBody&) = delete;

  const SimTK::MultibodySystem& system() const { return system_; }
  const SimTK::SimbodyMatterSubsystem& matter() const { return matter_; }
  const SimTK::Force::Gravity& gravity() const { return gravity_; }
  L5S1Joint l5s1_joint() const { return joint_; }
  const SimTK::MobilizedBody& pelvis() const { return pelvis_; }
  const SimTK::MobilizedBody& trunk() const { return trunk_; }
  const SimTK::MobilizedBody& segment(strideload::BodySegment s) const {
    return bodies_[static_cast<int>(s)];
  }

  /// Simbody's inverse dynamics of one sample, as a Simbody user would run it: set q and u,
  /// realize to Velocity, gravity as body forces, the residual mobility forces for udot, then the
  /// load at L5/S1 read from them. `state` and `residual` are reused from call to call.
  L5S1Load inverse_dynamics(SimTK::State& state, const JointSample& sample, SimTK::Vector& residual) const {
    state.setQ(sample.q);
    state.setU(sample.u);
    system_.realize(state, SimTK::Stage::Velocity);
    matter_.calcResidualForceIgnoringConstraints(state, SimTK::Vector(), gravity_.getBodyForces(state),
                                                 sample.udot, residual);
    return l5s1_load(state, residual);
  }

  /// Simbody's inverse dynamics at L5/S1 from the residual mobility forces of `state` (positions as
  /// realized in it). With the pin, only the moment is known; the force stays zero.
  L5S1Load l5s1_load(const SimTK::State& state, const SimTK::Vector& residual) const {
    L5S1Load out;
    const int u = trunk_.getFirstUIndex(state);
    out.moment = residual[u];
    if (joint_ == L5S1Joint::planar) {
      // The translations' residuals are along the pelvis's axes; turn them into the ground frame.
      const double q = state.getQ()[pelvis_.getFirstQIndex(state)];
      const double c = std::cos(q), s = std::sin(q);
      out.force = Eigen::Vector2d(c * residual[u + 1] - s * residual[u + 2],
                                  s * residual[u + 1] + c * residual[u + 2]);
    }
    return out;
  }

 private:
  static SimTK::Body::Rigid rigid(const strideload::SegmentInertia<double>& s, const SimTK::Vec3& com) {
    // Planar: only the z inertia matters; x and y get the same value to stay physical.
    const SimTK::Inertia about_com(s.inertia, s.inertia, s.inertia);
    return SimTK::Body::Rigid(SimTK::MassProperties(s.mass, com, about_com.shiftFromMassCenter(com, s.mass)));
  }
  void set(strideload::BodySegment s, const SimTK::MobilizedBody& m) { bodies_[static_cast<int>(s)] = m; }

  L5S1Joint joint_;
  SimTK::MultibodySystem system_;
  SimTK::SimbodyMatterSubsystem matter_{system_};
  SimTK::GeneralForceSubsystem forces_{system_};
  // Force::Gravity rather than UniformGravity: it hands out its body forces at Position stage, so
  // inverse dynamics needs the state realized only to Velocity.
  SimTK::Force::Gravity gravity_{forces_, matter_, SimTK::UnitVec3(0, -1, 0), strideload::standard_gravity};
  std::array<SimTK::MobilizedBody, strideload::body_segment_count> bodies_;
  SimTK::MobilizedBody pelvis_, trunk_;
};

}  // namespace strideload_simbody
