#pragma once
/// @file form_change.hpp
/// Changes of running form, phrased as the advice runners get ("raise your cadence 10 %", "land
/// 5 cm closer"), and how a change moves the parameters it does not set: the couplings runners
/// show, unless the caller holds those parameters.

#include <cmath>
#include <optional>

#include "errors.hpp"
#include "form.hpp"
#include "typical_form.hpp"

namespace strideload {

/// The form parameters a change can set or a hold can pin, in `whatif`'s order.
enum class FormParameter { speed, cadence, stride_length, strike, landing, pelvic_tilt, trunk_lean, surface, shoe };

/// Name as `whatif` spells it.
constexpr const char* name(FormParameter p) {
  switch (p) {
    case FormParameter::speed: return "speed";
    case FormParameter::cadence: return "cadence";
    case FormParameter::stride_length: return "stride-length";
    case FormParameter::strike: return "strike";
    case FormParameter::landing: return "landing";
    case FormParameter::pelvic_tilt: return "pelvic-tilt";
    case FormParameter::trunk_lean: return "trunk-lean";
    case FormParameter::surface: return "surface";
    case FormParameter::shoe: return "shoe";
  }
  return "";
}

/// One change of form. Numbers are in `whatif`'s units: m/s, spm, m, deg, kN/m.
struct FormChange {
  /// How `value` changes the parameter.
  enum class Kind {
    relative,  ///< value is a percentage of the baseline value (+10 = ten per cent more)
    delta,     ///< value is added to the baseline value
    absolute,  ///< value is the new value
    word,      ///< a new strike, surface preset or shoe preset
  };
  FormParameter parameter = FormParameter::cadence;  ///< what changes
  Kind kind = Kind::relative;                        ///< how `value` applies
  double value = 0.0;                                ///< in the parameter's `whatif` unit, or %
  Strike strike = Strike::rearfoot;                  ///< the new strike (kind word, parameter strike)
  SurfacePreset surface = SurfacePreset::asphalt;    ///< the new surface (kind word, parameter surface)
  ShoePreset shoe = ShoePreset::cushioned;           ///< the new shoe (kind word, parameter shoe)
};

/// @name The classic advice, as changes
/// @{

/// Raise (or, negative, lower) the cadence by a percentage, at the same speed.
inline FormChange raise_cadence(double percent) {
  return {FormParameter::cadence, FormChange::Kind::relative, percent};
}
/// Land closer to the body (the foot's first contact point nearer the COM), m.
inline FormChange land_closer(Length<> by) {
  return {FormParameter::landing, FormChange::Kind::delta, -by.value()};
}
/// Switch to another strike pattern.
inline FormChange switch_strike(Strike s) {
  FormChange c{FormParameter::strike, FormChange::Kind::word, 0.0};
  c.strike = s;
  return c;
}
/// Run on another surface.
inline FormChange run_on(SurfacePreset s) {
  FormChange c{FormParameter::surface, FormChange::Kind::word, 0.0};
  c.surface = s;
  return c;
}
/// Reduce the anterior pelvic tilt.
inline FormChange reduce_pelvic_tilt(Angle<> by) {
  return {FormParameter::pelvic_tilt, FormChange::Kind::delta, -in_degrees(by)};
}
/// Run more upright: less forward trunk lean.
inline FormChange run_more_upright(Angle<> by) {
  return {FormParameter::trunk_lean, FormChange::Kind::delta, -in_degrees(by)};
}
/// Run faster (or, negative, slower) by a percentage.
inline FormChange change_speed(double percent) {
  return {FormParameter::speed, FormChange::Kind::relative, percent};
}
/// @}

/// Parameters the caller pins at their baseline values.
struct Holds {
  ///@{
  /// True: keep the parameter at its baseline value.
  bool speed = false, cadence = false, stride_length = false, landing = false;
  ///@}
  /// The flag of a holdable parameter (see holdable()); other parameters have none.
  bool* flag(FormParameter p) {
    switch (p) {
      case FormParameter::speed: return &speed;
      case FormParameter::cadence: return &cadence;
      case FormParameter::stride_length: return &stride_length;
      case FormParameter::landing: return &landing;
      default: return nullptr;
    }
  }
  /// Only speed, cadence, stride length and landing move when something else changes.
  static constexpr bool holdable(FormParameter p) {
    return p == FormParameter::speed || p == FormParameter::cadence ||
           p == FormParameter::stride_length || p == FormParameter::landing;
  }
};


/// The form of a variant: `given` (the baseline as the caller gave it) with `change` applied,
/// where `base` is the baseline as resolved. What the change does not set moves as runners do,
/// unless held:
/// - a cadence or stride-length change keeps the speed; a speed change moves the cadence with
///   the speed–cadence relation of typical_form.hpp (Hamner & Delp 2013's ten runners);
/// - the landing distance moves in proportion to the typical landing at the new speed, cadence
///   and strike (Lieberman et al. 2015: about 5.9 % closer per +5 strides/min). For a forefoot
///   strike the first contact is the forefoot: it lands further ahead of the COM, while the
///   ankle lands closer (Vannatta & Kernozek 2015), see docs/whatif.md.
/// Never allocates or throws.
inline InputError apply_change(const RunnerModel<double>& runner, const Form& given,
                               const ResolvedForm<double>& base, const FormChange& change,
                               Holds holds, Form& out) {
  constexpr double deg = 3.14159265358979323846 / 180.0;
  // Enum values cast from bad integers are rejected, not read as a default.
  if (!*name(change.parameter))
    return rejected(Status::invalid_input, "change",
                    "accepted speed, cadence, stride-length, strike, landing, pelvic-tilt, "
                    "trunk-lean, surface or shoe",
                    static_cast<double>(static_cast<int>(change.parameter)));
  if (change.kind != FormChange::Kind::relative && change.kind != FormChange::Kind::delta &&
      change.kind != FormChange::Kind::absolute && change.kind != FormChange::Kind::word)
    return rejected(Status::invalid_input, name(change.parameter),
                    "a change is relative, a delta, an absolute value or a word",
                    static_cast<double>(static_cast<int>(change.kind)));
  Form f = given;
  auto changed = [&](double now) {
    switch (change.kind) {
      case FormChange::Kind::relative: return now * (1.0 + change.value / 100.0);
      case FormChange::Kind::delta: return now + change.value;
      default: return change.value;
    }
  };
  const bool word = change.kind == FormChange::Kind::word;
  const bool wants_word = change.parameter == FormParameter::strike ||
                          (word && (change.parameter == FormParameter::surface ||
                                    change.parameter == FormParameter::shoe));
  if (word != wants_word)
    return rejected(Status::invalid_input, name(change.parameter),
                    word ? "takes a number" : "takes a word (rearfoot, midfoot, forefoot)",
                    std::nan(""), "", "change");
  if (bool* held = holds.flag(change.parameter)) *held = false;  // what the change sets is not held
  // Spatiotemporal values: the changed one, the held ones, and the speed (or, if the speed is
  // what changes, the cadence by the speed–cadence relation).
  std::optional<double> v, spm, stride;
  if (holds.speed) v = base.speed;
  if (holds.cadence) spm = base.cadence * 60.0;
  if (holds.stride_length) stride = base.stride_length;
  switch (change.parameter) {
    case FormParameter::speed: v = changed(base.speed); break;
    case FormParameter::cadence: spm = changed(base.cadence * 60.0); break;
    case FormParameter::stride_length: stride = changed(base.stride_length); break;
    default: break;
  }
  // Two of the three fix the third: fill in the speed, then the cadence, from the baseline (so a
  // change of anything else keeps both as they were).
  auto set = [&] { return int(v.has_value()) + int(spm.has_value()) + int(stride.has_value()); };
  if (change.parameter == FormParameter::speed && !spm && !stride)
    spm = base.cadence * 60.0 * typical::cadence_spm(*v) / typical::cadence_spm(base.speed);
  if (!v && set() < 2) v = base.speed;
  if (!spm && set() < 2) spm = base.cadence * 60.0;
  f.speed.reset();
  f.cadence.reset();
  f.stride_length.reset();
  if (v) f.speed = metres_per_second(*v);
  if (spm) f.cadence = steps_per_minute(*spm);
  if (stride) f.stride_length = metres(*stride);

  switch (change.parameter) {
    case FormParameter::strike: f.strike = change.strike; break;
    case FormParameter::landing: f.landing = metres(changed(base.landing)); break;
    case FormParameter::pelvic_tilt: f.pelvic_tilt = degrees(changed(base.pelvic_tilt / deg)); break;
    case FormParameter::trunk_lean: f.trunk_lean = degrees(changed(base.trunk_lean / deg)); break;
    case FormParameter::surface:
      f.surface = word ? Surface{change.surface, {}}
                       : Surface{SurfacePreset::custom, kilonewtons_per_metre(changed(base.surface_stiffness / 1000.0))};
      break;
    case FormParameter::shoe:
      if (word) {
        f.shoe = Shoe{change.shoe, {}};
      } else {
        if (base.shoe_compliance <= 0.0)
          return rejected(Status::invalid_input, "shoe",
                          "a barefoot baseline has no shoe stiffness to change; give a shoe",
                          std::nan(""), "", "change");
        f.shoe = Shoe{ShoePreset::custom, kilonewtons_per_metre(changed(1.0 / base.shoe_compliance / 1000.0))};
      }
      break;
    default: break;
  }

  // Landing: held, set by the change, or moved with the typical landing.
  if (change.parameter != FormParameter::landing) {
    if (holds.landing) {
      f.landing = metres(base.landing);
    } else if (given.landing) {
      ResolvedForm<double> next;
      Form probe = f;
      probe.landing.reset();
      if (auto e = resolve_form(runner, probe, next)) return e;
      const double before = typical_landing(runner, base.speed, base.cadence * 60.0, base.strike);
      const double after = typical_landing(runner, next.speed, next.cadence * 60.0, next.strike);
      f.landing = metres(base.landing * after / before);
    }
    // Otherwise the landing stays typical and follows the same relations by itself.
  }
  out = f;
  return {};
}

}  // namespace strideload
