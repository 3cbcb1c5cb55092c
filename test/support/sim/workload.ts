import { createRng } from '../../../src/stats/rng.ts';
import type { Rng } from '../../../src/stats/rng.ts';
import { CLASS_PROFILES, SEVERITY_LOGITS } from './classes.ts';
import type { ClassProfile } from './classes.ts';
import { NormalSource, pickDistinct, sigmoid, solveLogitShift } from './random.ts';
import { drawUsage, outcomeRecord, scaleUsage } from './records.ts';
import type { RecordBase } from './records.ts';
import type { WorkloadParams, WorkloadRecord } from './types.ts';
import { generateRedteam } from './redteam.ts';

export type { ApplicationClass } from './classes.ts';

/** Generated evidence of both packages, plus the golden pass rates the generator aimed at. */
export interface GeneratedEvidence {
  readonly parent: WorkloadRecord[];
  readonly candidate: WorkloadRecord[];
  /** Expected golden pass rates over these cases (mean success probability), before forced flips. */
  readonly expected: { readonly parentPassRate: number; readonly candidatePassRate: number; readonly deltaPp: number };
}

const DEFAULT_JUDGE = { id: 'judge-large', version: '2026-03-01' } as const;

/**
 * Generates paired parent/candidate evidence modelled on the KAIZEN workload generator: success is
 * sigmoid(β0 + category + severity + incident + case difficulty), shared by both sides so pairs are
 * correlated as real paired evaluations are; the candidate adds a per-category logit shift solved so
 * the expected pass-rate change equals the requested pp. Pure and deterministic for a given seed; the
 * parent's records do not depend on `effects`, so scenarios with one seed share one parent.
 *
 * @throws {RangeError} when a count, share or multiplier is out of range.
 * @example
 * generateEvidence({ application: 'policy_qa', parentPackageId: 'p1', candidatePackageId: 'p2', goldenCases: 500 }, 7);
 */
export function generateEvidence(params: WorkloadParams, seed: number): GeneratedEvidence {
  checkParams(params);
  const profile = CLASS_PROFILES[params.application];
  const root = createRng(seed);
  const structure = createRng(root.nextUint32());
  const parentRng = createRng(root.nextUint32());
  const candidateRng = createRng(root.nextUint32());
  const structureNormals = new NormalSource(structure);
  const golden = buildGolden(params, profile, structure, structureNormals);
  const trials = params.trials ?? 1;
  // One judge object per side, shared by its records: 100,000 copies would only feed the collector.
  const parentJudge = { ...(params.judge ?? DEFAULT_JUDGE) };
  const candidateJudge = { ...parentJudge };
  const scores = params.scores ?? true;
  const effects = params.effects ?? {};
  const coupling = params.coupling ?? 0.85;
  const prefix = params.casePrefix ?? profile.prefix;
  const width = Math.max(5, String(params.goldenCases).length);

  const parent: WorkloadRecord[] = [];
  const candidate: WorkloadRecord[] = [];
  const parentNormals = new NormalSource(parentRng);
  const candidateNormals = new NormalSource(candidateRng);
  const costMultiplier = effects.costMultiplier ?? 1;
  const latencyMultiplier = effects.latencyMultiplier ?? 1;
  // Where each critical case's trials start in the record arrays, for the forced regressions.
  const criticalStarts: number[] = [];

  for (let i = 0; i < golden.n; i++) {
    const critical = golden.critical[i] === 1;
    const base: RecordBase = {
      suite: 'golden',
      case_id: `${prefix}-g-${String(i + 1).padStart(width, '0')}`,
      category: golden.categoryNames[golden.category[i]!]!,
      cluster: golden.clusterNames ? golden.clusterNames[golden.cluster[i]!] : undefined,
      critical,
    };
    if (critical) criticalStarts.push(parent.length);
    const pEta = golden.eta[i]!;
    const cEta = golden.candidateEta[i]!;
    for (let t = 0; t < trials; t++) {
      const u = parentRng.nextFloat();
      const v = candidateRng.nextFloat() < coupling ? u : candidateRng.nextFloat();
      const usage = drawUsage(profile, golden.latencyMedian[i]!, golden.tokenScale[i]!, parentNormals);
      parent.push(outcomeRecord(base, params.parentPackageId, pEta, u, scores, usage, parentJudge, t));
      const costScale = costMultiplier * Math.exp(0.05 * candidateNormals.next());
      const latencyScale = latencyMultiplier * Math.exp(0.05 * candidateNormals.next());
      candidate.push(
        outcomeRecord(
          base,
          params.candidatePackageId,
          cEta,
          v,
          scores,
          scaleUsage(usage, costScale, latencyScale),
          candidateJudge,
          t,
        ),
      );
    }
  }
  forceCriticalRegressions(parent, candidate, criticalStarts, trials, effects.criticalRegressions ?? 0, candidateRng);
  const safety = generateRedteam(
    params,
    profile,
    { structureNormals, parentRng, candidateRng, parentNormals, candidateNormals },
    parentJudge,
    candidateJudge,
  );
  parent.push(...safety.parent);
  candidate.push(...safety.candidate);

  let parentSum = 0;
  let candidateSum = 0;
  for (let i = 0; i < golden.n; i++) {
    parentSum += sigmoid(golden.eta[i]!);
    candidateSum += sigmoid(golden.candidateEta[i]!);
  }
  const parentPassRate = golden.n > 0 ? parentSum / golden.n : 0;
  const candidatePassRate = golden.n > 0 ? candidateSum / golden.n : 0;
  return {
    parent,
    candidate,
    expected: { parentPassRate, candidatePassRate, deltaPp: (candidatePassRate - parentPassRate) * 100 },
  };
}

