#pragma once
/// @file turning_direction.hpp
/// Cosine and sine of an angle that turns a little from one sample to the next, without a library
/// call per sample: the last direction is turned by the small difference, whose cosine and sine
/// come from their Taylor series.
///
/// Why: a step has hundreds of equally spaced samples and every segment turns by a few hundredths
/// of a radian between two of them; a library sincos per segment and sample was the largest cost
/// of an analysis (docs/performance.md).

#include <Eigen/Core>
#include <cmath>
#include <type_traits>

#include "multiversion.hpp"
#include "scalar.hpp"

namespace strideload {

/// Largest angle, rad, for which small_angle_cos_sin() applies: 1/16. Its series stop at x⁷/7!
/// and x⁸/8!, so they are off by at most x⁹/9! ≈ 4·10⁻¹⁷ (sine) and x¹⁰/10! ≈ 3·10⁻¹⁹ (cosine):
/// below the rounding of a double near one.
constexpr double small_angle_limit = 1.0 / 16.0;

/// cos x and sin x for |x| ≤ small_angle_limit from their Taylor series (exact to rounding in
/// double, see small_angle_limit); for larger |x|, the library's. Never allocates or throws.
template <class Scalar>
void small_angle_cos_sin(const Scalar& x, Scalar& c, Scalar& s) {
  using std::abs;
  if (!(abs(value_of(x)) <= small_angle_limit)) {
    using std::cos;
    using std::sin;
    c = cos(x);
    s = sin(x);
    return;
  }
  // Horner in x², multiplying by the reciprocals (a division costs several multiplications).
  const Scalar x2 = Scalar(x * x);
  s = Scalar(x * (Scalar(1) - x2 * Scalar(1.0 / 6) * (Scalar(1) - x2 * Scalar(1.0 / 20) * (Scalar(1) - x2 * Scalar(1.0 / 42)))));
  c = Scalar(Scalar(1) - x2 * Scalar(0.5) *
                             (Scalar(1) - x2 * Scalar(1.0 / 12) * (Scalar(1) - x2 * Scalar(1.0 / 30) * (Scalar(1) - x2 * Scalar(1.0 / 56)))));
}

/// The direction (cos q, sin q) of an angle q followed from sample to sample: each turn_to()
/// turns the last direction by the change of q (small_angle_cos_sin()). Rounding would build up
/// over many turns, so every `resync_every`-th turn, and any turn too large for the series, takes
/// the library's cosine and sine instead: the error stays below 10⁻¹³ (tests). Never allocates or
/// throws.
template <class Scalar>
class TurningDirection {
 public:
  /// Library calls at most once per this many turns.
  static constexpr int resync_every = 64;

  /// Moves to angle q, rad.
  void turn_to(const Scalar& q) {
    if constexpr (carries_first_derivatives_v<Scalar>) {
      // The same values, followed in plain doubles; the derivatives by the chain rule,
      // d(cos q) = −sin q·dq and d(sin q) = cos q·dq, instead of through the autodiff rotation.
      plain_.turn_to(q.value());
      c_ = with_derivatives(q, plain_.cos(), -plain_.sin() * q.derivatives());
      s_ = with_derivatives(q, plain_.sin(), plain_.cos() * q.derivatives());
      return;
    }
    using std::abs;
    const Scalar step = Scalar(q - q_);
    q_ = q;
    if (turns_ == 0 || !(abs(value_of(step)) <= small_angle_limit)) {
      using std::cos;
      using std::sin;
      c_ = cos(q);
      s_ = sin(q);
      turns_ = resync_every;
      return;
    }
    --turns_;
    Scalar dc = Scalar(0), ds = Scalar(0);
    small_angle_cos_sin(step, dc, ds);
    const Scalar c = Scalar(c_ * dc - s_ * ds);
    s_ = Scalar(s_ * dc + c_ * ds);
    c_ = c;
  }
  const Scalar& cos() const { return c_; }  ///< cos q
  const Scalar& sin() const { return s_; }  ///< sin q

 private:
  Scalar q_ = Scalar(0), c_ = Scalar(1), s_ = Scalar(0);
  int turns_ = 0;  // turns left before the next library call; 0 = take the library's
  // For an autodiff Scalar, the values followed in double (unused otherwise).
  std::conditional_t<carries_first_derivatives_v<Scalar>, TurningDirection<double>, char> plain_{};
};

/// N directions followed together, as N TurningDirection in step: the same series, evaluated as
/// array expressions over all N angles at once (so that they vectorise), and all N take the
/// library's cosine and sine together, every resync_every-th turn or when any one turns too far
/// for the series. Never allocates or throws.
template <class Scalar, int N>
class TurningDirections {
 public:
  /// One value per angle.
  using Array = Eigen::Array<Scalar, N, 1>;
  /// Library calls at most once per this many turns.
  static constexpr int resync_every = TurningDirection<Scalar>::resync_every;

