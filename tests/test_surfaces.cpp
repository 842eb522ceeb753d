#include <doctest/doctest.h>
#include <strideload/surfaces.hpp>

using namespace strideload;

TEST_CASE("surfaces: presets order from rigid to soft as the sports-surface tests measured") {
  CHECK(surface_stiffness(SurfacePreset::concrete) >= surface_stiffness(SurfacePreset::asphalt));
  CHECK(surface_stiffness(SurfacePreset::asphalt) > surface_stiffness(SurfacePreset::track));
  CHECK(surface_stiffness(SurfacePreset::track) > surface_stiffness(SurfacePreset::grass));
  // Every preset is far stiffer than a leg (about 10 kN/m).
  CHECK(surface_stiffness(SurfacePreset::treadmill) > 20.0 * 10.0e3);
}

TEST_CASE("surfaces: the track preset is the EN 14808 arithmetic of Colino et al. 2020") {
  // k ≈ (1 − SA)·6.6 kN / d with SA = 37.4 %, d = 2.2 mm.
  CHECK(surface_stiffness(SurfacePreset::track) == doctest::Approx((1 - 0.374) * 6600 / 0.0022).epsilon(0.01));
}

TEST_CASE("surfaces: shoes add compliance, barefoot adds none") {
  CHECK(shoe_compliance(ShoePreset::barefoot) == 0.0);
  CHECK(shoe_compliance(ShoePreset::cushioned) > shoe_compliance(ShoePreset::minimal));
}
