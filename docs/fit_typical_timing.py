#!/usr/bin/env python3
"""Fits the typical cadence and contact time against speed (include/strideload/typical_form.hpp),
and when in the contact the active vertical force peaks (include/strideload/stance.hpp).

Input: docs/data/hamner2013_stance_timing.csv, one row per runner and speed, measured from the
vertical GRF of Hamner & Delp 2013 (J Biomech 46:780; data CC BY, as processed by AddBiomechanics,
stanfordnmbl/addbiomechanics-paper), ten runners at 2, 3, 4 and 5 m/s on a treadmill. See
docs/data/README.md for how the columns were measured.

Each law is fitted by least squares:
- cadence, spm = c0 + c2 * v^2. Step rate rises faster at the faster speeds (+8, +10 and +15 spm per
  m/s in turn); a power law bends the other way and misses 2 m/s by 6 %;
- contact time, s = tc3 * (v / 3)^p, at a 10 N threshold (the files are zeroed below about 10 N, so
  this is the nearest to the spring-mass stance, first to last force);
- when the active force peaks, as a fraction of the 20 N contact, = 1/2 - b * v^-k: the force peaks
  before mid-stance, the more so the slower the run, and tends to Clark et al.'s (2017) symmetric
  pulse at sprint speeds.
Cadence uses all 40 trials at 2-5 m/s. Contact time and the peak's time need the force near
10-20 N, so they leave out the trials zeroed above 10 N, and the speeds where fewer than half of
the runners can be timed: at 2 m/s only three of ten can, which need not stand for the ten. Those
three trials are then an out-of-sample check.

Out-of-sample check, for every law: fitted again without one speed, it predicts that speed (leave
one speed out). The impulse centroid is not fitted: it is printed to check the model against.
Standard library only; prints the constants and their standard errors.
"""
import csv
import math
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def solve(normal, rhs):
    """Solves a small symmetric linear system by Gaussian elimination."""
    n = len(rhs)
    a = [row[:] + [r] for row, r in zip(normal, rhs)]
    for i in range(n):
        pivot = max(range(i, n), key=lambda r: abs(a[r][i]))
        a[i], a[pivot] = a[pivot], a[i]
        for r in range(n):
            if r != i:
                f = a[r][i] / a[i][i]
                a[r] = [x - f * y for x, y in zip(a[r], a[i])]
    return [a[i][n] / a[i][i] for i in range(n)]


def inverse(m):
    n = len(m)
    columns = [solve(m, [1.0 if r == c else 0.0 for r in range(n)]) for c in range(n)]
    return [[columns[c][r] for c in range(n)] for r in range(n)]


def least_squares(model, start, points, iterations=50):
    """Gauss-Newton fit of y = model(v, params) (numerical Jacobian); returns params, standard
    errors and the RMS residual."""
    params = list(start)
    for _ in range(iterations):
        rows, residuals = [], []
        for v, y in points:
            f = model(v, params)
            row = []
            for j in range(len(params)):
                h = 1e-7 * max(1.0, abs(params[j]))
                bumped = params[:]
                bumped[j] += h
                row.append((model(v, bumped) - f) / h)
            rows.append(row)
            residuals.append(y - f)
        normal = [[sum(r[i] * r[j] for r in rows) for j in range(len(params))] for i in range(len(params))]
        rhs = [sum(r[i] * e for r, e in zip(rows, residuals)) for i in range(len(params))]
        step = solve(normal, rhs)
        params = [p + s for p, s in zip(params, step)]
        if max(abs(s) / max(1e-12, abs(p)) for s, p in zip(step, params)) < 1e-12:
            break
    sse = sum((y - model(v, params)) ** 2 for v, y in points)
    variance = sse / (len(points) - len(params))
    covariance = inverse(normal)
    errors = [math.sqrt(variance * covariance[i][i]) for i in range(len(params))]
    return params, errors, math.sqrt(sse / len(points))


def cadence_law(v, p):
    return p[0] + p[1] * v * v


def contact_law(v, p):
    return p[0] * (v / 3.0) ** p[1]


def peak_time_law(v, p):
    return 0.5 - p[0] * v ** -p[1]


LAWS = (
    # name, column, whether it needs the force timed near 10-20 N, law, starting values, how to
    # print the law
    ("cadence_spm", "cadence_spm", False, cadence_law, (150.0, 2.0),
     "%.2f (± %.2g) + %.4f (± %.2g) * v^2"),
    ("contact_s (10 N)", "tc10_s", True, contact_law,
     (0.29, -0.4), "%.4f (± %.2g) * (v/3)^%.3f (± %.3f)"),
    ("active peak, fraction of the 20 N contact", "peak_time_fraction_20n",
     True, peak_time_law, (0.3, 1.5),
     "1/2 - %.4f (± %.2g) * v^-%.3f (± %.3f)"),
)


def main():
    with open(os.path.join(HERE, "data", "hamner2013_stance_timing.csv")) as f:
        rows = list(csv.DictReader(f))
    speeds = sorted({float(r["speed_m_per_s"]) for r in rows})
    low_floor = lambda r: r["force_floor_above_10n"] == "no"
    timed_speeds = {v for v in speeds
                    if 2 * sum(low_floor(r) for r in rows if float(r["speed_m_per_s"]) == v) >=
                    sum(1 for r in rows if float(r["speed_m_per_s"]) == v)}
    timed = lambda r: low_floor(r) and float(r["speed_m_per_s"]) in timed_speeds
    for name, column, needs_timing, law, start, text in LAWS:
        points = [(float(r["speed_m_per_s"]), float(r[column])) for r in rows
                  if not needs_timing or timed(r)]
        params, errors, rms = least_squares(law, start, points)
        interleaved = [x for pair in zip(params, errors) for x in pair]
        print("%s = %s, %d trials, RMS residual %.3g" % (name, text % tuple(interleaved), len(points), rms))
        for speed in speeds:
            held = [float(r[column]) for r in rows
                    if float(r["speed_m_per_s"]) == speed and (not needs_timing or low_floor(r))]
            mean = sum(held) / len(held)
            if any(v == speed for v, _ in points):
                others, _, _ = least_squares(law, params, [(v, y) for v, y in points if v != speed])
                predicted = law(speed, others)
                check = "fitted without this speed %.4g" % predicted
            else:
                check = "not fitted (out of sample)"
                predicted = law(speed, params)
            print("  %g m/s: measured %.4g (n = %d), law %.4g, %s: %+.1f %%"
                  % (speed, mean, len(held), law(speed, params), check,
                     100.0 * (predicted / mean - 1.0)))
    print("impulse centroid, fraction of the 20 N contact (not fitted):")
    for speed in speeds:
        values = [float(r["impulse_centroid_fraction_20n"]) for r in rows
                  if float(r["speed_m_per_s"]) == speed and r["force_floor_above_10n"] == "no"]
        mean = sum(values) / len(values)
        sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (len(values) - 1))
        print("  %g m/s: %.4g ± %.2g (n = %d)" % (speed, mean, sd, len(values)))


if __name__ == "__main__":
    main()
