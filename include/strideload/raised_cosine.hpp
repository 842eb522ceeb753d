#pragma once
/// @file raised_cosine.hpp
/// The raised-cosine force pulse of Clark, Ryan & Weyand's two-mass model (2017, J Exp Biol
/// 220:247): F(t) = (A/2)·(1 + cos(π·(t − B)/C)) for |t − B| ≤ C, else 0; its area is A·C.
/// Closed-form first and second time integrals give exact COM velocity and position.

#include <cmath>

namespace strideload {

/// One raised-cosine pulse, given by its impulse, centre and half width.
template <class Scalar>
struct RaisedCosine {
  Scalar impulse = Scalar(0);     ///< area J = A·C, N·s
  Scalar centre = Scalar(0);      ///< B, s
  Scalar half_width = Scalar(0);  ///< C, s

  Scalar amplitude() const { return impulse / half_width; }  ///< A, N (the peak force)
  Scalar start() const { return centre - half_width; }  ///< B − C, s: the pulse begins
  Scalar end() const { return centre + half_width; }    ///< B + C, s: the pulse ends

  /// Force at time t, N.
  Scalar force(Scalar t) const {
    using std::cos;
    if (t <= start() || t >= end()) return Scalar(0);
    return Scalar(0.5) * amplitude() * (Scalar(1) + cos(pi() * (t - centre) / half_width));
  }
  /// ∫ F dt from −∞ to t, N·s.
  Scalar impulse_until(Scalar t) const {
    using std::sin;
    if (t <= start()) return Scalar(0);
    if (t >= end()) return impulse;
    const Scalar u = t - start();
    return Scalar(0.5) * amplitude() * (u - half_width / pi() * sin(pi() * u / half_width));
  }
  /// ∫∫ F dt dt from −∞ to t, N·s²: the pulse's contribution to m·(displacement).
  Scalar double_integral_until(Scalar t) const {
    using std::cos;
    if (t <= start()) return Scalar(0);
    if (t >= end()) return impulse * (t - centre);  // the pulse acts as if all at its centre
    const Scalar u = t - start();
    const Scalar c_over_pi = half_width / pi();
    return Scalar(0.5) * amplitude() *
           (Scalar(0.5) * u * u + c_over_pi * c_over_pi * (cos(pi() * u / half_width) - Scalar(1)));
  }

  /// The force and its first and second time integrals at one instant.
  struct State {
    Scalar force = Scalar(0);            ///< F(t), N
    Scalar impulse = Scalar(0);          ///< ∫ F dt, N·s (impulse_until())
    Scalar double_integral = Scalar(0);  ///< ∫∫ F dt dt, N·s² (double_integral_until())
  };
  /// force(), impulse_until() and double_integral_until() at time t from one sine and cosine: the
  /// three share the phase π·(t − B)/C (sin and cos of u = t − start() differ from it by π).
  State state_at(Scalar t) const {
    if (t <= start()) return {};
    if (t >= end()) return {Scalar(0), impulse, Scalar(impulse * (t - centre))};
    using std::cos;
    using std::sin;
    const Scalar phase = pi() * (t - centre) / half_width;
    const Scalar c = cos(phase), s = sin(phase);
    const Scalar half_a = Scalar(0.5) * amplitude();
    const Scalar u = t - start();
    const Scalar c_over_pi = half_width / pi();
    return {Scalar(half_a * (Scalar(1) + c)), Scalar(half_a * (u + c_over_pi * s)),
            Scalar(half_a * (Scalar(0.5) * u * u - c_over_pi * c_over_pi * (c + Scalar(1))))};
  }

 private:
  static Scalar pi() { return Scalar(3.14159265358979323846); }
};

}  // namespace strideload
