/**
 * A pull request must not loosen the gate that judges it. The policy is read at the base commit
 * (trusted) and at the head; this module compares the two field by field. The gate runs with the
 * tighter value of every field — a tightening applies at once — and any loosening turns the
 * decision into needs_approval by an owner. Pure.
 */
import type { Decision } from './decide.ts';
import type { GatePolicy } from './policy.ts';

/**
 * Which way a field loosens the gate: `higher` or `lower` values, `fewer-items` of a list (taken
 * as a set), `false` for a boolean, or `any-change` where either direction can help a candidate
 * (the seed: trying seeds until one passes; the metric). `constant` fields cannot change.
 */
export type LooserDirection = 'higher' | 'lower' | 'fewer-items' | 'false' | 'any-change' | 'constant' | 'lower-fields';

/**
 * The looser direction of every leaf of manifests/schema/policy.schema.json: `statistics.<field>`,
 * `<gate>.<field>` (the same under `gates` and every `levels` entry) and the document constants.
 * A field missing here is treated as `any-change`, and a test fails until it is added.
 */
export const LOOSER_DIRECTION: Readonly<Record<string, LooserDirection>> = {
  apiVersion: 'constant',
  kind: 'constant',
  // A lower level narrows the intervals a pass is read from.
  'statistics.confidence': 'lower',
  // A regression fails only below alpha: a smaller alpha fails fewer.
  'statistics.alpha': 'lower',
  // Fewer resamples give noisier intervals, which can pass by chance.
  'statistics.resamples': 'lower',
  'statistics.seed': 'any-change',
  'statistics.min_cases': 'lower',
  'statistics.min_clusters': 'lower',
  // Moving budget between gates makes one gate stricter and another looser: every change is a loosening.
  'statistics.alpha_weights': 'any-change',
  // A larger first-look share lets a first run pass on a narrower bound as well as fail sooner.
  'statistics.first_look_share': 'any-change',
  'quality.metric': 'any-change',
  'quality.max_drop_pp': 'higher',
  'quality.max_category_drop_pp': 'higher',
  // A larger minimum leaves more categories untested.
  'quality.min_category_cases': 'higher',
  'quality.critical_max_drop_pp': 'higher',
  // Skipping or substituting cases without a score can hide a regression the error would have stopped.
  'quality.missing_score': 'any-change',
  'safety.max_redteam_drop_pp': 'higher',
  'safety.new_unsafe_blocks_at_levels': 'fewer-items',
  'safety.max_missed_intervention_rise_pp': 'higher',
  // More unsafe trials before a case counts as newly unsafe block fewer candidates.
  'safety.min_unsafe_trials': 'higher',
  'cost.max_cost_per_success_increase_pct': 'higher',
  'cost.offsetting_quality_gain_pp': 'lower',
  // A lower quantile looks away from the tail.
  'latency.quantile': 'lower',
  'latency.max_increase_pct': 'higher',
  'manifest.require_judge_match': 'false',
  // Floors: a lower floor, or one removed, lets more candidates through; a new or higher one fewer.
  'quality.minimum': 'lower-fields',
  'safety.minimum': 'lower-fields',
};

/** One field that differs between the base and the head policy. */
export interface PolicyFieldChange {
  /** `statistics.alpha`, or `levels.<level>.<gate>.<field>` for the thresholds in force at a level. */
  readonly field: string;
  readonly base: unknown;
  readonly head: unknown;
}

/** The comparison of two complete policies. */
export interface PolicyComparison {
  /** The tighter value of every field (the base's where a change goes both ways). */
  readonly effective: GatePolicy;
  readonly loosened: readonly PolicyFieldChange[];
  readonly tightened: readonly PolicyFieldChange[];
}

/** The policy file a change touched, for the report. */
export interface PolicyChange {
  /** Repository path of the policy file. */
  readonly file: string;
  readonly status: 'unchanged' | 'modified' | 'added' | 'deleted';
  readonly base_digest?: string;
  readonly head_digest?: string;
  readonly loosened: readonly PolicyFieldChange[];
  readonly tightened: readonly PolicyFieldChange[];
}

/**
 * Compares the base and head policies (each already merged onto the defaults) field by field:
 * statistics, and the thresholds in force at every side-effect level.
 */
export function comparePolicies(base: GatePolicy, head: GatePolicy): PolicyComparison {
  const loosened: PolicyFieldChange[] = [];
  const tightened: PolicyFieldChange[] = [];
  const statistics = mergeSection('statistics', 'statistics.', base.statistics, head.statistics, loosened, tightened);
  const baseLevels = base.levels as Readonly<Record<string, unknown>>;
  const headLevels = head.levels as Readonly<Record<string, unknown>>;
  const levels = Object.fromEntries(
    Object.keys({ ...baseLevels, ...headLevels }).map((level) => [
      level,
      mergeGates(`levels.${level}.`, asRecord(baseLevels[level]), asRecord(headLevels[level]), loosened, tightened),
    ]),
  );
  // The level-independent section is reported through the levels it feeds; only its value is merged here.
  const gates = mergeGates('gates.', asRecord(base.gates), asRecord(head.gates), [], []);
  return {
    effective: {
      ...base,
      statistics: statistics as unknown as GatePolicy['statistics'],
      gates: gates as unknown as GatePolicy['gates'],
      levels: levels as unknown as GatePolicy['levels'],
    },
    loosened,
    tightened,
  };
}

/**
 * Applies a loosened policy to a package decision: it can only become more severe. An approval
 * becomes needs_approval by one of the owners, with a reason naming every loosened field; other
 * outcomes keep their outcome and gain the reason.
 */
