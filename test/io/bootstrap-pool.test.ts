import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { pairEvidence } from '../../src/evidence/pair.ts';
import { parseJsonlEvidence } from '../../src/evidence/jsonl.ts';
import { evaluateEvidenceGates } from '../../src/gates/evaluate.ts';
import { mergePolicies, parsePolicy, policyForLevel } from '../../src/gates/policy.ts';
import { type BootstrapWorker, startBootstrapWorker } from '../../src/io/bootstrap-pool.ts';
import { type QuantileRatioRequest, runQuantileRatio } from '../../src/stats/offload.ts';
import { createRng } from '../../src/stats/rng.ts';
import { generateEvidence, toJsonl } from '../support/sim/workload.ts';

const started: BootstrapWorker[] = [];
const start = (url?: URL): BootstrapWorker => {
  const worker = url === undefined ? startBootstrapWorker() : startBootstrapWorker(url);
  started.push(worker);
  return worker;
};
afterEach(() => {
  for (const worker of started.splice(0)) worker.close();
});

/** Latencies of n cases, the candidate's a little slower, with `clusters` incidents when given. */
function request(n: number, seed: number, clusters?: number): QuantileRatioRequest {
  const rng = createRng(seed);
  const parent = Float64Array.from({ length: n }, () => 200 + rng.nextInt(2000));
  const candidate = Float64Array.from(parent, (value) => value * 1.05 + rng.nextInt(100));
  return {
    parent,
    candidate,
    ...(clusters === undefined ? {} : { clusterOfCase: Int32Array.from({ length: n }, (_, i) => i % clusters) }),
    q: 0.95,
    resamples: 2_000,
    level: 0.95,
    seed,
  };
}

describe('startBootstrapWorker', () => {
  it('computes on the worker exactly what this thread computes, clustered or not, asked for in any order', () => {
    const worker = start();
    const requests = [request(5_000, 1), request(3_000, 2, 40), request(800, 3), request(20_000, 4, 300)];
    const pending = requests.map((r) => worker.start(r));
    // The last one first: answers to the others are kept until they are asked for.
    const results = [pending[3]!(), pending[0]!(), pending[2]!(), pending[1]!()];
    const expected = [
      runQuantileRatio(requests[3]!),
      runQuantileRatio(requests[0]!),
      runQuantileRatio(requests[2]!),
      runQuantileRatio(requests[1]!),
    ];
    expect(results).toEqual(expected);
    expect(worker.answered()).toBe(4);
  });

  it('computes here when the worker cannot start, with the same result', async () => {
    const worker = start(new URL('./no-such-worker.js', import.meta.url));
    // Let the worker's failure reach this thread (without it, the first result waits for the start limit).
    await sleep(300);
    const r = request(2_000, 5);
    expect(worker.start(r)()).toEqual(runQuantileRatio(r));
    expect(worker.answered()).toBe(0);
  });

  it('fails as this thread fails for a request the bootstrap refuses', () => {
    const worker = start();
    const bad = { ...request(100, 6), q: 1.5 };
    const here = (() => {
      try {
        runQuantileRatio(bad);
        return undefined;
      } catch (error) {
        return error;
      }
    })();
    expect(here).toBeInstanceOf(RangeError);
    expect(() => worker.start(bad)()).toThrow((here as Error).message);
  });

  it('runs from the committed bundle, beside dist/cli.js and dist/action.js', () => {
    const url = new URL('../../dist/bootstrap-worker.js', import.meta.url);
    expect(existsSync(url)).toBe(true);
    const worker = start(url);
    const r = request(4_000, 7, 25);
    expect(worker.start(r)()).toEqual(runQuantileRatio(r));
    expect(worker.answered()).toBe(1);
  });
});

const parse = (records: readonly object[], file: string) => parseJsonlEvidence(toJsonl(records), file).records;

describe('evaluateEvidenceGates with the latency bootstrap on a worker', () => {
  it('gives the outcome it gives on one thread', () => {
    const root = new URL('../../', import.meta.url);
    const defaults = mergePolicies(
      parsePolicy(readFileSync(new URL('gates/default.yaml', root)), 'gates/default.yaml'),
      [],
      [],
    );
    const policy = policyForLevel(defaults, 1);
    const generated = generateEvidence(
      {
        application: 'policy_qa',
        parentPackageId: 'app-r1',
        candidatePackageId: 'app-r2',
        goldenCases: 3_000,
        categories: ['billing', 'refunds', 'shipping'],
        clusterSize: 50,
        effects: { overallDeltaPp: -1 },
      },
      11,
    );
    const { paired } = pairEvidence(
      parse(generated.parent, 'parent.jsonl'),
      parse(generated.candidate, 'candidate.jsonl'),
    );
    const worker = start();
    const input = { cases: paired.cases, level: 1 as const, policy, latencySloMs: 4_000 };
    expect(evaluateEvidenceGates({ ...input, bootstraps: worker })).toEqual(evaluateEvidenceGates(input));
    expect(worker.answered()).toBe(1);
  });
});
