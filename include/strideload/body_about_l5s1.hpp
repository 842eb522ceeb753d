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
#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "body_model.hpp"
#include "body_pose.hpp"
#include "scalar.hpp"
#include "turning_direction.hpp"

namespace strideload {

/// The body about L5/S1 at one instant. ρ, ρ̇ and ρ̈ are a segment COM's position, velocity and
/// acceleration relative to L5/S1 (x forward, y up), m, m/s, m/s²; q̈ its angular acceleration.
template <class Scalar = double>
struct BodyAboutL5S1 {
  /// A planar vector: forward, up.
  using Vec = Eigen::Matrix<Scalar, 2, 1>;
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

/// The body's chains about L5/S1 as constants of the body, so that its sums need only each
/// segment's direction, no segment positions (fewer operations per sample than the walk of
/// body_pose()). Each segment s has one unit axis u_s, its COM's direction from its proximal joint
/// (the pelvis's from L5/S1); a COM relative to L5/S1 is ρ_i = Σ_j L_ij·u_j over the axes of its
/// chain. Then Σ m·ρ = Σ_j A_j·u_j and Σ m·ρ × ρ̈ = Σ_jk B_jk·u_j × ü_k with the mass-weighted
/// lengths A_j = Σ_i m_i·L_ij and B_jk = Σ_i m_i·L_ij·L_ik, as in a multibody mass matrix.
template <class Scalar = double>
struct BodyChains {
  /// A planar vector: forward, up.
  using Vec = Eigen::Matrix<Scalar, 2, 1>;
  /// The segment each segment hangs from (−1: none; the trunk's and pelvis's axes start at L5/S1).
  static constexpr std::array<int, body_segment_count> parent{-1, -1, 1, 0, 3, 4, 0, 6, 7, 1, 9, 1, 11};
  /// Number of pairs of different axes on one chain (each axis with each of its ancestors),
  /// above L5/S1 (`upper`) or below.
  static constexpr std::size_t pair_count(bool upper) {
    std::size_t n = 0;
    for (int k = 0; k < body_segment_count; ++k)
      if (above_l5s1(static_cast<BodySegment>(k)) == upper)
        for (int j = parent[static_cast<std::size_t>(k)]; j >= 0; j = parent[static_cast<std::size_t>(j)]) ++n;
    return n;
  }
  /// Those pairs (ancestor, segment), as BodySegment indices.
  template <bool upper>
  static constexpr std::array<std::array<int, 2>, pair_count(upper)> pairs() {
    std::array<std::array<int, 2>, pair_count(upper)> out{};
    std::size_t n = 0;
    for (int k = 0; k < body_segment_count; ++k)
      if (above_l5s1(static_cast<BodySegment>(k)) == upper)
        for (int j = parent[static_cast<std::size_t>(k)]; j >= 0; j = parent[static_cast<std::size_t>(j)]) out[n++] = {j, k};
    return out;
  }

  std::array<Vec, body_segment_count> base;           ///< each axis at zero angle (unit)
  /// I_j + B_jj: each segment's inertia about its COM and its axis's own B, kg·m² (what q̈_j
  /// adds to Σ I·q̈ + ρ × m·ρ̈).
  std::array<Scalar, body_segment_count> own_inertia;
  std::array<Scalar, body_segment_count> mass_length;  ///< A_j, kg·m
  std::array<Scalar, pair_count(true)> upper_mass_length2;   ///< B_jk of pairs<true>(), kg·m²
  std::array<Scalar, pair_count(false)> lower_mass_length2;  ///< B_jk of pairs<false>(), kg·m²
  /// The upper part of Σ I + Σ_j B_jj, kg·m²: constant, since u_j·u_j = 1.
  Scalar upper_own_inertia = Scalar(0);

