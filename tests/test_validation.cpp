// The model against published numbers (../shared/science.md §1–5). Each check states its source.
// Tolerances are the sources' own spread where they give one; docs/validation.md tabulates the
// model's values and errors.
#include <doctest/doctest.h>
#include <strideload/analysis.hpp>
#include <strideload/comparison.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "csv_rows.hpp"

using namespace strideload;

namespace {
Analysis run(double mass, double height, double speed, std::optional<double> spm = {},
             Form f = Form{}) {
  Runner r;
  r.mass = kilograms(mass);
  r.height = metres(height);
  f.speed = metres_per_second(speed);
  if (spm) f.cadence = steps_per_minute(*spm);
  return analyze(r, f);
}

// When the model's vertical force first reaches `newtons`, s after touchdown (to 10 µs): where a
// force-plate threshold would start the contact.
double first_reaching(const Stance<double>& stance, double newtons) {
  double t = 0.0;
  while (vertical_force(stance, t) < newtons) t += 1e-5;
  return t;
}

// A measured mean ± k SD, as a doctest tolerance: the form every check against a study's spread takes.
// Approx allows epsilon·(scale + max(|model|, |mean|)); a tiny epsilon times a scale of k·SD/epsilon
// makes that k·SD to within 1e-9 of the values. (epsilon = k·SD/mean with the default scale of 1
// would allow (1 + |x|)/|x| times k·SD: three times it for a fraction near 0.46.)
doctest::Approx within_sd(double mean, double sd, double k = 1.0) {
  constexpr double tiny = 1e-9;
  return doctest::Approx(mean).epsilon(tiny).scale(k * sd / tiny);
}

// Hamner subject 1's mean stance curve (tests/data/hamner-s01-run300-stance.csv): its rows, each
// with the % of the 50 N stance first, then the file's other columns in order.
std::vector<std::vector<double>> hamner_stance_rows() {
  return strideload_test::csv_rows("hamner-s01-run300-stance.csv");
}

// The share of the measured curve's variance the model predicts, and the RMS error.
struct CurveFit {
  double r2, rms;
};
CurveFit fit(const std::vector<double>& measured, const std::vector<double>& model) {
  double mean = 0.0;
  for (double m : measured) mean += m / static_cast<double>(measured.size());
  double residual = 0.0, total = 0.0;
  for (std::size_t i = 0; i < measured.size(); ++i) {
    residual += (model[i] - measured[i]) * (model[i] - measured[i]);
    total += (measured[i] - mean) * (measured[i] - mean);
  }
  return {1.0 - residual / total, std::sqrt(residual / static_cast<double>(measured.size()))};
}
}  // namespace

TEST_CASE("validation: Hamner & Delp 2013 subject 1 at 3 m/s (shared data)") {
  // 72.94 kg, 166.8 spm; peak vGRF 2.52 BW; contact 0.26 s at 50 N.
  const auto a = run(72.94, 1.75, 3.0, 166.8);
  CHECK(a.metrics.peak_vgrf_bw == doctest::Approx(2.52).epsilon(0.06));
  CHECK(contact_time_at(a.series, 50.0) == doctest::Approx(0.26).epsilon(0.06).scale(0));
}

TEST_CASE("validation: Hamner & Delp 2013 subject 1 fore-aft force") {
  // Measured (5 stances): peak braking −0.287 ± 0.041 BW at 28 % of stance, propulsion peak
  // +0.215 BW, braking impulse 0.0176 BW·s over the 50 N stance, zero crossing at about 51 %.
  const auto a = run(72.94, 1.75, 3.0, 166.8);
  const double bw = a.runner.weight;
  CHECK(a.series.hgrf.minCoeff() / bw == within_sd(-0.287, 0.041, 2.0));
  CHECK(a.metrics.braking_impulse_bw_s == doctest::Approx(0.0176).epsilon(0.25).scale(0));
  Eigen::Index zero = 1;
  while (!(a.series.hgrf[zero - 1] < 0 && a.series.hgrf[zero] >= 0)) ++zero;
  CHECK(a.series.time[zero] / a.stance.contact_time == doctest::Approx(0.51).epsilon(0.1).scale(0));
}