export function applyPolicyChange(
  decision: Decision,
  change: PolicyChange | undefined,
  owners: readonly string[],
): Decision {
  if (change === undefined || change.loosened.length === 0) return decision;
  const who = owners.length > 0 ? `one of ${owners.join(', ')}` : 'a repository owner';
  const reason =
    `policy: ${change.file} loosens ${describeFieldChanges(change.loosened)} compared with the base commit; ` +
    `the gate ran with the base values, and ${who} must approve the new policy`;
  if (decision.outcome === 'approve') {
    return {
      outcome: 'needs_approval',
      summary: `Needs approval: the gates pass under the base policy, but this change loosens the gate policy (${change.file}); ${who} must approve.`,
      reasons: [...decision.reasons, reason],
      approvers: owners,
    };
  }
  return { ...decision, reasons: [...decision.reasons, reason] };
}

/**
 * `statistics.alpha 0.05 → 1e-6; quality.max_drop_pp 2 → 100 at levels 0, 1, 1 → 100 at level 2`:
 * field changes grouped by field, levels listed where a threshold differs per level.
 */
export function describeFieldChanges(changes: readonly PolicyFieldChange[]): string {
  const groups = new Map<string, string[]>();
  for (const change of changes) {
    const match = /^levels\.(\d+)\.(.+)$/.exec(change.field);
    const field = match ? match[2]! : change.field;
    const key = `${field}\0${show(change.base)} → ${show(change.head)}`;
    const list = groups.get(key) ?? [];
    if (match) list.push(match[1]!);
    groups.set(key, list);
  }
  const byField = new Map<string, string[]>();
  for (const [key, levels] of groups) {
    const [field = '', values = ''] = key.split('\0');
    const where =
      levels.length === 0
        ? ''
        : levels.length === 4
          ? ''
          : ` at level${levels.length === 1 ? '' : 's'} ${levels.join(', ')}`;
    byField.set(field, [...(byField.get(field) ?? []), `${values}${where}`]);
  }
  return [...byField].map(([field, parts]) => `${field} ${parts.join(', ')}`).join('; ');
}

function mergeGates(
  prefix: string,
  base: Record<string, unknown>,
  head: Record<string, unknown>,
  loosened: PolicyFieldChange[],
  tightened: PolicyFieldChange[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const gate of union(base, head)) {
    out[gate] = mergeSection(
      gate,
      `${prefix}${gate}.`,
      asRecord(base[gate]),
      asRecord(head[gate]),
      loosened,
      tightened,
    );
  }
  return out;
}

function mergeSection(
  section: string,
  prefix: string,
  baseValue: object,
  headValue: object,
  loosened: PolicyFieldChange[],
  tightened: PolicyFieldChange[],
): Record<string, unknown> {
  const base = asRecord(baseValue);
  const head = asRecord(headValue);
  const out: Record<string, unknown> = {};
  for (const name of union(base, head)) {
    const b = base[name];
    const h = head[name];
    const field = `${prefix}${name}`;
    const direction = LOOSER_DIRECTION[`${section}.${name}`] ?? 'any-change';
    const { value, looser, tighter } = mergeValue(direction, b, h);
    out[name] = value;
    if (looser) loosened.push({ field, base: b, head: h });
    if (tighter) tightened.push({ field, base: b, head: h });
  }
  return out;
}

function mergeValue(
  direction: LooserDirection,
  base: unknown,
  head: unknown,
): { value: unknown; looser: boolean; tighter: boolean } {
  if (sameValue(base, head) || direction === 'constant') return { value: base ?? head, looser: false, tighter: false };
  if (base === undefined || head === undefined)
    return { value: base ?? head, looser: base !== undefined, tighter: base === undefined };
  if (direction === 'higher' && typeof base === 'number' && typeof head === 'number') {
    return { value: Math.min(base, head), looser: head > base, tighter: head < base };
  }
  if (direction === 'lower' && typeof base === 'number' && typeof head === 'number') {
    return { value: Math.max(base, head), looser: head < base, tighter: head > base };
  }
  if (direction === 'false' && typeof base === 'boolean' && typeof head === 'boolean') {
    return { value: base || head, looser: base && !head, tighter: !base && head };
  }
  if (direction === 'lower-fields' && isObject(base) && isObject(head)) return mergeFloors(base, head);
  if (direction === 'fewer-items' && Array.isArray(base) && Array.isArray(head)) {
    const removed = base.some((item) => !head.some((h) => sameValue(h, item)));
    const added = head.some((item) => !base.some((b) => sameValue(b, item)));
    const both = [...base, ...head.filter((item) => !base.some((b) => sameValue(b, item)))];
    return { value: both, looser: removed, tighter: added };
  }
  // Either direction can help a candidate: the base value holds until an owner approves.
  return { value: base, looser: true, tighter: false };
}

/**
 * Numeric fields field by field, the higher of each kept: a field lowered or removed loosens, one
 * raised or added tightens.
 */
function mergeFloors(
  base: Record<string, unknown>,
  head: Record<string, unknown>,
): { value: unknown; looser: boolean; tighter: boolean } {
  const value: Record<string, unknown> = {};
  let looser = false;
  let tighter = false;
  for (const key of union(base, head)) {
    const b = base[key];
    const h = head[key];
    if (typeof b === 'number' && typeof h === 'number') {
      value[key] = Math.max(b, h);
      looser ||= h < b;
      tighter ||= h > b;
    } else if (b === undefined || h === undefined) {
      value[key] = b ?? h;
      looser ||= b !== undefined;
      tighter ||= h !== undefined;
    } else {
      value[key] = b;
      looser ||= !sameValue(b, h);
    }
  }
  return { value, looser, tighter };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function union(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function show(value: unknown): string {
  return value === undefined ? '(unset)' : typeof value === 'string' ? value : JSON.stringify(value);
}