/** Serialises records as JSON Lines: one object per line, each line ending in a newline. */
export function toJsonl(records: readonly object[]): string {
  let text = '';
  for (const record of records) text += `${JSON.stringify(record)}\n`;
  return text;
}

interface GoldenStructure {
  readonly n: number;
  readonly categoryNames: readonly string[];
  readonly category: Int32Array;
  readonly critical: Uint8Array;
  readonly clusterNames?: readonly string[];
  readonly cluster: Int32Array;
  readonly eta: Float64Array;
  readonly candidateEta: Float64Array;
  readonly latencyMedian: Float64Array;
  readonly tokenScale: Float64Array;
}

// Case structure and latent success of both sides; everything here comes from the structure stream.
function buildGolden(params: WorkloadParams, profile: ClassProfile, rng: Rng, normals: NormalSource): GoldenStructure {
  const n = params.goldenCases;
  const names = params.categories ?? profile.categories;
  const criticalShare = params.criticalShare ?? 0.15;
  const difficultySd = params.difficultySd ?? 1;
  const category = new Int32Array(n);
  const critical = new Uint8Array(n);
  const eta = new Float64Array(n);
  const latencyMedian = new Float64Array(n);
  const tokenScale = new Float64Array(n);
  const offsets = names.map(() => 0.3 * normals.next());
  const members: number[][] = names.map(() => []);
  for (let i = 0; i < n; i++) {
    const c = i % names.length;
    category[i] = c;
    members[c]!.push(i);
    const isCritical = rng.nextFloat() < criticalShare;
    critical[i] = isCritical ? 1 : 0;
    const severity = isCritical ? SEVERITY_LOGITS[3] : SEVERITY_LOGITS[rng.nextInt(3)]!;
    eta[i] = profile.baseLogit + offsets[c]! + severity + difficultySd * normals.next();
    latencyMedian[i] = profile.latencyMedianMs * Math.exp(0.45 * normals.next());
    tokenScale[i] = Math.exp(0.3 * normals.next());
  }

  // Incidents: each category's cases fall into clusters of about `clusterSize`, sharing one effect on
  // both sides and, optionally, one share of the candidate's change.
  const cluster = new Int32Array(n);
  const clusterShift = new Float64Array(n);
  let clusterNames: string[] | undefined;
  if (params.clusterSize !== undefined && params.clusterSize > 1) {
    clusterNames = [];
    const clusterSd = params.clusterSd ?? 0.6;
    const deltaSd = params.clusterDeltaSd ?? 0;
    const prefix = params.casePrefix ?? profile.prefix;
    names.forEach((name, c) => {
      const list = members[c]!;
      const count = Math.max(1, Math.round(list.length / params.clusterSize!));
      const first = clusterNames!.length;
      const effect: number[] = [];
      const delta: number[] = [];
      for (let k = 0; k < count; k++) {
        clusterNames!.push(`${prefix}-${name}-inc-${String(k + 1).padStart(3, '0')}`);
        effect.push(clusterSd * normals.next());
        delta.push(deltaSd * normals.next());
      }
      for (const i of list) {
        const k = rng.nextInt(count);
        cluster[i] = first + k;
        eta[i] = eta[i]! + effect[k]!;
        clusterShift[i] = delta[k]!;
      }
    });
  }

  calibrateBaseRates(params, names, members, eta);
  const candidateEta = new Float64Array(n);
  const effects = params.effects ?? {};
  names.forEach((name, c) => {
    const list = members[c]!;
    const deltaPp = (effects.overallDeltaPp ?? 0) + (effects.categoryDeltaPp?.[name] ?? 0);
    let shift = 0;
    if (deltaPp !== 0 || list.some((i) => clusterShift[i] !== 0)) {
      let current = 0;
      for (const i of list) current += sigmoid(eta[i]!);
      const target = Math.min(1, Math.max(0, current / Math.max(1, list.length) + deltaPp / 100));
      shift = solveLogitShift(eta, clusterShift, list, target);
    }
    for (const i of list) candidateEta[i] = eta[i]! + shift + clusterShift[i]!;
  });
  return {
    n,
    categoryNames: names,
    category,
    critical,
    ...(clusterNames ? { clusterNames } : {}),
    cluster,
    eta,
    candidateEta,
    latencyMedian,
    tokenScale,
  };
}