TEST_CASE("validation: landing closer lowers braking (Lieberman et al. 2015)") {
  Form near, far;
  near.landing = metres(0.15);
  far.landing = metres(0.25);
  CHECK(run(70, 1.75, 3.0, 166.0, near).metrics.braking_impulse_bw_s <
        run(70, 1.75, 3.0, 166.0, far).metrics.braking_impulse_bw_s);
}

// The measured curve rises faster than it falls, peaking at 41 % of this runner's stance; the
// model's active pulse peaks at the ten runners' typical fraction (stance.hpp), not fitted to him.
TEST_CASE("validation: Hamner & Delp 2013 subject 1 vGRF waveform, R² above 0.8") {
  const auto a = run(72.94, 1.75, 3.0, 166.8);
  // Against the stance curve itself: the share of the measured waveform's variance the model
  // predicts (R²). Clark et al. (2017) *fitted* their two-mass curves to 500 measured waveforms with
  // R² = 0.94 (rearfoot); a prediction with no fitting is asked for 0.8.
  std::vector<double> measured, model;
  const double tc = contact_time_at(a.series, 50.0);
  const double on = first_reaching(a.stance, 50.0);
  for (const auto& v : hamner_stance_rows()) {
    measured.push_back(v[1]);
    model.push_back(vertical_force(a.stance, on + v[0] / 100.0 * tc) / a.runner.weight);
  }
  const CurveFit f = fit(measured, model);
  MESSAGE("vGRF R² vs Hamner subject 1: " << f.r2 << ", RMS error " << f.rms << " BW");
  CHECK(f.r2 > 0.8);
}

TEST_CASE("validation: Fukuchi et al. 2017 runner at 2.5 m/s, 157 spm") {
  // 2.28 BW, contact 0.285 s.
  const auto a = run(70, 1.75, 2.5, 157);
  CHECK(a.metrics.peak_vgrf_bw == doctest::Approx(2.28).epsilon(0.10));
  CHECK(a.metrics.contact_time_s == doctest::Approx(0.285).epsilon(0.10).scale(0));
}

TEST_CASE("validation: 70 kg at 2.5–5 m/s: peak vGRF 2.1–2.9 BW, leg stiffness 7–16 kN/m") {
  // Keller et al. 1996 and Munro et al. 1987: about 2.5–2.8 BW up to 5 m/s. Leg stiffness falls
  // with speed here as in Hamner & Delp's runners; at 5 m/s it sits on the 7 kN/m edge (7.00;
  // validation.md), so this check fails if the model's stiffness there falls any further.
  for (double v : {2.5, 3.0, 3.5, 4.0, 4.5, 5.0}) {
    const auto a = run(70, 1.75, v);
    CAPTURE(v);
    CHECK(a.metrics.peak_vgrf_bw >= 2.1);
    CHECK(a.metrics.peak_vgrf_bw <= 2.9);
    CHECK(a.metrics.leg_stiffness_kn_per_m >= 7.0);
    CHECK(a.metrics.leg_stiffness_kn_per_m <= 16.0);
  }
}

TEST_CASE("validation: Hamner & Delp 2013, ten runners at 3–5 m/s: leg stiffness by Morin's method within one SD") {
  // The same estimator on both sides (Morin et al. 2005): peak force over Δy + L − sqrt(L² − (v·tc/2)²),
  // with the sine-wave drop Δy = F·tc²/(m·π²) − g·tc²/8, the 20 N contact tc and L = 0.53·1.75 m
  // (the runners' heights are not in the files). The runners' means ± SD come from
  // docs/data/hamner2013_stance_timing.csv, without the trials zeroed above 10 N, whose contacts
  // are cut short (docs/data/README.md gives the computation).
  struct Speed { double v, mean, sd; };
  for (const Speed& s : {Speed{3.0, 8.96, 1.39}, Speed{4.0, 8.10, 1.56}, Speed{5.0, 7.25, 1.41}}) {
    const auto a = run(71.6, 1.75, s.v);
    const double g = standard_gravity, m = a.runner.mass, L = leg_length_per_stature * 1.75;
    const double pi = 3.14159265358979323846;
    const double force = a.metrics.peak_vgrf_bw * m * g, tc = a.metrics.contact_time_s;
    const double sine_wave_drop = force * tc * tc / (m * pi * pi) - g * tc * tc / 8;
    const double k = force / leg_compression(L, sine_wave_drop, s.v * tc / 2) / 1000;
    CAPTURE(s.v);
    CHECK(k == within_sd(s.mean, s.sd));
  }
}

