#!/usr/bin/env python3
"""Fits truncated Fourier series to Hamner & Delp 2013 subject 1's sagittal angles at 3 m/s
(tests/data/hamner-s01-run300-stride-angles.csv; CC BY) and prints the C++ table of
include/strideload/running_kinematics.hpp.

The curves are not exactly periodic (the last point differs from the first by up to 3 degrees):
the difference is removed as a linear drift over the stride before fitting, and the duplicate
last point (100 %) is dropped. Phase 0 is right-foot touchdown; one period is one stride.
Usage: python3 docs/fit_running_kinematics.py > /tmp/table.txt
"""
import csv, math, os, sys

HARMONICS = 6
here = os.path.dirname(os.path.abspath(__file__))
rows = list(csv.DictReader(open(os.path.join(here, "..", "tests", "data",
                                             "hamner-s01-run300-stride-angles.csv"))))
curves = ["pelvis_tilt", "hip_flexion_r", "knee_angle_r", "ankle_angle_r", "lumbar_extension",
          "arm_flex_r", "elbow_flex_r"]


def fit(values):
    n = len(values) - 1  # drop the 100 % point, which repeats 0 % one stride later
    drift = values[n] - values[0]
    x = [values[i] - drift * i / n for i in range(n)]
    coeffs = []
    for k in range(HARMONICS + 1):
        a = sum(x[i] * math.cos(2 * math.pi * k * i / n) for i in range(n)) * 2 / n
        b = sum(x[i] * math.sin(2 * math.pi * k * i / n) for i in range(n)) * 2 / n
        coeffs.append((a / 2 if k == 0 else a, 0.0 if k == 0 else b))
    # residual of the fit
    worst = 0.0
    for i in range(n):
        phase = 2 * math.pi * i / n
        y = sum(c[0] * math.cos(k * phase) + c[1] * math.sin(k * phase) for k, c in enumerate(coeffs))
        worst = max(worst, abs(y - x[i]))
    return coeffs, worst, drift


for name in curves:
    values = [float(r[name + "_deg_mean"]) for r in rows]
    coeffs, worst, drift = fit(values)
    cos_terms = ", ".join(f"{c[0]:.4f}" for c in coeffs)
    sin_terms = ", ".join(f"{c[1]:.4f}" for c in coeffs)
    print(f"  // {name}: end drift {drift:+.2f} deg removed; worst fit error {worst:.2f} deg")
    print(f"  {{{{{{{cos_terms}}}}}, {{{{{sin_terms}}}}}}},")
