import policySchema from '../../manifests/schema/policy.schema.json' with { type: 'json' };
import { loadYaml } from '../yaml/load.ts';
import type { SideEffectLevel } from '../manifest/model.ts';
import { InputError } from '../problem.ts';
import { validateAgainstSchema } from '../schema/validate.ts';

/** Relative shares of the decision's error budget; test groups without data drop out and the rest are rescaled. */
export interface AlphaWeights {
  readonly quality: number;
  readonly categories: number;
  readonly critical: number;
  readonly safety: number;
  readonly cost: number;
  readonly latency: number;
  /** The absolute floors (`gates.<gate>.minimum`), shared equally by the floors set. */
  readonly minimum: number;
}

/** Statistics parameters shared by every gate. */
export interface StatisticsPolicy {
  /** Two-sided level of shown intervals over all looks; (1 − confidence)/2 is the risk of a false pass. */
  readonly confidence: number;
  /** The decision's error budget: the chance that a candidate that changes nothing is rejected or held. */
  readonly alpha: number;
  readonly alpha_weights: AlphaWeights;
  /** Share of both budgets the first look spends; look k spends s·(1 − s)^(k − 1). */
  readonly first_look_share: number;
  readonly resamples: number;
  readonly seed: number;
  /** Fewest independent units (paired cases, or clusters when clustered) for a gate to pass. */
  readonly min_cases: number;
  /** With clustered evidence: fewest clusters overall and in a tested category. */
  readonly min_clusters: number;
}

/** Absolute floors on the candidate alone, as fractions; a floor not set is off. */
export interface Minimum {
  /** The pass rate the candidate must be shown to reach (golden for quality, red-team for safety). */
  readonly pass_rate?: number;
}

/** What the score metric does with a golden case that lacks a score on either side. */
export type MissingScore = 'error' | 'skip' | 'use_pass';

/** Thresholds of the five gates for one side-effect level. */
export interface GateThresholds {
  readonly quality: {
    readonly metric: 'pass' | 'score';
    readonly max_drop_pp: number;
    readonly max_category_drop_pp: number;
    readonly min_category_cases: number;
    readonly critical_max_drop_pp: number;
    readonly missing_score: MissingScore;
    /** An absolute floor on the candidate's golden pass rate, judged beside the paired verdict. */
    readonly minimum?: Minimum;
  };
  readonly safety: {
    readonly max_redteam_drop_pp: number;
    readonly new_unsafe_blocks_at_levels: readonly number[];
    readonly min_unsafe_trials: number;
    readonly max_missed_intervention_rise_pp: number;
    /** An absolute floor on the candidate's red-team pass rate, judged beside the paired verdict. */
    readonly minimum?: Minimum;
  };
  readonly cost: { readonly max_cost_per_success_increase_pct: number; readonly offsetting_quality_gain_pp: number };
  readonly latency: { readonly quantile: number; readonly max_increase_pct: number };
  readonly manifest: { readonly require_judge_match: boolean };
}

/** Side-effect levels as the policy file names them. */
const LEVEL_KEYS = ['0', '1', '2', '3'] as const;

/** A complete policy: defaults with every override applied, resolved for each side-effect level. */
export interface GatePolicy {
  readonly statistics: StatisticsPolicy;
  /** The gates section after every layer, before any level's overrides. */
  readonly gates: GateThresholds;
  /** The thresholds in force at each side-effect level. */
  readonly levels: Readonly<Record<(typeof LEVEL_KEYS)[number], GateThresholds>>;
  /** Where the policy came from, for the report: `default` or the override file. */
  readonly sources: readonly { readonly file: string; readonly digest: string }[];
}

/** The effective policy for one package: statistics plus the thresholds for its level. */
export interface EffectivePolicy {
  readonly statistics: StatisticsPolicy;
  readonly gates: GateThresholds;
}

/**
 * Parses a policy file (default or override) into a plain value, with located problems for bad
 * YAML and schema violations.
 */
export function parsePolicy(bytes: Uint8Array, file: string): Record<string, unknown> {
  const { loaded, problems } = loadYaml(bytes, file);
  if (!loaded) throw new InputError(problems);
  const schemaProblems = validateAgainstSchema(policySchema, loaded.value, loaded);
  if (schemaProblems.length > 0) throw new InputError(schemaProblems);
  return loaded.value as Record<string, unknown>;
}

/**
 * Merges override policies onto the defaults, field by field. Layers apply in order, each as its
 * `gates` and then its `levels`, so a field a repository sets in `gates` wins over the defaults'
 * level-specific value: tightening a margin everywhere must not leave levels 2–3 looser than 0–1.
 */
export function mergePolicies(
  base: Record<string, unknown>,
  overrides: readonly Record<string, unknown>[],
  sources: GatePolicy['sources'],
): GatePolicy {
  const layers = [base, ...overrides];
  let statistics: Record<string, unknown> = {};
  let gates: Record<string, unknown> = {};
  const levels = Object.fromEntries(LEVEL_KEYS.map((key) => [key, {} as Record<string, unknown>]));
  for (const layer of layers) {
    if (isPlainObject(layer.statistics)) statistics = deepMerge(statistics, layer.statistics);
    const layerGates = isPlainObject(layer.gates) ? layer.gates : {};
    const layerLevels = isPlainObject(layer.levels) ? layer.levels : {};
    gates = deepMerge(gates, layerGates);
    for (const key of LEVEL_KEYS) {
      const levelOverride = layerLevels[key];
      levels[key] = deepMerge(deepMerge(levels[key]!, layerGates), isPlainObject(levelOverride) ? levelOverride : {});
    }
  }
  return {
    statistics: statistics as unknown as StatisticsPolicy,
    gates: gates as unknown as GateThresholds,
    levels: levels as unknown as GatePolicy['levels'],
    sources,
  };
}

/** The thresholds for a side-effect level, and the statistics (with the seed override, if any). */
export function policyForLevel(policy: GatePolicy, level: SideEffectLevel, seedOverride?: number): EffectivePolicy {
  const statistics = seedOverride === undefined ? policy.statistics : { ...policy.statistics, seed: seedOverride };
  return { statistics, gates: policy.levels[String(level) as (typeof LEVEL_KEYS)[number]] };
}

function deepMerge(base: Record<string, unknown>, override: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? deepMerge(current, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
