// A bootstrap as plain data, so that it can be computed on another thread while this one does
// other work; the result is the same wherever it is computed (the seed travels with the request,
// and the arithmetic is the same code).
import { bootstrapClusteredQuantileRatio } from './bootstrap-quantile-clustered.ts';
import { bootstrapQuantileRatio } from './bootstrap-quantile.ts';
import type { BootstrapResult } from './bootstrap-summary.ts';
import { createRng } from './rng.ts';

/** A paired quantile-ratio bootstrap (`bootstrapQuantileRatio`, or the clustered one when `clusterOfCase` is given). */
export interface QuantileRatioRequest {
  readonly parent: Float64Array;
  readonly candidate: Float64Array;
  readonly clusterOfCase?: Int32Array;
  readonly q: number;
  readonly resamples: number;
  readonly level: number;
  /** Seed of the request's own generator. */
  readonly seed: number;
}

/** Computes a request here; the replicates are kept (`keepSamples`). */
export function runQuantileRatio(request: QuantileRatioRequest): BootstrapResult {
  const options = {
    resamples: request.resamples,
    level: request.level,
    rng: createRng(request.seed),
    keepSamples: true,
  };
  return request.clusterOfCase === undefined
    ? bootstrapQuantileRatio(request.parent, request.candidate, request.q, options)
    : bootstrapClusteredQuantileRatio(request.parent, request.candidate, request.clusterOfCase, request.q, options);
}

/**
 * Where bootstraps run. `start` hands a request over and returns what gives its result, waiting for
 * it if it is computed elsewhere and is not done yet; it may be called once.
 */
export interface BootstrapRunner {
  start(request: QuantileRatioRequest): () => BootstrapResult;
}

/** Computes each request on this thread, when its result is asked for. */
export const RUN_HERE: BootstrapRunner = { start: (request) => () => runQuantileRatio(request) };
