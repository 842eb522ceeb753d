#pragma once
/// @file running_kinematics.hpp
/// Sagittal joint angles of a runner over one stride, as truncated Fourier series, so that angular
/// velocities and accelerations are exact.
///
/// Source: Hamner & Delp 2013 (J Biomech 46:780), subject 1 at 3.0 m/s, CC BY, processed by
/// AddBiomechanics; mean of 2 strides (tests/data/). Fitted by docs/fit_running_kinematics.py:
/// six harmonics, worst error 0.51° (ankle). Phase 0 is touchdown of the (right) leg; one period is
/// one stride. Angles follow OpenSim's conventions, in degrees (see tests/data/README.md).

#include <array>
#include <cmath>

#include "scalar.hpp"

namespace strideload {

/// cos kφ and sin kφ for k = 0…6 at one phase: two library calls, the rest by angle addition.
/// Half a stride later, (−1)^k flips the odd harmonics (see shifted_by_half()).
template <class Scalar>
struct FourierBasis {
  ///@{
  /// cos kφ and sin kφ, k = 0…6.
  std::array<Scalar, 7> c{}, s{};
  ///@}

  /// The basis at `phase`, rad.
  explicit FourierBasis(Scalar phase) {
    using std::cos;
    using std::sin;
    harmonics(cos(phase), sin(phase));
  }
  /// From cos φ and sin φ: no library call.
  FourierBasis(Scalar cos_phase, Scalar sin_phase) { harmonics(cos_phase, sin_phase); }
  /// The basis at φ + π.
  FourierBasis shifted_by_half() const {
    FourierBasis out = *this;
    for (std::size_t k = 1; k < c.size(); k += 2) {
      out.c[k] = -c[k];
      out.s[k] = -s[k];
    }
    return out;
  }

 private:
  void harmonics(Scalar cos_phase, Scalar sin_phase) {
    c[0] = Scalar(1);
    s[0] = Scalar(0);
    c[1] = cos_phase;
    s[1] = sin_phase;
    if constexpr (carries_first_derivatives_v<Scalar>) {
      // The same values in plain doubles; the derivatives by the chain rule, d(cos kφ) =
      // −k·sin kφ·dφ and d(sin kφ) = k·cos kφ·dφ, with dφ = cos φ·d(sin φ) − sin φ·d(cos φ):
      // a few scaled vectors instead of four autodiff products per harmonic.
      const double c1 = cos_phase.value(), s1 = sin_phase.value();
      const auto dphi = (c1 * sin_phase.derivatives() - s1 * cos_phase.derivatives()).eval();
      double ck = c1, sk = s1;
      for (std::size_t k = 2; k < c.size(); ++k) {
        const double next_c = ck * c1 - sk * s1;
        sk = sk * c1 + ck * s1;
        ck = next_c;
        const double kk = static_cast<double>(k);
        c[k] = with_derivatives(cos_phase, ck, (-kk * sk) * dphi);
        s[k] = with_derivatives(cos_phase, sk, (kk * ck) * dphi);
      }
    } else {
      for (std::size_t k = 2; k < c.size(); ++k) {
        c[k] = c[k - 1] * c[1] - s[k - 1] * s[1];
        s[k] = s[k - 1] * c[1] + c[k - 1] * s[1];
      }
    }
  }
};

/// θ(φ) = Σ a_k cos kφ + b_k sin kφ, in degrees, φ in radians over one stride.
struct FourierSeries {
  std::array<double, 7> a;  ///< cosine coefficients a_0…a_6, deg
  std::array<double, 7> b;  ///< sine coefficients b_0…b_6, deg (b_0 unused)

