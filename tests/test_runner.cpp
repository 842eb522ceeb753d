#include <doctest/doctest.h>
#include <strideload/runner.hpp>

#include <cmath>

using namespace strideload;

TEST_CASE("runner: the default runner's derived quantities") {
  const auto m = make_runner_model(Runner{});
  CHECK(m.weight == doctest::Approx(70.0 * 9.80665));
  CHECK(m.leg_length == doctest::Approx(0.530 * 1.75));
  CHECK(m.impact_mass == doctest::Approx(5.6));
  CHECK(m.foot_length == doctest::Approx(1.75 * 258.1 / 1741.0));
}

TEST_CASE("runner: bad body data is rejected with the parameter named") {
  Runner r;
  r.mass = kilograms(std::nan(""));
  CHECK_THROWS_WITH_AS(make_runner_model(r), doctest::Contains("mass = NaN kg"), invalid_input);
  r = Runner{};
  r.height = metres(3.0);
  CHECK_THROWS_WITH_AS(make_runner_model(r), "height = 3 m: accepted 1.4 to 2.1 m", invalid_input);
}
