#pragma once
/// @file step_series.hpp
/// One step sampled from touchdown to the next touchdown: ground reaction forces and the centre of
/// mass's motion, as structure-of-arrays.

#include <Eigen/Core>
#include <cmath>

#include "form.hpp"
#include "runner.hpp"
#include "stance.hpp"

namespace strideload {

/// The time series of one step. Forces in N, positions in m, velocities in m/s.
template <class Scalar = double>
struct StepSeries {
  using Array = Eigen::Array<Scalar, Eigen::Dynamic, 1>;
  Array time;         ///< s after touchdown
  Array vgrf;         ///< vertical ground reaction force, N
  Array hgrf;         ///< fore–aft ground reaction force, N (negative: braking)
  Array com_z;        ///< COM height relative to touchdown, m
  Array com_vz;       ///< COM vertical velocity, m/s
  Array com_x;        ///< COM horizontal position relative to the spring-mass pivot, m
  Array com_vx;       ///< COM horizontal velocity, m/s

  Eigen::Index size() const { return time.size(); }
  /// Sizes every array for n samples; allocates only if the capacity changes.
  void resize(Eigen::Index n) {
    for (Array* a : {&time, &vgrf, &hgrf, &com_z, &com_vz, &com_x, &com_vx}) a->resize(n);
  }
};

/// Number of samples of a step of duration T at `rate` Hz: t = i/rate for 0 ≤ t ≤ T.
template <class Scalar>
Eigen::Index samples_per_step(Scalar step_time, double rate_hz) {
  using std::floor;
  return static_cast<Eigen::Index>(floor(static_cast<double>(step_time) * rate_hz + 1e-9)) + 1;
}

/// Fixed-point passes between the horizontal force and the COM's horizontal motion it causes.
/// The speed varies by a few per cent over a step, so three passes converge to well below 1e-6.
constexpr int horizontal_passes = 3;

/// Samples the step into `out`, which must already have samples_per_step() rows.
/// Vertical motion is exact (closed form). The horizontal force follows the spring-mass leg,
/// Fx = Fz·(x − δ)/y (science.md §2): braking while the COM is behind the pivot, propulsion after.
/// δ is placed so that the net horizontal impulse is zero, as it must be at constant speed.
/// Never allocates or throws.
template <class Scalar>
void sample_step(const RunnerModel<Scalar>& runner, const ResolvedForm<Scalar>& form,
                 const Stance<Scalar>& stance, double rate_hz, StepSeries<Scalar>& out) {
  const Eigen::Index n = out.size();
  const Scalar dt = Scalar(1.0 / rate_hz);
  for (Eigen::Index i = 0; i < n; ++i) {
    const Scalar t = Scalar(static_cast<double>(i)) * dt;
    out.time[i] = t;
    out.vgrf[i] = vertical_force(stance, t);
    out.com_z[i] = com_vertical_displacement(stance, runner, t);
    out.com_vz[i] = com_vertical_velocity(stance, runner, t);
    out.com_vx[i] = form.speed;
  }
  const Scalar duration = out.time[n - 1];
  for (int pass = 0; pass < horizontal_passes; ++pass) {
    // Horizontal position from the current velocity (trapezoid rule), starting a behind the pivot.
    out.com_x[0] = -stance.sweep_half;
    for (Eigen::Index i = 1; i < n; ++i)
      out.com_x[i] = out.com_x[i - 1] + Scalar(0.5) * dt * (out.com_vx[i] + out.com_vx[i - 1]);
    // δ: ∫ Fz (x − δ)/y dt = 0, with the same trapezoid weights as the impulse below.
    Scalar num = Scalar(0), den = Scalar(0);
    for (Eigen::Index i = 0; i < n; ++i) {
      const Scalar w = (i == 0 || i == n - 1) ? Scalar(0.5) : Scalar(1);
      const Scalar lever = w * out.vgrf[i] / (stance.touchdown_height + out.com_z[i]);
      num += lever * out.com_x[i];
      den += lever;
    }
    const Scalar shift = num / den;
    for (Eigen::Index i = 0; i < n; ++i)
      out.hgrf[i] = out.vgrf[i] * (out.com_x[i] - shift) / (stance.touchdown_height + out.com_z[i]);
    // Velocity from the force, then offset so its mean over the step is the running speed.
    out.com_vx[0] = Scalar(0);
    for (Eigen::Index i = 1; i < n; ++i)
      out.com_vx[i] = out.com_vx[i - 1] + Scalar(0.5) * dt * (out.hgrf[i] + out.hgrf[i - 1]) / runner.mass;
    Scalar mean = Scalar(0);
    for (Eigen::Index i = 1; i < n; ++i)
      mean += Scalar(0.5) * dt * (out.com_vx[i] + out.com_vx[i - 1]);
    mean /= duration;
    out.com_vx += form.speed - mean;
  }
}

}  // namespace strideload
