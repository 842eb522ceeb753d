#pragma once
/// @file step_series.hpp
/// One step sampled from touchdown to the next touchdown: ground reaction forces and the centre of
/// mass's motion, as structure-of-arrays.

#include <Eigen/Core>
#include <cmath>

#include "form.hpp"
#include "runner.hpp"
#include "stance.hpp"
#include "scalar.hpp"

namespace strideload {

/// The time series of one step. Forces in N, positions in m, velocities in m/s.
template <class Scalar = double>
struct StepSeries {
  /// One value per sample.
  using Array = Eigen::Array<Scalar, Eigen::Dynamic, 1>;
  Array time;         ///< s after touchdown
  Array vgrf;         ///< vertical ground reaction force, N
  Array hgrf;         ///< fore–aft ground reaction force, N (negative: braking)
  Array com_z;        ///< COM height relative to touchdown, m
  Array com_vz;       ///< COM vertical velocity, m/s
  Array com_x;        ///< COM horizontal position relative to the first contact point, m
  Array cop_x;        ///< centre of pressure relative to the first contact point, m (stance only)
  Array com_vx;       ///< COM horizontal velocity, m/s
  Array compression;        ///< L5/S1 compression, N
  Array ap_shear;           ///< L5/S1 anterior shear, N (positive: L5 pushed forward on S1)
  Array extension_moment;   ///< net L5/S1 moment on the trunk, N·m (positive: extension)
  Array residual_moment;    ///< top-down minus bottom-up L5/S1 moment, N·m
  Array trunk_correction;   ///< rotation added to the upper body about L5/S1 (see body_pose.hpp), rad
  Array trunk_correction_rate;  ///< its angular velocity, rad/s

  /// Number of samples.
  Eigen::Index size() const { return time.size(); }
  /// Sizes every array for n samples; allocates only if the capacity changes.
  void resize(Eigen::Index n) {
    for (Array* a : {&time, &vgrf, &hgrf, &com_z, &com_vz, &com_x, &cop_x, &com_vx, &compression,
                      &ap_shear, &extension_moment, &residual_moment, &trunk_correction,
                      &trunk_correction_rate}) a->resize(n);
  }
};

/// Number of samples of a step of duration T at `rate` Hz: t = i/rate for 0 ≤ t ≤ T.
template <class Scalar>
Eigen::Index samples_per_step(Scalar step_time, double rate_hz) {
  using std::floor;
  return static_cast<Eigen::Index>(floor(value_of(step_time) * rate_hz + 1e-9)) + 1;
}

/// Fixed-point passes between the horizontal force and the COM's horizontal motion it causes.
/// The speed varies by a few per cent over a step, so three passes converge to well below 1e-6.
constexpr int horizontal_passes = 3;

/// Centre of pressure along the foot at time t, m from the first contact point: it rolls at a
/// steady rate from the first contact to the toe tip (twice the pivot offset) over the contact.
template <class Scalar>
Scalar centre_of_pressure(const Stance<Scalar>& stance, Scalar t) {
  const Scalar roll = Scalar(2) * stance.pivot_offset;
  if (t >= stance.contact_time) return roll;
  return roll * t / stance.contact_time;
}

/// Samples the step into `out`, which must already have samples_per_step() rows.
/// Vertical motion is exact (closed form). The ground reaction force acts at the centre of
/// pressure and points at the centre of mass (science.md §2: in a spring-mass model the force is
/// along the leg), Fx = Fz·(x_COM − x_COP)/y_COM: braking while the COM is behind the foot,
/// propulsion after. Through the COM, it leaves the body's angular momentum unchanged. The COP's
/// heel-to-toe roll is shifted by one constant, so that the net horizontal impulse is zero, as it
/// must be at constant speed (−1.5 cm at 3 m/s: the early impact makes the force asymmetric).
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
    out.cop_x[i] = centre_of_pressure(stance, t);
    out.com_vx[i] = form.speed;
  }
  const Scalar duration = out.time[n - 1];
  for (int pass = 0; pass < horizontal_passes; ++pass) {
    for (Eigen::Index i = 0; i < n; ++i) out.cop_x[i] = centre_of_pressure(stance, out.time[i]);
    // Horizontal position from the current velocity (trapezoid rule), starting `landing` behind
    // the first contact point.
    out.com_x[0] = -form.landing;
    for (Eigen::Index i = 1; i < n; ++i)
      out.com_x[i] = out.com_x[i - 1] + Scalar(0.5) * dt * (out.com_vx[i] + out.com_vx[i - 1]);
    // The shift: ∫ Fz (x − x_COP − shift)/y dt = 0, with the trapezoid weights of the impulse.
    Scalar num = Scalar(0), den = Scalar(0);
    for (Eigen::Index i = 0; i < n; ++i) {
      const Scalar w = (i == 0 || i == n - 1) ? Scalar(0.5) : Scalar(1);
      const Scalar lever = w * out.vgrf[i] / (stance.touchdown_height + out.com_z[i]);
      num += lever * (out.com_x[i] - out.cop_x[i]);
      den += lever;
    }
    const Scalar shift = num / den;
    for (Eigen::Index i = 0; i < n; ++i) {
      out.cop_x[i] += shift;
      out.hgrf[i] = out.vgrf[i] * (out.com_x[i] - out.cop_x[i]) / (stance.touchdown_height + out.com_z[i]);
    }
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
