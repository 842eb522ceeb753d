#pragma once
/// @file step_series.hpp
/// One step sampled from touchdown to the next touchdown: ground reaction forces and the centre of
/// mass's motion, as structure-of-arrays.

#include <Eigen/Core>
#include <cmath>
#include <new>
#include <utility>
#include <vector>

#include "body_about_l5s1.hpp"
#include "form.hpp"
#include "plausible_ranges.hpp"
#include "runner.hpp"
#include "stance.hpp"
#include "scalar.hpp"

namespace strideload {

/// The time series of one step. Forces in N, positions in m, velocities in m/s.
///
/// Each series is a view of `size()` samples into storage that only grows: a step with fewer
/// samples than the largest seen so far reuses it, so the real-time path allocates nothing once
/// the storage has been sized (reserve() sizes it up front for every plausible step).
template <class Scalar = double>
struct StepSeries {
  /// Owned storage of one value per sample.
  using Array = Eigen::Array<Scalar, Eigen::Dynamic, 1>;
  /// One value per sample: a view into the storage, used like an Array of size().
  using View = Eigen::Map<Array>;
  View time{nullptr, 0};         ///< s after touchdown
  View vgrf{nullptr, 0};         ///< vertical ground reaction force, N
  View hgrf{nullptr, 0};         ///< fore–aft ground reaction force, N (negative: braking)
  View com_z{nullptr, 0};        ///< COM height relative to touchdown, m
  View com_vz{nullptr, 0};       ///< COM vertical velocity, m/s
  View com_x{nullptr, 0};        ///< COM horizontal position relative to the first contact point, m
  View cop_x{nullptr, 0};        ///< centre of pressure relative to the first contact point, m (stance only)
  View com_vx{nullptr, 0};       ///< COM horizontal velocity, m/s
  View compression{nullptr, 0};        ///< L5/S1 compression, N
  View ap_shear{nullptr, 0};           ///< L5/S1 anterior shear, N (positive: L5 pushed forward on S1)
  View extension_moment{nullptr, 0};   ///< net L5/S1 moment on the trunk, N·m (positive: extension)
  View residual_moment{nullptr, 0};    ///< top-down minus bottom-up L5/S1 moment, N·m
  View trunk_correction{nullptr, 0};   ///< rotation added to the upper body about L5/S1 (see body_pose.hpp), rad
  View trunk_correction_rate{nullptr, 0};  ///< its angular velocity, rad/s
  /// Vertical GRF over the COM's height above the ground, N/m: the fore–aft GRF per metre that the
  /// COM is ahead of the COP (zero in flight).
  View vgrf_per_height{nullptr, 0};
  /// The body summed about L5/S1 at each sample, before the trunk correction: the analysis's
  /// workspace, so that the correction turns it instead of posing the body again.
  std::vector<BodyAboutL5S1<Scalar>> body_sums;

  StepSeries() = default;
  /// A copy owns its own storage (the views are re-pointed at it).
  StepSeries(const StepSeries& o) : body_sums(o.body_sums), storage_(o.storage_), capacity_(o.capacity_) {
    point(o.size_);
  }
  /// Moves the storage; the views follow it.
  StepSeries(StepSeries&& o) noexcept
      : body_sums(std::move(o.body_sums)), storage_(std::move(o.storage_)), capacity_(o.capacity_) {
    point(o.size_);
    o.capacity_ = 0;
    o.point(0);
  }
  /// Copies into the existing storage when it is large enough (no allocation then).
  StepSeries& operator=(const StepSeries& o) {
    if (this == &o) return *this;
    reserve(o.size_);
    point(o.size_);
    for (int k = 0; k < series_count; ++k) view(k) = o.view(k);
    body_sums.assign(o.body_sums.begin(), o.body_sums.end());
    return *this;
  }
  /// Moves the storage; the views follow it.
  StepSeries& operator=(StepSeries&& o) noexcept {
    if (this == &o) return *this;
    body_sums = std::move(o.body_sums);
    storage_ = std::move(o.storage_);
    capacity_ = o.capacity_;
    point(o.size_);
    o.capacity_ = 0;
    o.point(0);
    return *this;
  }
  ~StepSeries() = default;

