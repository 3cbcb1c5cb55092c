#!/usr/bin/env python3
"""Writes the reference values that test/stats checks src/stats against.

Run from the repository root:  python3 scripts/reference-stats.py
Needs numpy and scipy (tested with numpy 2.4, scipy 1.17). The JSON it writes under
test/fixtures/stats/ is committed, so the tests themselves never need Python.

Sources, by file:
  rng.json       xoshiro128** and the splitmix32 seeding of createRng, re-implemented here in Python
                 integers (an independent check of the JavaScript's 32-bit arithmetic).
  mcnemar.json   scipy.stats.binomtest(c, b + c, 0.5), 'two-sided' and 'greater' (H1: c > b).
                 b + c = 0 is outside binomtest's domain; p = 1 is recorded by convention.
  wilson.json    statsmodels is not installed here, so the Wilson interval is the closed formula
                 statsmodels.stats.proportion.proportion_confint(method='wilson') uses, evaluated in
                 numpy with z = scipy.stats.norm.ppf, clipped to [0, 1].
  holm.json      statsmodels' multipletests(method='holm') algorithm re-implemented in numpy
                 (sort, multiply by m, m-1, ..., running maximum, cap at 1, unsort).
  normal.json    scipy.stats.norm.ppf.
  quantile.json  numpy.quantile (method 'linear', Hyndman-Fan type 7).
  binomial.json  scipy.stats.binom pmf/cdf/sf pooled into at most ~200 bins of expected count >= 10
                 for the draw count the test uses, and scipy.stats.chi2.ppf(1 - 1e-4, df) critical values.
  bootstrap.json scipy.stats.bootstrap(method='percentile', paired=True) intervals with many
                 resamples, with the density of the bootstrap distribution at each bound so the
                 test can derive its Monte Carlo tolerance, and the analytic bootstrap SE of a mean.
"""

import json
import math
import pathlib

import numpy as np
from scipy import stats

OUT = pathlib.Path(__file__).resolve().parent.parent / "test" / "fixtures" / "stats"


def write(name, payload):
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    path.write_text(json.dumps(payload, indent=1) + "\n")
    print("wrote", path.relative_to(OUT.parent.parent.parent))


MASK = 0xFFFFFFFF


def rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & MASK


def xoshiro_outputs(state, count):
    s0, s1, s2, s3 = state
    out = []
    for _ in range(count):
        out.append((rotl((s1 * 5) & MASK, 7) * 9) & MASK)
        t = (s1 << 9) & MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 11)
    return out


def splitmix32(state, step):
    z = (state + 0x9E3779B9 * step) & MASK
    z = ((z ^ (z >> 16)) * 0x21F0AAAD) & MASK
    z = ((z ^ (z >> 15)) * 0x735A2D97) & MASK
    return z ^ (z >> 15)


def seeded_state(seed):
    low, high = seed & MASK, seed >> 32
    return [splitmix32(low, 1), splitmix32(low, 2), splitmix32(high ^ 0x5BD1E995, 1), splitmix32(high ^ 0x5BD1E995, 2)]


def rng():
    seeds = [0, 1, 42, 2**32 - 1, 2**32, 2**53 - 1]
    write("rng.json", {
        "source": "xoshiro128** and splitmix32 seeding in Python integers",
        "rawState": {"state": [1, 2, 3, 4], "outputs": xoshiro_outputs([1, 2, 3, 4], 8)},
        "seeds": [{"seed": seed, "outputs": xoshiro_outputs(seeded_state(seed), 8)} for seed in seeds],
    })


def mcnemar():
    pairs = [(0, 0), (0, 1), (1, 0), (1, 1), (2, 10), (10, 2), (5, 5), (3, 12), (0, 25), (25, 0),
             (7, 1), (40, 60), (60, 40), (123, 77), (100, 130), (0, 200), (1000, 1100),
             (4000, 4300), (50000, 50600), (20, 1000)]
    cases = []
    for b, c in pairs:
        if b + c == 0:
            two, greater = 1.0, 1.0
        else:
            two = stats.binomtest(c, b + c, 0.5, alternative="two-sided").pvalue
            greater = stats.binomtest(c, b + c, 0.5, alternative="greater").pvalue
        cases.append({"b": b, "c": c, "twoSided": float(two), "greater": float(greater)})
    write("mcnemar.json", {"source": "scipy.stats.binomtest " + __import__("scipy").__version__, "cases": cases})


