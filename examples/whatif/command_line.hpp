#pragma once
// Parsing of the `whatif` command line (design.md, "The whatif program"). Kept apart from main()
// so that tests and fuzzers can drive it. Every error is a strideload::invalid_input naming the
// option, the value and what is accepted.

#include <strideload/strideload.hpp>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

namespace whatif {

constexpr double kPi = 3.14159265358979323846;

using strideload::InputError;
using strideload::invalid_input;

/// One `--vs NAME=VALUE` change.
struct Change {
  std::string text;   ///< as given, e.g. "cadence=+10%"
  std::string name;   ///< option name
  std::string value;  ///< as given
};

struct Options {
  strideload::Runner runner;
  strideload::Form form;
  std::vector<Change> changes;
  bool json = false;
  std::optional<std::string> series_path;
  bool help = false;
};

[[noreturn]] inline void fail(const char* option, const std::string& value, const char* accepted) {
  // InputError holds C strings; these outlive it, and invalid_input copies the message.
  static thread_local std::string value_text, accepted_text;
  value_text = value;
  accepted_text = accepted;
  InputError e;
  e.status = strideload::Status::invalid_input;
  e.parameter = option;
  e.value = std::nan("");
  e.value_text = value_text.empty() ? "(empty)" : value_text.c_str();
  e.accepted = accepted_text.c_str();
  throw invalid_input(e);
}

/// A finite decimal number, or an error naming the option.
inline double parse_number(const char* option, const std::string& text) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(begin, &end);
  if (text.empty() || end != begin + text.size() || errno == ERANGE || !std::isfinite(v))
    fail(option, text, "not a number; accepted a finite decimal number");
  return v;
}

/// The form options that `--vs` may change, in `whatif`'s spelling.
inline const std::vector<std::string>& form_option_names() {
  static const std::vector<std::string> names = {
      "speed", "cadence", "stride-length", "strike", "landing", "pelvic-tilt", "trunk-lean",
      "surface", "shoe"};
  return names;
}

inline strideload::Strike parse_strike(const std::string& v) {
  if (v == "rearfoot") return strideload::Strike::rearfoot;
  if (v == "midfoot") return strideload::Strike::midfoot;
  if (v == "forefoot") return strideload::Strike::forefoot;
  fail("strike", v, "accepted rearfoot, midfoot or forefoot");
}

inline strideload::Surface parse_surface(const std::string& v) {
  using strideload::SurfacePreset;
  for (auto p : {SurfacePreset::concrete, SurfacePreset::asphalt, SurfacePreset::track,
                 SurfacePreset::grass, SurfacePreset::treadmill})
    if (v == strideload::name(p)) return {p, {}};
  const char* accepted = "accepted concrete, asphalt, track, grass, treadmill or a stiffness in kN/m";
  if (v.empty() || !(std::isdigit(static_cast<unsigned char>(v[0])) || v[0] == '.'))
    fail("surface", v, accepted);
  return {SurfacePreset::custom, strideload::kilonewtons_per_metre(parse_number("surface", v))};
}

inline strideload::Shoe parse_shoe(const std::string& v) {
  using strideload::ShoePreset;
  for (auto p : {ShoePreset::barefoot, ShoePreset::minimal, ShoePreset::cushioned})
    if (v == strideload::name(p)) return {p, {}};
  const char* accepted = "accepted barefoot, minimal, cushioned or a stiffness in kN/m";
  if (v.empty() || !(std::isdigit(static_cast<unsigned char>(v[0])) || v[0] == '.'))
    fail("shoe", v, accepted);
  return {ShoePreset::custom, strideload::kilonewtons_per_metre(parse_number("shoe", v))};
}

/// Sets one form option from its text value (an absolute value or word).
inline void set_form_option(strideload::Form& f, const std::string& name, const std::string& v) {
  using namespace strideload;
  if (name == "speed") f.speed = metres_per_second(parse_number("speed", v));
  else if (name == "cadence") f.cadence = steps_per_minute(parse_number("cadence", v));
  else if (name == "stride-length") f.stride_length = metres(parse_number("stride-length", v));
  else if (name == "strike") f.strike = parse_strike(v);
  else if (name == "landing") f.landing = metres(parse_number("landing", v));
  else if (name == "pelvic-tilt") f.pelvic_tilt = degrees(parse_number("pelvic-tilt", v));
  else if (name == "trunk-lean") f.trunk_lean = degrees(parse_number("trunk-lean", v));
  else if (name == "surface") f.surface = parse_surface(v);
  else if (name == "shoe") f.shoe = parse_shoe(v);
}