TEST_CASE("validation: Hamner & Delp 2013, ten runners at 2–5 m/s: peak vGRF within one SD") {
  // docs/data/hamner2013_stance_timing.csv. The typical cadence is fitted to these runners at all
  // four speeds and the contact time (10 N) at 3–5 m/s; the peak force is not fitted: it follows
  // from the impulse and the two-mass waveform. Means ± SD, mean mass 71.6 kg.
  const auto at2 = run(71.6, 1.75, 2.0), at3 = run(71.6, 1.75, 3.0), at4 = run(71.6, 1.75, 4.0),
             at5 = run(71.6, 1.75, 5.0);
  CHECK(at2.metrics.peak_vgrf_bw == within_sd(2.10, 0.21));
  CHECK(at3.metrics.peak_vgrf_bw == within_sd(2.40, 0.21));
  CHECK(at4.metrics.peak_vgrf_bw == within_sd(2.56, 0.21));
  CHECK(at5.metrics.peak_vgrf_bw == within_sd(2.61, 0.26));
  // The contact time at 20 N, a threshold the fit did not use. At 2 m/s only three files are zeroed
  // low enough to time it.
  CHECK(at2.metrics.contact_time_s == within_sd(0.342, 0.021));
  CHECK(at3.metrics.contact_time_s == within_sd(0.281, 0.022));
  CHECK(at4.metrics.contact_time_s == within_sd(0.250, 0.019));
  CHECK(at5.metrics.contact_time_s == within_sd(0.223, 0.015));
  // The cadence law is fitted here (typical_form.hpp); this keeps it there.
  CHECK(at2.form.cadence * 60 == within_sd(160.0, 8.9));
  CHECK(at3.form.cadence * 60 == within_sd(168.4, 8.0));
  CHECK(at4.form.cadence * 60 == within_sd(178.6, 7.9));
  CHECK(at5.form.cadence * 60 == within_sd(193.7, 9.2));
}

TEST_CASE("validation: Hamner & Delp 2013, ten runners: when the force peaks, and how fast they land") {
  // docs/data/hamner2013_stance_timing.csv, trials zeroed near 10 N only. The law for the peak's
  // time is fitted to its fraction of the 20 N contact at 3–5 m/s (stance.hpp), and applied
  // to the model's spring-mass contact, which is about 4 % longer than the model's own 20 N
  // contact: measured as the data were, the model's peak comes 0.01–0.02 of the contact later than
  // the law (docs/validation.md). Means ± SD: 0.384 ± 0.017 (2 m/s, three trials), 0.441 ± 0.013,
  // 0.460 ± 0.012, 0.472 ± 0.008.
  auto peak_fraction = [](const Analysis& a) {
    Eigen::Index peak = 0;
    a.series.vgrf.maxCoeff(&peak);
    const double on = first_reaching(a.stance, 20.0);
    return (a.series.time[peak] - on) / contact_time_at(a.series, 20.0);
  };
  const auto at2 = run(71.6, 1.75, 2.0), at3 = run(71.6, 1.75, 3.0), at4 = run(71.6, 1.75, 4.0),
             at5 = run(71.6, 1.75, 5.0);
  CHECK(peak_fraction(at2) == within_sd(0.384, 0.017, 2.0));
  CHECK(peak_fraction(at3) == within_sd(0.441, 0.013, 1.5));
  CHECK(peak_fraction(at4) == within_sd(0.460, 0.012, 1.5));
  CHECK(peak_fraction(at5) == within_sd(0.472, 0.008, 2.0));
  CHECK(peak_fraction(at2) < peak_fraction(at3));
  CHECK(peak_fraction(at3) < peak_fraction(at5));
  // Not fitted at any speed: the COM's descent speed at touchdown. For a periodic step it is
  // g·(T/2 − t̄), t̄ the vertical impulse's centroid after the 20 N touchdown, measured from each
  // runner's force curve (cadence, 20 N contact and centroid columns): 0.39 ± 0.12 m/s at 2 m/s
  // (three trials), 0.50 ± 0.08 at 3 m/s, 0.52 ± 0.05 at 4 m/s, 0.50 ± 0.07 at 5 m/s. The model is
  // low at 3–5 m/s (docs/validation.md, "Where the model is weak").
  CHECK(at2.stance.impact_velocity == within_sd(0.39, 0.12));
  CHECK(at3.stance.impact_velocity == within_sd(0.50, 0.08, 1.5));
  CHECK(at4.stance.impact_velocity == within_sd(0.52, 0.05, 1.5));
  CHECK(at5.stance.impact_velocity == within_sd(0.50, 0.07, 1.5));
}

