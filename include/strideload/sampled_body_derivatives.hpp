#pragma once
/// @file sampled_body_derivatives.hpp
/// The body's sums about L5/S1 at every sample with their derivatives with respect to the five
/// numbers through which the form shapes the pose (PoseParameter), in plain doubles, a block of
/// samples at a time, so that they vectorise as sample_body() does.
///
/// Why: sensitivities() needs the sums' derivatives with respect to the form. Posing the body in
/// automatic differentiation does the arithmetic of every sample on scalars that carry derivatives,
/// which neither vectorises nor pipelines (docs/performance.md). The pose needs far less: every
/// segment's angle is a measured Fourier pattern of the stride phase φ = rate·t plus offsets
/// (segment_angles()), so its derivatives follow in closed form, and a segment's axis turns with
/// its angle, du = ⊥u·dq, so the sums' derivatives follow by the product rule (forward mode, by
/// hand). tests/test_sampled_body_derivatives.cpp checks every derivative against automatic
/// differentiation.

#include <Eigen/Core>
#include <array>
#include <cmath>
#include <cstddef>
#include <utility>

#include "autodiff.hpp"
#include "body_about_l5s1.hpp"
#include "body_model.hpp"
#include "body_pose.hpp"
#include "form.hpp"
#include "multiversion.hpp"
#include "running_kinematics.hpp"
#include "sampled_body.hpp"