  /// Value, first and second derivative with respect to phase (deg, deg/rad, deg/rad²).
  template <class Scalar>
  void evaluate(Scalar phase, Scalar& value, Scalar& d1, Scalar& d2) const {
    using std::cos;
    using std::sin;
    value = Scalar(a[0]);
    d1 = Scalar(0);
    d2 = Scalar(0);
    for (std::size_t k = 1; k < a.size(); ++k) {
      const Scalar kk = Scalar(static_cast<double>(k));
      const Scalar c = cos(kk * phase), s = sin(kk * phase);
      value += Scalar(a[k]) * c + Scalar(b[k]) * s;
      d1 += kk * (Scalar(b[k]) * c - Scalar(a[k]) * s);
      d2 -= kk * kk * (Scalar(a[k]) * c + Scalar(b[k]) * s);
    }
  }
  /// Value, first and second derivative with respect to phase, from a precomputed basis.
  /// With `even_only`, only the even harmonics: the average of the two steps of a stride.
  template <class Scalar>
  void evaluate(const FourierBasis<Scalar>& basis, Scalar& value, Scalar& d1, Scalar& d2,
                bool even_only = false) const {
    if constexpr (carries_first_derivatives_v<Scalar>) {
      std::array<Scalar, 3> even, odd;
      evaluate_parts(basis, even, odd, !even_only);
      value = even_only ? even[0] : Scalar(even[0] + odd[0]);
      d1 = even_only ? even[1] : Scalar(even[1] + odd[1]);
      d2 = even_only ? even[2] : Scalar(even[2] + odd[2]);
      return;
    }
    value = Scalar(a[0]);
    d1 = Scalar(0);
    d2 = Scalar(0);
    for (std::size_t k = 1; k < a.size(); ++k) {  // a fixed count, so that it unrolls
      if (even_only && k % 2 == 1) continue;
      const Scalar kk = Scalar(static_cast<double>(k));
      const Scalar c = basis.c[k], s = basis.s[k];
      value += Scalar(a[k]) * c + Scalar(b[k]) * s;
      d1 += kk * (Scalar(b[k]) * c - Scalar(a[k]) * s);
      d2 -= kk * kk * (Scalar(a[k]) * c + Scalar(b[k]) * s);
    }
  }
  /// The even harmonics (with the mean) and the odd ones apart, each as value, first and second
  /// derivative: half a stride later the odd part changes sign, so one evaluation gives both legs.
  ///
  /// For an autodiff scalar (carries_first_derivatives_v) the parts are functions of φ alone, so
  /// they are summed in plain doubles together with their third derivative, and each part's
  /// derivatives are its next derivative by phase times dφ (chain rule): the same values, and the
  /// same derivatives to rounding, for a fraction of the autodiff arithmetic. Without `odd_too`
  /// the odd part is left zero.
  template <class Scalar>
  void evaluate_parts(const FourierBasis<Scalar>& basis, std::array<Scalar, 3>& even,
                      std::array<Scalar, 3>& odd, bool odd_too = true) const {
    if constexpr (carries_first_derivatives_v<Scalar>) {
      const double c1 = basis.c[1].value(), s1 = basis.s[1].value();
      const auto dphi = (c1 * basis.s[1].derivatives() - s1 * basis.c[1].derivatives()).eval();
      double e[4] = {a[0], 0.0, 0.0, 0.0}, o[4] = {0.0, 0.0, 0.0, 0.0};
      for (std::size_t k = 1; k < a.size(); ++k) {
        if (!odd_too && k % 2 == 1) continue;
        double(&part)[4] = k % 2 == 0 ? e : o;
        const double kk = static_cast<double>(k);
        const double c = basis.c[k].value(), s = basis.s[k].value();
        part[0] += a[k] * c + b[k] * s;
        part[1] += kk * (b[k] * c - a[k] * s);
        part[2] -= kk * kk * (a[k] * c + b[k] * s);
        part[3] -= kk * kk * kk * (b[k] * c - a[k] * s);
      }
      for (std::size_t j = 0; j < 3; ++j) {
        even[j] = with_derivatives(basis.c[1], e[j], e[j + 1] * dphi);
        odd[j] = with_derivatives(basis.c[1], o[j], o[j + 1] * dphi);
      }
      return;
    }
    even = {Scalar(a[0]), Scalar(0), Scalar(0)};
    odd = {Scalar(0), Scalar(0), Scalar(0)};
    for (std::size_t k = 1; k < a.size(); ++k) {
      std::array<Scalar, 3>& part = k % 2 == 0 ? even : odd;
      const Scalar kk = Scalar(static_cast<double>(k));
      const Scalar c = basis.c[k], s = basis.s[k];
      part[0] += Scalar(a[k]) * c + Scalar(b[k]) * s;
      part[1] += kk * (Scalar(b[k]) * c - Scalar(a[k]) * s);
      part[2] -= kk * kk * (Scalar(a[k]) * c + Scalar(b[k]) * s);
    }
  }
  /// The mean over a stride, deg.
  constexpr double mean() const { return a[0]; }
  /// The sum of two patterns (an absolute segment angle from the joint angles along the chain).
  constexpr FourierSeries operator+(const FourierSeries& o) const {
    FourierSeries out{};
    for (std::size_t k = 0; k < a.size(); ++k) {
      out.a[k] = a[k] + o.a[k];
      out.b[k] = b[k] + o.b[k];
    }
    return out;
  }
};

/// Hamner & Delp 2013 subject 1, 3 m/s (generated by docs/fit_running_kinematics.py).
namespace hamner_s01 {
/// pelvis_tilt (+ posterior): end drift +1.00° removed; worst fit error 0.06°
constexpr FourierSeries pelvis_tilt{{{-8.5308, -0.0832, -0.0630, 0.0978, 0.1411, 0.0088, 0.0505}},
                                    {{0.0000, 1.5112, 1.1133, 0.0165, -0.3077, -0.0728, -0.0229}}};
/// hip_flexion_r: end drift −0.42° removed; worst fit error 0.23°
constexpr FourierSeries hip_flexion{{{19.3455, 18.7062, -4.8348, -1.9751, -0.4195, -0.1605, -0.0586}},
                                    {{0.0000, -15.1093, 5.4351, 1.3903, 0.2495, -0.0307, -0.0279}}};
/// knee_angle_r (− flexion): end drift −0.64° removed; worst fit error 0.34°
constexpr FourierSeries knee_angle{{{-49.7810, 14.9275, 11.7020, 3.9534, 0.7473, 0.2396, 0.0217}},
                                   {{0.0000, 23.4076, -20.7317, -1.5121, -0.4731, 0.0486, 0.1344}}};
/// ankle_angle_r (+ dorsiflexion): end drift −0.61° removed; worst fit error 0.51°
constexpr FourierSeries ankle_angle{{{5.8677, 12.8403, -8.1943, -2.5543, 1.5537, 0.0725, 0.1669}},
                                    {{0.0000, 2.6896, 6.0922, -4.1746, -1.3494, -0.1923, -0.3797}}};
/// lumbar_extension (+ extension): end drift −1.76° removed; worst fit error 0.08°
constexpr FourierSeries lumbar_extension{{{-3.3805, 0.5896, 0.9072, -0.0983, -0.0275, -0.0339, -0.0794}},
                                         {{0.0000, -2.2426, -2.3597, -0.0197, 0.5364, 0.0942, 0.0188}}};
/// arm_flex_r (+ shoulder flexion): end drift −0.46° removed; worst fit error 0.10°
constexpr FourierSeries arm_flex{{{-27.0870, -12.8708, -3.8308, -0.1678, -0.1619, 0.1403, 0.1032}},
                                 {{0.0000, 12.2446, 2.4331, -0.2698, -1.0179, -0.0784, -0.0344}}};
/// elbow_flex_r: end drift +0.12° removed; worst fit error 0.08°
constexpr FourierSeries elbow_flex{{{107.1461, -4.8403, 7.3158, -0.0118, 0.9072, -0.0540, -0.2688}},
                                   {{0.0000, 8.6291, -10.7197, 2.1035, 1.6368, -0.0913, 0.1173}}};
}  // namespace hamner_s01

}  // namespace strideload