def wilson():
    cases = []
    for x, n, level in [(0, 0, 0.95), (0, 1, 0.95), (1, 1, 0.95), (0, 10, 0.95), (10, 10, 0.95),
                        (8, 10, 0.95), (3, 10, 0.9), (50, 100, 0.95), (97, 100, 0.99),
                        (1, 1000, 0.95), (995, 1000, 0.95), (4567, 10000, 0.8), (12, 250, 0.5)]:
        if n == 0:
            lower, upper = 0.0, 1.0
        else:
            z = stats.norm.ppf(1 - (1 - level) / 2)
            p = x / n
            denom = 1 + z * z / n
            centre = (p + z * z / (2 * n)) / denom
            half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
            lower, upper = max(0.0, centre - half), min(1.0, centre + half)
        cases.append({"successes": x, "n": n, "level": level, "lower": float(lower), "upper": float(upper)})
    write("wilson.json", {"source": "closed Wilson formula in numpy (statsmodels not installed)", "cases": cases})


def holm_adjust(p):
    p = np.asarray(p, dtype=float)
    order = np.argsort(p, kind="stable")
    m = len(p)
    raw = p[order] * np.arange(m, 0, -1)
    adjusted_sorted = np.minimum(1.0, np.maximum.accumulate(raw))
    out = np.empty(m)
    out[order] = adjusted_sorted
    return out


def holm():
    rng = np.random.default_rng(11)
    vectors = [[], [0.03], [0.01, 0.04, 0.03], [0.5, 0.5, 0.5], [0.001, 0.2, 0.01, 0.04, 0.9, 0.0],
               [0.02, 0.02, 0.03, 1.0], rng.uniform(0, 0.1, 12).tolist()]
    cases = [{"pValues": [float(v) for v in vec], "adjusted": holm_adjust(vec).tolist()} for vec in vectors]
    write("holm.json", {"source": "statsmodels multipletests(method='holm') algorithm in numpy", "cases": cases})


def normal():
    ps = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.075, 0.1, 0.2, 0.3, 0.4,
          0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 0.95, 0.975, 0.99, 0.999, 0.99999, 1 - 1e-10]
    cases = [{"p": p, "quantile": float(stats.norm.ppf(p))} for p in ps]
    write("normal.json", {"source": "scipy.stats.norm.ppf", "cases": cases})


def quantile():
    rng = np.random.default_rng(5)
    arrays = [[7.0], [1.0, 2.0, 3.0, 4.0], [3.0, 1.0, 2.0], [0.0, 0.0, 1.0, 1.0, 1.0],
              rng.normal(size=25).tolist(), rng.exponential(size=100).tolist()]
    qs = [0.0, 0.01, 0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.975, 0.99, 1.0]
    cases = [{"values": a, "qs": qs, "quantiles": [float(np.quantile(a, q)) for q in qs]} for a in arrays]
    write("quantile.json", {"source": "numpy.quantile(method='linear') " + np.__version__, "cases": cases})


def binomial_bins(n, p, draws):
    """Contiguous bins of k, each with expected count >= max(10, draws / 200), tails pooled."""
    minimum_expected = max(10, draws / 200)
    dist = stats.binom(n, p)
    lo, hi = int(dist.ppf(1e-12)), int(dist.isf(1e-12))
    bins = []
    start, mass = 0, dist.cdf(lo - 1) if lo > 0 else 0.0
    for k in range(lo, hi + 1):
        mass += dist.pmf(k)
        if mass * draws >= minimum_expected:
            bins.append([start, k, mass])
            start, mass = k + 1, 0.0
    tail = dist.sf(start - 1) if start > 0 else 1.0
    if bins:
        bins[-1][1] = n
        bins[-1][2] += tail
    return bins


def binomial():
    draws = 200_000
    cases = []
    for n, p in [(100_000, 0.03), (50, 0.5), (20, 0.1), (1000, 0.005), (11, 0.97), (30, 0.35),
                 (1000, 0.9), (1_000_000, 0.4), (200, 0.02), (5, 0.5)]:
        bins = binomial_bins(n, p, draws)
        df = len(bins) - 1
        cases.append({"n": n, "p": p, "draws": draws, "mean": n * p, "variance": n * p * (1 - p),
                      "bins": bins, "chiSquareCritical": float(stats.chi2.ppf(1 - 1e-4, df))})
    write("binomial.json", {"source": "scipy.stats.binom, scipy.stats.chi2 (alpha 1e-4)", "cases": cases})