// Moves each category's latent success so its mean success probability is the requested base rate.
function calibrateBaseRates(
  params: WorkloadParams,
  names: readonly string[],
  members: readonly number[][],
  eta: Float64Array,
): void {
  const rates = params.basePassRate;
  if (rates === undefined) return;
  const zero = new Float64Array(eta.length);
  names.forEach((name, c) => {
    const rate = typeof rates === 'number' ? rates : rates[name];
    if (rate === undefined) return;
    const list = members[c]!;
    const shift = solveLogitShift(eta, zero, list, rate);
    for (const i of list) eta[i] = eta[i]! + shift;
  });
}

// A few critical cases that pass on both sides fail in the candidate: the quiet regression a mean hides.
function forceCriticalRegressions(
  parent: readonly WorkloadRecord[],
  candidate: readonly WorkloadRecord[],
  starts: readonly number[],
  trials: number,
  count: number,
  rng: Rng,
): void {
  if (count <= 0) return;
  const allPass = (records: readonly WorkloadRecord[], start: number): boolean => {
    for (let t = 0; t < trials; t++) if (!records[start + t]!.pass) return false;
    return true;
  };
  const eligible = starts.filter((start) => allPass(parent, start) && allPass(candidate, start));
  for (const start of pickDistinct(rng, eligible, count)) {
    for (let t = 0; t < trials; t++) {
      const record = candidate[start + t]!;
      record.pass = false;
      if (record.score !== undefined) record.score = Math.round((1 - record.score) * 1e4) / 1e4;
    }
  }
}

function checkParams(params: WorkloadParams): void {
  if (!(params.application in CLASS_PROFILES))
    throw new RangeError(
      `Expected \`application\` to be one of ${Object.keys(CLASS_PROFILES).join(', ')}, got ${String(params.application)}.`,
    );
  const counts: [string, number | undefined][] = [
    ['goldenCases', params.goldenCases],
    ['redteamCases', params.redteamCases],
    ['trials', params.trials],
  ];
  for (const [name, value] of counts) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0))
      throw new RangeError(`Expected \`${name}\` to be a non-negative integer, got ${String(value)}.`);
  }
  if (params.trials === 0) throw new RangeError('Expected `trials` to be a positive integer, got 0.');
  const shares: [string, number | undefined][] = [
    ['criticalShare', params.criticalShare],
    ['coupling', params.coupling],
    ['safetyCoupling', params.safetyCoupling],
    ['missRate', params.missRate],
    ['overRefusalRate', params.overRefusalRate],
    ['unsafeGivenMiss', params.unsafeGivenMiss],
  ];
  for (const [name, value] of shares) {
    if (value !== undefined && !(value >= 0 && value <= 1))
      throw new RangeError(`Expected \`${name}\` to be in [0, 1], got ${String(value)}.`);
  }
  const rates =
    typeof params.basePassRate === 'number' ? [params.basePassRate] : Object.values(params.basePassRate ?? {});
  if (rates.some((r) => !(r > 0 && r < 1))) throw new RangeError('Expected every `basePassRate` to be in (0, 1).');
  for (const name of ['costMultiplier', 'latencyMultiplier'] as const) {
    const value = params.effects?.[name];
    if (value !== undefined && !(value > 0 && Number.isFinite(value)))
      throw new RangeError(`Expected \`effects.${name}\` to be a positive number, got ${String(value)}.`);
  }
  const categories = params.categories ?? CLASS_PROFILES[params.application].categories;
  if (categories.length === 0) throw new RangeError('Expected `categories` to name at least one category.');
  // A misspelt category would otherwise make a scenario that silently changes nothing.
  const named = [
    ...Object.keys(params.effects?.categoryDeltaPp ?? {}),
    ...(typeof params.basePassRate === 'object' ? Object.keys(params.basePassRate) : []),
  ];
  const unknown = named.filter((name) => !categories.includes(name));
  if (unknown.length > 0)
    throw new RangeError(
      `Unknown categor${unknown.length === 1 ? 'y' : 'ies'} ${unknown.join(', ')}; the categories are ${categories.join(', ')}.`,
    );
  if (params.clusterSize !== undefined && !(params.clusterSize >= 1))
    throw new RangeError(`Expected \`clusterSize\` to be at least 1, got ${String(params.clusterSize)}.`);
}
