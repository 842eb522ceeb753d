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

/// Whether Scalar carries first derivatives of plain numbers: it has derivatives() and its value()
/// is a double (Eigen's AutoDiffScalar over a vector of doubles, not nested). For such a scalar a
/// function of one variable, f(x), can be differentiated by the chain rule, f'(x)·dx, computing f
/// and f' in plain doubles, instead of operation by operation (running_kinematics.hpp,
/// turning_direction.hpp).
template <class Scalar, class = void>
struct carries_first_derivatives : std::false_type {};
/// The specialisation for scalars with derivatives().
template <class Scalar>
struct carries_first_derivatives<Scalar, std::void_t<decltype(std::declval<const Scalar&>().derivatives())>>
    : std::is_same<std::decay_t<decltype(std::declval<const Scalar&>().value())>, double> {};
/// carries_first_derivatives<Scalar>::value.
template <class Scalar>
constexpr bool carries_first_derivatives_v = carries_first_derivatives<Scalar>::value;

/// The plain number type under a scalar: the type itself for an arithmetic type, an autodiff
/// scalar's value type (its Real) otherwise. Constants and what carries no derivatives (a step's
/// sample times) are kept in it: a product with them then scales the derivatives instead of
/// differentiating a product, and a float model stays in float.
template <class Scalar, class = void>
struct plain_number {
  using type = Scalar;  ///< an arithmetic type is its own plain number
};
/// The specialisation for scalars with a Real type (Eigen's AutoDiffScalar).
template <class Scalar>
struct plain_number<Scalar, std::void_t<typename Scalar::Real>> {
  using type = typename Scalar::Real;  ///< the value's type
};
/// plain_number<Scalar>::type.
template <class Scalar>
using plain_number_t = typename plain_number<Scalar>::type;

/// The number `value` with the derivatives `derivatives`, in the type of `like` (an autodiff
/// scalar, carries_first_derivatives_v).
template <class Scalar, class Derivatives>
Scalar with_derivatives(const Scalar& like, double value, const Derivatives& derivatives) {
  Scalar out = like;
  out.value() = value;
  out.derivatives() = derivatives;
  return out;
}

}  // namespace strideload