TEST_CASE("validation: contact time falls with speed within 0.34 → 0.18 s (van Oeveren 2021)") {
  double previous = 1.0;
  for (double v : {2.2, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.6}) {
    const double tc = run(70, 1.75, v).metrics.contact_time_s;
    CAPTURE(v);
    CHECK(tc < previous);
    CHECK(tc <= 0.34);
    CHECK(tc >= 0.18);
    previous = tc;
  }
}

TEST_CASE("validation: Morin et al. 2005, 76 kg men at 3.33–6.67 m/s (means within one SD)") {
  // k_vert 37.7 ± 8.8 kN/m, k_leg 10.4 ± 2.3 kN/m, ΔL ≈ 0.20 m.
  double kvert = 0, kleg = 0, dl = 0;
  const std::vector<double> speeds{3.33, 4.44, 5.56, 6.67};
  for (double v : speeds) {
    const auto a = run(76, 1.80, v);
    kvert += a.metrics.vertical_stiffness_kn_per_m;
    kleg += a.metrics.leg_stiffness_kn_per_m;
    dl += leg_compression(a.runner.leg_length, -a.series.com_z.minCoeff(), v * a.metrics.contact_time_s / 2);
  }
  const double n = static_cast<double>(speeds.size());
  CHECK(kvert / n == within_sd(37.7, 8.8));
  CHECK(kleg / n == within_sd(10.4, 2.3));
  CHECK(dl / n == doctest::Approx(0.20).epsilon(0.15).scale(0));
}

TEST_CASE("validation: Ferris, Liang & Farley 1999 surfaces at 3 m/s") {
  // Soft 21.3 kN/m vs hard 533 kN/m: the leg stiffens on the soft surface (10.7 vs 7.6 kN/m) and
  // the COM motion barely changes.
  Form soft, hard;
  soft.surface = {SurfacePreset::custom, kilonewtons_per_metre(21.3)};
  hard.surface = {SurfacePreset::custom, kilonewtons_per_metre(533.0)};
  const auto s = run(70, 1.75, 3.0, {}, soft);
  const auto h = run(70, 1.75, 3.0, {}, hard);
  CHECK(s.metrics.leg_stiffness_kn_per_m > 1.3 * h.metrics.leg_stiffness_kn_per_m);
  CHECK(s.metrics.com_vertical_excursion_m == doctest::Approx(h.metrics.com_vertical_excursion_m).epsilon(0.02));
  // The active peak barely moves (science.md §5).
  CHECK(s.metrics.peak_vgrf_bw == doctest::Approx(h.metrics.peak_vgrf_bw).epsilon(0.02));
  // Series stiffness of leg and surface is the same on both.
  auto series = [](const Analysis& a, double k) { return 1 / (1 / a.metrics.leg_stiffness_kn_per_m + 1 / k); };
  CHECK(series(s, 21.3) == doctest::Approx(series(h, 533.0)).epsilon(0.02));
}

