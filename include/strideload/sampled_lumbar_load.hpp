#pragma once
/// @file sampled_lumbar_load.hpp
/// The L5/S1 load at every sample of a step, computed a block of samples at a time as
/// structure-of-arrays, as sampled_body.hpp poses the body.
///
/// Why: sample by sample, turn_upper_body() and lumbar_load() are a chain of small scalar and
/// 2-vector operations that neither vectorises nor pipelines; the stage was the largest single cost
/// of an analysis after the body was put in blocks (docs/performance.md). The block kernel repeats
/// their formulas in the same order of operations, so the results are the same to the last bit;
/// tests/test_sampled_lumbar_load.cpp checks them against the sample-by-sample stage.

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <type_traits>

#include "body_about_l5s1.hpp"
#include "body_model.hpp"
#include "lumbar_load.hpp"
#include "multiversion.hpp"
#include "runner.hpp"
#include "sampled_body.hpp"
#include "stance.hpp"
#include "step_series.hpp"
#include "turning_direction.hpp"

namespace strideload {

namespace detail {

/// The L5/S1 load of sample i of a sampled step: the body's sums turned by the trunk correction
/// (its acceleration by central differences over the periodic step), the hips moving so that the
/// whole-body COM follows the GRF, then lumbar_load(). Never allocates or throws.
template <class Scalar>
void lumbar_load_at(const RunnerModel<Scalar>& runner, const BodyModel<Scalar>& body,
                    const Stance<Scalar>& stance, StepSeries<Scalar>& s, Eigen::Index i) {
  using Vec = Eigen::Matrix<Scalar, 2, 1>;
  using Real = plain_number_t<Scalar>;  // the sample times and constants carry no derivatives
  const Eigen::Index n = s.size();
  const Real two_dt = Real(2) * Real(value_of(s.time[1]) - value_of(s.time[0]));
  const Eigen::Index before = i > 0 ? i - 1 : n - 2, after = i + 1 < n ? i + 1 : 1;
  const AngleState<Scalar> correction{
      s.trunk_correction[i], s.trunk_correction_rate[i],
      (s.trunk_correction_rate[after] - s.trunk_correction_rate[before]) / two_dt};
  const BodyAboutL5S1<Scalar> b = turn_upper_body(s.body_sums[static_cast<std::size_t>(i)], correction);
  const Vec com_acceleration(s.hgrf[i] / runner.mass, s.vgrf[i] / runner.mass - Real(standard_gravity));
  // The centre of pressure relative to the COM.
  const Vec cop(s.cop_x[i] - s.com_x[i], -(stance.touchdown_height + s.com_z[i]));
  const LumbarLoad<Scalar> l = lumbar_load(body, b, com_acceleration, cop, Vec(s.hgrf[i], s.vgrf[i]));
  s.compression[i] = l.compression;
  s.ap_shear[i] = l.ap_shear;
  s.extension_moment[i] = l.moment;
  s.residual_moment[i] = l.moment - l.moment_bottom_up;
}

/// One block of samples of the load, structure-of-arrays: what lumbar_load_at() reads and writes,
/// each an array over the block's samples.
template <class Scalar>
struct LoadBlock {
  /// Samples per block.
  static constexpr int size = body_block_size;
  Scalar sum[16][size];  ///< the body's sums before the trunk correction, in the order of BlockSum
  ///@{
  /// The trunk correction: angle (rad) and rate (rad/s), and the rates a sample before and after
  /// (periodic), whose difference gives its acceleration.
  Scalar q[size], qd[size], qd_before[size], qd_after[size];
  ///@}
  ///@{
  /// The ground reaction force, N.
  Scalar hgrf[size], vgrf[size];
  ///@}
  ///@{
  /// The centre of pressure relative to the whole-body COM, m.
  Scalar cop_x[size], cop_z[size];
  ///@}
  ///@{
  /// The outputs: as StepSeries' compression, ap_shear, extension_moment and residual_moment.
  Scalar compression[size], ap_shear[size], moment[size], residual[size];
  ///@}
};

/// The constants of a step's load, copied so that the compiler sees that they do not alias the
/// block.
template <class Scalar>
struct LoadConstants {
  Scalar runner_mass;  ///< RunnerModel::mass, kg
  Scalar body_mass;    ///< BodyModel::mass, kg
  Scalar mass_above;   ///< BodyModel::mass_above_l5s1, kg
  Scalar two_dt;       ///< twice the sampling interval, s
  ///@{
  /// cos and sin of extensor_line_angle.
  Scalar cos_alpha, sin_alpha;
  ///@}
};

/// lumbar_load_at() over a block, from the block's inputs into its outputs: turn_upper_body()
/// (with the correction's cosine and sine by small_angle_cos_sin()'s series; the caller redoes any
/// sample whose correction is too large for it) and lumbar_load() of the sums, the same formulas in
/// the same order, sample by sample in one loop without calls, so that it vectorises.
template <class Scalar>
STRIDELOAD_BLOCK_KERNEL void block_lumbar_load(const LoadConstants<Scalar>& k, LoadBlock<Scalar>& b) {
  const Scalar runner_mass = k.runner_mass, body_mass = k.body_mass, mass_above = k.mass_above;
  const Scalar g = Scalar(standard_gravity), cos_alpha = k.cos_alpha, sin_alpha = k.sin_alpha, two_dt = k.two_dt;
  for (int j = 0; j < LoadBlock<Scalar>::size; ++j) {
    // turn_upper_body(): the correction's cosine and sine (small_angle_cos_sin()), then the
    // upper sums turned.
    const Scalar x = b.q[j], qd = b.qd[j], qdd = (b.qd_after[j] - b.qd_before[j]) / two_dt;
    const Scalar x2 = Scalar(x * x);
    const Scalar s = Scalar(x * (Scalar(1) - x2 * Scalar(1.0 / 6) * (Scalar(1) - x2 * Scalar(1.0 / 20) * (Scalar(1) - x2 * Scalar(1.0 / 42)))));
    const Scalar c = Scalar(Scalar(1) - x2 * Scalar(0.5) *
                                            (Scalar(1) - x2 * Scalar(1.0 / 12) * (Scalar(1) - x2 * Scalar(1.0 / 30) * (Scalar(1) - x2 * Scalar(1.0 / 56)))));
    const Scalar mx = c * b.sum[upper_mass_moment_x][j] - s * b.sum[upper_mass_moment_y][j];
    const Scalar my = s * b.sum[upper_mass_moment_x][j] + c * b.sum[upper_mass_moment_y][j];
    const Scalar px = c * b.sum[upper_momentum_x][j] - s * b.sum[upper_momentum_y][j];
    const Scalar py = s * b.sum[upper_momentum_x][j] + c * b.sum[upper_momentum_y][j];
    const Scalar two_qd = Scalar(2) * qd, qd2 = qd * qd;
    const Scalar uax = c * b.sum[upper_mass_acceleration_x][j] - s * b.sum[upper_mass_acceleration_y][j] +
                       two_qd * Scalar(-py) + qdd * Scalar(-my) - qd2 * mx;
    const Scalar uay = s * b.sum[upper_mass_acceleration_x][j] + c * b.sum[upper_mass_acceleration_y][j] +
                       two_qd * px + qdd * mx - qd2 * my;
    const Scalar upper_moment =
        b.sum[BlockSum::upper_moment][j] + two_qd * b.sum[upper_spread_rate][j] + qdd * b.sum[upper_inertia][j];
    // lumbar_load() of the turned sums: L5/S1's acceleration relative to the COM's, the
    // segments' force and moments, the bottom-up moment.
    const Scalar hgrf = b.hgrf[j], vgrf = b.vgrf[j];
    const Scalar ax = b.sum[lower_mass_acceleration_x][j] + uax, ay = b.sum[lower_mass_acceleration_y][j] + uay;
    const Scalar sx = b.sum[lower_mass_moment_x][j] + mx, sy = b.sum[lower_mass_moment_y][j] + my;
    const Scalar ex = hgrf / runner_mass - ax / body_mass;
    const Scalar ey = Scalar(vgrf / runner_mass - g) - ay / body_mass + g;  // − (−g): the gravity
    const Scalar fx = mass_above * ex + uax, fy = mass_above * ey + uay;
    const Scalar moment = upper_moment + (mx * ey - my * ex);
    const Scalar below = b.sum[lower_moment][j] + (b.sum[lower_mass_moment_x][j] * ey - b.sum[lower_mass_moment_y][j] * ex);
    const Scalar lever_x = b.cop_x[j] + sx / body_mass, lever_z = b.cop_z[j] + sy / body_mass;
    const Scalar bottom_up = (lever_x * vgrf - lever_z * hgrf) - below;
    // hold_and_resolve() on the disc plane.
    const Scalar nx = b.sum[disc_normal_x][j], ny = b.sum[disc_normal_y][j];
    // max(moment, 0)/arm as max(moment/arm, 0), the same numbers: divided first, so that the
    // compiler cannot move the division into a branch (which stops the vectoriser).
    const Scalar extension = moment / Scalar(extensor_moment_arm);
    const Scalar flexion = Scalar(-moment) / Scalar(abdominal_moment_arm);
    const Scalar extensor = extension < Scalar(0) ? Scalar(0) : extension;
    const Scalar abdominal = flexion < Scalar(0) ? Scalar(0) : flexion;
    b.compression[j] = fx * nx + fy * ny + extensor * cos_alpha + abdominal;
    b.ap_shear[j] = Scalar(-(fx * ny + fy * Scalar(-nx))) - extensor * sin_alpha;
    b.moment[j] = moment;
    b.residual[j] = moment - bottom_up;
  }
}

/// sample_lumbar_load() a block of body_block_size samples at a time (see the file's comment).
template <class Scalar>
void sample_lumbar_load_in_blocks(const RunnerModel<Scalar>& runner, const BodyModel<Scalar>& body,
                                  const Stance<Scalar>& stance, StepSeries<Scalar>& s) {
  using std::abs;
  constexpr int size = LoadBlock<Scalar>::size;
  static const double cos_alpha = std::cos(extensor_line_angle), sin_alpha = std::sin(extensor_line_angle);
  const Eigen::Index n = s.size();
  const Scalar dt = s.time[1] - s.time[0];
  const LoadConstants<Scalar> k{runner.mass, body.mass, body.mass_above_l5s1, Scalar(2) * dt,
                                Scalar(cos_alpha), Scalar(sin_alpha)};
  LoadBlock<Scalar> b;
  for (Eigen::Index first = 0; first < n; first += size) {
    const int m = static_cast<int>(std::min<Eigen::Index>(size, n - first));
    bool small = true;
    for (int j = 0; j < size; ++j) {
      if (j >= m) {  // past the step's end: a still, unloaded upright body (computed, not kept)
        for (auto& row : b.sum) row[j] = Scalar(0);
        b.q[j] = b.qd[j] = b.qd_before[j] = b.qd_after[j] = b.hgrf[j] = b.vgrf[j] = b.cop_x[j] = b.cop_z[j] = Scalar(0);
        continue;
      }
      const Eigen::Index i = first + j;
      const BodyAboutL5S1<Scalar>& sums = s.body_sums[static_cast<std::size_t>(i)];
      b.sum[upper_mass_moment_x][j] = sums.upper_mass_moment.x();
      b.sum[upper_mass_moment_y][j] = sums.upper_mass_moment.y();
      b.sum[upper_momentum_x][j] = sums.upper_momentum.x();
      b.sum[upper_momentum_y][j] = sums.upper_momentum.y();
      b.sum[upper_mass_acceleration_x][j] = sums.upper_mass_acceleration.x();
      b.sum[upper_mass_acceleration_y][j] = sums.upper_mass_acceleration.y();
      b.sum[upper_moment][j] = sums.upper_moment;
      b.sum[upper_inertia][j] = sums.upper_inertia;
      b.sum[upper_spread_rate][j] = sums.upper_spread_rate;
      b.sum[lower_mass_moment_x][j] = sums.lower_mass_moment.x();
      b.sum[lower_mass_moment_y][j] = sums.lower_mass_moment.y();
      b.sum[lower_mass_acceleration_x][j] = sums.lower_mass_acceleration.x();
      b.sum[lower_mass_acceleration_y][j] = sums.lower_mass_acceleration.y();
      b.sum[lower_moment][j] = sums.lower_moment;
      b.sum[disc_normal_x][j] = sums.disc_normal.x();
      b.sum[disc_normal_y][j] = sums.disc_normal.y();
      // As lumbar_load_at().
      const Eigen::Index before = i > 0 ? i - 1 : n - 2, after = i + 1 < n ? i + 1 : 1;
      b.q[j] = s.trunk_correction[i];
      b.qd[j] = s.trunk_correction_rate[i];
      b.qd_before[j] = s.trunk_correction_rate[before];
      b.qd_after[j] = s.trunk_correction_rate[after];
      b.hgrf[j] = s.hgrf[i];
      b.vgrf[j] = s.vgrf[i];
      b.cop_x[j] = s.cop_x[i] - s.com_x[i];
      b.cop_z[j] = -(stance.touchdown_height + s.com_z[i]);
      small = small && abs(b.q[j]) <= Scalar(small_angle_limit);
    }
    block_lumbar_load(k, b);
    for (int j = 0; j < m; ++j) {
      s.compression[first + j] = b.compression[j];
      s.ap_shear[first + j] = b.ap_shear[j];
      s.extension_moment[first + j] = b.moment[j];
      s.residual_moment[first + j] = b.residual[j];
    }
    // A correction too large for the series takes the library's cosine and sine, sample by sample.
    if (!small)
      for (int j = 0; j < m; ++j)
        if (!(abs(b.q[j]) <= Scalar(small_angle_limit))) lumbar_load_at(runner, body, stance, s, first + j);
  }
}
}  // namespace detail

/// Fills the L5/S1 series of a sampled step: the body's sums turned by the trunk correction, its
/// hips moving so that the whole-body COM follows the GRF, then the top-down load and its
/// bottom-up check. Works a block of body_block_size samples at a time (see the file's comment);
/// numbers that carry derivatives one sample at a time. Never allocates or throws.
template <class Scalar>
void sample_lumbar_load(const RunnerModel<Scalar>& runner, const BodyModel<Scalar>& body,
                        const Stance<Scalar>& stance, StepSeries<Scalar>& s) {
  if constexpr (std::is_arithmetic_v<Scalar>) {
    detail::sample_lumbar_load_in_blocks(runner, body, stance, s);
  } else {
    for (Eigen::Index i = 0; i < s.size(); ++i) detail::lumbar_load_at(runner, body, stance, s, i);
  }
}

}  // namespace strideload
