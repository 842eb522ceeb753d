#pragma once
/// @file typical_form.hpp
/// What a typical recreational runner does, for every form parameter the caller leaves out.
/// Each relation is a published measurement; docs/model.md lists them.

#include <cmath>

namespace strideload::typical {

/// Speed when none is given, m/s (design.md).
constexpr double speed = 3.0;

/// Typical cadence at 3 m/s, spm: Hamner & Delp 2013 subject 1 ran 166.8 spm at 3 m/s; recreational
/// runners run 160–180 spm at 2.5–4 m/s (van Oeveren et al. 2021, Sports Biomech).
constexpr double cadence_at_3_m_per_s = 166.0;

/// Elasticity of step rate with speed: Cavanagh & Kram (1989, MSSE 21:467) saw stride frequency
/// rise only 4 % while speed rose from 3.15 to 4.12 m/s: ln(1.04)/ln(4.12/3.15) = 0.146.
constexpr double cadence_speed_exponent = 0.146;

/// Typical cadence at a speed, spm.
template <class Scalar> Scalar cadence_spm(Scalar speed_m_per_s) {
  using std::pow;
  return Scalar(cadence_at_3_m_per_s) * Scalar(pow(Scalar(speed_m_per_s / Scalar(3)), cadence_speed_exponent));
}

/// Typical contact time at a speed, s: a power law through van Oeveren et al.'s (2021) review
/// figures, 0.34 s at 2.2 m/s and 0.18 s at 5.6 m/s ("falls curvilinearly").
template <class Scalar> Scalar contact_time_s(Scalar speed_m_per_s) {
  using std::log;
  using std::pow;
  const double exponent = std::log(0.18 / 0.34) / std::log(5.6 / 2.2);
  return Scalar(0.34) * Scalar(pow(Scalar(speed_m_per_s / Scalar(2.2)), exponent));
}

/// How the landing distance scales with cadence at a constant speed: Lieberman et al. (2015, J Exp
/// Biol 218:3406) found each +5 strides/min (at about 85 strides/min) brought the foot 5.9 % closer
/// to the hip: exponent = −ln(1 − 0.059)/ln(90/85) = 1.06.
constexpr double landing_cadence_exponent = 1.06;

/// Anterior pelvic tilt (motion-capture convention), deg: 15–20° on average in running (Schache et
/// al. 1999/2002; magnitude unverified, science.md §6); the midpoint.
constexpr double pelvic_tilt_deg = 17.5;

/// Forward trunk lean, deg: 5–7.5° in recreational runners at 12–20 km/h (Preece et al. 2016,
/// quoted by van Oeveren et al. 2021).
constexpr double trunk_lean_deg = 6.0;

}  // namespace strideload::typical
