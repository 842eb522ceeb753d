#pragma once
/// @file sampled_body.hpp
/// The body's sums about L5/S1 at every sample of a step, computed a block of samples at a time
/// as structure-of-arrays: each quantity of a block is one fixed-size Eigen array over its
/// samples, so that the Fourier patterns, the segment angles and the sums vectorise.
///
/// Why: evaluated sample by sample, the same arithmetic is a chain of small scalar and 2-vector
/// operations that neither vectorises nor pipelines (docs/performance.md). The formulas are those
/// of segment_angles() (body_pose.hpp) and about_l5s1() with the body's chains
/// (body_about_l5s1.hpp), in the same order of operations; tests/test_sampled_body.cpp checks
/// them against those.

#include <Eigen/Core>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>

#include "body_about_l5s1.hpp"
#include "body_model.hpp"
#include "body_pose.hpp"
#include "form.hpp"
#include "multiversion.hpp"
#include "running_kinematics.hpp"
#include "step_series.hpp"
#include "turning_direction.hpp"

namespace strideload {

/// Samples per block of sample_body(): 32 keeps a block's arrays (about 80 of them, 21 kB in
/// double) in the first-level cache.
constexpr int body_block_size = 32;

namespace detail {

/// One block of samples, structure-of-arrays: the stride phase's direction, every segment's angle
/// with its rates and direction, and the body's sums, each an array over the block's samples.
template <class Scalar>
struct BodyBlock {
  /// Samples per block.
  static constexpr int size = body_block_size;
  ///@{
  /// cos φ and sin φ of the stance leg's stride phase φ.
  Scalar cos_phase[size], sin_phase[size];
  ///@}
  ///@{
  /// Each segment's angle (rad), angular velocity (rad/s) and acceleration (rad/s²), by BodySegment.
  Scalar q[body_segment_count][size], qd[body_segment_count][size], qdd[body_segment_count][size];
  ///@}
  ///@{
  /// Each segment's direction (cos q, sin q), by BodySegment.
  Scalar cos_q[body_segment_count][size], sin_q[body_segment_count][size];
  ///@}
  /// The components of BodyAboutL5S1, in the order of BlockSum.
  Scalar sum[16][size];
};

/// Where each component of BodyAboutL5S1 sits in BodyBlock::sum.
enum BlockSum : int {
  upper_mass_moment_x,
  upper_mass_moment_y,
  upper_momentum_x,
  upper_momentum_y,
  upper_mass_acceleration_x,
  upper_mass_acceleration_y,
  upper_moment,
  upper_inertia,
  upper_spread_rate,
  lower_mass_moment_x,
  lower_mass_moment_y,
  lower_mass_acceleration_x,
  lower_mass_acceleration_y,
  lower_moment,
  disc_normal_x,
  disc_normal_y
};

/// Adds harmonic k of `f` at one sample (basis c[k], s[k]) to `part`: value, first and second
/// derivative by phase, as FourierSeries::evaluate_parts() does. Always inlined, with constant
/// coefficients, so that the calling loop has no call and vectorises.
/// With four entries in `part`, also the third derivative (sampled_body_derivatives.hpp).
template <class Scalar, std::size_t orders>
EIGEN_ALWAYS_INLINE void add_harmonic(const FourierSeries& f, std::size_t k, const Scalar (&c)[7],
                                      const Scalar (&s)[7], Scalar (&part)[orders]) {
  static_assert(orders == 3 || orders == 4, "value and two or three derivatives");
  const Scalar kk = Scalar(static_cast<double>(k));
  const Scalar along = Scalar(f.a[k]) * c[k] + Scalar(f.b[k]) * s[k];
  const Scalar across = Scalar(f.b[k]) * c[k] - Scalar(f.a[k]) * s[k];
  part[0] += along;
  part[1] += kk * across;
  part[2] -= kk * kk * along;
  if constexpr (orders == 4) part[orders - 1] -= kk * kk * kk * across;
}

/// FourierSeries::evaluate_parts() at one sample, from its basis c[k], s[k] (k = 1…6); without
/// `odd_too`, only the even part (evaluate()'s even_only). With four entries per part, also the
/// third derivative.
template <class Scalar, std::size_t orders>
EIGEN_ALWAYS_INLINE void parts(const FourierSeries& f, const Scalar (&c)[7], const Scalar (&s)[7],
                               Scalar (&even)[orders], Scalar (&odd)[orders], bool odd_too) {
  even[0] = Scalar(f.a[0]);
  for (std::size_t i = 1; i < orders; ++i) even[i] = Scalar(0);
  add_harmonic(f, 2, c, s, even);
  add_harmonic(f, 4, c, s, even);
  add_harmonic(f, 6, c, s, even);
  if (!odd_too) return;
  for (std::size_t i = 0; i < orders; ++i) odd[i] = Scalar(0);
  add_harmonic(f, 1, c, s, odd);
  add_harmonic(f, 3, c, s, odd);
  add_harmonic(f, 5, c, s, odd);
}

/// cos hφ and sin hφ from harmonic h − 1 by angle addition (FourierBasis).
template <class Scalar>
EIGEN_ALWAYS_INLINE void next_harmonic(std::size_t h, Scalar (&c)[7], Scalar (&s)[7]) {
  c[h] = c[h - 1] * c[1] - s[h - 1] * s[1];
  s[h] = s[h - 1] * c[1] + c[h - 1] * s[1];
}

/// pattern_pair()'s two angles from the even and odd parts, at sample j: at the stance leg's
/// phase into segment `near`, half a stride on into `far`, each plus its `base` (q, q̇, q̈).
template <class Scalar>
EIGEN_ALWAYS_INLINE void store_pair(BodyBlock<Scalar>& b, int j, const Scalar (&even)[3],
                                    const Scalar (&odd)[3], const Scalar (&scale)[3], BodySegment near,
                                    BodySegment far, const Scalar (&base)[2][3]) {
  const int n = static_cast<int>(near), m = static_cast<int>(far);
  b.q[n][j] = Scalar((even[0] + odd[0]) * scale[0]) + base[0][0];
  b.qd[n][j] = Scalar((even[1] + odd[1]) * scale[1]) + base[0][1];
  b.qdd[n][j] = Scalar((even[2] + odd[2]) * scale[2]) + base[0][2];
  b.q[m][j] = Scalar((even[0] - odd[0]) * scale[0]) + base[1][0];
  b.qd[m][j] = Scalar((even[1] - odd[1]) * scale[1]) + base[1][1];
  b.qdd[m][j] = Scalar((even[2] - odd[2]) * scale[2]) + base[1][2];
}

/// segment_angles() over a block (without an upper-body correction), from cos_phase and sin_phase
/// into q, qd and qdd: the same formulas, sample by sample in one loop, so that it vectorises.
template <class Scalar>
STRIDELOAD_BLOCK_KERNEL void block_segment_angles(const ResolvedForm<Scalar>& form,
                                                  const LegShape<Scalar>& shape, BodyBlock<Scalar>& b) {
  namespace k = hamner_s01;
  namespace abs = absolute;
  constexpr int pelvis = static_cast<int>(BodySegment::pelvis), trunk = static_cast<int>(BodySegment::trunk),
                head = static_cast<int>(BodySegment::head);
  const Scalar r = Scalar(deg);
  const Scalar rate = stride_phase_rate(form);
  const Scalar scale[3] = {r, rate * r, rate * rate * r};
  const Scalar pelvis_offset = pelvis_angle_offset(form), trunk_offset = trunk_angle_offset(form);
  const Scalar thigh_shape = shape.thigh, ankle_shape = shape.ankle;
  for (int j = 0; j < BodyBlock<Scalar>::size; ++j) {
    Scalar c[7], s[7];  // FourierBasis
    c[0] = Scalar(1);
    s[0] = Scalar(0);
    c[1] = b.cos_phase[j];
    s[1] = b.sin_phase[j];
    next_harmonic(2, c, s);
    next_harmonic(3, c, s);
    next_harmonic(4, c, s);
    next_harmonic(5, c, s);
    next_harmonic(6, c, s);
    Scalar even[3], odd[3];
    // Pelvis and trunk: the average of the two steps (pattern() with even_only).
    parts(k::pelvis_tilt, c, s, even, odd, false);
    b.q[pelvis][j] = even[0] * r + pelvis_offset;
    b.qd[pelvis][j] = even[1] * rate * r;
    b.qdd[pelvis][j] = even[2] * rate * rate * r;
    parts(abs::trunk, c, s, even, odd, false);
    const Scalar tq = even[0] * r + trunk_offset, tqd = even[1] * rate * r, tqdd = even[2] * rate * rate * r;
    b.q[trunk][j] = b.q[head][j] = tq;
    b.qd[trunk][j] = b.qd[head][j] = tqd;
    b.qdd[trunk][j] = b.qdd[head][j] = tqdd;
    // Each pattern once for both sides (the far one is half a stride on).
    // Arms relative to the trunk.
    const Scalar upper[2][3] = {{tq, tqd, tqdd}, {tq, tqd, tqdd}};
    parts(k::arm_flex, c, s, even, odd, true);
    store_pair(b, j, even, odd, scale, BodySegment::near_upper_arm, BodySegment::far_upper_arm, upper);
    parts(abs::forearm, c, s, even, odd, true);
    store_pair(b, j, even, odd, scale, BodySegment::near_forearm, BodySegment::far_forearm, upper);
    // Legs: the offsets fade by w(φ) = (1 + cos φ)/2; the other leg's cos φ and sin φ change sign.
    const AngleState<Scalar> w[2] = {leg_offset_fade(c[1], s[1], rate), leg_offset_fade(Scalar(-c[1]), Scalar(-s[1]), rate)};
    const Scalar thigh_offset[2][3] = {{thigh_shape * w[0].q, thigh_shape * w[0].qd, thigh_shape * w[0].qdd},
                                       {thigh_shape * w[1].q, thigh_shape * w[1].qd, thigh_shape * w[1].qdd}};
    parts(abs::thigh, c, s, even, odd, true);
    store_pair(b, j, even, odd, scale, BodySegment::stance_thigh, BodySegment::swing_thigh, thigh_offset);
    parts(abs::shank, c, s, even, odd, true);
    store_pair(b, j, even, odd, scale, BodySegment::stance_shank, BodySegment::swing_shank, thigh_offset);
    parts(abs::foot, c, s, even, odd, true);
    store_pair(b, j, even, odd, scale, BodySegment::stance_foot, BodySegment::swing_foot, thigh_offset);
    // The foot also turns by the ankle offset (added after the thigh's, as segment_angles() does).
    constexpr int stance_foot = static_cast<int>(BodySegment::stance_foot),
                  swing_foot = static_cast<int>(BodySegment::swing_foot);
    b.q[stance_foot][j] += ankle_shape * w[0].q;
    b.qd[stance_foot][j] += ankle_shape * w[0].qd;
    b.qdd[stance_foot][j] += ankle_shape * w[0].qdd;
    b.q[swing_foot][j] += ankle_shape * w[1].q;
    b.qd[swing_foot][j] += ankle_shape * w[1].qd;
    b.qdd[swing_foot][j] += ankle_shape * w[1].qdd;
  }
}

/// The body's chains (BodyChains) as plain arrays, copied so that the compiler sees that they do
/// not alias the block.
template <class Scalar>
struct ChainConstants {
  ///@{
  /// See BodyChains; bx, by: its base axes' components.
  std::array<Scalar, body_segment_count> bx, by, mass_length, own_inertia;
  std::array<Scalar, BodyChains<Scalar>::pair_count(true)> upper_mass_length2;
  std::array<Scalar, BodyChains<Scalar>::pair_count(false)> lower_mass_length2;
  Scalar upper_own_inertia;
  ///@}
  ///@{
  /// cos and sin of the standing sacral slope (disc_normal()).
  Scalar c0, s0;
  ///@}
};

/// One sample's axes (each segment's u, rotated from its base axis) and running sums, in the
/// order of BlockSum.
template <class Scalar>
struct SampleSums {
  ///@{
  /// Each axis now.
  Scalar ux[body_segment_count], uy[body_segment_count];
  ///@}
  Scalar sum[16];  ///< as BodyBlock::sum
};

/// Segment s's own terms in about_l5s1() at sample j: its axis, Σ m·ρ, Σ m·ρ̇, Σ m·ρ̈ and I·q̈.
/// Always inlined, with s a constant, so that the calling loop vectorises.
template <std::size_t s, class Scalar>
EIGEN_ALWAYS_INLINE void add_segment(const ChainConstants<Scalar>& k, const BodyBlock<Scalar>& b, int j,
                                     SampleSums<Scalar>& o) {
  const Scalar c = b.cos_q[s][j], sn = b.sin_q[s][j];
  const Scalar ux = c * k.bx[s] - sn * k.by[s], uy = sn * k.bx[s] + c * k.by[s];
  o.ux[s] = ux;
  o.uy[s] = uy;
  const Scalar qd = b.qd[s][j], qdd = b.qdd[s][j];
  const Scalar a = k.mass_length[s];
  // ma = (a·q̈)·⊥u − (a·q̇·q̇)·u, with ⊥u = (−u_y, u_x) the axis's derivative by q.
  const Scalar aqdd = a * qdd, aqd2 = a * qd * qd;
  const Scalar max = aqdd * Scalar(-uy) - aqd2 * ux, may = aqdd * ux - aqd2 * uy;
  if constexpr (above_l5s1(static_cast<BodySegment>(s))) {
    o.sum[upper_mass_moment_x] += a * ux;
    o.sum[upper_mass_moment_y] += a * uy;
    o.sum[upper_momentum_x] += (a * qd) * Scalar(-uy);
    o.sum[upper_momentum_y] += (a * qd) * ux;
    o.sum[upper_mass_acceleration_x] += max;
    o.sum[upper_mass_acceleration_y] += may;
    o.sum[upper_moment] += k.own_inertia[s] * qdd;
  } else {
    o.sum[lower_mass_moment_x] += a * ux;
    o.sum[lower_mass_moment_y] += a * uy;
    o.sum[lower_mass_acceleration_x] += max;
    o.sum[lower_mass_acceleration_y] += may;
    o.sum[lower_moment] += k.own_inertia[s] * qdd;
  }
}

/// Pair p of different axes on one chain (above L5/S1 if `upper`) at sample j (see about_l5s1()).
template <bool upper, std::size_t p, class Scalar>
EIGEN_ALWAYS_INLINE void add_pair(const ChainConstants<Scalar>& k, const BodyBlock<Scalar>& b, int j,
                                  SampleSums<Scalar>& o) {
  constexpr auto pairs = BodyChains<Scalar>::template pairs<upper>();
  constexpr auto i = static_cast<std::size_t>(pairs[p][0]), l = static_cast<std::size_t>(pairs[p][1]);
  const Scalar dot = o.ux[i] * o.ux[l] + o.uy[i] * o.uy[l];
  const Scalar cross = o.ux[i] * o.uy[l] - o.uy[i] * o.ux[l];
  const Scalar qdi = b.qd[i][j], qdl = b.qd[l][j];
  if constexpr (upper) {
    const Scalar bb = k.upper_mass_length2[p];
    o.sum[upper_moment] += Scalar(bb * ((b.qdd[i][j] + b.qdd[l][j]) * dot - (qdl * qdl - qdi * qdi) * cross));
    o.sum[upper_inertia] += Scalar(2) * bb * dot;
    o.sum[upper_spread_rate] += bb * (qdi - qdl) * cross;
  } else {
    const Scalar bb = k.lower_mass_length2[p];
    o.sum[lower_moment] += Scalar(bb * ((b.qdd[i][j] + b.qdd[l][j]) * dot - (qdl * qdl - qdi * qdi) * cross));
  }
}

/// about_l5s1() at sample j of a block: every segment, the pairs above L5/S1, then those below.
template <class Scalar, std::size_t... S, std::size_t... U, std::size_t... L, std::size_t... C>
EIGEN_ALWAYS_INLINE void sums_at(const ChainConstants<Scalar>& k, BodyBlock<Scalar>& b, int j,
                                 std::index_sequence<S...> /*segments*/,
                                 std::index_sequence<U...> /*upper pairs*/,
                                 std::index_sequence<L...> /*lower pairs*/,
                                 std::index_sequence<C...> /*sums*/) {
  SampleSums<Scalar> o;
  ((o.sum[C] = Scalar(0)), ...);
  o.sum[upper_inertia] = k.upper_own_inertia;
  (add_segment<S>(k, b, j, o), ...);
  (add_pair<true, U>(k, b, j, o), ...);
  (add_pair<false, L>(k, b, j, o), ...);
  // disc_normal() of the pelvis's direction.
  constexpr std::size_t pelvis = static_cast<std::size_t>(BodySegment::pelvis);
  const Scalar pc = b.cos_q[pelvis][j], ps = b.sin_q[pelvis][j];
  o.sum[disc_normal_x] = k.s0 * pc - k.c0 * ps;
  o.sum[disc_normal_y] = k.c0 * pc + k.s0 * ps;
  ((b.sum[C][j] = o.sum[C]), ...);
}

/// The body's chains as ChainConstants, copied by a block's kernel (see ChainConstants).
template <class Scalar>
ChainConstants<Scalar> chain_constants(const BodyChains<Scalar>& chains) {
  ChainConstants<Scalar> k;
  for (std::size_t s = 0; s < static_cast<std::size_t>(body_segment_count); ++s) {
    k.bx[s] = chains.base[s].x();
    k.by[s] = chains.base[s].y();
    k.mass_length[s] = chains.mass_length[s];
    k.own_inertia[s] = chains.own_inertia[s];
  }
  k.upper_mass_length2 = chains.upper_mass_length2;
  k.lower_mass_length2 = chains.lower_mass_length2;
  k.upper_own_inertia = chains.upper_own_inertia;
  k.c0 = Scalar(std::cos(standing_sacral_slope_deg * deg));
  k.s0 = Scalar(std::sin(standing_sacral_slope_deg * deg));
  return k;
}

/// about_l5s1() from the body's chains over a block, from qd, qdd, cos_q and sin_q into sum: the
/// same formulas, sample by sample in one loop without calls, so that it vectorises.
template <class Scalar>
STRIDELOAD_BLOCK_KERNEL void block_about_l5s1(const BodyChains<Scalar>& chains, BodyBlock<Scalar>& b) {
  const ChainConstants<Scalar> k = chain_constants(chains);
  for (int j = 0; j < BodyBlock<Scalar>::size; ++j)
    sums_at(k, b, j, std::make_index_sequence<body_segment_count>{},
            std::make_index_sequence<BodyChains<Scalar>::pair_count(true)>{},
            std::make_index_sequence<BodyChains<Scalar>::pair_count(false)>{},
            std::make_index_sequence<16>{});
}

/// sample_body() one sample at a time: segment_angles(), TurningDirections::turn_to() and
/// about_l5s1() from the chains. For scalars that carry derivatives (automatic differentiation),
/// whose arithmetic does not vectorise, this is faster than the blocks; for double it is the
/// reference the blocks reproduce (tests/test_sampled_body.cpp).
template <class Scalar>
void sample_body_one_by_one(const BodyModel<Scalar>& body, const ResolvedForm<Scalar>& form,
                            const LegShape<Scalar>& shape, StepSeries<Scalar>& s) {
  const BodyChains<Scalar> chains(body);
  const Scalar phase_rate = stride_phase_rate(form);
  TurningDirection<Scalar> phase;
  TurningDirections<Scalar, body_segment_count> segment;
  typename TurningDirections<Scalar, body_segment_count>::Array q;
  SegmentDirections<Scalar> direction;
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    phase.turn_to(Scalar(phase_rate * s.time[i]));
    const SegmentAngles<Scalar> angles =
        segment_angles(form, FourierBasis<Scalar>(phase.cos(), phase.sin()), shape);
    for (int k = 0; k < body_segment_count; ++k) q[k] = angles.angle[static_cast<std::size_t>(k)].q;
    segment.turn_to(q);
    for (int k = 0; k < body_segment_count; ++k)
      direction[static_cast<std::size_t>(k)] =
          typename PointState<Scalar>::Vec(segment.cos()[k], segment.sin()[k]);
    s.body_sums[static_cast<std::size_t>(i)] = about_l5s1(chains, angles, direction);
  }
}

/// Poses the body a block of body_block_size samples at a time (see the file's comment): for each
/// block of the step's `count` samples, at times time_of(i) (s), the stride phase, every segment's
/// angle and direction and the sums about L5/S1 in `b`, then on_block(first, m, b) for its samples
/// first … first + m − 1 (the block's arrays past m hold phase zero, computed and not kept).
template <class Scalar, class TimeOf, class OnBlock>
void for_each_body_block(const BodyModel<Scalar>& body, const ResolvedForm<Scalar>& form,
                         const LegShape<Scalar>& shape, Eigen::Index count, TimeOf&& time_of, OnBlock&& on_block) {
  constexpr int n_seg = body_segment_count;
  constexpr int size = BodyBlock<Scalar>::size;
  const BodyChains<Scalar> chains(body);
  const Scalar phase_rate = stride_phase_rate(form);
  TurningDirection<Scalar> phase;
  TurningDirections<Scalar, n_seg> segment;
  BodyBlock<Scalar> b;
  for (Eigen::Index first = 0; first < count; first += size) {
    const int m = static_cast<int>(std::min<Eigen::Index>(size, count - first));
    // The stride phase, sample by sample.
    for (int j = 0; j < size; ++j) {
      if (j < m) phase.turn_to(Scalar(phase_rate * time_of(first + j)));
      b.cos_phase[j] = j < m ? phase.cos() : Scalar(1);
      b.sin_phase[j] = j < m ? phase.sin() : Scalar(0);
    }
    block_segment_angles(form, shape, b);
    // Each segment's direction, followed sample by sample, all segments together.
    segment.turn_through(b.q, m, b.cos_q, b.sin_q);
    block_about_l5s1(chains, b);
    on_block(first, m, static_cast<const BodyBlock<Scalar>&>(b));
  }
}

/// BodyAboutL5S1 from its components in the order of BlockSum, component(c) giving component c.
template <class Scalar, class Component>
BodyAboutL5S1<Scalar> sums_from_components(Component&& component) {
  BodyAboutL5S1<Scalar> out;
  out.upper_mass_moment = {component(upper_mass_moment_x), component(upper_mass_moment_y)};
  out.upper_momentum = {component(upper_momentum_x), component(upper_momentum_y)};
  out.upper_mass_acceleration = {component(upper_mass_acceleration_x), component(upper_mass_acceleration_y)};
  out.upper_moment = component(upper_moment);
  out.upper_inertia = component(upper_inertia);
  out.upper_spread_rate = component(upper_spread_rate);
  out.lower_mass_moment = {component(lower_mass_moment_x), component(lower_mass_moment_y)};
  out.lower_mass_acceleration = {component(lower_mass_acceleration_x), component(lower_mass_acceleration_y)};
  out.lower_moment = component(lower_moment);
  out.disc_normal = {component(disc_normal_x), component(disc_normal_y)};
  return out;
}

/// Sample j of a block's sums (BodyBlock::sum) as BodyAboutL5S1.
template <class Scalar>
BodyAboutL5S1<Scalar> block_sums_at(const Scalar (&sum)[16][body_block_size], int j) {
  return sums_from_components<Scalar>([&](int c) { return sum[c][j]; });
}

/// sample_body() a block of body_block_size samples at a time (for_each_body_block()).
template <class Scalar>
void sample_body_in_blocks(const BodyModel<Scalar>& body, const ResolvedForm<Scalar>& form,
                           const LegShape<Scalar>& shape, StepSeries<Scalar>& s) {
  for_each_body_block(body, form, shape, s.size(), [&](Eigen::Index i) { return s.time[i]; },
                      [&](Eigen::Index first, int m, const BodyBlock<Scalar>& b) {
                        for (int j = 0; j < m; ++j)
                          s.body_sums[static_cast<std::size_t>(first + j)] = block_sums_at(b.sum, j);
                      });
}
}  // namespace detail

