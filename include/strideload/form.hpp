#pragma once
/// @file form.hpp
/// Running form at the API boundary (what the caller may set) and resolved (every parameter fixed,
/// in SI), with the checks and the typical defaults between the two.

#include <cmath>
#include <optional>
#include <utility>

#include "errors.hpp"
#include "plausible_ranges.hpp"
#include "runner.hpp"
#include "surfaces.hpp"
#include "typical_form.hpp"
#include "units.hpp"
#include "scalar.hpp"

namespace strideload {

/// Which part of the foot touches the ground first.
enum class Strike { rearfoot, midfoot, forefoot };

/// Word used by `whatif`.
constexpr const char* name(Strike s) {
  switch (s) {
    case Strike::rearfoot: return "rearfoot";
    case Strike::midfoot: return "midfoot";
    case Strike::forefoot: return "forefoot";
  }
  return "rearfoot";
}

/// Where the first contact lies along the foot, as a fraction of foot length from the heel: the
/// centres of Cavanagh & Lafortune's (1980, J Biomech 13:397) strike-index bands (rearfoot 0–1/3,
/// midfoot 1/3–2/3, forefoot 2/3–1).
constexpr double strike_index(Strike s) {
  switch (s) {
    case Strike::rearfoot: return 1.0 / 6.0;
    case Strike::midfoot: return 0.5;
    case Strike::forefoot: return 5.0 / 6.0;
  }
  return 1.0 / 6.0;
}

/// A running surface: a preset, or a stiffness.
template <class Scalar = double>
struct BasicSurface {
  SurfacePreset preset = SurfacePreset::asphalt;  ///< a preset's stiffness is in surfaces.hpp
  Stiffness<Scalar> stiffness{};  ///< used when preset == custom
};
/// A shoe: a preset, or the stiffness of its sole under the impact.
template <class Scalar = double>
struct BasicShoe {
  ShoePreset preset = ShoePreset::cushioned;  ///< a preset's stiffness is in surfaces.hpp
  Stiffness<Scalar> stiffness{};  ///< used when preset == custom
};

using Surface = BasicSurface<double>;  ///< in double precision
using Shoe = BasicShoe<double>;        ///< in double precision

/// Running form as the caller gives it. Every field left empty takes a typical value
/// (typical_form.hpp); of speed, cadence and stride length, any two fix the third.
template <class Scalar = double>
struct BasicForm {
  std::optional<Speed<Scalar>> speed;           ///< running speed
  std::optional<Cadence<Scalar>> cadence;       ///< steps (both feet) per unit time
  std::optional<Length<Scalar>> stride_length;  ///< two steps
  Strike strike = Strike::rearfoot;             ///< which part of the foot lands first
  /// Horizontal distance from the whole-body COM forward to the foot's first contact point
  /// (heel, midfoot or forefoot, by `strike`) at touchdown.
  std::optional<Length<Scalar>> landing;
  std::optional<Angle<Scalar>> pelvic_tilt;     ///< anterior, motion-capture convention
  std::optional<Angle<Scalar>> trunk_lean;      ///< forward, from vertical
  BasicSurface<Scalar> surface;                 ///< what the runner runs on
  BasicShoe<Scalar> shoe;                       ///< what the runner wears
};
using Form = BasicForm<double>;  ///< in double precision

/// Which resolved parameters were not given and so were derived or defaulted.
struct DerivedFlags {
  ///@{
  /// True when the parameter was derived or took its typical value.
  bool speed = false, cadence = false, stride_length = false, landing = false,
       pelvic_tilt = false, trunk_lean = false;
  ///@}
};

/// Every form parameter fixed, in SI units and radians.
template <class Scalar = double>
struct ResolvedForm {
  Scalar speed = Scalar(0);            ///< m/s
  Scalar cadence = Scalar(0);          ///< steps/s
  Scalar stride_length = Scalar(0);    ///< m
  Scalar step_length = Scalar(0);      ///< m
  Scalar step_time = Scalar(0);        ///< s
  Strike strike = Strike::rearfoot;  ///< which part of the foot lands first
  Scalar landing = Scalar(0);          ///< m
  Scalar pelvic_tilt = Scalar(0);      ///< rad, anterior
  Scalar trunk_lean = Scalar(0);       ///< rad, forward
  SurfacePreset surface = SurfacePreset::asphalt;  ///< custom when given as a stiffness
  ShoePreset shoe = ShoePreset::cushioned;         ///< custom when given as a stiffness
  Scalar surface_stiffness = Scalar(0);  ///< N/m
  Scalar shoe_compliance = Scalar(0);    ///< m/N; 0 when barefoot
  DerivedFlags derived;        ///< which parameters the caller left out
};

/// Distance the centre of pressure rolls during contact, m: from the first contact point to the
/// toe tip.
template <class Scalar>
Scalar roll_distance(const RunnerModel<Scalar>& runner, Strike strike) {
  return Scalar(1.0 - strike_index(strike)) * runner.foot_length;
}

/// Spring-mass pivot offset, m: how far ahead of the first contact point the COM's stance sweep is
/// centred. The ground reaction force passes close to the COM (the body's angular momentum changes
/// little over a step), and at constant speed its net horizontal impulse is zero. Both hold when
/// the COM passes over the centre of pressure's mean position, half way along its roll.
template <class Scalar>
Scalar pivot_offset(const RunnerModel<Scalar>& runner, Strike strike) {
  return Scalar(0.5) * roll_distance(runner, strike);
}

/// Typical landing distance at a speed and cadence, m: the COM's half sweep at the typical contact
/// time, less the pivot offset, scaled by cadence as Lieberman et al. (2015) measured.
template <class Scalar>
Scalar typical_landing(const RunnerModel<Scalar>& runner, Scalar speed, Scalar cadence_spm,
                       Strike strike) {
  using std::pow;
  const Scalar at_typical_cadence =
      Scalar(0.5) * speed * typical::contact_time_s(speed) - pivot_offset(runner, strike);
  return at_typical_cadence *
         Scalar(pow(Scalar(typical::cadence_spm(speed) / cadence_spm), typical::landing_cadence_exponent));
}


/// Checks `runner` and `form` and fixes every parameter into `out`. Never allocates or throws.
template <class Scalar>
InputError resolve_form(const RunnerModel<Scalar>& runner, const BasicForm<Scalar>& form,
                        ResolvedForm<Scalar>& out) {
  // The real-time API takes a RunnerModel that the caller may have built by hand.
  if (auto e = check_runner_model(runner)) return e;
  ResolvedForm<Scalar> r;
  // Spatiotemporal: any two of speed, cadence (spm here) and stride length.
  std::optional<Scalar> v, spm, stride;
  if (form.speed) {
    v = form.speed->value();
    if (auto e = check_range(ranges::speed, value_of(*v))) return e;
  }
  if (form.cadence) {
    spm = in_steps_per_minute(*form.cadence);
    if (auto e = check_range(ranges::cadence, value_of(*spm))) return e;
  }
  if (form.stride_length) {
    stride = form.stride_length->value();
    if (auto e = check_range(ranges::stride_length, value_of(*stride))) return e;
  }
  r.derived.speed = !v;
  r.derived.cadence = !spm;
  r.derived.stride_length = !stride;
  // speed = (stride / 2) · (cadence / 60)
  if (v && spm && stride) {
    const Scalar implied = *stride / Scalar(2) * *spm / Scalar(60);
    using std::abs;
    if (abs(implied - *v) > Scalar(spatiotemporal_tolerance) * *v) {
      InputError e;
      e.status = Status::inconsistent;
      e.parameter = "stride-length";
      e.value = value_of(*stride);
      e.unit = "m";
      e.accepted = "speed, cadence and stride length disagree by more than 1 %; give any two";
      return e;
    }
  } else if (v && spm) {
    stride = Scalar(120) * *v / *spm;
  } else if (v && stride) {
    spm = Scalar(120) * *v / *stride;
  } else if (spm && stride) {
    v = *stride * *spm / Scalar(120);
  } else if (v) {
    spm = typical::cadence_spm(*v);
    stride = Scalar(120) * *v / *spm;
  } else if (spm) {
    v = Scalar(typical::speed);
    stride = Scalar(120) * *v / *spm;
  } else {
    v = Scalar(typical::speed);
    spm = stride ? Scalar(120) * *v / *stride : typical::cadence_spm(*v);
    stride = Scalar(120) * *v / *spm;
  }
  // A derived value must be plausible too. The given ones passed above, so an error here is about
  // a derived value, and says so: the caller never gave it.
  for (const auto& [range, value] : {std::pair{ranges::speed, *v}, std::pair{ranges::cadence, *spm},
                                     std::pair{ranges::stride_length, *stride}})
    if (auto e = check_range(range, value_of(value))) {
      e.accepted = "derived from the other two of speed, cadence and stride length (given or typical)";
      return e;
    }
  r.speed = *v;
  r.cadence = *spm / Scalar(60);
  r.stride_length = *stride;
  r.step_length = *stride / Scalar(2);
  r.step_time = Scalar(1) / r.cadence;

  // Enum values cast from bad integers are rejected, not read as a default.
  if (form.strike != Strike::rearfoot && form.strike != Strike::midfoot &&
      form.strike != Strike::forefoot)
    return rejected(Status::invalid_input, "strike", "accepted rearfoot, midfoot or forefoot",
                    static_cast<double>(static_cast<int>(form.strike)));
  r.strike = form.strike;
  if (form.landing) {
    r.landing = form.landing->value();
    if (auto e = check_range(ranges::landing, value_of(r.landing))) return e;
  } else {
    r.landing = typical_landing(runner, r.speed, *spm, r.strike);
    r.derived.landing = true;
  }

  r.derived.pelvic_tilt = !form.pelvic_tilt;
  const Scalar tilt_deg =
      form.pelvic_tilt ? in_degrees(*form.pelvic_tilt) : Scalar(typical::pelvic_tilt_deg);
  if (auto e = check_range(ranges::pelvic_tilt, value_of(tilt_deg))) return e;
  r.derived.trunk_lean = !form.trunk_lean;
  const Scalar lean_deg =
      form.trunk_lean ? in_degrees(*form.trunk_lean) : Scalar(typical::trunk_lean_deg);
  if (auto e = check_range(ranges::trunk_lean, value_of(lean_deg))) return e;
  const Scalar deg = Scalar(3.14159265358979323846 / 180.0);
  r.pelvic_tilt = tilt_deg * deg;
  r.trunk_lean = lean_deg * deg;

  r.surface = form.surface.preset;
  if (r.surface == SurfacePreset::custom) {
    r.surface_stiffness = form.surface.stiffness.value();
    if (auto e = check_range(ranges::surface_stiffness,
                             value_of(r.surface_stiffness) / 1000.0))
      return e;
  } else if (surface_stiffness(r.surface) <= 0.0) {
    return rejected(Status::invalid_input, "surface",
                    "accepted concrete, asphalt, track, grass, treadmill or a stiffness in kN/m",
                    static_cast<double>(static_cast<int>(r.surface)));
  } else {
    r.surface_stiffness = Scalar(surface_stiffness(r.surface));
  }
  r.shoe = form.shoe.preset;
  if (r.shoe == ShoePreset::custom) {
    const Scalar k = form.shoe.stiffness.value();
    if (auto e = check_range(ranges::shoe_stiffness, value_of(k) / 1000.0)) return e;
    r.shoe_compliance = Scalar(1) / k;
  } else if (r.shoe == ShoePreset::barefoot || r.shoe == ShoePreset::minimal ||
             r.shoe == ShoePreset::cushioned) {
    r.shoe_compliance = Scalar(shoe_compliance(r.shoe));
  } else {
    return rejected(Status::invalid_input, "shoe",
                    "accepted barefoot, minimal, cushioned or a stiffness in kN/m",
                    static_cast<double>(static_cast<int>(r.shoe)));
  }
  out = r;
  return {};
}

/// Checks `form` and fixes every parameter.
/// @throws invalid_input naming the parameter, its value and what is accepted.
template <class Scalar>
ResolvedForm<Scalar> resolve_form(const RunnerModel<Scalar>& runner, const BasicForm<Scalar>& form) {
  ResolvedForm<Scalar> r;
  throw_if_error(resolve_form(runner, form, r));
  return r;
}

}  // namespace strideload
