// An independent check of strideload's inverse dynamics: the same planar body built in Simbody
// (tests/simbody_chain/), random instants, and Simbody's inverse dynamics (residual mobility forces)
// against lumbar_load()'s top-down L5/S1 force and moment, strideload's side going through its
// own segment angles and forward kinematics. The planar-joint chain is the one the benchmark
// BM_InverseDynamics_simbody times, on the same instants.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "simbody_chain/simbody_body.hpp"
#include "simbody_chain/simbody_samples.hpp"

using namespace strideload_simbody;

namespace {

// |a − b| relative to the larger magnitude (with a floor of 1, in N or N·m, for values near zero).
double relative_error(double a, double b) {
  return std::abs(a - b) / std::max({std::abs(a), std::abs(b), 1.0});
}

}  // namespace

TEST_CASE("lumbar load: top-down L5/S1 moment agrees with Simbody's pin-joint inverse dynamics") {
  const auto body = strideload::make_body_model(strideload::make_runner_model(strideload::Runner{}));
  const SimbodyBody sb(body, L5S1Joint::pin);
  SimTK::State state = sb.system().getDefaultState();
  SimTK::Vector residual;
  int trial = 0;
  for (const JointSample& s : random_samples(sb, sample_count)) {
    const L5S1Load simbody = sb.inverse_dynamics(state, s, residual);
    const auto ours = strideload_l5s1(body, strideload_inputs(sb, s));
    CAPTURE(trial++);
    CHECK(relative_error(ours.moment, simbody.moment) <= 1e-9);
  }
}

TEST_CASE("lumbar load: L5/S1 force and moment agree with Simbody's on the benchmark's instants") {
  const auto body = strideload::make_body_model(strideload::make_runner_model(strideload::Runner{}));
  const SimbodyBody sb(body, L5S1Joint::planar);
  SimTK::State state = sb.system().getDefaultState();
  SimTK::Vector residual;
  double worst_force = 0, worst_moment = 0;
  int trial = 0;
  for (const JointSample& s : random_samples(sb, sample_count)) {
    const L5S1Load simbody = sb.inverse_dynamics(state, s, residual);
    const auto ours = strideload_l5s1(body, strideload_inputs(sb, s));
    const double fx = relative_error(ours.force.x(), simbody.force.x());
    const double fy = relative_error(ours.force.y(), simbody.force.y());
    const double m = relative_error(ours.moment, simbody.moment);
    CAPTURE(trial++);
    CHECK(fx <= 1e-9);
    CHECK(fy <= 1e-9);
    CHECK(m <= 1e-9);
    worst_force = std::max({worst_force, fx, fy});
    worst_moment = std::max(worst_moment, m);
  }
  MESSAGE("largest relative error: force " << worst_force << ", moment " << worst_moment);
}
