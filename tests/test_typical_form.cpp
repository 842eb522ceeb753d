#include <doctest/doctest.h>
#include <strideload/typical_form.hpp>

using namespace strideload;

TEST_CASE("typical form: contact time passes through van Oeveren 2021's figures") {
  CHECK(typical::contact_time_s(2.2) == doctest::Approx(0.34));
  CHECK(typical::contact_time_s(5.6) == doctest::Approx(0.18));
  CHECK(typical::contact_time_s(3.0) < typical::contact_time_s(2.5));
}

TEST_CASE("typical form: cadence rises 4 % from 3.15 to 4.12 m/s (Cavanagh & Kram 1989)") {
  CHECK(typical::cadence_spm(4.12) / typical::cadence_spm(3.15) == doctest::Approx(1.04).epsilon(1e-3));
  CHECK(typical::cadence_spm(3.0) == doctest::Approx(166.0));
  // van Oeveren 2021: 160–180 spm at 2.5–4 m/s.
  CHECK(typical::cadence_spm(2.5) >= 160.0);
  CHECK(typical::cadence_spm(4.0) <= 180.0);
}