def bound_density(distribution, alpha, h=0.005):
    """Density of a bootstrap distribution at its alpha-quantile, by a central difference of quantiles."""
    lo, hi = np.quantile(distribution, [alpha - h, alpha + h])
    return float(2 * h / (hi - lo))


def scipy_percentile(data, statistic, resamples, seed, level=0.95):
    res = stats.bootstrap(data, statistic, paired=True, vectorized=True, method="percentile",
                          n_resamples=resamples, confidence_level=level, random_state=np.random.default_rng(seed))
    alpha = (1 - level) / 2
    dist = res.bootstrap_distribution
    return {"lower": float(res.confidence_interval.low), "upper": float(res.confidence_interval.high),
            "level": level, "scipyResamples": resamples, "standardError": float(res.standard_error),
            "densityAtLower": bound_density(dist, alpha), "densityAtUpper": bound_density(dist, 1 - alpha)}


def bootstrap():
    rng = np.random.default_rng(2024)
    resamples = 200_000
    # Continuous paired scores in [0, 1]; the delta is candidate - parent.
    parent = np.round(rng.beta(4, 2, 60), 6)
    candidate = np.round(np.clip(parent + rng.normal(0.03, 0.15, 60), 0, 1), 6)
    deltas = candidate - parent
    mean_delta = scipy_percentile((parent, candidate), lambda x, y, axis=-1: np.mean(y - x, axis=axis), resamples, 1)
    analytic_se = float(np.sqrt(np.sum((deltas - deltas.mean()) ** 2)) / len(deltas))

    # Binary paired outcomes: 14 regressions, 160 ties, 26 fixes.
    per_case = np.concatenate([-np.ones(14), np.zeros(160), np.ones(26)])
    binary = scipy_percentile((per_case,), lambda d, axis=-1: np.mean(d, axis=axis), resamples, 2)

    # Cost per success, candidate over parent.
    n = 80
    p_cost = np.round(rng.lognormal(0, 0.5, n), 6)
    c_cost = np.round(p_cost * rng.uniform(0.9, 1.4, n), 6)
    p_ok = (rng.uniform(size=n) < 0.8).astype(float)
    c_ok = (rng.uniform(size=n) < 0.75).astype(float)

    def ratio(pn, pd, cn, cd, axis=-1):
        return (np.sum(cn, axis=axis) / np.sum(cd, axis=axis)) / (np.sum(pn, axis=axis) / np.sum(pd, axis=axis))

    ratio_ref = scipy_percentile((p_cost, p_ok, c_cost, c_ok), ratio, resamples, 3)

    # p90 latency ratio.
    m = 120
    p_lat = np.round(rng.lognormal(5, 0.6, m), 3)
    c_lat = np.round(p_lat * rng.lognormal(0.1, 0.2, m), 3)

    def q_ratio(p, c, axis=-1):
        return np.quantile(c, 0.9, axis=axis) / np.quantile(p, 0.9, axis=axis)

    quantile_ref = scipy_percentile((p_lat, c_lat), q_ratio, resamples, 4)

    write("bootstrap.json", {
        "source": "scipy.stats.bootstrap(method='percentile', paired=True) " + __import__("scipy").__version__,
        "meanDelta": {"parent": parent.tolist(), "candidate": candidate.tolist(), "estimate": float(deltas.mean()),
                      "analyticStandardError": analytic_se, "reference": mean_delta},
        "binaryDelta": {"minus": 14, "zero": 160, "plus": 26, "estimate": 12 / 200, "reference": binary},
        "ratioOfRatios": {"parentNumerator": p_cost.tolist(), "parentDenominator": p_ok.tolist(),
                          "candidateNumerator": c_cost.tolist(), "candidateDenominator": c_ok.tolist(),
                          "estimate": float(ratio(p_cost, p_ok, c_cost, c_ok)), "reference": ratio_ref},
        "quantileRatio": {"parent": p_lat.tolist(), "candidate": c_lat.tolist(), "q": 0.9,
                          "estimate": float(q_ratio(p_lat, c_lat)), "reference": quantile_ref},
    })


if __name__ == "__main__":
    rng()
    mcnemar()
    wilson()
    holm()
    normal()
    quantile()
    binomial()
    bootstrap()
    assert math.isclose(holm_adjust([0.01, 0.04, 0.03])[1], 0.06)