inline bool is_form_option(const std::string& name) {
  for (const auto& n : form_option_names())
    if (n == name) return true;
  return false;
}

/// Parses argv (without the program name).
inline Options parse(const std::vector<std::string>& args) {
  using namespace strideload;
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* option) -> std::string {
      if (i + 1 >= args.size()) fail(option, "", "a value is missing after the option");
      return args[++i];
    };
    if (a == "--help" || a == "-h") o.help = true;
    else if (a == "--json") o.json = true;
    else if (a == "--series") o.series_path = value("series");
    else if (a == "--mass") o.runner.mass = kilograms(parse_number("mass", value("mass")));
    else if (a == "--height") o.runner.height = metres(parse_number("height", value("height")));
    else if (a == "--sex") {
      const std::string v = value("sex");
      if (v == "male") o.runner.sex = Sex::male;
      else if (v == "female") o.runner.sex = Sex::female;
      else fail("sex", v, "accepted male or female");
    } else if (a == "--vs") {
      const std::string v = value("vs");
      const auto eq = v.find('=');
      const std::string name = v.substr(0, eq);
      if (eq == std::string::npos || !is_form_option(name) || eq + 1 == v.size())
        fail("vs", v,
             "accepted NAME=VALUE with NAME one of speed, cadence, stride-length, strike, "
             "landing, pelvic-tilt, trunk-lean, surface, shoe");
      o.changes.push_back({v, name, v.substr(eq + 1)});
    } else if (a.rfind("--", 0) == 0 && is_form_option(a.substr(2))) {
      set_form_option(o.form, a.substr(2), value(a.c_str() + 2));
    } else {
      fail("option", a, "unknown option; see whatif --help");
    }
  }
  throw_if_error(check_runner(o.runner));
  return o;
}

/// The form of a variant: the baseline with one option changed. `base` is the baseline as
/// resolved. A change of cadence or stride length keeps the speed; a change of speed keeps the
/// cadence. Parameters the caller left out stay free (typical), so they move with the change.
inline strideload::Form apply_change(const strideload::Form& given,
                                     const strideload::ResolvedForm<double>& base,
                                     const Change& c) {
  using namespace strideload;
  Form f = given;
  const std::string& v = c.value;
  const bool relative = v.back() == '%';
  const bool signed_change = v[0] == '+' || v[0] == '-';
  auto current = [&]() -> double {
    if (c.name == "speed") return base.speed;
    if (c.name == "cadence") return base.cadence * 60.0;
    if (c.name == "stride-length") return base.stride_length;
    if (c.name == "landing") return base.landing;
    if (c.name == "pelvic-tilt") return base.pelvic_tilt * 180.0 / kPi;
    if (c.name == "trunk-lean") return base.trunk_lean * 180.0 / kPi;
    if (c.name == "surface") return base.surface_stiffness / 1000.0;
    if (c.name == "shoe") {
      if (base.shoe_compliance <= 0.0)
        fail("vs", c.text, "a barefoot baseline has no shoe stiffness to change; give a shoe");
      return 1.0 / base.shoe_compliance / 1000.0;
    }
    fail("vs", c.text, "strike takes a word (rearfoot, midfoot, forefoot), not a change");
  };
  std::string absolute = v;
  if (relative || signed_change) {
    const std::string number = relative ? v.substr(0, v.size() - 1) : v;
    const double delta = parse_number(c.name.c_str(), number);
    const double now = current();
    const double next = relative ? now * (1.0 + delta / 100.0) : now + delta;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", next);
    absolute = buf;
  }
  // Speed, cadence, stride: keep the speed unless the speed is what changes.
  if (c.name == "cadence" || c.name == "stride-length") {
    f.speed = metres_per_second(base.speed);
    f.cadence.reset();
    f.stride_length.reset();
  } else if (c.name == "speed") {
    f.cadence = steps_per_minute(base.cadence * 60.0);
    f.speed.reset();
    f.stride_length.reset();
  }
  set_form_option(f, c.name, absolute);
  return f;
}

}  // namespace whatif