namespace strideload {

/// The numbers through which the form shapes the pose, in the order of pose_parameters().
enum class PoseParameter : int {
  phase_rate,     ///< stride_phase_rate(), rad/s
  pelvis_offset,  ///< pelvis_angle_offset(), rad
  trunk_offset,   ///< trunk_angle_offset(), rad
  thigh_shape,    ///< LegShape::thigh, rad
  ankle_shape     ///< LegShape::ankle, rad
};

/// Number of PoseParameter values.
constexpr int pose_parameter_count = 5;

/// The pose parameters of a form and leg shape, in PoseParameter order (in any scalar: in
/// automatic differentiation they carry their own derivatives with respect to the form).
template <class Scalar>
std::array<Scalar, pose_parameter_count> pose_parameters(const ResolvedForm<Scalar>& form,
                                                         const LegShape<Scalar>& shape) {
  return {stride_phase_rate(form), pelvis_angle_offset(form), trunk_angle_offset(form), shape.thigh, shape.ankle};
}

namespace detail {

/// One pose parameter's derivatives of every segment's angle, angular velocity and acceleration over
/// a block (rad, rad/s, rad/s² per unit of the parameter), by BodySegment.
struct BlockAngleDerivatives {
  ///@{
  /// d q, d q̇ and d q̈ by segment and sample.
  double q[body_segment_count][body_block_size], qd[body_segment_count][body_block_size],
      qdd[body_segment_count][body_block_size];
  ///@}
};

/// How a pattern's angle, velocity and acceleration at sample j change with the phase rate ω,
/// given its derivatives P′, P″, P‴ by phase (degrees) at φ = ω·t: q = P(φ)·r, q̇ = P′·ω·r,
/// q̈ = P″·ω²·r with ∂φ/∂ω = t, so ∂q = P′·t·r, ∂q̇ = (P′ + P″·ω·t)·r, ∂q̈ = (2·P″·ω + P‴·ω²·t)·r.
EIGEN_ALWAYS_INLINE void rate_derivative(BlockAngleDerivatives& d, int segment, int j, double d1, double d2,
                                         double d3, double t, double rate) {
  constexpr double r = deg;
  d.q[segment][j] = d1 * t * r;
  d.qd[segment][j] = (d1 + d2 * rate * t) * r;
  d.qdd[segment][j] = (2.0 * d2 * rate + d3 * rate * rate * t) * r;
}

/// Every segment's angle derivatives with respect to the stride phase's rate over a block, at the
/// block's phases (b.cos_phase, b.sin_phase) and times since touchdown `time` (s): the patterns'
/// through the phase (rate_derivative()), and the leg offsets' through their fade w(φ).
template <class Scalar>
STRIDELOAD_BLOCK_KERNEL void block_rate_derivatives(const ResolvedForm<Scalar>& form, const LegShape<Scalar>& shape,
                                                    const BodyBlock<Scalar>& b, const Scalar (&time)[body_block_size],
                                                    BlockAngleDerivatives& d) {
  namespace k = hamner_s01;
  namespace abs = absolute;
  using S = BodySegment;
  const double rate = stride_phase_rate(form);
  for (int j = 0; j < body_block_size; ++j) {
    const double t = time[j];
    double c[7], s[7];
    c[0] = 1.0;
    s[0] = 0.0;
    c[1] = b.cos_phase[j];
    s[1] = b.sin_phase[j];
    for (std::size_t h = 2; h <= 6; ++h) next_harmonic(h, c, s);
    double even[4], odd[4];
    auto both = [&](S near, S far, const double (&base)[2][3]) {
      rate_derivative(d, static_cast<int>(near), j, even[1] + odd[1] + base[0][0], even[2] + odd[2] + base[0][1],
                      even[3] + odd[3] + base[0][2], t, rate);
      rate_derivative(d, static_cast<int>(far), j, even[1] - odd[1] + base[1][0], even[2] - odd[2] + base[1][1],
                      even[3] - odd[3] + base[1][2], t, rate);
    };
    parts(k::pelvis_tilt, c, s, even, odd, false);
    rate_derivative(d, static_cast<int>(S::pelvis), j, even[1], even[2], even[3], t, rate);
    parts(abs::trunk, c, s, even, odd, false);
    const double trunk[3] = {even[1], even[2], even[3]};
    rate_derivative(d, static_cast<int>(S::trunk), j, trunk[0], trunk[1], trunk[2], t, rate);
    rate_derivative(d, static_cast<int>(S::head), j, trunk[0], trunk[1], trunk[2], t, rate);
    // Arms relative to the trunk.
    const double upper[2][3] = {{trunk[0], trunk[1], trunk[2]}, {trunk[0], trunk[1], trunk[2]}};
    parts(k::arm_flex, c, s, even, odd, true);
    both(S::near_upper_arm, S::far_upper_arm, upper);
    parts(abs::forearm, c, s, even, odd, true);
    both(S::near_forearm, S::far_forearm, upper);
    // Legs: the patterns, whose derivatives by phase the offsets' fade w(φ) = (1 ± cos φ)/2 joins
    // (as degrees, since rate_derivative() scales by r): w′ = ∓sin φ/2, w″ = ∓cos φ/2, w‴ = ±sin φ/2.
    const double sign[2] = {1.0, -1.0};
    double thigh[2][3], foot[2][3];
    for (int side = 0; side < 2; ++side) {
      const double w1 = -0.5 * sign[side] * s[1], w2 = -0.5 * sign[side] * c[1], w3 = 0.5 * sign[side] * s[1];
      const double thigh_shape = shape.thigh / deg, foot_shape = (shape.thigh + shape.ankle) / deg;
      thigh[side][0] = thigh_shape * w1;
      thigh[side][1] = thigh_shape * w2;
      thigh[side][2] = thigh_shape * w3;
      foot[side][0] = foot_shape * w1;
      foot[side][1] = foot_shape * w2;
      foot[side][2] = foot_shape * w3;
    }
    parts(abs::thigh, c, s, even, odd, true);
    both(S::stance_thigh, S::swing_thigh, thigh);
    parts(abs::shank, c, s, even, odd, true);
    both(S::stance_shank, S::swing_shank, thigh);
    parts(abs::foot, c, s, even, odd, true);
    both(S::stance_foot, S::swing_foot, foot);
  }
}

/// Writes `on` times every segment's angle derivatives with respect to one of the offsets (pelvis,
/// trunk, thigh shape or ankle shape) over a block into the segments that offset turns: one for
/// each segment it turns as a whole, the fade w(φ) = (1 ± cos φ)/2 and its rates for the leg
/// offsets. The other segments' derivatives are zero and left alone, so that `on` = 0 clears what
/// `on` = 1 wrote.
inline void write_offset_derivatives(PoseParameter p, const ResolvedForm<double>& form, const BodyBlock<double>& b,
                                     double on, BlockAngleDerivatives& d) {
  using S = BodySegment;
  auto whole = [&](S seg) {
    for (int j = 0; j < body_block_size; ++j) d.q[static_cast<int>(seg)][j] = on;
  };
  auto faded = [&](S near, S far) {
    const double rate = stride_phase_rate(form);
    const int n = static_cast<int>(near), f = static_cast<int>(far);
    for (int j = 0; j < body_block_size; ++j) {
      const double c = b.cos_phase[j], s = b.sin_phase[j];
      const AngleState<double> near_fade = leg_offset_fade(c, s, rate), far_fade = leg_offset_fade(-c, -s, rate);
      d.q[n][j] = on * near_fade.q;
      d.qd[n][j] = on * near_fade.qd;
      d.qdd[n][j] = on * near_fade.qdd;
      d.q[f][j] = on * far_fade.q;
      d.qd[f][j] = on * far_fade.qd;
      d.qdd[f][j] = on * far_fade.qdd;
    }
  };
  switch (p) {
    case PoseParameter::pelvis_offset: whole(S::pelvis); break;
    case PoseParameter::trunk_offset:
      for (S seg : {S::trunk, S::head, S::near_upper_arm, S::far_upper_arm, S::near_forearm, S::far_forearm})
        whole(seg);
      break;
    case PoseParameter::thigh_shape:
      faded(S::stance_thigh, S::swing_thigh);
      faded(S::stance_shank, S::swing_shank);
      faded(S::stance_foot, S::swing_foot);
      break;
    case PoseParameter::ankle_shape: faded(S::stance_foot, S::swing_foot); break;
    case PoseParameter::phase_rate: break;  // block_rate_derivatives()
  }
}

/// Whether segment s is among those a parameter turns (`turned`, one bit per BodySegment).
constexpr bool turns(unsigned turned, std::size_t s) { return ((turned >> s) & 1U) != 0; }

/// The segments each pose parameter turns, one bit per BodySegment: the others' angle derivatives
/// are zero, so their terms are left out at compile time.
constexpr unsigned turned_segments(PoseParameter p) {
  auto bit = [](BodySegment s) { return 1U << static_cast<unsigned>(s); };
  using S = BodySegment;
  switch (p) {
    case PoseParameter::phase_rate: return (1U << body_segment_count) - 1U;
    case PoseParameter::pelvis_offset: return bit(S::pelvis);
    case PoseParameter::trunk_offset:
      return bit(S::trunk) | bit(S::head) | bit(S::near_upper_arm) | bit(S::near_forearm) | bit(S::far_upper_arm) |
             bit(S::far_forearm);
    case PoseParameter::thigh_shape:
      return bit(S::stance_thigh) | bit(S::stance_shank) | bit(S::stance_foot) | bit(S::swing_thigh) |
             bit(S::swing_shank) | bit(S::swing_foot);
    case PoseParameter::ankle_shape: return bit(S::stance_foot) | bit(S::swing_foot);
  }
  return 0U;
}

/// Segment s's own terms of the sums' derivatives at sample j (add_segment() differentiated:
/// du = ⊥u·dq with ⊥u = (−u_y, u_x)), if the parameter turns it; keeps the axis in o for the pairs.
template <unsigned turned, std::size_t s>
EIGEN_ALWAYS_INLINE void add_segment_derivative(const ChainConstants<double>& k, const BodyBlock<double>& b,
                                                const BlockAngleDerivatives& d, int j, SampleSums<double>& o) {
  const double c = b.cos_q[s][j], sn = b.sin_q[s][j];
  const double ux = c * k.bx[s] - sn * k.by[s], uy = sn * k.bx[s] + c * k.by[s];
  o.ux[s] = ux;
  o.uy[s] = uy;
  if constexpr (!turns(turned, s)) return;
  const double qd = b.qd[s][j], qdd = b.qdd[s][j];
  const double dq = d.q[s][j], dqd = d.qd[s][j], dqdd = d.qdd[s][j];
  const double dux = -uy * dq, duy = ux * dq;
  const double a = k.mass_length[s];
  // ma = a·(q̈·⊥u − q̇²·u).
  const double dmax = a * (-dqdd * uy - qdd * duy - 2.0 * qd * dqd * ux - qd * qd * dux);
  const double dmay = a * (dqdd * ux + qdd * dux - 2.0 * qd * dqd * uy - qd * qd * duy);
  if constexpr (above_l5s1(static_cast<BodySegment>(s))) {
    o.sum[upper_mass_moment_x] += a * dux;
    o.sum[upper_mass_moment_y] += a * duy;
    o.sum[upper_momentum_x] += a * (-dqd * uy - qd * duy);
    o.sum[upper_momentum_y] += a * (dqd * ux + qd * dux);
    o.sum[upper_mass_acceleration_x] += dmax;
    o.sum[upper_mass_acceleration_y] += dmay;
    o.sum[upper_moment] += k.own_inertia[s] * dqdd;
  } else {
    o.sum[lower_mass_moment_x] += a * dux;
    o.sum[lower_mass_moment_y] += a * duy;
    o.sum[lower_mass_acceleration_x] += dmax;
    o.sum[lower_mass_acceleration_y] += dmay;
    o.sum[lower_moment] += k.own_inertia[s] * dqdd;
  }
}

/// Pair p's terms of the sums' derivatives at sample j (add_pair() differentiated: with
/// du = ⊥u·dq, d(u_i·u_l) = (dq_i − dq_l)·(u_i × u_l) and d(u_i × u_l) = (dq_l − dq_i)·(u_i·u_l)),
/// if the parameter turns either segment.
template <unsigned turned, bool upper, std::size_t p>
EIGEN_ALWAYS_INLINE void add_pair_derivative(const ChainConstants<double>& k, const BodyBlock<double>& b,
                                             const BlockAngleDerivatives& d, int j, SampleSums<double>& o) {
  constexpr auto pairs = BodyChains<double>::template pairs<upper>();
  constexpr auto i = static_cast<std::size_t>(pairs[p][0]), l = static_cast<std::size_t>(pairs[p][1]);
  if constexpr (!turns(turned, i) && !turns(turned, l)) return;
  const double dot = o.ux[i] * o.ux[l] + o.uy[i] * o.uy[l];
  const double cross = o.ux[i] * o.uy[l] - o.uy[i] * o.ux[l];
  const double turn = d.q[i][j] - d.q[l][j];
  const double ddot = turn * cross, dcross = -turn * dot;
  const double qdi = b.qd[i][j], qdl = b.qd[l][j];
  const double moment = (d.qdd[i][j] + d.qdd[l][j]) * dot + (b.qdd[i][j] + b.qdd[l][j]) * ddot -
                        2.0 * (qdl * d.qd[l][j] - qdi * d.qd[i][j]) * cross - (qdl * qdl - qdi * qdi) * dcross;
  if constexpr (upper) {
    const double bb = k.upper_mass_length2[p];
    o.sum[upper_moment] += bb * moment;
    o.sum[upper_inertia] += 2.0 * bb * ddot;
    o.sum[upper_spread_rate] += bb * ((d.qd[i][j] - d.qd[l][j]) * cross + (qdi - qdl) * dcross);
  } else {
    o.sum[lower_moment] += k.lower_mass_length2[p] * moment;
  }
}

/// The sums' derivatives at sample j of a block, into `sum` (as sums_at()).
template <unsigned turned, std::size_t... S, std::size_t... U, std::size_t... L, std::size_t... C>
EIGEN_ALWAYS_INLINE void sum_derivatives_at(const ChainConstants<double>& k, const BodyBlock<double>& b,
                                            const BlockAngleDerivatives& d, int j, double (&sum)[16][body_block_size],
                                            std::index_sequence<S...> /*segments*/,
                                            std::index_sequence<U...> /*upper pairs*/,
                                            std::index_sequence<L...> /*lower pairs*/,
                                            std::index_sequence<C...> /*sums*/) {
  SampleSums<double> o;
  ((o.sum[C] = 0.0), ...);
  (add_segment_derivative<turned, S>(k, b, d, j, o), ...);
  (add_pair_derivative<turned, true, U>(k, b, d, j, o), ...);
  (add_pair_derivative<turned, false, L>(k, b, d, j, o), ...);
  // The disc normal n = (s0·c − c0·s, c0·c + s0·s) of the pelvis's direction: dn = ⊥n·dq.
  constexpr std::size_t pelvis = static_cast<std::size_t>(BodySegment::pelvis);
  const double pc = b.cos_q[pelvis][j], ps = b.sin_q[pelvis][j], dq = d.q[pelvis][j];
  o.sum[disc_normal_x] = -(k.c0 * pc + k.s0 * ps) * dq;
  o.sum[disc_normal_y] = (k.s0 * pc - k.c0 * ps) * dq;
  ((sum[C][j] = o.sum[C]), ...);
}

/// The sums' derivatives over a block, from the block's directions and rates and one parameter's
/// angle derivatives: the same loop as block_about_l5s1(), so that it vectorises (the chains are
/// copied here, as there, so that the compiler sees that they do not alias the block). `turned`:
/// the segments whose derivatives d may hold (turned_segments()).
template <unsigned turned, class Scalar>
STRIDELOAD_BLOCK_KERNEL void block_sum_derivatives(const BodyChains<Scalar>& chains, const BodyBlock<Scalar>& b,
                                                   const BlockAngleDerivatives& d,
                                                   Scalar (&sum)[16][body_block_size]) {
  const ChainConstants<Scalar> k = chain_constants(chains);
  Scalar out[16][body_block_size];  // local, so that the compiler sees that it does not alias the block
  for (int j = 0; j < body_block_size; ++j)
    sum_derivatives_at<turned>(k, b, d, j, out, std::make_index_sequence<body_segment_count>{},
                       std::make_index_sequence<BodyChains<double>::pair_count(true)>{},
                       std::make_index_sequence<BodyChains<double>::pair_count(false)>{},
                       std::make_index_sequence<16>{});
  for (int c = 0; c < 16; ++c)
    for (int j = 0; j < body_block_size; ++j) sum[c][j] = out[c][j];
}

/// The chain rule over a block: adds weight × one pose parameter's derivatives of the sums to a
/// variable's (sets them, if `first`).
template <class Scalar>
STRIDELOAD_BLOCK_KERNEL void add_weighted(Scalar weight, const Scalar (&by_parameter)[16][body_block_size], bool first,
                                          Scalar (&by_variable)[16][body_block_size]) {
  for (int c = 0; c < 16; ++c)
    for (int j = 0; j < body_block_size; ++j)
      by_variable[c][j] = (first ? Scalar(0) : by_variable[c][j]) + weight * by_parameter[c][j];
}

}  // namespace detail

/// Poses the body at `count` samples, at times time_of(i) since touchdown (s), as sample_body()
/// does, and gives each sample's sums about L5/S1 with their derivatives with respect to N
/// variables x of the caller's, given how the pose parameters depend on them: `chain`(p, v) =
/// ∂(PoseParameter p)/∂x_v. Calls visit(i, sums) with the sums as AutoDiff<N>, derivative v being
/// ∂sum/∂x_v = Σ_p ∂sum/∂p · chain(p, v) (the chain rule). With the identity as `chain`, the
/// derivatives are by pose parameter. The values are sample_body()'s, bit for bit. Never
/// allocates or throws.
template <int N, class TimeOf, class Visit>
void sample_body_with_derivatives(const BodyModel<double>& body, const ResolvedForm<double>& form,
                                  const LegShape<double>& shape,
                                  const Eigen::Matrix<double, pose_parameter_count, N>& chain, Eigen::Index count,
                                  TimeOf&& time_of, Visit&& visit) {
  constexpr int size = body_block_size;
  const BodyChains<double> chains(body);
  detail::BlockAngleDerivatives by_rate, by_offset;
  for (int seg = 0; seg < body_segment_count; ++seg)
    for (int j = 0; j < size; ++j) by_offset.q[seg][j] = by_offset.qd[seg][j] = by_offset.qdd[seg][j] = 0.0;
  double by_parameter[16][size];  // one pose parameter's derivatives of the sums
  double by_variable[N][16][size];
  double time[size];
  detail::for_each_body_block(body, form, shape, count, time_of,
                              [&](Eigen::Index first, int m, const detail::BodyBlock<double>& b) {
    for (int j = 0; j < size; ++j) time[j] = j < m ? time_of(first + j) : 0.0;
    // Each pose parameter in turn, as a constant, so that its kernel leaves out at compile time
    // the segments it does not turn.
    detail::unrolled([&](auto index) {
      constexpr auto p = static_cast<int>(decltype(index)::value);
      constexpr auto parameter = static_cast<PoseParameter>(p);
      constexpr unsigned turned = detail::turned_segments(parameter);
      if constexpr (parameter == PoseParameter::phase_rate) {
        detail::block_rate_derivatives(form, shape, b, time, by_rate);
        detail::block_sum_derivatives<turned>(chains, b, by_rate, by_parameter);
      } else {
        detail::write_offset_derivatives(parameter, form, b, 1.0, by_offset);
        detail::block_sum_derivatives<turned>(chains, b, by_offset, by_parameter);
        detail::write_offset_derivatives(parameter, form, b, 0.0, by_offset);
      }
      // The chain rule; most pose parameters depend on few variables, so zero weights are skipped.
      for (int v = 0; v < N; ++v)
        if (p == 0 || chain(p, v) != 0.0) detail::add_weighted(chain(p, v), by_parameter, p == 0, by_variable[v]);
    }, std::make_index_sequence<pose_parameter_count>{});
    for (int j = 0; j < m; ++j)
      visit(first + j, detail::sums_from_components<AutoDiff<N>>([&](int c) {
              AutoDiff<N> x;
              x.value() = b.sum[c][j];
              for (int v = 0; v < N; ++v) x.derivatives()[v] = by_variable[v][c][j];
              return x;
            }));
  });
}

}  // namespace strideload