  /// The constants of `body`. Never allocates or throws.
  explicit BodyChains(const BodyModel<Scalar>& body) {
    using S = BodySegment;
    using std::sqrt;
    constexpr int n = body_segment_count;
    // L(i, j): how far along axis j the chain of segment i reaches towards its COM, m.
    std::array<std::array<Scalar, n>, n> length;
    for (auto& row : length) row.fill(Scalar(0));
    std::array<Scalar, n> com, attach;  // along the own axis to the COM; along the parent's to the joint
    const Scalar foot_r = sqrt(body.foot_com_forward * body.foot_com_forward + body.foot_com_down * body.foot_com_down);
    static const double axis = std::hypot(pelvis_axis_back, pelvis_axis_up);
    for (int s = 0; s < n; ++s) {
      const auto seg = static_cast<S>(s);
      const bool up = seg == S::trunk || seg == S::head;  // up from L5/S1; arms and legs hang
      base[s] = Vec(Scalar(0), Scalar(up ? 1 : -1));
      com[s] = segment(body, seg).com;
      attach[s] = Scalar(0);
    }
    base[static_cast<int>(S::pelvis)] = Vec(Scalar(-pelvis_axis_back / axis), Scalar(pelvis_axis_up / axis));
    com[static_cast<int>(S::pelvis)] = body.pelvis.com - body.pelvis.length;  // from L5/S1
    for (S foot : {S::stance_foot, S::swing_foot}) {
      base[static_cast<int>(foot)] = Vec(body.foot_com_forward / foot_r, -body.foot_com_down / foot_r);
      com[static_cast<int>(foot)] = foot_r;
    }
    attach[static_cast<int>(S::head)] = body.trunk.length;
    for (S arm : {S::near_upper_arm, S::far_upper_arm}) attach[static_cast<int>(arm)] = body.shoulder;
    for (S arm : {S::near_forearm, S::far_forearm}) attach[static_cast<int>(arm)] = body.upper_arm.length;
    for (S thigh : {S::stance_thigh, S::swing_thigh}) attach[static_cast<int>(thigh)] = -body.pelvis.length;
    for (S shank : {S::stance_shank, S::swing_shank}) attach[static_cast<int>(shank)] = body.thigh.length;
    for (S foot : {S::stance_foot, S::swing_foot}) attach[static_cast<int>(foot)] = body.shank.length;
    for (int i = 0; i < n; ++i) {
      length[i][i] = com[i];
      for (int j = i; parent[static_cast<std::size_t>(j)] >= 0; j = parent[static_cast<std::size_t>(j)])
        length[i][parent[static_cast<std::size_t>(j)]] = attach[j];
    }
    auto mass_length2 = [&](int j, int k) {
      Scalar b = Scalar(0);
      for (int i = 0; i < n; ++i) b += segment(body, static_cast<S>(i)).mass * length[i][j] * length[i][k];
      return b;
    };
    for (int j = 0; j < n; ++j) {
      mass_length[j] = Scalar(0);
      for (int i = 0; i < n; ++i) mass_length[j] += segment(body, static_cast<S>(i)).mass * length[i][j];
      own_inertia[j] = segment(body, static_cast<S>(j)).inertia + mass_length2(j, j);
      if (above_l5s1(static_cast<S>(j))) upper_own_inertia += own_inertia[j];
    }
    for (std::size_t p = 0; p < upper_mass_length2.size(); ++p)
      upper_mass_length2[p] = mass_length2(pairs<true>()[p][0], pairs<true>()[p][1]);
    for (std::size_t p = 0; p < lower_mass_length2.size(); ++p)
      lower_mass_length2[p] = mass_length2(pairs<false>()[p][0], pairs<false>()[p][1]);
  }
};

namespace detail {
/// Calls f(std::integral_constant<std::size_t, i>) for i = 0…N−1, unrolled at compile time, so
/// that segment and pair indices are constants in f.
template <class F, std::size_t... I>
void unrolled(F&& f, std::index_sequence<I...> /*indices*/) {
  (f(std::integral_constant<std::size_t, I>{}), ...);
}
}  // namespace detail

/// The same sums straight from the segment angles and directions, without the pose (what
/// analysis.hpp needs at every sample), from the body's constant chains. Never allocates or throws.
template <class Scalar>
BodyAboutL5S1<Scalar> about_l5s1(const BodyChains<Scalar>& chains, const SegmentAngles<Scalar>& angles,
                                 const SegmentDirections<Scalar>& direction) {
  using Vec = typename BodyAboutL5S1<Scalar>::Vec;
  constexpr int n = body_segment_count;
  BodyAboutL5S1<Scalar> out;
  std::array<Vec, n> u;  // each axis now
  // Σ m·ρ, Σ m·ρ̇ and Σ m·ρ̈ are linear in the axes and their rates; u_j × ü_j = q̈_j.
  detail::unrolled([&](auto index) {
    constexpr std::size_t s = decltype(index)::value;
    const Scalar c = direction[s].x(), sn = direction[s].y();
    const Vec& b = chains.base[s];
    u[s] = Vec(c * b.x() - sn * b.y(), sn * b.x() + c * b.y());
    const AngleState<Scalar>& q = angles.angle[s];
    const Vec perp(-u[s].y(), u[s].x());  // d/dq of u
    const Scalar a = chains.mass_length[s];
    const Vec ma = (a * q.qdd) * perp - (a * q.qd * q.qd) * u[s];
    if constexpr (above_l5s1(static_cast<BodySegment>(s))) {
      out.upper_mass_moment += a * u[s];
      out.upper_momentum += (a * q.qd) * perp;
      out.upper_mass_acceleration += ma;
      out.upper_moment += chains.own_inertia[s] * q.qdd;
    } else {
      out.lower_mass_moment += a * u[s];
      out.lower_mass_acceleration += ma;
      out.lower_moment += chains.own_inertia[s] * q.qdd;
    }
  }, std::make_index_sequence<n>{});
  // Pairs of different axes: u_j × ü_k + u_k × ü_j = (q̈_j + q̈_k)·(u_j·u_k) − (q̇_k² − q̇_j²)·(u_j × u_k),
  // and u_j·u̇_k + u_k·u̇_j = (q̇_j − q̇_k)·(u_j × u_k).
  auto pair = [&](const auto& pairs, std::size_t p, Scalar b, Scalar& dot, Scalar& cross) {
    const std::size_t j = static_cast<std::size_t>(pairs[p][0]), k = static_cast<std::size_t>(pairs[p][1]);
    dot = u[j].x() * u[k].x() + u[j].y() * u[k].y();
    cross = u[j].x() * u[k].y() - u[j].y() * u[k].x();
    const AngleState<Scalar>&qj = angles.angle[j], &qk = angles.angle[k];
    return Scalar(b * ((qj.qdd + qk.qdd) * dot - (qk.qd * qk.qd - qj.qd * qj.qd) * cross));
  };
  out.upper_inertia = chains.upper_own_inertia;
  detail::unrolled([&](auto index) {
    constexpr std::size_t p = decltype(index)::value;
    constexpr auto pairs = BodyChains<Scalar>::template pairs<true>();
    const Scalar b = chains.upper_mass_length2[p];
    Scalar dot, cross;
    out.upper_moment += pair(pairs, p, b, dot, cross);
    const AngleState<Scalar>&qj = angles.angle[static_cast<std::size_t>(pairs[p][0])],
                           &qk = angles.angle[static_cast<std::size_t>(pairs[p][1])];
    out.upper_inertia += Scalar(2) * b * dot;
    out.upper_spread_rate += b * (qj.qd - qk.qd) * cross;
  }, std::make_index_sequence<BodyChains<Scalar>::pair_count(true)>{});
  detail::unrolled([&](auto index) {
    constexpr std::size_t p = decltype(index)::value;
    Scalar dot, cross;
    out.lower_moment += pair(BodyChains<Scalar>::template pairs<false>(), p, chains.lower_mass_length2[p], dot, cross);
  }, std::make_index_sequence<BodyChains<Scalar>::pair_count(false)>{});
  out.disc_normal = detail::disc_normal(direction[static_cast<int>(BodySegment::pelvis)]);
  return out;
}

/// The same, building the body's chains first (a caller with many samples builds them once).
/// Never allocates or throws.
template <class Scalar>
BodyAboutL5S1<Scalar> about_l5s1(const BodyModel<Scalar>& body, const SegmentAngles<Scalar>& angles,
                                 const SegmentDirections<Scalar>& direction) {
  return about_l5s1(BodyChains<Scalar>(body), angles, direction);
}

/// The sums after the upper body turns rigidly about L5/S1 by `turn` (angle δ, rate δ̇ and
/// acceleration δ̈ added to every upper segment's angle, as segment_angles()' upper_correction
/// does). Each ρ becomes R(δ)·ρ, so ρ̇ gains δ̇·⊥ρ and ρ̈ gains 2δ̇·⊥ρ̇ + δ̈·⊥ρ − δ̇²·ρ (⊥ turns by
/// +90°). Exact; never allocates or throws.
template <class Scalar>
BodyAboutL5S1<Scalar> turn_upper_body(const BodyAboutL5S1<Scalar>& b, const AngleState<Scalar>& turn) {
  using Vec = typename BodyAboutL5S1<Scalar>::Vec;
  using Real = plain_number_t<Scalar>;  // constants without derivatives
  Scalar c = Scalar(1), s = Scalar(0);
  small_angle_cos_sin(turn.q, c, s);  // the correction is small: no library call
  auto rotated = [&](const Vec& v) { return Vec(c * v.x() - s * v.y(), s * v.x() + c * v.y()); };
  auto perp = [](const Vec& v) { return Vec(-v.y(), v.x()); };
  BodyAboutL5S1<Scalar> out = b;
  const Vec moment = rotated(b.upper_mass_moment), momentum = rotated(b.upper_momentum);
  out.upper_mass_moment = moment;
  out.upper_momentum = momentum + turn.qd * perp(moment);
  out.upper_mass_acceleration = rotated(b.upper_mass_acceleration) + Real(2) * turn.qd * perp(momentum) +
                                turn.qdd * perp(moment) - turn.qd * turn.qd * moment;
  // ρ × ⊥ρ̇ = ρ·ρ̇ and ρ × ⊥ρ = |ρ|²; the rotation itself leaves ρ × ρ̈ unchanged.
  out.upper_moment = b.upper_moment + Real(2) * turn.qd * b.upper_spread_rate + turn.qdd * b.upper_inertia;
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
