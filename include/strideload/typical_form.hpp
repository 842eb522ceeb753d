#pragma once
/// @file typical_form.hpp
/// What a typical recreational runner does, for every form parameter the caller leaves out.
/// Each relation is a published measurement; docs/model.md lists them.

#include <cmath>

namespace strideload::typical {

/// Speed when none is given, m/s (design.md).
constexpr double speed = 3.0;

// Cadence and contact time against speed: power laws through 3 m/s fitted to ten runners of
// Hamner & Delp 2013 (J Biomech 46:780) at 3 and 5 m/s on a treadmill, measured from their vertical
// GRF (docs/data/hamner2013_stance_timing.csv; fit: docs/fit_typical_timing.py). Cadence and contact
// time come from the same runners, so together they give a measured duty factor, which sets the
// active peak (the raised cosine peaks at about twice the mean stance force, BW·T/tc).

/// Typical cadence at 3 m/s, spm: 168.3 ± 2.5 (Hamner & Delp's ten runners; recreational runners
/// run 160–180 spm at 2.5–4 m/s, van Oeveren et al. 2021, Sports Biomech).
constexpr double cadence_at_3_m_per_s = 168.3;

/// Elasticity of step rate with speed: 0.274 ± 0.041 (the same runners: 168 spm at 3 m/s, 194 at
/// 5 m/s). Cavanagh & Kram (1989, MSSE 21:467) saw less, 0.146, overground; docs/validation.md.
constexpr double cadence_speed_exponent = 0.274;

/// Typical cadence at a speed, spm.
template <class Scalar> Scalar cadence_spm(Scalar speed_m_per_s) {
  using std::pow;
  return Scalar(cadence_at_3_m_per_s) * Scalar(pow(Scalar(speed_m_per_s / Scalar(3)), cadence_speed_exponent));
}

/// Typical contact time at 3 m/s, s: 0.2894 ± 0.0078 at a 10 N threshold, the nearest the measured
/// files come to the spring-mass stance's first-to-last force (Hamner & Delp's runners).
constexpr double contact_time_at_3_m_per_s = 0.2894;

/// Elasticity of contact time with speed: −0.402 ± 0.072 (0.289 s at 3 m/s, 0.234 s at 5 m/s).
/// Through van Oeveren et al.'s (2021) review figures, 0.34 s at 2.2 m/s and 0.18 s at 5.6 m/s, it
/// would be −0.68: their fast runners had shorter contacts (docs/validation.md).
constexpr double contact_time_speed_exponent = -0.402;

/// The fastest speed the contact-time fit rests on, m/s (Hamner & Delp's 5 m/s trials).
constexpr double fastest_measured_speed = 5.0;

/// Typical contact time at a speed, s. Above the measured speeds the power law would lengthen the
/// contact past what the leg can sweep (45° each side by 6 m/s), so there the distance covered in
/// contact, v·tc, stays at its 5 m/s value, 1.17 m: an assumption beyond the data (validation.md).
template <class Scalar> Scalar contact_time_s(Scalar speed_m_per_s) {
  using std::pow;
  const Scalar fastest = Scalar(fastest_measured_speed);
  const Scalar v = speed_m_per_s < fastest ? Scalar(speed_m_per_s) : fastest;
  const Scalar at_v = Scalar(contact_time_at_3_m_per_s) *
                      Scalar(pow(Scalar(v / Scalar(3)), contact_time_speed_exponent));
  return Scalar(at_v * v / Scalar(speed_m_per_s));
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
