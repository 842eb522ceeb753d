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

using strideload::FormChange;
using strideload::FormParameter;
using strideload::InputError;
using strideload::invalid_input;

/// One `--vs NAME=VALUE`.
struct Change {
  std::string text;  ///< as given, e.g. "cadence=+10%"
  FormChange change;
};

struct Options {
  strideload::Runner runner;
  strideload::Form form;
  std::vector<Change> changes;
  strideload::Holds holds;
  bool json = false;
  bool demo = false;  ///< no arguments at all: the classic advice on the default runner
  std::optional<std::string> series_path, plot_path;
  bool rank = false;  ///< --rank: rank the plausible single changes (ranking.hpp)
  std::optional<std::string> opensim_path;  ///< --opensim FILE.sto: every case's series for OpenSim
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

inline std::optional<FormParameter> form_parameter(const std::string& name) {
  for (int i = 0; i <= static_cast<int>(FormParameter::shoe); ++i)
    if (name == strideload::name(static_cast<FormParameter>(i))) return static_cast<FormParameter>(i);
  return std::nullopt;
}

inline strideload::Strike parse_strike(const std::string& v) {
  if (v == "rearfoot") return strideload::Strike::rearfoot;
  if (v == "midfoot") return strideload::Strike::midfoot;
  if (v == "forefoot") return strideload::Strike::forefoot;
  fail("strike", v, "accepted rearfoot, midfoot or forefoot");
}

inline bool starts_like_number(const std::string& v) {
  return !v.empty() && (std::isdigit(static_cast<unsigned char>(v[0])) || v[0] == '.');
}

inline std::optional<strideload::SurfacePreset> surface_word(const std::string& v) {
  using strideload::SurfacePreset;
  for (auto p : {SurfacePreset::concrete, SurfacePreset::asphalt, SurfacePreset::track,
                 SurfacePreset::grass, SurfacePreset::treadmill})
    if (v == strideload::name(p)) return p;
  return std::nullopt;
}

inline std::optional<strideload::ShoePreset> shoe_word(const std::string& v) {
  using strideload::ShoePreset;
  for (auto p : {ShoePreset::barefoot, ShoePreset::minimal, ShoePreset::cushioned})
    if (v == strideload::name(p)) return p;
  return std::nullopt;
}

constexpr const char* surface_words = "accepted concrete, asphalt, track, grass, treadmill or a stiffness in kN/m";
constexpr const char* shoe_words = "accepted barefoot, minimal, cushioned or a stiffness in kN/m";

/// Sets one form option from its text value (an absolute value or word).
inline void set_form_option(strideload::Form& f, FormParameter p, const std::string& v) {
  using namespace strideload;
  const char* option = name(p);
  switch (p) {
    case FormParameter::speed: f.speed = metres_per_second(parse_number(option, v)); break;
    case FormParameter::cadence: f.cadence = steps_per_minute(parse_number(option, v)); break;
    case FormParameter::stride_length: f.stride_length = metres(parse_number(option, v)); break;
    case FormParameter::strike: f.strike = parse_strike(v); break;
    case FormParameter::landing: f.landing = metres(parse_number(option, v)); break;
    case FormParameter::pelvic_tilt: f.pelvic_tilt = degrees(parse_number(option, v)); break;
    case FormParameter::trunk_lean: f.trunk_lean = degrees(parse_number(option, v)); break;
    case FormParameter::surface:
      if (auto w = surface_word(v)) f.surface = {*w, {}};
      else if (starts_like_number(v)) f.surface = {SurfacePreset::custom, kilonewtons_per_metre(parse_number(option, v))};
      else fail(option, v, surface_words);
      break;
    case FormParameter::shoe:
      if (auto w = shoe_word(v)) f.shoe = {*w, {}};
      else if (starts_like_number(v)) f.shoe = {ShoePreset::custom, kilonewtons_per_metre(parse_number(option, v))};
      else fail(option, v, shoe_words);
      break;
  }
}

/// A `--vs` value: "+10%"/"-5%" relative, "+5"/"-0.05" a change in the option's unit, an unsigned
/// number or a word the new value.
inline FormChange parse_change(FormParameter p, const std::string& text, const std::string& v) {
  FormChange c;
  c.parameter = p;
  if (p == FormParameter::strike) {
    c.kind = FormChange::Kind::word;
    c.strike = parse_strike(v);
    return c;
  }
  if (p == FormParameter::surface) {
    if (auto w = surface_word(v)) {
      c.kind = FormChange::Kind::word;
      c.surface = *w;
      return c;
    }
  }
  if (p == FormParameter::shoe) {
    if (auto w = shoe_word(v)) {
      c.kind = FormChange::Kind::word;
      c.shoe = *w;
      return c;
    }
  }
  const bool relative = v.back() == '%';
  const bool signed_change = v[0] == '+' || v[0] == '-';
  const std::string number = relative ? v.substr(0, v.size() - 1) : v;
  if (!signed_change && !starts_like_number(number))
    fail("vs", text, p == FormParameter::surface ? surface_words
                     : p == FormParameter::shoe  ? shoe_words
                                                 : "accepted +N% or -N% (relative), +N or -N (a change), or N (the new value)");
  c.value = parse_number(strideload::name(p), number);
  c.kind = relative ? FormChange::Kind::relative : signed_change ? FormChange::Kind::delta : FormChange::Kind::absolute;
  return c;
}

/// Parses argv (without the program name).
inline Options parse(const std::vector<std::string>& args) {
  using namespace strideload;
  Options o;
  o.demo = args.empty();
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* option) -> std::string {
      if (i + 1 >= args.size()) fail(option, "", "a value is missing after the option");
      return args[++i];
    };
    if (a == "--help" || a == "-h") o.help = true;
    else if (a == "--json") o.json = true;
    else if (a == "--demo") o.demo = true;
    else if (a == "--rank") o.rank = true;
    else if (a == "--series") o.series_path = value("series");
    else if (a == "--plot") o.plot_path = value("plot");
    else if (a == "--opensim") o.opensim_path = value("opensim");
    else if (a == "--mass") o.runner.mass = kilograms(parse_number("mass", value("mass")));
    else if (a == "--height") o.runner.height = metres(parse_number("height", value("height")));
    else if (a == "--sex") {
      const std::string v = value("sex");
      if (v == "male") o.runner.sex = Sex::male;
      else if (v == "female") o.runner.sex = Sex::female;
      else fail("sex", v, "accepted male or female");
    } else if (a == "--hold") {
      const std::string v = value("hold");
      const auto p = form_parameter(v);
      if (!p || !Holds::holdable(*p)) fail("hold", v, "accepted speed, cadence, stride-length or landing");
      *o.holds.flag(*p) = true;
    } else if (a == "--vs") {
      const std::string v = value("vs");
      const auto eq = v.find('=');
      const auto p = eq == std::string::npos ? std::nullopt : form_parameter(v.substr(0, eq));
      if (!p || eq + 1 == v.size())
        fail("vs", v,
             "accepted NAME=VALUE with NAME one of speed, cadence, stride-length, strike, "
             "landing, pelvic-tilt, trunk-lean, surface, shoe");
      o.changes.push_back({v, parse_change(*p, v, v.substr(eq + 1))});
    } else if (a.rfind("--", 0) == 0 && form_parameter(a.substr(2))) {
      set_form_option(o.form, *form_parameter(a.substr(2)), value(a.c_str() + 2));
    } else {
      fail("option", a, "unknown option; see whatif --help");
    }
  }
  throw_if_error(check_runner(o.runner));
  return o;
}

/// The classic advice (issue 4): what runners with a sore back are told. The baseline runs on
/// concrete, so that grass is compared with it.
inline void add_demo(Options& o) {
  using namespace strideload;
  o.form.surface = {SurfacePreset::concrete, {}};
  auto add = [&](const char* text, FormChange c) { o.changes.push_back({text, c}); };
  add("cadence=+5%", raise_cadence(5));
  add("cadence=+10%", raise_cadence(10));
  add("landing=-0.05", land_closer(metres(0.05)));
  add("strike=forefoot", switch_strike(Strike::forefoot));
  add("surface=grass", run_on(SurfacePreset::grass));
  add("pelvic-tilt=-5", reduce_pelvic_tilt(degrees(5.0)));
  // Recreational runners lean 5–7.5°, elites about 3° (Preece et al. 2016): 3° more upright.
  add("trunk-lean=-3", run_more_upright(degrees(3.0)));
}

}  // namespace whatif