  /// Moves to the angles q, rad.
  void turn_to(const Array& q) {
    if constexpr (carries_first_derivatives_v<Scalar>) {
      // As TurningDirection::turn_to(): values in plain doubles, derivatives by the chain rule.
      Eigen::Array<double, N, 1> values;
      for (int k = 0; k < N; ++k) values[k] = q[k].value();
      plain_.turn_to(values);
      for (int k = 0; k < N; ++k) {
        const double c = plain_.cos()[k], s = plain_.sin()[k];
        c_[k] = with_derivatives(q[k], c, -s * q[k].derivatives());
        s_[k] = with_derivatives(q[k], s, c * q[k].derivatives());
      }
      return;
    }
    using std::abs;
    const Array step = q - q_;
    q_ = q;
    bool small = turns_ > 0;
    for (int k = 0; k < N && small; ++k) small = abs(value_of(step[k])) <= small_angle_limit;
    if (!small) {
      using std::cos;
      using std::sin;
      for (int k = 0; k < N; ++k) {
        c_[k] = cos(q[k]);
        s_[k] = sin(q[k]);
      }
      turns_ = resync_every;
      return;
    }
    --turns_;
    // small_angle_cos_sin() of every step at once.
    const Array x2 = step * step;
    const Array ds = step * (Scalar(1) - x2 * Scalar(1.0 / 6) * (Scalar(1) - x2 * Scalar(1.0 / 20) * (Scalar(1) - x2 * Scalar(1.0 / 42))));
    const Array dc = Scalar(1) - x2 * Scalar(0.5) *
                                     (Scalar(1) - x2 * Scalar(1.0 / 12) * (Scalar(1) - x2 * Scalar(1.0 / 30) * (Scalar(1) - x2 * Scalar(1.0 / 56))));
    const Array c = c_ * dc - s_ * ds;
    s_ = s_ * dc + c_ * ds;
    c_ = c;
  }
  const Array& cos() const { return c_; }  ///< cos q of each angle
  const Array& sin() const { return s_; }  ///< sin q of each angle

  /// turn_to() through `count` samples of a block laid out by angle, then by sample (q[k][j]:
  /// angle k at sample j), writing each sample's cosines and sines to c[k][j] and s[k][j]: the
  /// same results, but the steps' series are computed for all samples at once (so that they
  /// vectorise along the samples), leaving only the rotations sample by sample. Samples from
  /// `count` on are set to angle zero. Never allocates or throws.
  template <int B>
  STRIDELOAD_BLOCK_KERNEL void turn_through(const Scalar (&q)[N][B], int count, Scalar (&c)[N][B], Scalar (&s)[N][B]) {
    // The steps (in s for now), then their series into c and s; `small` as in turn_to(), per sample.
    double small[B];
    for (int j = 0; j < B; ++j) small[j] = 1.0;
    for (int k = 0; k < N; ++k) {
      s[k][0] = Scalar(q[k][0] - q_[k]);
      for (int j = 1; j < B; ++j) s[k][j] = Scalar(q[k][j] - q[k][j - 1]);
      for (int j = 0; j < B; ++j) series(small[j], c[k][j], s[k][j]);
    }
    // The turns, sample by sample.
    for (int j = 0; j < count; ++j) {
      if (turns_ == 0 || small[j] == 0.0) {
        using std::cos;
        using std::sin;
        for (int k = 0; k < N; ++k) {
          const Scalar angle = q[k][j];  // loaded once, so that the compiler makes the two one sincos
          c_[k] = cos(angle);
          s_[k] = sin(angle);
        }
        turns_ = resync_every;
      } else {
        --turns_;
        for (int k = 0; k < N; ++k) {
          const Scalar dc = c[k][j], ds = s[k][j];
          const Scalar ck = Scalar(c_[k] * dc - s_[k] * ds);
          s_[k] = Scalar(s_[k] * dc + c_[k] * ds);
          c_[k] = ck;
        }
      }
      for (int k = 0; k < N; ++k) {
        c[k][j] = c_[k];
        s[k][j] = s_[k];
      }
    }
    for (int k = 0; k < N; ++k) {
      if (count > 0) q_[k] = q[k][count - 1];
      for (int j = count; j < B; ++j) {
        c[k][j] = Scalar(1);
        s[k][j] = Scalar(0);
      }
    }
  }

 private:
  /// small_angle_cos_sin()'s series of a step (in ds) into dc and ds; sets `small` to zero if the
  /// step is too large for them. Always inlined and without branches, so that turn_through()
  /// vectorises.
  static EIGEN_ALWAYS_INLINE void series(double& small, Scalar& dc, Scalar& ds) {
    using std::abs;
    const Scalar step = ds;
    small = abs(value_of(step)) <= small_angle_limit ? small : 0.0;
    const Scalar x2 = Scalar(step * step);
    ds = Scalar(step * (Scalar(1) - x2 * Scalar(1.0 / 6) * (Scalar(1) - x2 * Scalar(1.0 / 20) * (Scalar(1) - x2 * Scalar(1.0 / 42)))));
    dc = Scalar(Scalar(1) - x2 * Scalar(0.5) *
                                (Scalar(1) - x2 * Scalar(1.0 / 12) * (Scalar(1) - x2 * Scalar(1.0 / 30) * (Scalar(1) - x2 * Scalar(1.0 / 56)))));
  }

  Array q_ = Array::Constant(Scalar(0)), c_ = Array::Constant(Scalar(1)), s_ = Array::Constant(Scalar(0));
  int turns_ = 0;  // turns left before the next library call; 0 = take the library's
  // For an autodiff Scalar, the values followed in double (unused otherwise).
  std::conditional_t<carries_first_derivatives_v<Scalar>, TurningDirections<double, N>, char> plain_{};
};

}  // namespace strideload