TEST_CASE("validation: Ferris, Liang & Farley 1999, a runner as stiff as theirs on the hard surface") {
  // The default runner is stiffer than Ferris's runners (10.0 against 7.6 kN/m on the hard
  // surface), and a softer leg needs a smaller adjustment. Like for like: the landing distance at
  // which the model's leg on the hard surface is as stiff as theirs (bisection), then the soft
  // surface's leg stiffness predicted from there.
  auto on = [](double surface_kn_per_m, double landing) {
    Form f;
    f.landing = metres(landing);
    f.surface = {SurfacePreset::custom, kilonewtons_per_metre(surface_kn_per_m)};
    return run(70, 1.75, 3.0, {}, f);
  };
  double closer = 0.30, further = 0.42;  // 7.6 kN/m lies between (docs/validation.md)
  REQUIRE(on(533.0, closer).metrics.leg_stiffness_kn_per_m > 7.6);
  REQUIRE(on(533.0, further).metrics.leg_stiffness_kn_per_m < 7.6);
  for (int i = 0; i < 30; ++i) {
    const double middle = 0.5 * (closer + further);
    (on(533.0, middle).metrics.leg_stiffness_kn_per_m > 7.6 ? closer : further) = middle;
  }
  const auto h = on(533.0, closer), s = on(21.3, closer);
  // Their runners moved the COM about 7 cm in stance; at their stiffness the model's does too.
  CHECK(h.metrics.com_vertical_excursion_m == doctest::Approx(0.07).epsilon(0.1));
  // On the soft surface they stiffened the leg to 10.7 kN/m. The model compensates fully, where
  // they kept 95 % of the series stiffness (7.1 against 7.5 kN/m), so it comes out a little high.
  CHECK(s.metrics.leg_stiffness_kn_per_m == doctest::Approx(10.7).epsilon(0.1));
  CHECK(s.metrics.leg_stiffness_kn_per_m > 10.7);
}

TEST_CASE("validation: Heiderscheit et al. 2011, ±10 % step rate at the same speed") {
  const auto base = run(70, 1.75, 3.0, 166.0);
  const auto up = run(70, 1.75, 3.0, 166.0 * 1.1);
  const auto down = run(70, 1.75, 3.0, 166.0 * 0.9);
  CHECK(up.metrics.step_length_m / base.metrics.step_length_m == doctest::Approx(1 / 1.1));  // −9.1 %
  CHECK(up.metrics.com_vertical_excursion_m < base.metrics.com_vertical_excursion_m);
  CHECK(down.metrics.com_vertical_excursion_m > base.metrics.com_vertical_excursion_m);
  CHECK(up.metrics.braking_impulse_bw_s < base.metrics.braking_impulse_bw_s);
  CHECK(down.metrics.braking_impulse_bw_s > base.metrics.braking_impulse_bw_s);
}

TEST_CASE("validation: Farley & González 1996, leg stiffness rises with step frequency at 2.5 m/s") {
  // 7.0 kN/m at −26 %; 16.3 kN/m at +36 % (2.3-fold); validation.md tabulates the model at each step.
  const double preferred = typical::cadence_spm(2.5);
  const auto low = run(70, 1.75, 2.5, 0.74 * preferred);
  const auto high = run(70, 1.75, 2.5, 1.30 * preferred);
  CHECK(low.metrics.leg_stiffness_kn_per_m == doctest::Approx(7.0).epsilon(0.15));
  double previous = 0.0;
  for (double f : {0.74, 0.85, 1.0, 1.15, 1.3}) {
    const double k = run(70, 1.75, 2.5, f * preferred).metrics.leg_stiffness_kn_per_m;
    CHECK(k > previous);
    previous = k;
  }
  CHECK(high.metrics.leg_stiffness_kn_per_m / low.metrics.leg_stiffness_kn_per_m > 1.5);
}

TEST_CASE("validation: rearfoot loading rate at 3.33 m/s") {
  // Average loading rates of shod rearfoot runners are "several tens of BW/s" (science.md §3;
  // 60–100 often quoted, unverified; one public subject 111 BW/s).
  const auto a = run(70, 1.75, 3.33);
  REQUIRE(a.metrics.impact_peak_bw);
  CHECK(a.metrics.vgrf_loading_rate_bw_per_s > 40.0);
  CHECK(a.metrics.vgrf_loading_rate_bw_per_s < 150.0);
}

