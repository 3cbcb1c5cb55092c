import { describe, expect, it } from 'vitest';
import { decide } from '../../src/gates/decide.ts';
import { mostSevere } from '../../src/outcome.ts';
import type { DecisionOutcome } from '../../src/outcome.ts';
import type { GateName, GateResult, Verdict } from '../../src/gates/result.ts';
import type { SideEffectLevel } from '../../src/manifest/model.ts';

const OWNERS = ['@acme/ops', '@ana-lima'];

/** Five gates, all passing unless given another verdict. */
function gates(verdicts: Partial<Record<GateName, Verdict>> = {}): GateResult[] {
  return (['manifest', 'quality', 'safety', 'cost', 'latency'] as const).map((gate) => ({
    gate,
    verdict: verdicts[gate] ?? 'pass',
    reason: `${gate} is ${verdicts[gate] ?? 'pass'}.`,
    measures: [],
    on_failure: gate === 'latency' ? 'hold' : 'reject',
  }));
}

describe('decide', () => {
  it.each<[string, Partial<Record<GateName, Verdict>>, SideEffectLevel, DecisionOutcome, string[]]>([
    ['all pass at level 0', {}, 0, 'approve', []],
    ['all pass at level 1', {}, 1, 'approve', []],
    ['a failed quality gate', { quality: 'fail' }, 0, 'reject', ['quality']],
    ['a failed manifest gate at level 3', { manifest: 'fail' }, 3, 'reject', ['manifest']],
    ['reject beats hold', { cost: 'fail', latency: 'fail' }, 0, 'reject', ['cost', 'latency']],
    ['reject beats inconclusive', { safety: 'fail', quality: 'inconclusive' }, 2, 'reject', ['safety']],
    ['a failed latency gate holds', { latency: 'fail' }, 0, 'hold', ['latency']],
    ['hold beats needs_approval', { latency: 'fail', quality: 'inconclusive' }, 2, 'hold', ['latency']],
    ['inconclusive needs approval', { quality: 'inconclusive' }, 0, 'needs_approval', ['quality']],
    ['all pass at level 2 needs approval', {}, 2, 'needs_approval', []],
    ['all pass at level 3 needs approval', {}, 3, 'needs_approval', []],
    [
      'not_applicable cost and latency still approve',
      { cost: 'not_applicable', latency: 'not_applicable' },
      0,
      'approve',
      [],
    ],
  ])('%s', (_name, verdicts, level, outcome, reasonGates) => {
    const decision = decide(gates(verdicts), level, OWNERS);
    expect(decision.outcome).toBe(outcome);
    const reasonOf = (gate: string): string => `${gate}: ${gate} is ${verdicts[gate as GateName] ?? 'pass'}.`;
    if (reasonGates.length > 0) expect(decision.reasons).toEqual(reasonGates.map(reasonOf));
    if (outcome === 'needs_approval') expect(decision.approvers).toEqual(OWNERS);
    else expect(decision.approvers).toEqual([]);
  });

  it.each<[string, Partial<Record<GateName, Verdict>>, SideEffectLevel, string]>([
    ['approve', {}, 0, 'Approved: every gate passed.'],
    [
      'approve with gates that had no data',
      { cost: 'not_applicable', latency: 'not_applicable' },
      1,
      'Approved: every gate that applies passed (cost and latency had no data).',
    ],
    ['reject', { quality: 'fail', safety: 'fail' }, 0, 'Rejected: the quality and safety gates failed.'],
    ['hold', { latency: 'fail' }, 0, 'Held: the latency gate failed; fix capacity or latency and re-run.'],
    [
      'inconclusive',
      { quality: 'inconclusive', safety: 'inconclusive' },
      1,
      'Needs approval: the evidence cannot decide the quality and safety gates; add cases or have an owner approve.',
    ],
    [
      'level 2',
      {},
      2,
      "Needs approval: all gates pass, and side-effect level 2 releases always need a named owner's approval.",
    ],
  ])('summary for %s', (_name, verdicts, level, summary) => {
    expect(decide(gates(verdicts), level, OWNERS).summary).toBe(summary);
  });

  it('names the owners who can approve a level 2–3 release', () => {
    const decision = decide(gates(), 3, OWNERS);
    expect(decision.reasons).toEqual(['side-effect level 3 requires approval by one of @acme/ops, @ana-lima']);
    expect(decision.approvers).toEqual(OWNERS);
  });

  it('at level 2 with an inconclusive gate, says both why approval is needed', () => {
    const decision = decide(gates({ quality: 'inconclusive' }), 2, OWNERS);
    expect(decision.outcome).toBe('needs_approval');
    expect(decision.reasons).toEqual([
      'quality: quality is inconclusive.',
      'side-effect level 2 requires approval by one of @acme/ops, @ana-lima',
    ]);
  });
});

describe('mostSevere', () => {
  it.each<[DecisionOutcome[], DecisionOutcome]>([
    [['approve', 'approve'], 'approve'],
    [['approve', 'needs_approval'], 'needs_approval'],
    [['needs_approval', 'hold', 'approve'], 'hold'],
    [['hold', 'reject', 'needs_approval'], 'reject'],
    [[], 'approve'],
  ])('%j → %s', (outcomes, expected) => {
    expect(mostSevere(outcomes)).toBe(expected);
  });
});
