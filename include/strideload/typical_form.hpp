#pragma once
/// @file typical_form.hpp
/// What a typical recreational runner does, for every form parameter the caller leaves out.
/// Each relation is a published measurement; docs/model.md lists them.

#include <cmath>

namespace strideload::typical {

/// Speed when none is given, m/s (design.md).
constexpr double speed = 3.0;

// Cadence and contact time against speed, fitted to ten runners of Hamner & Delp 2013 (J Biomech
// 46:780) on a treadmill, measured from their vertical GRF (docs/data/hamner2013_stance_timing.csv;
// fit and leave-one-speed-out check: docs/fit_typical_timing.py): cadence at 2–5 m/s, contact time
// at 3–5 m/s, where nearly every file can be timed. Cadence and contact time come from the same
// runners, so together they give a measured duty factor, which sets the active peak (the raised
// cosine peaks at about twice the mean stance force, BW·T/tc).

/// The constant term c0 of the typical cadence, c0 + c2·v², spm: 153.7 ± 2.6. Recreational
/// runners run 160–180 spm at 2.5–4 m/s (van Oeveren et al. 2021, Sports Biomech).
constexpr double cadence_intercept_spm = 153.72;

/// How fast cadence rises with speed, spm/(m/s)²: 1.592 ± 0.17. Step rate rises faster at the
/// faster speeds (these runners: 160, 168, 179 and 194 spm at 2–5 m/s); the fit is within 0.5 %
/// at every speed, also when that speed is left out of it. Cavanagh & Kram (1989, MSSE 21:467)
/// saw a smaller rise overground (docs/validation.md).
constexpr double cadence_speed_squared_spm = 1.5919;

/// The fastest speed the cadence and contact-time fits rest on, m/s (Hamner & Delp's 5 m/s trials).
constexpr double fastest_measured_speed = 5.0;

/// Typical cadence at a speed, spm. Above the measured speeds it rises along its slope at 5 m/s
/// (15.9 spm per m/s), an assumption beyond the data: the quadratic would keep steepening.
template <class Scalar> Scalar cadence_spm(Scalar speed_m_per_s) {
  const Scalar c0 = Scalar(cadence_intercept_spm), c2 = Scalar(cadence_speed_squared_spm);
  const Scalar fastest = Scalar(fastest_measured_speed);
  if (speed_m_per_s <= fastest) return Scalar(c0 + c2 * speed_m_per_s * speed_m_per_s);
  return Scalar(c0 + c2 * fastest * fastest + Scalar(2) * c2 * fastest * (speed_m_per_s - fastest));
}

/// Typical contact time at 3 m/s, s: 0.2911 ± 0.0067 at a 10 N threshold, the nearest the measured
/// files come to the spring-mass stance's first-to-last force (Hamner & Delp's runners at 3–5 m/s;
/// at 2 m/s only three of the ten files can be timed at 10 N, and the law is 4 % short of them).
constexpr double contact_time_at_3_m_per_s = 0.2911;

/// Elasticity of contact time with speed: −0.399 ± 0.071 (0.290, 0.262 and 0.236 s at 3, 4 and
/// 5 m/s). Through van Oeveren et al.'s (2021) review figures, 0.34 s at 2.2 m/s and 0.18 s at
/// 5.6 m/s, it would be −0.68: their fast runners had shorter contacts (docs/validation.md).
constexpr double contact_time_speed_exponent = -0.399;

/// Typical contact time at a speed, s. Above the measured speeds the power law would lengthen the
/// contact past what the leg can sweep (45° each side by 6 m/s), so there the distance covered in
/// contact, v·tc, stays at its 5 m/s value, 1.19 m: an assumption beyond the data (validation.md).
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