// Known weakness, kept visible: the impact peak is too low. Baltich et al. 2015 (PLOS ONE), 93
// runners at 3.33 m/s: 1.54–1.70 BW (hard to soft midsoles); Hamner & Delp's ten runners show
// shoulders of 1.3–1.75 BW at 3 m/s. The model's foot lands at the COM's descent speed, which a
// short flight keeps low (docs/validation.md, "Where the model is weak").
TEST_CASE("validation: rearfoot impact peak at 3.33 m/s above 1.3 BW (known gap)" * doctest::should_fail()) {
  const auto a = run(70, 1.75, 3.33);
  REQUIRE(a.metrics.impact_peak_bw);
  CHECK(*a.metrics.impact_peak_bw > 1.3);
  CHECK(*a.metrics.impact_peak_bw < 1.9);
}

TEST_CASE("validation: footstrike (Xu et al. 2021, Vannatta & Kernozek 2015)") {
  for (double v : {2.5, 3.0, 4.0}) {
    Form fore;
    fore.strike = Strike::forefoot;
    const auto r = run(70, 1.75, v);
    const auto f = run(70, 1.75, v, {}, fore);
    CAPTURE(v);
    // Mean loading rate: SMD −2.1 (a large reduction).
    CHECK(f.metrics.vgrf_loading_rate_bw_per_s < 0.8 * r.metrics.vgrf_loading_rate_bw_per_s);
    // Impact magnitude: SMD −1.84. Forefoot strikes usually show no distinct impact peak; the model
    // shows at most the brief spike of the forefoot's own collision.
    CHECK(f.metrics.impact_peak_bw.value_or(0.0) < 0.5 * r.metrics.impact_peak_bw.value());
    // Peak vGRF increased slightly (Vannatta & Kernozek 2015): not lower, and within a few %.
    CHECK(f.metrics.peak_vgrf_bw >= r.metrics.peak_vgrf_bw);
    CHECK(f.metrics.peak_vgrf_bw == doctest::Approx(r.metrics.peak_vgrf_bw).epsilon(0.05));
  }
}

// ---- The body and the L5/S1 load (science.md §6–7) ----

TEST_CASE("validation: L5/S1 extension moment against Hamner & Delp 2013 subject 1") {
  // Peak 0.90 N·m/kg at 43 % of stance, with the vGRF peak (41 %); other runners 0.6–1.8.
  const auto a = run(72.94, 1.75, 3.0, 166.8);
  const auto& s = a.series;
  Eigen::Index moment_peak = 0;
  s.extension_moment.maxCoeff(&moment_peak);
  const double peak = a.lumbar.peak_extension_moment_nm_per_kg;
  MESSAGE("peak L5/S1 extension moment " << peak << " N·m/kg at "
          << 100 * s.time[moment_peak] / a.stance.contact_time << " % of stance");
  CHECK(peak >= 0.5);
  CHECK(peak <= 1.3);
  // Timing against the measured 43 % of stance, not against the model's own vGRF peak (44 %).
  const double timing = s.time[moment_peak] / a.stance.contact_time;
  CHECK(timing == doctest::Approx(0.43).epsilon(0.10 / 0.43).scale(0));
}

// The whole stance curve, as the vGRF test above does for the force: the share of the measured
// moment's variance the model predicts. Nothing in the body or the load is fitted to this curve; the
// joint patterns are this runner's. The measured moment is about OpenSim's lumbar joint, which sits
// above L5/S1 (docs/validation.md).
TEST_CASE("validation: Hamner & Delp 2013 subject 1 L5/S1 moment curve over the stance, R² above 0.6") {
  const auto a = run(72.94, 1.75, 3.0, 166.8);
  std::vector<double> measured, model;
  const double tc = contact_time_at(a.series, 50.0);
  const double on = first_reaching(a.stance, 50.0);
  const double rate = 1.0 / (a.series.time[1] - a.series.time[0]);
  for (const auto& v : hamner_stance_rows()) {
    measured.push_back(v[5]);
    // Linear interpolation between the two samples around the time.
    const double x = (on + v[0] / 100.0 * tc) * rate;
    const auto i = std::min<Eigen::Index>(a.series.size() - 2, static_cast<Eigen::Index>(x));
    const double w = x - static_cast<double>(i);
    model.push_back(((1 - w) * a.series.extension_moment[i] + w * a.series.extension_moment[i + 1]) / a.runner.mass);
  }
  const CurveFit f = fit(measured, model);
  MESSAGE("L5/S1 moment R² vs Hamner subject 1: " << f.r2 << ", RMS error " << f.rms << " N·m/kg");
  CHECK(f.r2 > 0.6);
}

