// Random and extreme whatif command lines (issue 6, "done when"): runs the real whatif program on
// a few hundred generated command lines and checks that each ends with status 0 and valid, finite
// output, or with status 2 and exactly one line on stderr that names the option.
//
// usage: strideload_whatif_random_cli WHATIF WORKDIR [COUNT] [SEED]
// The seed is fixed, so every run tries the same command lines; a failure prints the line.

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>
#include <regex>
#include <string>
#include <vector>

namespace {

struct Result {
  int status = -1;  ///< exit status, or -1 when ended by a signal
  int signal = 0;
  std::string out, err;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Runs `program` with `args`, its output and errors into files under `workdir`.
Result run(const std::string& program, const std::vector<std::string>& args, const std::string& workdir) {
  const std::string out_path = workdir + "/random_cli.out", err_path = workdir + "/random_cli.err";
  const pid_t pid = fork();
  if (pid < 0) {
    std::perror("fork");
    std::exit(1);
  }
  if (pid == 0) {
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0 || err < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0) _exit(127);
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    _exit(127);
  }
  int wstatus = 0;
  waitpid(pid, &wstatus, 0);
  Result r;
  if (WIFEXITED(wstatus)) r.status = WEXITSTATUS(wstatus);
  if (WIFSIGNALED(wstatus)) r.signal = WTERMSIG(wstatus);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

/// Makes command lines: mostly plausible options with a few hostile words among them.
class Generator {
 public:
  Generator(std::uint64_t seed, std::string workdir) : rng_(seed), workdir_(std::move(workdir)) {}

  std::vector<std::string> next() {
    std::vector<std::string> args;
    const int options = pick(0, 6);
    for (int i = 0; i < options; ++i) add_option(args);
    if (chance(0.8)) args.push_back("--json");
    if (chance(0.02)) args.push_back("--help");
    if (chance(0.02)) args.push_back("--demo");
    if (chance(0.03)) args.push_back("--rank");  // ranks a dozen changes: kept rare for speed
    // Shuffle sometimes: order must not matter for validity of the contract.
    if (chance(0.1)) std::shuffle(args.begin(), args.end(), rng_);
    return args;
  }

 private:
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_) < p; }
  template <class T>
  const T& one_of(const std::vector<T>& v) { return v[static_cast<std::size_t>(pick(0, static_cast<int>(v.size()) - 1))]; }

  /// A number: plausible for a range [lo, hi] most of the time, else something hostile.
  std::string number(double lo, double hi) {
    if (chance(0.75)) {
      char text[64];
      const double v = std::uniform_real_distribution<double>(lo - 0.1 * (hi - lo), hi + 0.1 * (hi - lo))(rng_);
      std::snprintf(text, sizeof text, "%.*f", pick(0, 4), v);
      return text;
    }
    return hostile_number();
  }
  std::string hostile_number() {
    static const std::vector<std::string> values = {
        "nan", "NaN", "-nan", "inf", "-inf", "infinity", "1e999", "-1e999", "1e308", "-1e308",
        "4.9e-324", "0", "-0", "0x1p3", "0x", "", " ", " 3", "3 ", "3abc", "abc", "+", "-", ".",
        "..5", "1,5", "1e", "99999999999999999999999999999999999999", "--json", "-1", "1/0",
        "\xc3\xa9", "3\n4", "\x01", "\t", "%", "+10%", std::string(300, '9')};
    return one_of(values);
  }
  std::string word(const std::vector<std::string>& good) {
    static const std::vector<std::string> bad = {"", "heel", "MALE", "Asphalt", "concrete ",
                                                 "grass\n", "\xff\xfe", "null", "0", "-5", "1e6"};
    return chance(0.8) ? one_of(good) : one_of(bad);
  }
  std::string change() {
    static const std::vector<std::string> names = {"speed", "cadence", "stride-length", "strike",
                                                   "landing", "pelvic-tilt", "trunk-lean",
                                                   "surface", "shoe"};
    if (chance(0.07)) return one_of(std::vector<std::string>{"cadence", "=5", "cadence=", "speed==3", "foo=1", "=", ""});
    const std::string name = chance(0.95) ? one_of(names) : std::string("mass");
    std::string value;
    if (name == "strike") value = word({"rearfoot", "midfoot", "forefoot"});
    else if ((name == "surface" || name == "shoe") && chance(0.5))
      value = name == "surface" ? word({"concrete", "asphalt", "track", "grass", "treadmill"})
                                : word({"barefoot", "minimal", "cushioned"});
    else {
      switch (pick(0, 3)) {
        case 0: value = (chance(0.5) ? "+" : "-") + number(0, 60) + "%"; break;
        case 1: value = (chance(0.5) ? "+" : "-") + number(0, 1); break;
        case 2: value = number(0, 250); break;
        default: value = hostile_number() + (chance(0.5) ? "%" : ""); break;
      }
    }
    return name + "=" + value;
  }
  void add_option(std::vector<std::string>& args) {
    switch (pick(0, 17)) {
      case 0: args.insert(args.end(), {"--mass", number(35, 150)}); break;
      case 1: args.insert(args.end(), {"--height", number(1.4, 2.1)}); break;
      case 2: args.insert(args.end(), {"--sex", word({"male", "female"})}); break;
      case 3: args.insert(args.end(), {"--speed", number(1.8, 7)}); break;
      case 4: args.insert(args.end(), {"--cadence", number(110, 240)}); break;
      case 5: args.insert(args.end(), {"--stride-length", number(0.6, 5)}); break;
      case 6: args.insert(args.end(), {"--strike", word({"rearfoot", "midfoot", "forefoot"})}); break;
      case 7: args.insert(args.end(), {"--landing", number(0, 0.6)}); break;
      case 8: args.insert(args.end(), {"--pelvic-tilt", number(-10, 45)}); break;
      case 9: args.insert(args.end(), {"--trunk-lean", number(-10, 40)}); break;
      case 10:
        args.insert(args.end(), {"--surface", chance(0.5) ? word({"concrete", "asphalt", "track", "grass", "treadmill"})
                                                          : number(20, 1e5)});
        break;
      case 11:
        args.insert(args.end(), {"--shoe", chance(0.5) ? word({"barefoot", "minimal", "cushioned"}) : number(20, 1e5)});
        break;
      case 12: case 13: case 14: args.insert(args.end(), {"--vs", change()}); break;
      case 15:
        args.insert(args.end(), {"--hold", word({"speed", "cadence", "stride-length", "landing", "strike", "shoe"})});
        break;
      case 16:  // an option without its value, an unknown option or a stray word
        args.push_back(one_of(std::vector<std::string>{"--speed", "--vs", "--frobnicate", "-x", "json", "--", "-",
                                                       "--SPEED", "--json=1", "--mass=70"}));
        break;
      default:  // files: a writable series, or paths that cannot be written
        if (chance(0.5)) args.insert(args.end(), {"--series", workdir_ + "/random_cli_series.csv"});
        else if (chance(0.3)) args.insert(args.end(), {"--opensim", workdir_ + "/random_cli.sto"});
        else if (chance(0.5)) args.insert(args.end(), {"--series", "/nonexistent-dir/\nx.csv"});
        else if (chance(0.5)) args.insert(args.end(), {"--opensim", "/nonexistent-dir/x.sto"});
        else args.insert(args.end(), {"--plot", "/nonexistent-dir/x.png"});
        break;
    }
  }

