#pragma once
/// @file plausible_ranges.hpp
/// The accepted range of every numeric input, in the units `whatif` uses, with its basis.
/// Values outside are rejected (never clamped): the model's relations were built and checked
/// inside these ranges. docs/reliability.md and docs/model.md list the same table.

#include "errors.hpp"

namespace strideload {

/// Accepted interval of one input.
struct Range {
  const char* parameter;  ///< name as `whatif` spells it
  double min;             ///< lowest accepted value, in `unit`
  double max;             ///< highest accepted value, in `unit`
  const char* unit;       ///< e.g. "m/s"
};

/// Checks that `value` is finite and inside `r`.
inline InputError check_range(const Range& r, double value) {
  return check_range(r.parameter, value, r.min, r.max, r.unit);
}

namespace ranges {
/// Adult runners; de Leva's (1996) proportions are adult proportions.
constexpr Range body_mass{"mass", 35.0, 150.0, "kg"};
/// Statures of adult runners, m.
constexpr Range height{"height", 1.40, 2.10, "m"};
/// From a slow jog above the walk–run transition (about 2 m/s) to fast distance running. The
/// relations of science.md were measured at 2.2–6.7 m/s; sprinting is out of scope.
constexpr Range speed{"speed", 1.8, 7.0, "m/s"};
/// Farley & González (1996) ran people at 26 % below to 36 % above their preferred rate, which
/// itself spans about 150–185 spm (van Oeveren et al. 2021): about 110 to 240 spm.
constexpr Range cadence{"cadence", 110.0, 240.0, "spm"};
/// Follows from the speed and cadence ranges, with margin.
constexpr Range stride_length{"stride-length", 0.6, 5.0, "m"};
/// Foot contact point ahead of the COM at touchdown. Typical 0.13–0.26 m (Hamner & Delp 2013
/// data, science.md §3); 0 is landing directly under the COM; 0.6 m is a gross overstride.
constexpr Range landing{"landing", 0.0, 0.6, "m"};
/// Motion-capture anterior tilt; individual running means span about 10–30° (Schache, Blanch &
/// Murphy 2000, Br J Sports Med 34:279); negative is posterior tilt.
constexpr Range pelvic_tilt{"pelvic-tilt", -10.0, 45.0, "deg"};
/// Forward lean of the trunk from vertical; 3–7.5° typical (Preece et al. 2016).
constexpr Range trunk_lean{"trunk-lean", -10.0, 40.0, "deg"};
/// From the softest surface studied in running (21.3 kN/m, Ferris, Liang & Farley 1999) to rigid.
constexpr Range surface_stiffness{"surface", 20.0, 1.0e5, "kN/m"};
/// From a very soft foam midsole to a shoe as stiff as a rigid floor for impact purposes.
constexpr Range shoe_stiffness{"shoe", 20.0, 1.0e5, "kN/m"};
/// Sample rate of the time series.
constexpr Range sample_rate{"sample-rate", 100.0, 100000.0, "Hz"};
}  // namespace ranges

/// Three given spatiotemporal values must agree within this relative tolerance (1 %).
constexpr double spatiotemporal_tolerance = 0.01;

}  // namespace strideload