TEST_CASE("validation: L5/S1 compression in running above walking, within 2–4.5 BW at 3 m/s") {
  // Walking L4/L5 1.30–1.79 BW (J Biomech 2017, six subjects); walking L3/L4 peaks up to 2.5 BW
  // (Cappozzo 1984). A single-extensor estimate from the Hamner moment gives 2.7–3.1 BW.
  const auto a = run(70, 1.75, 3.0);
  CHECK(a.lumbar.peak_compression_bw > 1.79);
  CHECK(a.lumbar.peak_compression_bw >= 2.0);
  CHECK(a.lumbar.peak_compression_bw <= 4.5);
  // Quiet standing: the mass above L5/S1, 0.5–0.6 BW, carries the disc in flight too (none here):
  // in flight the whole body falls freely and the load is only the muscles' co-contraction, zero.
  const Eigen::Index flight = a.series.size() - 5;
  CHECK(std::abs(a.series.compression[flight]) < 0.2 * a.runner.weight);
}

TEST_CASE("validation: L5/S1 compression rises with speed") {
  double previous = 0;
  for (double v : {2.5, 3.0, 3.5, 4.0, 5.0}) {
    const double c = run(70, 1.75, v).lumbar.peak_compression_bw;
    CAPTURE(v);
    CHECK(c > previous);
    previous = c;
  }
}

TEST_CASE("validation: more anterior pelvic tilt raises the L5/S1 anterior shear") {
  Form less, more;
  less.pelvic_tilt = degrees(12.0);
  more.pelvic_tilt = degrees(25.0);
  CHECK(run(70, 1.75, 3.0, {}, more).lumbar.peak_ap_shear_bw >
        run(70, 1.75, 3.0, {}, less).lumbar.peak_ap_shear_bw);
}

TEST_CASE("validation: cumulative compression per km is the impulse per step × steps per km") {
  const auto a = run(70, 1.75, 3.4);
  CHECK(a.lumbar.cumulative_compression_bw_s_per_km ==
        doctest::Approx(a.lumbar.compression_impulse_bw_s_per_step * a.metrics.steps_per_km));
}

TEST_CASE("validation: the motion agrees with the forces: residual below 0.15 N·m/kg") {
  // OpenSim's usual guideline for residual moments; the target.
  for (double v : {2.5, 3.0, 4.0, 5.0}) {
    Form forefoot;
    forefoot.strike = Strike::forefoot;
    CAPTURE(v);
    CHECK(run(70, 1.75, v).lumbar.residual_moment_nm_per_kg < 0.15);
    CHECK(run(70, 1.75, v, {}, forefoot).lumbar.residual_moment_nm_per_kg < 0.15);
  }
}

