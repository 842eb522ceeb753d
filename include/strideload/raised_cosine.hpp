#pragma once
/// @file raised_cosine.hpp
/// The raised-cosine force pulse of Clark, Ryan & Weyand's two-mass model (2017, J Exp Biol
/// 220:247), F(t) = (A/2)·(1 + cos(π·(t − B)/C)) for |t − B| ≤ C, generalised to a rise and a fall
/// of different lengths: half a raised cosine of half width C₁ up to the peak at B, half of one of
/// half width C₂ after it. Equal halves give Clark's pulse. The area is A·(C₁ + C₂)/2, so for a
/// given impulse and span the peak does not depend on where it falls. Closed-form first and second
/// time integrals give exact COM velocity and position.

#include <cmath>

#include "scalar.hpp"

namespace strideload {

/// One raised-cosine pulse, given by its impulse, the time of its peak, and the lengths of its
/// rise and fall.
template <class Scalar>
struct RaisedCosine {
  Scalar impulse = Scalar(0);    ///< area J, N·s
  Scalar peak_time = Scalar(0);  ///< B, s
  Scalar rise = Scalar(0);       ///< C₁, s: from the start of the pulse to its peak
  Scalar fall = Scalar(0);       ///< C₂, s: from the peak to the end of the pulse

  Scalar amplitude() const { return Real(2) * impulse / (rise + fall); }  ///< A, N (the peak force)
  Scalar start() const { return peak_time - rise; }  ///< B − C₁, s: the pulse begins
  Scalar end() const { return peak_time + fall; }    ///< B + C₂, s: the pulse ends
  /// Impulse-weighted mean time, s: B + (1/2 − 2/π²)·(C₂ − C₁), each half-cosine's centroid lying
  /// (1/2 − 2/π²)·C from its peak end. The centre B when the halves are equal.
  Scalar centroid() const { return peak_time + Real(centroid_offset()) * (fall - rise); }

  /// Force at time t, N.
  Scalar force(Scalar t) const { return state_at(t).force; }
  /// ∫ F dt from −∞ to t, N·s.
  Scalar impulse_until(Scalar t) const { return state_at(t).impulse; }
  /// ∫∫ F dt dt from −∞ to t, N·s²: the pulse's contribution to m·(displacement).
  Scalar double_integral_until(Scalar t) const { return state_at(t).double_integral; }

  /// The force and its first and second time integrals at one instant.
  struct State {
    Scalar force = Scalar(0);            ///< F(t), N
    Scalar impulse = Scalar(0);          ///< ∫ F dt, N·s
    Scalar double_integral = Scalar(0);  ///< ∫∫ F dt dt, N·s²
  };
  /// The force and both its time integrals at time t, from one sine and cosine: within each half
  /// the three share the phase φ = π·(t − B)/C.
  ///   rise, u = t − start():  ∫F = (A/2)·(u + (C₁/π)·sin φ),  ∫∫F = (A/2)·(u²/2 − (C₁/π)²·(cos φ + 1));
  ///   fall, w = t − B:        ∫F = J₁ + (A/2)·(w + (C₂/π)·sin φ),
  ///                           ∫∫F = D₁ + J₁·w + (A/2)·(w²/2 − (C₂/π)²·(cos φ − 1)),
  /// with J₁ = A·C₁/2 and D₁ = (A/2)·(1/2 − 2/π²)·C₁² the rise's impulse and double integral.
  /// `t` may be a plain number when only the pulse carries derivatives (the sampled step's
  /// times), which saves the derivatives' arithmetic on the time.
  template <class Time>
  State state_at(Time t) const {
    if (t <= start()) return {};
    if (t >= end()) return {Scalar(0), impulse, Scalar(impulse * (t - centroid()))};
    using std::cos;
    using std::sin;
    const Scalar half_a = Real(0.5) * amplitude();
    const bool rising = t < peak_time;
    const Scalar width = rising ? rise : fall;
    const Scalar w = t - peak_time;
    const Scalar phase = pi() * w / width;
    const Scalar c = cos(phase), s = sin(phase);
    const Scalar c_over_pi = width / pi();
    const Scalar force = Scalar(half_a * (Real(1) + c));
    if (rising) {
      const Scalar u = t - start();
      return {force, Scalar(half_a * (u + c_over_pi * s)),
              Scalar(half_a * (Real(0.5) * u * u - c_over_pi * c_over_pi * (c + Real(1))))};
    }
    const Scalar rise_impulse = half_a * rise;
    const Scalar rise_double = Scalar(half_a * Real(centroid_offset()) * rise * rise);
    return {force, Scalar(rise_impulse + half_a * (w + c_over_pi * s)),
            Scalar(rise_double + rise_impulse * w +
                   half_a * (Real(0.5) * w * w - c_over_pi * c_over_pi * (c - Real(1))))};
  }

 private:
  using Real = plain_number_t<Scalar>;  // constants without derivatives
  static Real pi() { return Real(3.14159265358979323846); }
  /// 1/2 − 2/π²: a half raised cosine's centroid from its peak end, per unit half width.
  static constexpr double centroid_offset() { return 0.5 - 2.0 / (3.14159265358979323846 * 3.14159265358979323846); }
};

}  // namespace strideload
