#pragma once
// Every component of the body's sums about L5/S1, for tests that compare them one by one.

#include <strideload/body_about_l5s1.hpp>

#include <array>

namespace strideload_test {

/// The sixteen components of `b`, in the order of detail::BlockSum.
template <class Scalar>
std::array<Scalar, 16> components(const strideload::BodyAboutL5S1<Scalar>& b) {
  return {b.upper_mass_moment.x(),
          b.upper_mass_moment.y(),
          b.upper_momentum.x(),
          b.upper_momentum.y(),
          b.upper_mass_acceleration.x(),
          b.upper_mass_acceleration.y(),
          b.upper_moment,
          b.upper_inertia,
          b.upper_spread_rate,
          b.lower_mass_moment.x(),
          b.lower_mass_moment.y(),
          b.lower_mass_acceleration.x(),
          b.lower_mass_acceleration.y(),
          b.lower_moment,
          b.disc_normal.x(),
          b.disc_normal.y()};
}

}  // namespace strideload_test