  std::mt19937_64 rng_;
  std::string workdir_;
};

std::string quoted(const std::vector<std::string>& args) {
  std::string text = "whatif";
  for (const auto& a : args) {
    text += " '";
    for (char c : a) {
      if (c == '\n') text += "\\n";
      else if (c == '\'') text += "'\\''";
      else text += c;
    }
    text += "'";
  }
  return text;
}

/// Why this run broke the contract, or empty.
std::string problem(const std::vector<std::string>& args, const Result& r) {
  if (r.signal) return "ended by signal " + std::to_string(r.signal);
  if (r.status == 2) {
    static const std::regex one_line("whatif: [a-z][a-z-]* = [^\n]*\n");
    if (!std::regex_match(r.err, one_line)) return "status 2 without one line naming the option on stderr";
    return {};
  }
  if (r.status != 0) return "status " + std::to_string(r.status);
  if (!r.err.empty()) return "status 0 with text on stderr";
  if (r.out.empty()) return "status 0 without output";
  static const std::regex not_finite("\\b(nan|inf|infinity)\\b", std::regex::icase);
  if (std::regex_search(r.out, not_finite)) return "output holds NaN or inf";
  bool json = false, help = false;
  for (const auto& a : args) {
    json = json || a == "--json";
    help = help || a == "--help";
  }
  if (json && !help) {
    try {
      const auto doc = nlohmann::json::parse(r.out);
      if (!doc.contains("baseline") || !doc["baseline"].contains("metrics")) return "JSON without baseline metrics";
    } catch (const std::exception& e) {
      return std::string("invalid JSON: ") + e.what();
    }
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s WHATIF WORKDIR [COUNT] [SEED]\n", argv[0]);
    return 1;
  }
  const std::string whatif = argv[1], workdir = argv[2];
  const int count = argc > 3 ? std::atoi(argv[3]) : 400;
  const std::uint64_t seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 6;
  Generator generate(seed, workdir);
  int ok = 0, refused = 0, failures = 0;
  for (int i = 0; i < count; ++i) {
    const auto args = generate.next();
    const Result r = run(whatif, args, workdir);
    const std::string why = problem(args, r);
    if (!why.empty()) {
      ++failures;
      std::printf("FAIL %s\n  %s\n  stderr: %s\n", quoted(args).c_str(), why.c_str(), r.err.c_str());
      continue;
    }
    (r.status == 0 ? ok : refused) += 1;
  }
  std::printf("%d random whatif command lines (seed %llu): %d status 0, %d status 2, %d broke the contract\n",
              count, static_cast<unsigned long long>(seed), ok, refused, failures);
  // Both outcomes must be well represented, or the generator has drifted.
  const bool balanced = ok >= count / 10 && refused >= count / 10;
  if (!balanced) std::printf("FAIL: the generator no longer gives both outcomes often\n");
  return failures == 0 && balanced ? 0 : 1;
}
