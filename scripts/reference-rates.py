#!/usr/bin/env python3
"""Writes test/fixtures/stats/rate.json, the reference values test/stats/rate-inference.test.ts
checks src/stats/rate-inference.ts against (the absolute floors' methods).

Run from the repository root:  python3 scripts/reference-rates.py
Needs scipy (tested with scipy 1.17).

  wilson   one-sided Wilson score bounds at alpha from scipy.stats.binomtest(x, n).proportion_ci(
           method='wilson', confidence_level=1 - 2 * alpha) (a two-sided interval at 1 - 2α has
           one-sided bounds at 1 - α each), and the score test's one-sided p-values against p0 by
           scipy.stats.norm.cdf((x/n - p0) / sqrt(p0 (1 - p0) / n)).
  exact    Clopper-Pearson bounds from proportion_ci(method='exact') the same way, and the exact
           one-sided p-values scipy.stats.binomtest(x, n, p0, alternative='less' / 'greater').
"""

import json
import math
import pathlib

from scipy import stats

CASES = [(90, 100, 0.9), (0, 30, 0.1), (30, 30, 0.95), (171, 200, 0.9), (4512, 5000, 0.9), (7, 12, 0.5)]
ALPHAS = [0.025, 0.0036, 0.02]


def main() -> None:
    import scipy

    out = {"source": f"scipy.stats.binomtest, scipy {scipy.__version__}", "cases": []}
    for x, n, p0 in CASES:
        entry = {"successes": x, "n": n, "threshold": p0, "wilson": {}, "exact": {}}
        z = (x / n - p0) / math.sqrt(p0 * (1 - p0) / n)
        entry["wilson"]["pBelow"] = float(stats.norm.cdf(z))
        entry["wilson"]["pAbove"] = float(stats.norm.cdf(-z))
        entry["exact"]["pBelow"] = float(stats.binomtest(x, n, p0, alternative="less").pvalue)
        entry["exact"]["pAbove"] = float(stats.binomtest(x, n, p0, alternative="greater").pvalue)
        result = stats.binomtest(x, n)
        for method in ("wilson", "exact"):
            entry[method]["bounds"] = []
            for alpha in ALPHAS:
                ci = result.proportion_ci(confidence_level=1 - 2 * alpha, method=method)
                entry[method]["bounds"].append({"alpha": alpha, "lower": float(ci.low), "upper": float(ci.high)})
        out["cases"].append(entry)
    path = pathlib.Path("test/fixtures/stats/rate.json")
    path.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