/// Poses the body at every sample (segment_angles()) with the legs in `shape` (leg_shape(): shaped
/// for the form's strike and landing), and keeps what the load needs of it: its sums about L5/S1
/// (s.body_sums), from the segment directions and the body's constant chains (BodyChains), without
/// placing each segment. The stride phase and the segments turn a little between samples, so their
/// cosines and sines are followed from sample to sample (turning_direction.hpp). Works a block of
/// body_block_size samples at a time (see the file's comment); numbers that carry derivatives
/// one sample at a time (detail::sample_body_one_by_one()). Never allocates or throws.
template <class Scalar>
void sample_body(const BodyModel<Scalar>& body, const ResolvedForm<Scalar>& form, const LegShape<Scalar>& shape,
                 StepSeries<Scalar>& s) {
  if constexpr (std::is_arithmetic_v<Scalar>)
    detail::sample_body_in_blocks(body, form, shape, s);
  else
    detail::sample_body_one_by_one(body, form, shape, s);
}

/// The same with the legs shaped for the form (leg_shape()). Never allocates or throws.
template <class Scalar>
void sample_body(const BodyModel<Scalar>& body, const ResolvedForm<Scalar>& form, StepSeries<Scalar>& s) {
  sample_body(body, form, leg_shape(body, form), s);
}

}  // namespace strideload
