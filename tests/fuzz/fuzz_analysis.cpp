// libFuzzer target over the runner / form / analysis API (issue 6). The bytes decide every runner
// and form field, plausible or not (NaN, inf, huge, just outside a range, enum values no
// enumerator has, hand-edited runner models), then a form change on top. Everything goes through
// the real-time status API, as an embedding app would call it. The contract checked:
//   status ok    => every series sample and metric finite;
//   an error     => it names a parameter, in a one-line message;
//   nothing else => no exception, no crash, no sanitizer finding.
// A broken contract prints the decoded input and aborts, which libFuzzer reports as a crash.

#include <fuzzer/FuzzedDataProvider.h>
#include <strideload/strideload.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

#include "analysis_checks.hpp"

namespace {

using namespace strideload;

/// A number for a field with plausible range `r`: mostly inside it (where the mechanics are), else
/// a value chosen to break things.
double number(FuzzedDataProvider& in, const Range& r) {
  const auto choice = in.ConsumeIntegral<std::uint8_t>();
  if (choice < 176) return in.ConsumeFloatingPointInRange(r.min, r.max);
  switch (choice % 10) {
    case 0: return std::numeric_limits<double>::quiet_NaN();
    case 1: return std::numeric_limits<double>::infinity();
    case 2: return -std::numeric_limits<double>::infinity();
    case 3: return in.ConsumeBool() ? std::numeric_limits<double>::max() : -1.0e300;
    case 4: return std::nextafter(r.min, -std::numeric_limits<double>::infinity());
    case 5: return std::nextafter(r.max, std::numeric_limits<double>::infinity());
    case 6: return in.ConsumeBool() ? r.min : r.max;
    case 7: return std::numeric_limits<double>::denorm_min();
    case 8: return 0.0;
    default: return in.ConsumeFloatingPoint<double>();  // any double at all
  }
}

/// An enum value: mostly one of its `count` enumerators, sometimes any integer.
template <class Enum>
Enum enumeration(FuzzedDataProvider& in, int count) {
  if (in.ConsumeIntegral<std::uint8_t>() < 240) return static_cast<Enum>(in.ConsumeIntegralInRange(0, count - 1));
  return static_cast<Enum>(in.ConsumeIntegral<int>());
}

struct Input {
  Runner runner;
  RunnerModel<double> model;
  Form form;
  AnalysisOptions options;
  FormChange change;
  Holds holds;
};

Input decode(FuzzedDataProvider& in) {
  Input x;
  x.runner.mass = kilograms(number(in, ranges::body_mass));
  x.runner.height = metres(number(in, ranges::height));
  x.runner.sex = enumeration<Sex>(in, 2);
  x.model = runner_model_unchecked(x.runner);
  if (in.ConsumeIntegral<std::uint8_t>() >= 248) {  // a caller who edits the model by hand
    double* fields[] = {&x.model.mass, &x.model.height, &x.model.weight, &x.model.leg_length,
                        &x.model.foot_length, &x.model.impact_mass};
    *fields[in.ConsumeIntegralInRange(0, 5)] = number(in, ranges::height);
  }
  Form& f = x.form;
  if (in.ConsumeBool()) f.speed = metres_per_second(number(in, ranges::speed));
  if (in.ConsumeBool()) f.cadence = steps_per_minute(number(in, ranges::cadence));
  if (in.ConsumeBool()) f.stride_length = metres(number(in, ranges::stride_length));
  f.strike = enumeration<Strike>(in, 3);
  if (in.ConsumeBool()) f.landing = metres(number(in, ranges::landing));
  if (in.ConsumeBool()) f.pelvic_tilt = degrees(number(in, ranges::pelvic_tilt));
  if (in.ConsumeBool()) f.trunk_lean = degrees(number(in, ranges::trunk_lean));
  f.surface.preset = enumeration<SurfacePreset>(in, 6);
  if (f.surface.preset == SurfacePreset::custom)
    f.surface.stiffness = kilonewtons_per_metre(number(in, ranges::surface_stiffness));
  f.shoe.preset = enumeration<ShoePreset>(in, 4);
  if (f.shoe.preset == ShoePreset::custom)
    f.shoe.stiffness = kilonewtons_per_metre(number(in, ranges::shoe_stiffness));
  // Mostly low rates: a 100 kHz step has 30 000 samples, and even a few per cent of such inputs
  // made the search ten times slower. The top of the range is tried, rarely.
  const auto rate = in.ConsumeIntegral<std::uint8_t>();
  x.options.sample_rate_hz =
      rate < 224   ? in.ConsumeFloatingPointInRange(100.0, 400.0)
      : rate < 254 ? number(in, Range{"sample-rate", ranges::sample_rate.min, 2000.0, "Hz"})
      : rate < 255 ? ranges::sample_rate.max
                   : std::nextafter(ranges::sample_rate.max, std::numeric_limits<double>::infinity());
  x.change.parameter = enumeration<FormParameter>(in, 9);
  x.change.kind = enumeration<FormChange::Kind>(in, 4);
  x.change.value = number(in, Range{"change", -50.0, 50.0, ""});
  x.change.strike = enumeration<Strike>(in, 3);
  x.change.surface = enumeration<SurfacePreset>(in, 5);
  x.change.shoe = enumeration<ShoePreset>(in, 3);
  x.holds.speed = in.ConsumeBool();
  x.holds.cadence = in.ConsumeBool();
  x.holds.stride_length = in.ConsumeBool();
  x.holds.landing = in.ConsumeBool();
  return x;
}

std::string text(const Input& x) {
  const Form& f = x.form;
  auto opt = [](const auto& q, double scale) { return q ? q->value() * scale : -12345.0; };
  char out[600];
  std::snprintf(out, sizeof out,
                "runner %.17g kg %.17g m sex %d | model mass %.17g height %.17g weight %.17g leg "
                "%.17g foot %.17g impact %.17g | speed %.17g cadence_hz %.17g stride %.17g strike "
                "%d landing %.17g tilt_rad %.17g lean_rad %.17g surface %d %.17g shoe %d %.17g | "
                "rate %.17g | change %d kind %d value %.17g",
                x.runner.mass.value(), x.runner.height.value(), static_cast<int>(x.runner.sex),
                x.model.mass, x.model.height, x.model.weight, x.model.leg_length,
                x.model.foot_length, x.model.impact_mass, opt(f.speed, 1.0), opt(f.cadence, 1.0),
                opt(f.stride_length, 1.0), static_cast<int>(f.strike), opt(f.landing, 1.0),
                opt(f.pelvic_tilt, 1.0), opt(f.trunk_lean, 1.0), static_cast<int>(f.surface.preset),
                f.surface.stiffness.value(), static_cast<int>(f.shoe.preset), f.shoe.stiffness.value(),
                x.options.sample_rate_hz, static_cast<int>(x.change.parameter),
                static_cast<int>(x.change.kind), x.change.value);
  return out;
}

[[noreturn]] void broken(const Input& x, const char* what, const InputError* e = nullptr) {
  std::fprintf(stderr, "strideload contract broken: %s\ninput: %s\n", what, text(x).c_str());
  if (e) std::fprintf(stderr, "error: status %d, parameter '%s'\n", static_cast<int>(e->status), e->parameter);
  std::abort();
}

/// Checks one analysis outcome against the contract. True when the analysis succeeded.
bool check(const Input& x, const InputError& e, const Analysis& out) {
  if (!e) {
    if (!strideload_test::all_finite(out)) broken(x, "status ok but an output is NaN or inf");
    return true;
  }
  if (e.status == Status::ok || !e.parameter || !*e.parameter) broken(x, "an error without a parameter name", &e);
  const std::string message = describe(e);
  if (message.rfind(std::string(e.parameter) + " = ", 0) != 0 || message.find('\n') != std::string::npos)
    broken(x, "the message does not start with the parameter or is not one line", &e);
  return false;
}

bool verbose() {
  static const bool on = std::getenv("STRIDELOAD_FUZZ_VERBOSE") != nullptr;
  return on;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const Input x = decode(in);
  static Analysis base, variant;  // reused workspaces, as a real-time caller keeps them
  const InputError e = analyze(x.model, x.form, x.options, base);
  if (verbose()) std::fprintf(stderr, "%s\n  -> %s\n", text(x).c_str(), e ? describe(e).c_str() : "ok");
  if (!check(x, e, base)) return 0;
  // A change on top of the baseline, as whatif --vs does.
  Form changed;
  const InputError ce = apply_change(x.model, x.form, base.form, x.change, x.holds, changed);
  if (ce) {
    check(x, ce, base);
    return 0;
  }
  const InputError ve = analyze(x.model, changed, x.options, variant);
  if (verbose()) std::fprintf(stderr, "  change -> %s\n", ve ? describe(ve).c_str() : "ok");
  check(x, ve, variant);
  return 0;
}
