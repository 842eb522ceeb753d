#pragma once
/// @file autodiff.hpp
/// Forward-mode automatic differentiation for the model (opt-in: not part of strideload.hpp,
/// because unsupported/Eigen/AutoDiff is a heavy include).
///
/// Every function of the library is templated on its scalar. Run it on AutoDiff<N> with the inputs
/// seeded as independent variables and every output carries its derivatives with respect to them,
/// exact to rounding, in one pass.

#include <Eigen/Core>
#include <unsupported/Eigen/AutoDiff>

#include "scalar.hpp"

namespace strideload {

/// A scalar that carries its derivatives with respect to N independent variables (fixed size, so
/// it never allocates).
template <int N>
using AutoDiff = Eigen::AutoDiffScalar<Eigen::Matrix<double, N, 1>>;

/// The independent variable number `index` of N, at `value`: derivative one with respect to
/// itself, zero with respect to the others.
template <int N>
AutoDiff<N> independent_variable(double value, int index) {
  return AutoDiff<N>(value, N, index);
}

/// The derivatives an AutoDiff scalar carries (zero for a plain number).
template <int N>
Eigen::Matrix<double, N, 1> derivatives_of(const AutoDiff<N>& x) {
  return x.derivatives();
}

}  // namespace strideload
