#include <doctest/doctest.h>
#include <strideload/errors.hpp>

#include <cmath>
#include <string>

using namespace strideload;

TEST_CASE("errors: check_range rejects NaN, inf and values outside, and accepts the bounds") {
  CHECK_FALSE(check_range("speed", 1.8, 1.8, 7.0, "m/s"));
  CHECK_FALSE(check_range("speed", 7.0, 1.8, 7.0, "m/s"));
  CHECK(check_range("speed", 7.01, 1.8, 7.0, "m/s"));
  CHECK(check_range("speed", -1.0, 1.8, 7.0, "m/s"));
  CHECK(check_range("speed", std::nan(""), 1.8, 7.0, "m/s"));
  CHECK(check_range("speed", INFINITY, 1.8, 7.0, "m/s"));
}

TEST_CASE("errors: the message names the parameter, the value and the accepted range") {
  const std::string text = describe(check_range("speed", 9.0, 1.8, 7.0, "m/s"));
  CHECK(text == "speed = 9 m/s: accepted 1.8 to 7 m/s");
  CHECK(describe(check_range("speed", std::nan(""), 1.8, 7.0, "m/s")).find("speed = NaN") == 0);
}

TEST_CASE("errors: invalid_input is an invalid_argument carrying the error") {
  try {
    throw_if_error(check_range("cadence", 20.0, 110.0, 240.0, "spm"));
    FAIL("no exception");
  } catch (const std::invalid_argument& e) {
    CHECK(std::string(e.what()).find("cadence = 20 spm") == 0);
    CHECK(dynamic_cast<const invalid_input&>(e).error().status == Status::invalid_input);
  }
  CHECK_NOTHROW(throw_if_error(InputError{}));
}
