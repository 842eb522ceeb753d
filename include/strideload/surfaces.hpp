#pragma once
/// @file surfaces.hpp
/// Stiffness of the running surface and of the shoe, and of the foot at first contact: the
/// springs in series between the colliding lower limb and the ground.
///
/// No published table gives running surfaces in kN/m (science.md §5). The presets are derived from
/// sports-surface tests with the Advanced Artificial Athlete (EN 14808: 20 kg dropped 55 mm on a
/// 2 MN/m spring; 6.6 kN peak on a rigid floor): a surface that absorbs a fraction SA of that force
/// while deforming by d has a secant stiffness k ≈ (1 − SA)·6.6 kN / d. docs/model.md shows the
/// arithmetic. Only the impact transient is sensitive to them: every surface here is 20–10⁴ times
/// stiffer than a leg, and runners adjust their legs to keep the centre-of-mass motion (Ferris,
/// Liang & Farley 1999).

#include <limits>

namespace strideload {

/// Named running surfaces.
enum class SurfacePreset { concrete, asphalt, track, grass, treadmill, custom };
/// Named shoe types.
enum class ShoePreset { barefoot, minimal, cushioned, custom };

/// Surface stiffness of a preset, N/m.
constexpr double surface_stiffness(SurfacePreset s) {
  switch (s) {
    // The rigid reference of EN 14808 (0 % force reduction by definition); any value this large
    // acts as rigid in series with the foot.
    case SurfacePreset::concrete: return 1.0e8;
    // Colino et al. 2020, IJSPP 15:685: asphalt 0 % shock absorption, 0.3 mm deformation.
    case SurfacePreset::asphalt: return 2.2e7;
    // Colino et al. 2020: tartan track 37.4 %, 2.2 mm -> 0.626·6.6 kN / 2.2 mm.
    case SurfacePreset::track: return 1.88e6;
    // FIFA Quality turf band (55–70 %, 4–11 mm) centre 62.5 %, 7.5 mm; the band is set to match
    // good natural grass. Natural grass varies with moisture and was not measured directly.
    case SurfacePreset::grass: return 3.3e5;
    // Colino et al. 2020: 71.3 %, 6.5 mm -> 291 kN/m; Colino et al. 2020, Sensors 20:3822, 77
    // treadmills: 64.2 %, 7.6 mm -> 311 kN/m. Mean of the two.
    case SurfacePreset::treadmill: return 3.0e5;
    case SurfacePreset::custom: break;
  }
  return 0.0;
}

/// Compliance (1/stiffness) of a shoe preset under the impact, m/N. Barefoot adds none.
/// Estimates from whole-shoe impact tests (ASTM F1976: 8.5 kg mass, impact speed ≈ 1 m/s):
/// a mass–spring impact peaks at F = v·sqrt(k·m), so k = (F/v)²/m. Fuss et al. 2025
/// (Bioengineering 12:467; 112 shoes) found first peaks of 0.7–2 kN: a cushioned trainer near
/// 1.1 kN gives about 150 kN/m, a minimal shoe near 2 kN about 500 kN/m.
constexpr double shoe_compliance(ShoePreset s) {
  switch (s) {
    case ShoePreset::barefoot: return 0.0;
    case ShoePreset::minimal: return 1.0 / 5.0e5;
    case ShoePreset::cushioned: return 1.0 / 1.5e5;
    case ShoePreset::custom: break;
  }
  return 0.0;
}

/// Word used by `whatif` for each preset.
constexpr const char* name(SurfacePreset s) {
  switch (s) {
    case SurfacePreset::concrete: return "concrete";
    case SurfacePreset::asphalt: return "asphalt";
    case SurfacePreset::track: return "track";
    case SurfacePreset::grass: return "grass";
    case SurfacePreset::treadmill: return "treadmill";
    case SurfacePreset::custom: break;
  }
  return "custom";
}
/// Word used by `whatif` for each preset.
constexpr const char* name(ShoePreset s) {
  switch (s) {
    case ShoePreset::barefoot: return "barefoot";
    case ShoePreset::minimal: return "minimal";
    case ShoePreset::cushioned: return "cushioned";
    case ShoePreset::custom: break;
  }
  return "custom";
}

}  // namespace strideload
