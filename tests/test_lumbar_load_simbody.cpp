// An independent check of strideload's inverse dynamics: the same planar body built in Simbody
// (Debian's libsimbody-dev), random states, and Simbody's inverse dynamics
// (calcResidualForceIgnoringConstraints) against lumbar_load()'s top-down L5/S1 moment.
#include <doctest/doctest.h>
#include <strideload/body_pose.hpp>
#include <strideload/lumbar_load.hpp>

#include <Simbody.h>
#include <random>

using namespace strideload;
namespace st = SimTK;
using Vec = Eigen::Vector2d;

namespace {

st::Body::Rigid rigid(const SegmentInertia<double>& s, const st::Vec3& com) {
  // Planar: only the z inertia matters; x and y get the same value to stay physical.
  const st::Inertia about_com(s.inertia, s.inertia, s.inertia);
  return st::Body::Rigid(st::MassProperties(s.mass, com, about_com.shiftFromMassCenter(com, s.mass)));
}

struct SimbodyBody {
  st::MultibodySystem system;
  st::SimbodyMatterSubsystem matter{system};
  st::GeneralForceSubsystem forces{system};
  st::Force::UniformGravity gravity{forces, matter, st::Vec3(0, -standard_gravity, 0)};
  std::vector<st::MobilizedBody> bodies;  // indexed by BodySegment
  std::vector<st::Vec3> com;              // COM station in each body's frame
  st::MobilizedBody trunk_joint;          // the L5/S1 pin
  st::MobilizedBody pelvis;

  explicit SimbodyBody(const BodyModel<double>& b) : bodies(body_segment_count), com(body_segment_count) {
    const double axis = std::hypot(pelvis_axis_back, pelvis_axis_up);
    const st::Vec3 to_l5s1(-pelvis_axis_back / axis * b.pelvis.length, pelvis_axis_up / axis * b.pelvis.length, 0);
    const st::Vec3 pelvis_com = to_l5s1 * (b.pelvis.com / b.pelvis.length);
    auto set = [&](BodySegment s, const st::MobilizedBody& m, const st::Vec3& c) {
      bodies[static_cast<int>(s)] = m;
      com[static_cast<int>(s)] = c;
    };
    pelvis = st::MobilizedBody::Planar(matter.Ground(), st::Transform(), rigid(b.pelvis, pelvis_com), st::Transform());
    set(BodySegment::pelvis, pelvis, pelvis_com);
    const st::Vec3 trunk_com(0, b.trunk.com, 0);
    trunk_joint = st::MobilizedBody::Pin(pelvis, st::Transform(to_l5s1), rigid(b.trunk, trunk_com), st::Transform());
    set(BodySegment::trunk, trunk_joint, trunk_com);
    const st::Vec3 head_com(0, b.head.com, 0);
    set(BodySegment::head,
        st::MobilizedBody::Weld(trunk_joint, st::Transform(st::Vec3(0, b.trunk.length, 0)), rigid(b.head, head_com), st::Transform()),
        head_com);
    for (auto [upper, fore] : {std::pair{BodySegment::near_upper_arm, BodySegment::near_forearm},
                               std::pair{BodySegment::far_upper_arm, BodySegment::far_forearm}}) {
      const st::Vec3 ua_com(0, -b.upper_arm.com, 0), fa_com(0, -b.forearm.com, 0);
      st::MobilizedBody::Pin ua(trunk_joint, st::Transform(st::Vec3(0, b.shoulder, 0)), rigid(b.upper_arm, ua_com), st::Transform());
      st::MobilizedBody::Pin fa(ua, st::Transform(st::Vec3(0, -b.upper_arm.length, 0)), rigid(b.forearm, fa_com), st::Transform());
      set(upper, ua, ua_com);
      set(fore, fa, fa_com);
    }
    for (auto [th, sh, ft] : {std::tuple{BodySegment::stance_thigh, BodySegment::stance_shank, BodySegment::stance_foot},
                              std::tuple{BodySegment::swing_thigh, BodySegment::swing_shank, BodySegment::swing_foot}}) {
      const st::Vec3 th_com(0, -b.thigh.com, 0), sh_com(0, -b.shank.com, 0), ft_com(b.foot_com_forward, -b.foot_com_down, 0);
      st::MobilizedBody::Pin thigh(pelvis, st::Transform(), rigid(b.thigh, th_com), st::Transform());
      st::MobilizedBody::Pin shank(thigh, st::Transform(st::Vec3(0, -b.thigh.length, 0)), rigid(b.shank, sh_com), st::Transform());
      st::MobilizedBody::Pin foot(shank, st::Transform(st::Vec3(0, -b.shank.length, 0)), rigid(b.foot, ft_com), st::Transform());
      set(th, thigh, th_com);
      set(sh, shank, sh_com);
      set(ft, foot, ft_com);
    }
    system.realizeTopology();
  }
};

}  // namespace

