#pragma once
/// @file units.hpp
/// Boost.Units quantities used at strideload's public boundary.
///
/// Inside the model every value is a plain SI scalar (kg, m, s, N, rad); quantities are converted
/// once, where they enter or leave the library.

#include <boost/units/quantity.hpp>
#include <boost/units/systems/angle/degrees.hpp>
#include <boost/units/systems/si/force.hpp>
#include <boost/units/systems/si/frequency.hpp>
#include <boost/units/systems/si/length.hpp>
#include <boost/units/systems/si/mass.hpp>
#include <boost/units/systems/si/plane_angle.hpp>
#include <boost/units/systems/si/time.hpp>
#include <boost/units/systems/si/velocity.hpp>

namespace strideload {

namespace bu = boost::units;

/// Body mass, kg.
template <class Scalar = double> using Mass = bu::quantity<bu::si::mass, Scalar>;
/// Length, m.
template <class Scalar = double> using Length = bu::quantity<bu::si::length, Scalar>;
/// Duration, s.
template <class Scalar = double> using Duration = bu::quantity<bu::si::time, Scalar>;
/// Speed, m/s.
template <class Scalar = double> using Speed = bu::quantity<bu::si::velocity, Scalar>;
/// Force, N.
template <class Scalar = double> using Force = bu::quantity<bu::si::force, Scalar>;
/// Step rate, stored in Hz (steps per second); see steps_per_minute().
template <class Scalar = double> using Cadence = bu::quantity<bu::si::frequency, Scalar>;
/// Angle, rad.
template <class Scalar = double> using Angle = bu::quantity<bu::si::plane_angle, Scalar>;

/// N/m. Boost.Units has no stiffness unit, so it is built as force per length.
using stiffness_unit = bu::divide_typeof_helper<bu::si::force, bu::si::length>::type;
/// Stiffness of a spring (leg, shoe, surface), N/m.
template <class Scalar = double> using Stiffness = bu::quantity<stiffness_unit, Scalar>;

/// @name Constructors in the units runners and coaches use
/// @{

/// Mass from kg.
template <class Scalar = double> Mass<Scalar> kilograms(Scalar v) { return v * bu::si::kilogram; }
/// Length from m.
template <class Scalar = double> Length<Scalar> metres(Scalar v) { return v * bu::si::meter; }
/// Speed from m/s.
template <class Scalar = double> Speed<Scalar> metres_per_second(Scalar v) {
  return v * bu::si::meters_per_second;
}
/// Cadence from steps per minute (both feet counted).
template <class Scalar = double> Cadence<Scalar> steps_per_minute(Scalar spm) {
  return (spm / Scalar(60)) * bu::si::hertz;
}
/// Angle from degrees.
template <class Scalar = double> Angle<Scalar> degrees(Scalar deg) {
  return Angle<Scalar>(deg * bu::degree::degree);
}
/// Stiffness from kN/m.
template <class Scalar = double> Stiffness<Scalar> kilonewtons_per_metre(Scalar knm) {
  return (Scalar(1000) * knm) * bu::si::newton / bu::si::meter;
}
/// @}

/// @name Back to plain numbers in those units
/// @{

/// Cadence in steps per minute (both feet counted).
template <class Scalar> Scalar in_steps_per_minute(Cadence<Scalar> c) {
  return Scalar(60) * c.value();
}
/// Angle in degrees.
template <class Scalar> Scalar in_degrees(Angle<Scalar> a) {
  return bu::quantity<bu::degree::plane_angle, Scalar>(a).value();
}
/// Stiffness in kN/m.
template <class Scalar> Scalar in_kilonewtons_per_metre(Stiffness<Scalar> k) {
  return k.value() / Scalar(1000);
}
/// @}

}  // namespace strideload
