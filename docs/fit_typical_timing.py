#!/usr/bin/env python3
"""Fits the typical cadence and contact time against speed (include/strideload/typical_form.hpp),
and when in the contact the active vertical force peaks (include/strideload/stance.hpp).

Input: docs/data/hamner2013_stance_timing.csv, one row per runner and speed, measured from the
vertical GRF of Hamner & Delp 2013 (J Biomech 46:780; data CC BY, as processed by AddBiomechanics,
stanfordnmbl/addbiomechanics-paper), ten runners at 3 and 5 m/s on a treadmill. See
docs/data/README.md for how the columns were measured.

Each law is a power law through 3 m/s, y = y3 * (v / 3)^p, fitted by least squares on logarithms
to the 3 and 5 m/s rows. Rows at other speeds are held out: the script prints the laws' predictions
next to their measured means.
Contact time uses the 10 N threshold (the files are zeroed below about 10 N, so this is the nearest
to the spring-mass stance, first to last force) and leaves out the trials zeroed above 10 N, as does
the peak's time, measured as a fraction of the 20 N contact. The impulse centroid is not fitted:
it is printed to check the model against.
Standard library only; prints the constants and their standard errors.
"""
import csv
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))
FIT_SPEEDS = (3.0, 5.0)


def fit_power_law(speeds, values):
    """Least squares of ln(y) = ln(y3) + p ln(v/3); returns y3, p and their standard errors."""
    xs = [math.log(v / 3.0) for v in speeds]
    ys = [math.log(y) for y in values]
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    p = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx
    a = my - p * mx
    residual = sum((y - a - p * x) ** 2 for x, y in zip(xs, ys)) / (n - 2)
    se_p = math.sqrt(residual / sxx)
    se_a = math.sqrt(residual * (1.0 / n + mx * mx / sxx))
    return math.exp(a), p, math.exp(a) * se_a, se_p


def main():
    with open(os.path.join(HERE, "data", "hamner2013_stance_timing.csv")) as f:
        everything = list(csv.DictReader(f))
    rows = [r for r in everything if float(r["speed_m_per_s"]) in FIT_SPEEDS]
    speeds = [float(r["speed_m_per_s"]) for r in rows]
    cadence = fit_power_law(speeds, [float(r["cadence_spm"]) for r in rows])
    full = [r for r in rows if r["force_floor_above_10n"] == "no"]
    full_speeds = [float(r["speed_m_per_s"]) for r in full]
    contact = fit_power_law(full_speeds, [float(r["tc10_s"]) for r in full])
    peak_time = fit_power_law(full_speeds, [float(r["peak_time_fraction_20n"]) for r in full])
    for name, (y3, p, se_y3, se_p), n in (("cadence_spm", cadence, len(rows)),
                                           ("contact_s (10 N)", contact, len(full)),
                                           ("active peak, fraction of contact", peak_time, len(full))):
        print("%s = %.4g (± %.2g) * (v/3)^%.3f (± %.3f), %d trials" % (name, y3, se_y3, p, se_p, n))
    for speed in sorted({float(r["speed_m_per_s"]) for r in everything}):
        at = [r for r in everything if float(r["speed_m_per_s"]) == speed]
        held_out = "" if speed in FIT_SPEEDS else " (held out)"
        print("%g m/s%s, n = %d:" % (speed, held_out, len(at)))
        for column, law in (("cadence_spm", cadence), ("tc10_s", contact), ("peak_vgrf_bw", None),
                            ("peak_time_fraction_20n", peak_time), ("impulse_centroid_fraction_20n", None)):
            values = [float(r[column]) for r in at
                      if column == "cadence_spm" or column == "peak_vgrf_bw" or
                      r["force_floor_above_10n"] == "no"]
            mean = sum(values) / len(values)
            sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))
            predicted = "" if law is None else ", law %.4g" % (law[0] * (speed / 3.0) ** law[1])
            print("  %-29s %.4g ± %.2g (n = %d)%s" % (column, mean, sd, len(values), predicted))


if __name__ == "__main__":
    main()