namespace {
// Subject 1 of Hamner & Delp 2013 (72.84 kg, 1.768 m, `_subject.json`) at one speed and his own
// cadence there (docs/data/hamner2013_stance_timing.csv).
struct SubjectOneSpeed {
  double speed_m_per_s, cadence_spm, thigh_peak_to_peak_deg;
};
// The thigh's angle from vertical (pelvis tilt + hip flexion) peak to peak over a stride, both legs,
// 2–3 strides per speed, from `IK/run200…run500_ik.mot` (addbiomechanics-paper, commit 388c6071;
// docs/validation.md, "Where the model is weak" 8).
constexpr SubjectOneSpeed subject_one_thigh[] = {
    {2.0, 154.98, 37.6}, {3.0, 165.89, 51.9}, {4.0, 175.93, 64.4}, {5.0, 194.11, 74.2}};

// The stance thigh's angle peak to peak over one stride (two steps), deg.
double thigh_peak_to_peak_deg(const SubjectOneSpeed& s) {
  const Analysis a = run(72.84, 1.768, s.speed_m_per_s, s.cadence_spm);
  const double stride = 2.0 * a.form.step_time;
  double low = 1e9, high = -1e9;
  for (int i = 0; i < 2000; ++i) {
    const double q = segment_angles(a.form, stride * i / 2000.0, a.shape)[BodySegment::stance_thigh].q;
    low = std::min(low, q);
    high = std::max(high, q);
  }
  return (high - low) * 180.0 / 3.14159265358979323846;
}
}  // namespace

// Known weakness, kept visible: the legs replay one 3 m/s stride, reshaped only to land at the
// typical landing distance, so the thigh swings 53–66° from 2 to 5 m/s where subject 1's swing
// grows with his step length, 38° to 74°.
TEST_CASE("validation: the thigh's swing within 10 % of subject 1's at 2–5 m/s (known gap)" * doctest::should_fail()) {
  for (const SubjectOneSpeed& s : subject_one_thigh) {
    CAPTURE(s.speed_m_per_s);
    CHECK(thigh_peak_to_peak_deg(s) == doctest::Approx(s.thigh_peak_to_peak_deg).epsilon(0.1));
  }
}

TEST_CASE("validation: balancing the angular momentum keeps the COP on the foot and the trunk near its pattern") {
  const auto a = run(70, 1.75, 3.0);
  const auto& s = a.series;
  const double foot = a.runner.foot_length;
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    if (s.vgrf[i] <= 0) continue;
    // Within the roll, give or take the half-foot limit of the application point.
    CHECK(s.cop_x[i] > -0.6 * foot);
    CHECK(s.cop_x[i] < 1.6 * foot);
  }
  const double deg = 3.14159265358979 / 180;
  CHECK(s.trunk_correction.cwiseAbs().maxCoeff() < 2 * deg);
}

// ---- The classic advice (issue 4), from mechanics and the literature ----

TEST_CASE("validation: the classic advice comes out in directions mechanics and the literature defend") {
  Form concrete;
  concrete.surface = {SurfacePreset::concrete, {}};
  const auto c = compare(Runner{}, concrete, raise_cadence(10), land_closer(metres(0.05)),
                         switch_strike(Strike::forefoot), run_on(SurfacePreset::grass),
                         reduce_pelvic_tilt(degrees(5.0)));
  auto pct = [&](std::size_t variant, const char* key) {
    for (const auto& d : c.variants[variant].differences)
      if (std::string(d.metric->key) == key) return d.percent.value();
    FAIL("no metric " << key);
    return 0.0;
  };
  // Cadence +10 %: shorter steps, less bounce and braking (Heiderscheit 2011); the compression
  // impulse per step falls, and per km too (Willson 2014: per distance less than per step).
  CHECK(pct(0, "compression_impulse_bw_s_per_step") < 0);
  CHECK(pct(0, "cumulative_compression_bw_s_per_km") < 0);
  CHECK(pct(0, "cumulative_compression_bw_s_per_km") > pct(0, "compression_impulse_bw_s_per_step"));
  // Landing closer lowers braking (Lieberman 2015).
  CHECK(pct(1, "braking_impulse_bw_s") < 0);
  // Forefoot and grass lower the loading rate (Xu 2021; softer contact spring).
  CHECK(pct(2, "vgrf_loading_rate_bw_per_s") < 0);
  CHECK(pct(3, "vgrf_loading_rate_bw_per_s") < 0);
  // Grass vs concrete barely moves peak compression: runners compensate (Ferris 1999, Kerdok 2002).
  CHECK(std::abs(pct(3, "peak_compression_bw")) < 1.0);
  // Less anterior tilt lowers shear (a flatter sacrum).
  CHECK(pct(4, "peak_ap_shear_bw") < 0);
}
