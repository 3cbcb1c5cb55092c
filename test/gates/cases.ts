import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CaseOutcome, PairedCase } from '../../src/evidence/pair.ts';
import type { Suite } from '../../src/evidence/record.ts';
import { mergePolicies, parsePolicy, policyForLevel } from '../../src/gates/policy.ts';
import type { EffectivePolicy, GatePolicy, GateThresholds, StatisticsPolicy } from '../../src/gates/policy.ts';
import type { SideEffectLevel } from '../../src/manifest/model.ts';

/** The shipped default policy file. */
export const DEFAULT_POLICY_PATH = fileURLToPath(new URL('../../gates/default.yaml', import.meta.url));

/** The shipped defaults, merged with nothing. */
export function defaultPolicy(): GatePolicy {
  return mergePolicies(parsePolicy(readFileSync(DEFAULT_POLICY_PATH), 'gates/default.yaml'), [], []);
}

/** The effective default policy at a level, with statistics or gate sections replaced as given. */
export function policyAt(
  level: SideEffectLevel = 0,
  changes: {
    statistics?: Partial<StatisticsPolicy>;
    gates?: { [K in keyof GateThresholds]?: Partial<GateThresholds[K]> };
  } = {},
): EffectivePolicy {
  const base = policyForLevel(defaultPolicy(), level);
  const gates = { ...base.gates } as Record<string, unknown>;
  for (const [name, section] of Object.entries(changes.gates ?? {}))
    gates[name] = { ...(gates[name] as object), ...section };
  return { statistics: { ...base.statistics, ...changes.statistics }, gates: gates as unknown as GateThresholds };
}

/** One side of a case: the pass fraction plus any other fields. */
export function outcome(pass: number, extra: Partial<Omit<CaseOutcome, 'pass'>> = {}): CaseOutcome {
  return { trials: 1, source: { file: 'test.jsonl', line: 1 }, ...extra, pass };
}

/** A paired case from two outcomes (or bare pass values). */
export function pairedCase(
  caseId: string,
  parent: CaseOutcome | number,
  candidate: CaseOutcome | number,
  options: { suite?: Suite; category?: string; critical?: boolean; cluster?: string } = {},
): PairedCase {
  return {
    suite: options.suite ?? 'golden',
    case_id: caseId,
    category: options.category ?? 'general',
    critical: options.critical ?? false,
    ...(options.cluster !== undefined ? { cluster: options.cluster } : {}),
    parent: typeof parent === 'number' ? outcome(parent) : parent,
    candidate: typeof candidate === 'number' ? outcome(candidate) : candidate,
  };
}

/** How many cases of each paired binary pattern: regressed (1→0), fixed (0→1), both pass, both fail. */
export interface Pattern {
  readonly regressed?: number;
  readonly fixed?: number;
  readonly bothPass?: number;
  readonly bothFail?: number;
}

/**
 * Binary golden (or safety) cases with the given pattern counts, ids `<prefix>-0000…` in the
 * order regressed, fixed, both pass, both fail.
 */
export function binaryCases(
  pattern: Pattern,
  options: {
    prefix?: string;
    suite?: Suite;
    category?: string;
    critical?: boolean;
    cluster?: (index: number) => string | undefined;
  } = {},
): PairedCase[] {
  const rows: [number, number][] = [
    ...Array.from({ length: pattern.regressed ?? 0 }, (): [number, number] => [1, 0]),
    ...Array.from({ length: pattern.fixed ?? 0 }, (): [number, number] => [0, 1]),
    ...Array.from({ length: pattern.bothPass ?? 0 }, (): [number, number] => [1, 1]),
    ...Array.from({ length: pattern.bothFail ?? 0 }, (): [number, number] => [0, 0]),
  ];
  const prefix = options.prefix ?? options.category ?? 'case';
  return rows.map(([p, c], i) => {
    const cluster = options.cluster?.(i);
    return pairedCase(`${prefix}-${String(i).padStart(4, '0')}`, p, c, {
      ...(options.suite ? { suite: options.suite } : {}),
      ...(options.category ? { category: options.category } : {}),
      ...(options.critical !== undefined ? { critical: options.critical } : {}),
      ...(cluster !== undefined ? { cluster } : {}),
    });
  });
}
