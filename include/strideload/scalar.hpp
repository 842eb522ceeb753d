#pragma once
/// @file scalar.hpp
/// What the model needs of its scalar type beyond arithmetic: the plain value, for checks and
/// messages. The model is templated on the scalar so that the same code runs in double, in float
/// and with forward-mode automatic differentiation (Eigen's AutoDiffScalar, whose value() is the
/// plain number and whose derivatives ride along).

#include <type_traits>
#include <utility>

namespace strideload {

/// The plain value of a number, as double.
template <class Scalar, std::enable_if_t<std::is_arithmetic_v<Scalar>, int> = 0>
double value_of(Scalar x) {
  return static_cast<double>(x);
}

/// The plain value of an automatic-differentiation scalar (anything with value()), as double;
/// nested ones unwrap recursively.
template <class Scalar, std::enable_if_t<!std::is_arithmetic_v<Scalar>, int> = 0>
double value_of(const Scalar& x) {
  return value_of(x.value());
}

}  // namespace strideload
