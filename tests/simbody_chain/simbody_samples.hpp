#pragma once
// Random instants of the Simbody chain (simbody_body.hpp), and the same instants as strideload
// sees them: its own segment angles, forward kinematics and L5/S1 inverse dynamics.
#include <strideload/body_pose.hpp>
#include <strideload/lumbar_load.hpp>

#include <Eigen/Core>
#include <random>
#include <vector>

#include "simbody_body.hpp"

namespace strideload_simbody {

/// How many random instants the check and the benchmark share (with the default seed).
constexpr int sample_count = 256;

/// `count` random instants, the same for a given seed: every coordinate, speed and acceleration
/// drawn uniformly (angles ±1.2 rad, rates ±8 rad/s, accelerations ±80 rad/s², and the hips'
/// translation alike in m), except the L5/S1 translations of the planar joint, held at zero so
/// that it moves as the pin.
inline std::vector<JointSample> random_samples(const SimbodyBody& sb, int count, unsigned seed = 20261122) {
  const SimTK::State state = sb.system().getDefaultState();
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> angle(-1.2, 1.2), rate(-8.0, 8.0), accel(-80.0, 80.0);
  std::vector<JointSample> out(static_cast<std::size_t>(count));
  for (JointSample& s : out) {
    s.q.resize(state.getNQ());
    s.u.resize(state.getNU());
    s.udot.resize(state.getNU());
    for (int i = 0; i < state.getNQ(); ++i) s.q[i] = angle(rng);
    for (int i = 0; i < state.getNU(); ++i) s.u[i] = rate(rng);
    for (int i = 0; i < state.getNU(); ++i) s.udot[i] = accel(rng);
    if (sb.l5s1_joint() == L5S1Joint::planar) {
      const int q = sb.trunk().getFirstQIndex(state), u = sb.trunk().getFirstUIndex(state);
      s.q[q + 1] = s.q[q + 2] = s.u[u + 1] = s.u[u + 2] = s.udot[u + 1] = s.udot[u + 2] = 0.0;
    }
  }
  return out;
}

/// What strideload's inverse dynamics takes for one instant of the chain.
struct StrideloadInputs {
  strideload::SegmentAngles<double> angles;
  Eigen::Vector2d hip_acceleration = Eigen::Vector2d::Zero();  ///< ground frame, m/s²
};

/// A sample in strideload's terms: each segment's absolute angle, rate and acceleration is the sum
/// of the rotations from ground down to it (the head, welded, shares the trunk's; a Planar
/// mobilizer's first coordinate is its rotation), and the hips' acceleration is the pelvis
/// mobilizer's translational udot (along ground's axes). Positions and the rest come from
/// strideload's own forward kinematics, body_pose().
inline StrideloadInputs strideload_inputs(const SimbodyBody& sb, const JointSample& sample) {
  const SimTK::State state = sb.system().getDefaultState();  // for the coordinates' indices
  StrideloadInputs out;
  for (int i = 0; i < strideload::body_segment_count; ++i) {
    strideload::AngleState<double>& a = out.angles.angle[static_cast<std::size_t>(i)];
    for (const SimTK::MobilizedBody* m = &sb.segment(static_cast<strideload::BodySegment>(i));
         !m->isGround(); m = &m->getParentMobilizedBody()) {
      if (m->getNumU(state) == 0) continue;  // the weld
      const int q = m->getFirstQIndex(state), u = m->getFirstUIndex(state);
      a = a + strideload::AngleState<double>{sample.q[q], sample.u[u], sample.udot[u]};
    }
  }
  const int u = sb.pelvis().getFirstUIndex(state);
  out.hip_acceleration = Eigen::Vector2d(sample.udot[u + 1], sample.udot[u + 2]);
  return out;
}

/// strideload's inverse dynamics of one instant: forward kinematics, then the top-down
/// Newton–Euler at L5/S1 (no ground contact: the chain is free, as in Simbody).
inline strideload::LumbarLoad<double> strideload_l5s1(const strideload::BodyModel<double>& body,
                                                      const StrideloadInputs& in) {
  const Eigen::Vector2d none = Eigen::Vector2d::Zero();
  return strideload::lumbar_load(body, strideload::body_pose(body, in.angles), in.hip_acceleration, none, none);
}

}  // namespace strideload_simbody
