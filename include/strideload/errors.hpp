#pragma once
/// @file errors.hpp
/// How strideload reports bad input: a status value on the real-time path, an exception on the
/// convenient path. Both name the parameter, its value and what is accepted.

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace strideload {

/// Outcome of a check or an analysis on the real-time path.
enum class Status {
  ok,            ///< the input was accepted
  invalid_input, ///< a parameter is NaN, infinite or outside its plausible range
  inconsistent,  ///< parameters contradict each other (e.g. speed, cadence and stride length)
  no_solution,   ///< each parameter is plausible, but no running step has this combination
};

/// What was wrong with the input. Plain data: building one never allocates or throws.
struct InputError {
  Status status = Status::ok;  ///< ok, or what kind of error
  const char* parameter = "";  ///< the option's name, as `whatif` spells it (e.g. "speed")
  double value = 0.0;          ///< the offending value, in `unit`
  double min = 0.0;            ///< accepted range, in `unit` (none when min == max)
  double max = 0.0;            ///< upper end of the accepted range, in `unit`
  const char* unit = "";       ///< e.g. "m/s"
  const char* accepted = "";   ///< words accepted, or why no solution exists; replaces the range
                               ///< if there is none (min == max), else comes before it
  const char* value_text = ""; ///< the value as text, for values that are not numbers

  /// True when there is no error.
  constexpr explicit operator bool() const { return status != Status::ok; }
};

/// Error for a numeric parameter outside [min, max] (NaN and inf included).
constexpr InputError out_of_range(const char* parameter, double value, double min, double max,
                                  const char* unit) {
  return InputError{Status::invalid_input, parameter, value, min, max, unit, ""};
}

/// Error with a reason instead of a range: an unknown word, an impossible combination.
inline InputError rejected(Status status, const char* parameter, const char* why,
                           double value = std::nan(""), const char* unit = "",
                           const char* value_text = "") {
  InputError e;
  e.status = status;
  e.parameter = parameter;
  e.value = value;
  e.unit = unit;
  e.accepted = why;
  e.value_text = value_text;
  return e;
}

/// Checks that `value` is finite and within [min, max]; returns an error naming `parameter` if not.
inline InputError check_range(const char* parameter, double value, double min, double max,
                              const char* unit) {
  if (!std::isfinite(value) || value < min || value > max)
    return out_of_range(parameter, value, min, max, unit);
  return {};
}

/// One-line, human-readable description: "speed = 9 m/s: accepted 1.8 to 7 m/s".
inline std::string describe(const InputError& e) {
  char value[64];
  if (*e.value_text) {
    std::snprintf(value, sizeof value, "'%.40s'", e.value_text);
    // The message is one line: a newline or other control character in the caller's text
    // must not break it (whatif prints exactly one line on bad input).
    for (char* c = value; *c; ++c)
      if (static_cast<unsigned char>(*c) < 0x20 || *c == 0x7f) *c = '?';
  }
  else if (std::isnan(e.value))
    std::snprintf(value, sizeof value, "NaN");
  else {
    std::snprintf(value, sizeof value, "%.6g", e.value);
    // A value just outside its range must not read as the bound ("150 kg: accepted 35 to 150").
    const double shown = std::strtod(value, nullptr);
    if (e.status == Status::invalid_input && e.min < e.max && shown >= e.min && shown <= e.max)
      std::snprintf(value, sizeof value, "%.17g", e.value);
  }
  std::string text = std::string(e.parameter) + " = " + value;
  if (*e.unit) text += std::string(" ") + e.unit;
  if (*e.accepted && !(e.min < e.max)) return text + ": " + e.accepted;
  if (*e.accepted) text += std::string(": ") + e.accepted + ";";  // a note, then the range
  else text += ":";
  char range[128];
  std::snprintf(range, sizeof range, " accepted %.6g to %.6g %s", e.min, e.max, e.unit);
  return text + range;
}

/// Thrown by the convenient API for bad input; `what()` names the parameter, its value and what is
/// accepted, and `error()` gives the same as data.
class invalid_input : public std::invalid_argument {
 public:
  /// The exception for `e`, with describe(e) as its message.
  explicit invalid_input(const InputError& e) : std::invalid_argument(describe(e)), error_(e) {}
  /// The error as data.
  const InputError& error() const noexcept { return error_; }

 private:
  InputError error_;
};

/// Throws invalid_input if `e` holds an error.
inline void throw_if_error(const InputError& e) {
  if (e) throw invalid_input(e);
}

}  // namespace strideload