  /// Number of samples.
  Eigen::Index size() const { return size_; }
  /// Makes room for steps of up to n samples; allocates only if that is more than before.
  void reserve(Eigen::Index n) {
    if (n <= capacity_) return;
    storage_.resize(n * series_count);
    capacity_ = n;
    body_sums.reserve(static_cast<std::size_t>(n));
    point(size_);
  }
  /// Sizes every series for n samples; allocates only if n is more than ever before. The values
  /// are left as they were (to be overwritten).
  void resize(Eigen::Index n) {
    reserve(n);
    point(n);
    body_sums.resize(static_cast<std::size_t>(n));
  }

 private:
  // A new series goes last: column k starts k·capacity_ samples in, so moving a series to an odd
  // column would make its start's alignment, and with it the order of Eigen's vectorised sums
  // over it (mean()), depend on the largest step the workspace has held.
  static constexpr int series_count = 15;
  View& view(int k) {
    View* all[series_count] = {&time, &vgrf, &hgrf, &com_z, &com_vz, &com_x, &cop_x, &com_vx, &compression,
                               &ap_shear, &extension_moment, &residual_moment, &trunk_correction,
                               &trunk_correction_rate, &vgrf_per_height};
    return *all[k];
  }
  const View& view(int k) const { return const_cast<StepSeries*>(this)->view(k); }
  /// Points every view at its column of the storage, n samples long.
  void point(Eigen::Index n) {
    size_ = n;
    for (int k = 0; k < series_count; ++k)
      new (&view(k)) View(capacity_ > 0 ? storage_.data() + k * capacity_ : nullptr, n);
  }

