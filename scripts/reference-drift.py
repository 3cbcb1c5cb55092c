#!/usr/bin/env python3
"""Writes the reference values test/stats/drift.test.ts checks src/stats/drift*.ts against.

Run from the repository root:  python3 scripts/reference-drift.py
Needs numpy and scipy. The JSON it writes (test/fixtures/stats/drift.json) is committed, so the
tests never need Python.

  gamma      scipy.special.gammaincc(a, x) (regularised upper incomplete gamma).
  chi2       scipy.stats.chi2.sf(x, df).
  normal     scipy.stats.norm.cdf(z).
  kolmogorov scipy.special.kolmogorov(lambda).
  ks         scipy.stats.ks_2samp(a, b, method='asymp').statistic, and the asymptotic p-value with
             Stephens' correction computed from that statistic with scipy.special.kolmogorov
             (scipy's own 'asymp' p-value uses the exact one-sided limit, not this correction).
  chisq      scipy.stats.chi2_contingency(table, correction=False) and scipy.stats.chisquare.
  psi        numpy, with proportions floored at 1e-4.
"""

import json
import math
import pathlib

import numpy as np
from scipy import special, stats

out = {}
out["gamma"] = [[a, x, float(special.gammaincc(a, x))] for a in (0.5, 1, 2.5, 10, 50) for x in (0.01, 0.5, 1, 3, 10, 60)]
out["chi2"] = [[x, df, float(stats.chi2.sf(x, df))] for df in (1, 2, 5, 30) for x in (0.1, 1, 3.841458820694124, 10, 50)]
out["normal"] = [[z, float(stats.norm.cdf(z))] for z in (-8, -3, -1.959963984540054, -0.5, 0, 0.3, 1, 2.5, 6)]
out["kolmogorov"] = [[lam, float(special.kolmogorov(lam))] for lam in (0.2, 0.5, 0.8, 0.99, 1.0, 1.2, 1.3580986393225505, 2, 3)]

rng = np.random.default_rng(7)
ks = []
for n, m, shift, integer in ((50, 60, 0.0, False), (200, 150, 0.3, False), (500, 800, 0.1, True), (40, 40, 1.0, False)):
    a = rng.normal(0, 1, n)
    b = rng.normal(shift, 1, m)
    if integer:
        a = np.round(a * 3)
        b = np.round(b * 3)
    d = float(stats.ks_2samp(a, b, method="asymp").statistic)
    e = n * m / (n + m)
    p = float(special.kolmogorov((math.sqrt(e) + 0.12 + 0.11 / math.sqrt(e)) * d))
    ks.append({"a": a.tolist(), "b": b.tolist(), "statistic": d, "p_value": p})
out["ks"] = ks

tables = [([30, 70], [50, 50]), ([10, 20, 30, 0], [15, 15, 40, 0]), ([100, 5, 7], [90, 12, 3])]
homog = []
for a, b in tables:
    t = np.array([a, b])
    t = t[:, t.sum(axis=0) > 0]
    chi2, p, dof, _ = stats.chi2_contingency(t, correction=False)
    homog.append({"a": a, "b": b, "statistic": float(chi2), "df": int(dof), "p_value": float(p), "effect": math.sqrt(chi2 / t.sum())})
out["homogeneity"] = homog
gof = []
for obs, shares in (([5120, 4880], [1, 1]), ([480, 2400, 45000], [1, 5, 94]), ([100, 130], [1, 1])):
    f_exp = np.array(shares, dtype=float) / sum(shares) * sum(obs)
    r = stats.chisquare(obs, f_exp)
    gof.append({"observed": obs, "shares": shares, "statistic": float(r.statistic), "p_value": float(r.pvalue)})
out["goodness_of_fit"] = gof

def psi(e, a):
    e = np.maximum(np.array(e) / sum(e), 1e-4)
    a = np.maximum(np.array(a) / sum(a), 1e-4)
    return float(np.sum((a - e) * np.log(a / e)))
out["psi"] = [{"expected": e, "actual": a, "psi": psi(e, a)} for e, a in (([50, 50], [50, 50]), ([40, 30, 20, 10], [10, 20, 30, 40]), ([100, 0, 5], [80, 10, 15]))]

path = pathlib.Path("test/fixtures/stats/drift.json")
path.write_text(json.dumps(out, indent=1) + "\n")
print(f"wrote {path}")
