#!/usr/bin/env python3
"""Writes the reference values that test/stats checks src/stats against.

Run from the repository root:  python3 scripts/reference-stats.py [name ...]
(names, e.g. `tango`, rewrite only those fixtures).
Needs numpy and scipy (tested with numpy 2.4, scipy 1.17). The JSON it writes under
test/fixtures/stats/ is committed, so the tests themselves never need Python.

Sources, by file:
  rng.json       xoshiro128** and the splitmix32 seeding of createRng, re-implemented here in Python
                 integers (an independent check of the JavaScript's 32-bit arithmetic).
  mcnemar.json   scipy.stats.binomtest(c, b + c, 0.5), 'two-sided' and 'greater' (H1: c > b).
                 b + c = 0 is outside binomtest's domain; p = 1 is recorded by convention.
  holm.json      statsmodels' multipletests(method='holm') algorithm re-implemented in numpy
                 (sort, multiply by m, m-1, ..., running maximum, cap at 1, unsort).
  normal.json    scipy.stats.norm.ppf.
  quantile.json  numpy.quantile (method 'linear', Hyndman-Fan type 7).
  binomial.json  scipy.stats.binom pmf/cdf/sf pooled into at most ~200 bins of expected count >= 10
                 for the draw count the test uses, and scipy.stats.chi2.ppf(1 - 1e-4, df) critical values.
  special.json   scipy.special gammaln, gammaincc, betainc, betaincinv and scipy.stats.norm.cdf.
  student-t.json scipy.stats.t.cdf and t.ppf.
  tango.json     Tango's score statistic for paired proportions with the constrained maximum-likelihood
                 regression probability found by numerical maximisation (scipy.optimize), not by the
                 closed-form root the TypeScript uses; p-values with scipy.stats.norm and one-sided
                 bounds with scipy.optimize.brentq.
  studentized.json  cluster-robust (CR1) ratio-estimator standard errors, plain and post-stratified,
                 with the sum of squares floored at 2 (two cases moved a point, one each way), and Student-t p-values and bounds, in numpy/scipy.
  bca.json       BCa bounds (Efron 1987) from fixed replicate arrays and jackknife accelerations, in numpy.
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


def special():
    from scipy import special as sp
    log_gamma = [{"x": x, "value": float(sp.gammaln(x))} for x in [1e-8, 0.1, 0.5, 1, 1.5, 2, 3.7, 10, 14.9, 15, 15.1, 50.5, 1e3, 1e5 + 0.5, 1e8]]
    gamma_q = [{"a": a, "x": x, "value": float(sp.gammaincc(a, x))}
               for a, x in [(0.5, 0.01), (0.5, 0.5), (0.5, 2), (0.5, 12.5), (0.5, 32), (0.5, 200), (1, 3), (3, 0.5), (3, 10), (20, 15), (20, 40)]]
    beta = [{"x": x, "a": a, "b": b, "value": float(sp.betainc(a, b, x)), "upper": float(sp.betaincc(a, b, x))}
            for x, a, b in [(0.5, 2, 3), (0.1, 0.5, 0.5), (0.9, 0.5, 0.5), (0.3, 10, 20), (0.001, 1, 1e4), (0.02, 5, 300),
                            (0.6, 120, 80), (0.5, 9.5, 0.5), (0.999, 9.5, 0.5), (1e-6, 0.5, 50), (0.05, 3000, 60000), (0.0501, 3000, 57000)]]
    inverse = [{"p": p, "a": a, "b": b, "value": float(sp.betaincinv(a, b, p))}
               for p, a, b in [(0.5, 1, 1), (0.025, 1, 30), (0.975, 31, 1), (1e-6, 2, 50), (0.02, 17, 400), (0.98, 18, 399),
                               (0.3, 0.5, 0.5), (0.05, 9.5, 0.5), (1e-10, 2.5, 0.5), (0.999, 200, 7), (0.001, 4000, 96000)]]
    normal_cdf = [{"x": x, "value": float(stats.norm.cdf(x))} for x in [-38, -20, -8, -5, -3, -1.96, -1, -0.1, 0, 0.3, 1, 1.644853626951, 2.5, 6]]
    write("special.json", {"source": "scipy.special " + __import__("scipy").__version__, "logGamma": log_gamma,
                           "gammaQ": gamma_q, "beta": beta, "inverseBeta": inverse, "normalCdf": normal_cdf})


def student_t():
    cdf = [{"t": t, "df": df, "value": float(stats.t.cdf(t, df))}
           for t, df in [(-40, 3), (-6, 2), (-3.2, 19), (-2.093024054408263, 19), (-1, 1), (0, 7), (0.5, 1.5), (1.7, 29), (2.5, 200), (4, 1e5), (-9, 999)]]
    quantile = [{"p": p, "df": df, "value": float(stats.t.ppf(p, df))}
                for p, df in [(1e-9, 19), (0.0004, 19), (0.01, 2), (0.02, 5), (0.025, 19), (0.05, 1), (0.3, 11), (0.5, 4), (0.98, 39), (0.975, 1000), (0.9999, 7.5)]]
    write("student-t.json", {"source": "scipy.stats.t " + __import__("scipy").__version__, "cdf": cdf, "quantile": quantile})


def tango_restricted_q(n, b, c, d0):
    """Maximises the multinomial likelihood under p10 - p01 = d0 numerically (p01 = q, p10 = q + d0)."""
    from scipy.optimize import minimize_scalar
    lo = max(0.0, -d0)
    hi = (1 - d0) / 2
    if hi - lo < 1e-15:
        return lo
    def nll(q):
        p10, p01 = q + d0, q
        rest = 1 - p10 - p01
        total = 0.0
        for count, prob in ((b, p10), (c, p01), (n - b - c, rest)):
            if count > 0:
                total -= count * math.log(max(prob, 1e-300))
        return total
    res = minimize_scalar(nll, bounds=(lo, hi), method="bounded", options={"xatol": 1e-14})
    return res.x


def tango_t(n, b, c, d0):
    q = tango_restricted_q(n, b, c, d0)
    var = n * (2 * q + d0 * (1 - d0))
    num = b - c - n * d0
    if var <= 0:
        return 0.0 if num == 0 else math.copysign(math.inf, num)
    return num / math.sqrt(var)


def tango():
    from scipy.optimize import brentq
    cases = []
    for n, b, c in [(30, 0, 0), (100, 2, 10), (200, 7, 11), (1000, 20, 70), (44, 1, 8), (500, 0, 12), (2000, 140, 210), (60, 9, 0), (100000, 2300, 2750)]:
        stat = [{"delta0": d0, "value": tango_t(n, b, c, d0)} for d0 in (-0.05, -0.02, 0.0, 0.01)]
        p = [{"delta0": d0, "less": float(stats.norm.cdf(tango_t(n, b, c, d0))), "greater": float(stats.norm.sf(tango_t(n, b, c, d0)))} for d0 in (-0.05, -0.02, 0.0)]
        bounds = []
        for alpha in (0.025, 0.02, 0.001):
            z = stats.norm.ppf(1 - alpha)
            lower = brentq(lambda d: tango_t(n, b, c, d) - z, -0.999999, 0.999999, xtol=1e-13)
            upper = brentq(lambda d: tango_t(n, b, c, d) + z, -0.999999, 0.999999, xtol=1e-13)
            bounds.append({"alpha": alpha, "lower": lower, "upper": upper})
        cases.append({"n": n, "fixes": b, "regressions": c, "statistic": stat, "pValues": p, "bounds": bounds})
    write("tango.json", {"source": "Tango (1998) score statistic, numerical constrained MLE (scipy.optimize)", "cases": cases})


def cr1(totals, sizes, strata=None):
    totals = np.asarray(totals, float)
    sizes = np.asarray(sizes, float)
    k = len(totals)
    n = sizes.sum()
    est = totals.sum() / n
    pseudo = 2.0
    if strata is None:
        var = k / (k - 1) * max(np.sum((totals - est * sizes) ** 2), pseudo)
        return est, math.sqrt(var) / n, k - 1
    strata = np.asarray(strata)
    var = 0.0
    for h in np.unique(strata):
        sel = strata == h
        kh = sel.sum()
        mean_h = totals[sel].sum() / sizes[sel].sum()
        var += kh / (kh - 1) * np.sum((totals[sel] - mean_h * sizes[sel]) ** 2)
    var = max(var, k / (k - 1) * pseudo)
    return est, math.sqrt(var) / n, k - len(np.unique(strata))


def studentized():
    rng = np.random.default_rng(23)
    cases = []
    for k, strata_count, binary in [(20, None, True), (40, 4, True), (200, 10, False), (30, None, False), (12, 3, True)]:
        sizes = rng.integers(1, 9, k).astype(float)
        if binary:
            totals = np.array([rng.integers(-1, 2, int(m)).sum() for m in sizes], float)
        else:
            totals = np.array([np.round(rng.normal(-0.02, 0.3, int(m)), 4).sum() for m in sizes], float)
        strata = None if strata_count is None else (np.arange(k) % strata_count).tolist()
        est, se, df = cr1(totals, sizes, strata)
        checks = []
        for threshold, alpha in [(-0.02, 0.025), (-0.05, 0.001), (0.0, 0.02)]:
            tstat = (est - threshold) / se
            checks.append({"threshold": threshold, "alpha": alpha, "pBelow": float(stats.t.cdf(tstat, df)), "pAbove": float(stats.t.sf(tstat, df)),
                           "lower": est - float(stats.t.ppf(1 - alpha, df)) * se, "upper": est + float(stats.t.ppf(1 - alpha, df)) * se})
        cases.append({"totals": totals.tolist(), "sizes": sizes.tolist(), **({"strata": strata} if strata is not None else {}),
                      "estimate": est, "standardError": se, "df": df, "checks": checks})
    write("studentized.json", {"source": "CR1 cluster-robust ratio estimator, sum of squares floored at 2, numpy + scipy.stats.t", "cases": cases})


def bca():
    rng = np.random.default_rng(31)
    cases = []
    for size, missing, skew in [(399, 0, 0.0), (600, 0, 0.8), (300, 7, 0.3), (800, 0, -0.5)]:
        reps = np.sort(np.round(rng.gamma(4, 0.05, size) + 0.9 if skew >= 0 else 1.1 - rng.gamma(4, 0.05, size), 6))
        estimate = float(np.median(reps) - 0.004)
        jack = np.round(rng.normal(1.0, 0.01, 50) + skew * rng.exponential(0.01, 50), 6)
        mean = jack.mean()
        d = mean - jack
        accel = float(np.sum(d ** 3) / (6 * np.sum(d ** 2) ** 1.5))
        total = size + missing
        below = np.sum(reps < estimate) + 0.5 * np.sum(reps == estimate)
        z0 = float(stats.norm.ppf(below / size))

        def level(p):
            zz = z0 + stats.norm.ppf(p)
            return float(stats.norm.cdf(z0 + zz / (1 - accel * zz)))

        def padded_quantile(q, pad_low):
            padded = np.concatenate([np.full(missing, -np.inf), reps]) if pad_low else np.concatenate([reps, np.full(missing, np.inf)])
            pos = (total - 1) * q
            lo = int(math.floor(pos))
            frac = pos - lo
            a = padded[lo]
            if frac == 0:
                return float(a)
            b = padded[lo + 1]
            if a == b:
                return float(a)
            if np.isinf(a) or np.isinf(b):
                return float(a if np.isinf(a) else b)
            return float(a + frac * (b - a))

        bounds = []
        for alpha in (0.05, 0.02, 0.01):
            lower, upper = padded_quantile(level(alpha), True), padded_quantile(level(1 - alpha), False)
            # JSON has no infinity: an unbounded side is null.
            bounds.append({"alpha": alpha, "lower": None if np.isinf(lower) else lower, "upper": None if np.isinf(upper) else upper})
        cases.append({"replicates": reps.tolist(), "undefined": missing, "estimate": estimate, "jackknife": jack.tolist(),
                      "acceleration": accel, "bias": z0, "bounds": bounds})
    write("bca.json", {"source": "BCa (Efron 1987) bounds from fixed replicates, numpy + scipy.stats.norm", "cases": cases})


if __name__ == "__main__":
    import sys
    if len(sys.argv) > 1:
        for name in sys.argv[1:]:
            globals()[name.replace("-", "_")]()
        sys.exit(0)
    rng()
    mcnemar()
    holm()
    normal()
    quantile()
    binomial()
    bootstrap()
    special()
    student_t()
    tango()
    studentized()
    bca()
    assert math.isclose(holm_adjust([0.01, 0.04, 0.03])[1], 0.06)