TEST_CASE("lumbar load: top-down L5/S1 moment agrees with Simbody's inverse dynamics on random states") {
  const auto runner = make_runner_model(Runner{});
  const auto body = make_body_model(runner);
  SimbodyBody sb(body);
  std::mt19937 rng(20261122);
  std::uniform_real_distribution<double> angle(-1.2, 1.2), rate(-8.0, 8.0), accel(-80.0, 80.0);
  for (int trial = 0; trial < 20; ++trial) {
    st::State state = sb.system.getDefaultState();
    for (int i = 0; i < state.getNQ(); ++i) state.updQ()[i] = angle(rng);
    for (int i = 0; i < state.getNU(); ++i) state.updU()[i] = rate(rng);
    st::Vector udot(state.getNU());
    for (int i = 0; i < udot.size(); ++i) udot[i] = accel(rng);
    sb.system.realize(state, st::Stage::Dynamics);

    // Simbody: the mobility forces that produce udot under gravity. The trunk pin's is the moment
    // the pelvis applies to the upper body at L5/S1.
    st::Vector residual;
    sb.matter.calcResidualForceIgnoringConstraints(state, st::Vector(state.getNU(), 0.0),
                                                   sb.system.getRigidBodyForces(state, st::Stage::Dynamics),
                                                   udot, residual);
    const double simbody_moment = residual[sb.trunk_joint.getFirstUIndex(state)];

    // strideload: the same state as a BodyPose (positions and accelerations relative to the hips).
    st::Vector_<st::SpatialVec> body_accel;
    sb.matter.calcBodyAccelerationFromUDot(state, udot, body_accel);
    const st::Vec3 hips = sb.pelvis.getBodyOriginLocation(state);
    const st::Vec3 hips_acc = body_accel[sb.pelvis.getMobilizedBodyIndex()][1];
    BodyPose<double> pose;
    for (int i = 0; i < body_segment_count; ++i) {
      const st::MobilizedBody& m = sb.bodies[i];
      const st::Vec3 p = m.findStationLocationInGround(state, sb.com[i]);
      const st::SpatialVec& a_body = body_accel[m.getMobilizedBodyIndex()];
      const st::Vec3 r = m.getBodyRotation(state) * sb.com[i];
      const st::Vec3 w = m.getBodyAngularVelocity(state);
      const st::Vec3 a = a_body[1] + a_body[0] % r + w % (w % r);
      pose.com[i].p = Vec(p[0] - hips[0], p[1] - hips[1]);
      pose.com[i].a = Vec(a[0] - hips_acc[0], a[1] - hips_acc[1]);
      pose.angle[i].qd = w[2];
      pose.angle[i].qdd = a_body[0][2];
    }
    const st::Vec3 l5 = sb.trunk_joint.getBodyOriginLocation(state);
    pose.l5s1.p = Vec(l5[0] - hips[0], l5[1] - hips[1]);
    const auto l = lumbar_load(body, pose, Vec(hips_acc[0], hips_acc[1]), Vec(Vec::Zero()), Vec(Vec::Zero()));
    CAPTURE(trial);
    CHECK(l.moment == doctest::Approx(simbody_moment).epsilon(1e-9));
  }
}