  Array storage_;  ///< series_count columns of capacity_ samples
  Eigen::Index capacity_ = 0;
  Eigen::Index size_ = 0;
};

/// Number of samples of a step of duration T at `rate` Hz: t = i/rate for 0 ≤ t ≤ T.
template <class Scalar>
Eigen::Index samples_per_step(Scalar step_time, double rate_hz) {
  using std::floor;
  return static_cast<Eigen::Index>(floor(value_of(step_time) * rate_hz + 1e-9)) + 1;
}

/// The most samples a plausible step can have at `rate_hz`: a step at the lowest plausible cadence
/// (plausible_ranges.hpp). StepSeries::reserve() with it makes every later analysis allocation-free.
inline Eigen::Index max_samples_per_step(double rate_hz) {
  return samples_per_step(60.0 / ranges::cadence.min, rate_hz);
}

/// Fixed-point passes between the horizontal force and the COM's horizontal motion it causes.
/// The speed varies by a few per cent over a step, so three passes converge to well below 1e-6.
constexpr int horizontal_passes = 3;

/// Centre of pressure along the foot at time t, m from the first contact point: it rolls at a
/// steady rate from the first contact to the toe tip (twice the pivot offset) over the contact.
/// `t` may be a plain number, as RaisedCosine::state_at() allows.
template <class Scalar, class Time>
Scalar centre_of_pressure(const Stance<Scalar>& stance, Time t) {
  const Scalar roll = plain_number_t<Scalar>(2) * stance.pivot_offset;
  if (t >= stance.contact_time) return roll;
  return roll * t / stance.contact_time;
}

/// Samples the step into `out`, which must already have samples_per_step() rows.
/// Vertical motion is exact (closed form). The ground reaction force acts at the centre of
/// pressure and points at the centre of mass (science.md §2: in a spring-mass model the force is
/// along the leg), Fx = Fz·(x_COM − x_COP)/y_COM: braking while the COM is behind the foot,
/// propulsion after. Through the COM, it leaves the body's angular momentum unchanged. The COP's
/// heel-to-toe roll is shifted by one constant, so that the net horizontal impulse is zero, as it
/// must be at constant speed (−3.0 cm at 3 m/s: the early impact and active peak make the force
/// asymmetric).
/// Never allocates or throws.
template <class Scalar>
void sample_step(const RunnerModel<Scalar>& runner, const ResolvedForm<Scalar>& form,
                 const Stance<Scalar>& stance, double rate_hz, StepSeries<Scalar>& out) {
  const Eigen::Index n = out.size();
  // The sample times are plain numbers (they do not depend on the form), and so are the constants:
  // the derivatives' arithmetic is spent only on what carries derivatives.
  using Real = plain_number_t<Scalar>;
  const Real dt = Real(1.0 / rate_hz);
  auto time = [dt](Eigen::Index i) { return Real(static_cast<double>(i)) * dt; };
  for (Eigen::Index i = 0; i < n; ++i) {
    const Real t = time(i);
    out.time[i] = Scalar(t);
    const VerticalState<Scalar> vertical = vertical_state(stance, runner, t);
    out.vgrf[i] = vertical.force;
    out.com_z[i] = vertical.displacement;
    out.com_vz[i] = vertical.velocity;
    out.com_vx[i] = form.speed;
  }
  // What the passes share, computed once: Fz/y, the COP before its shift (cop_x holds it until
  // the last pass has found the shift) and the sum of the shift's trapezoid weights.
  auto weight = [n](Eigen::Index i) { return (i == 0 || i == n - 1) ? Real(0.5) : Real(1); };
  Scalar den = Scalar(0);
  for (Eigen::Index i = 0; i < n; ++i) {
    out.vgrf_per_height[i] = out.vgrf[i] / (stance.touchdown_height + out.com_z[i]);
    out.cop_x[i] = centre_of_pressure(stance, time(i));
    den += weight(i) * out.vgrf_per_height[i];
  }
  const Real duration = time(n - 1);
  const Real half_dt = Real(0.5) * dt;
  const Scalar half_dt_per_mass = half_dt / runner.mass;
  Scalar shift = Scalar(0);
  for (int pass = 0; pass < horizontal_passes; ++pass) {
    // Horizontal position from the current velocity (trapezoid rule), starting `landing` behind
    // the first contact point; with it the shift: ∫ Fz (x − x_COP − shift)/y dt = 0, with the
    // trapezoid weights of the impulse. (Running sums side by side in one loop: each waits on its
    // last addition, so two in a loop take the time of one.)
    out.com_x[0] = -form.landing;
    Scalar num = weight(0) * out.vgrf_per_height[0] * (out.com_x[0] - out.cop_x[0]);
    for (Eigen::Index i = 1; i < n; ++i) {
      out.com_x[i] = out.com_x[i - 1] + half_dt * (out.com_vx[i] + out.com_vx[i - 1]);
      num += weight(i) * out.vgrf_per_height[i] * (out.com_x[i] - out.cop_x[i]);
    }
    shift = num / den;
    for (Eigen::Index i = 0; i < n; ++i)
      out.hgrf[i] = out.vgrf_per_height[i] * (out.com_x[i] - Scalar(out.cop_x[i] + shift));
    // Velocity from the force (each sample's change first, in a loop that vectorises, then their
    // running sum beside the mean's), then offset so its mean over the step is the running speed.
    for (Eigen::Index i = 1; i < n; ++i)
      out.com_vx[i] = half_dt_per_mass * (out.hgrf[i] + out.hgrf[i - 1]);
    out.com_vx[0] = Scalar(0);
    Scalar mean = Scalar(0);
    for (Eigen::Index i = 1; i < n; ++i) {
      out.com_vx[i] += out.com_vx[i - 1];
      mean += half_dt * (out.com_vx[i] + out.com_vx[i - 1]);
    }
    mean /= duration;
    out.com_vx += form.speed - mean;
  }
  out.cop_x += shift;
}

}  // namespace strideload
