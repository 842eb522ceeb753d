// libFuzzer target over the whatif command line (issue 6). The bytes are split into argv words at
// each newline, parsed as whatif parses them (examples/whatif/command_line.hpp), and what parses is
// analysed as whatif would, through the status API at a low sample rate. The contract checked is
// whatif's: bad input is an invalid_input whose message is one line naming the option; good
// input analyses to finite numbers or to an error that names a parameter. Any other exception,
// a crash or a sanitizer finding is a failure.

#include <strideload/strideload.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "analysis_checks.hpp"
#include "command_line.hpp"

namespace {

using namespace strideload;

/// At most this many words, and this many changes analysed: enough to reach every option.
constexpr std::size_t max_words = 64, max_changes = 4;

[[noreturn]] void broken(const std::vector<std::string>& args, const std::string& what) {
  std::fprintf(stderr, "whatif contract broken: %s\nargs:", what.c_str());
  for (const auto& a : args) std::fprintf(stderr, " [%s]", a.c_str());
  std::fprintf(stderr, "\n");
  std::abort();
}

/// A message as whatif prints it must be one line, "NAME = VALUE...", with NAME non-empty.
void check_message(const std::vector<std::string>& args, const InputError& e, const std::string& message) {
  if (e.status == Status::ok || !*e.parameter) broken(args, "error without a parameter: " + message);
  if (message.rfind(std::string(e.parameter) + " = ", 0) != 0)
    broken(args, "message does not start with its parameter: " + message);
  if (message.find('\n') != std::string::npos || message.find('\r') != std::string::npos)
    broken(args, "message is not one line: " + message);
}

/// Analyses at 200 Hz; checks the outcome. True when it succeeded.
bool analyse(const std::vector<std::string>& args, const RunnerModel<double>& runner, const Form& form,
             Analysis& out) {
  AnalysisOptions options;
  options.sample_rate_hz = 200.0;
  const InputError e = analyze(runner, form, options, out);
  if (e) {
    check_message(args, e, describe(e));
    return false;
  }
  if (!strideload_test::all_finite(out)) broken(args, "analysis ok but an output is NaN or inf");
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args(1);
  for (std::size_t i = 0; i < size && args.size() <= max_words; ++i) {
    if (data[i] == '\n') args.emplace_back();
    else args.back() += static_cast<char>(data[i]);
  }
  if (size == 0) args.clear();  // no words at all: the demo
  whatif::Options o;
  try {
    o = whatif::parse(args);
  } catch (const invalid_input& e) {
    check_message(args, e.error(), e.what());
    return 0;
  }
  if (o.help) return 0;
  if (o.demo) whatif::add_demo(o);
  static Analysis base, variant;
  const RunnerModel<double> runner = runner_model_unchecked(o.runner);  // parse() checked it
  if (!analyse(args, runner, o.form, base)) return 0;
  for (std::size_t i = 0; i < o.changes.size() && i < max_changes; ++i) {
    Form form;
    if (const InputError e = apply_change(runner, o.form, base.form, o.changes[i].change, o.holds, form)) {
      check_message(args, e, describe(e));
      continue;
    }
    analyse(args, runner, form, variant);
  }
  return 0;
}
