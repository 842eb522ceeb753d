#include <doctest/doctest.h>
#include <initializer_list>
#include <strideload/typical_form.hpp>

using namespace strideload;

// The laws are fitted to Hamner & Delp's ten runners at 3 and 5 m/s (docs/fit_typical_timing.py);
// these checks hold them to the measured means there and to the other published ranges.

TEST_CASE("typical form: contact time at 3 and 5 m/s is Hamner & Delp's ten runners' (10 N)") {
  // Means ± SD over the trials the fit uses, those not zeroed above 10 N (whose contacts are cut
  // short; docs/data/README.md): 0.290 ± 0.024 s at 3 m/s, 0.236 ± 0.017 s at 5 m/s.
  CHECK(typical::contact_time_s(3.0) == doctest::Approx(0.290).epsilon(0.02).scale(0));
  CHECK(typical::contact_time_s(5.0) == doctest::Approx(0.236).epsilon(0.02).scale(0));
}

TEST_CASE("typical form: contact time falls with speed inside van Oeveren 2021's 0.34 → 0.18 s") {
  double previous = 1.0;
  for (double v : {2.2, 2.5, 3.0, 4.0, 5.0, 5.6}) {
    CAPTURE(v);
    CHECK(typical::contact_time_s(v) < previous);
    CHECK(typical::contact_time_s(v) <= 0.34);
    CHECK(typical::contact_time_s(v) >= 0.18);
    previous = typical::contact_time_s(v);
  }
}

TEST_CASE("typical form: cadence at 3 and 5 m/s is Hamner & Delp's ten runners'") {
  // Means ± SD: 168.4 ± 8.0 spm at 3 m/s, 193.7 ± 9.2 spm at 5 m/s.
  CHECK(typical::cadence_spm(3.0) == doctest::Approx(168.4).epsilon(0.01));
  CHECK(typical::cadence_spm(5.0) == doctest::Approx(193.7).epsilon(0.01));
  // van Oeveren 2021: recreational runners 160–180 spm at 2.5–4 m/s; the treadmill runners here
  // reach 182 at 4 m/s, inside one SD of that range's top.
  CHECK(typical::cadence_spm(2.5) >= 160.0);
  CHECK(typical::cadence_spm(4.0) <= 185.0);
}
