import type { SideEffectLevel } from '../manifest/model.ts';
import type { DecisionOutcome } from '../outcome.ts';
import type { GateResult } from './result.ts';

/** A decision with its reasons, the way a reviewer reads it. */
export interface Decision {
  readonly outcome: DecisionOutcome;
  readonly summary: string;
  readonly reasons: readonly string[];
  /** Owners who can approve when the outcome is needs_approval. */
  readonly approvers: readonly string[];
}

/**
 * Decides from the gate results and the side-effect level: any failed reject-gate rejects; a failed
 * latency gate holds; inconclusive evidence, and every level 2–3 package, needs a named owner's
 * approval; otherwise approve. Reasons list every gate that shaped the outcome.
 */
export function decide(gates: readonly GateResult[], level: SideEffectLevel, owners: readonly string[]): Decision {
  const failed = gates.filter((g) => g.verdict === 'fail');
  const rejecting = failed.filter((g) => g.on_failure === 'reject');
  const holding = failed.filter((g) => g.on_failure === 'hold');
  const inconclusive = gates.filter((g) => g.verdict === 'inconclusive');
  const levelReason = `side-effect level ${level} requires approval by one of ${owners.join(', ')}`;
  if (rejecting.length > 0) {
    return {
      outcome: 'reject',
      summary: `Rejected: the ${names(rejecting)} gate${rejecting.length > 1 ? 's' : ''} failed.`,
      reasons: reasonsOf([...rejecting, ...holding]),
      approvers: [],
    };
  }
  if (holding.length > 0) {
    return {
      outcome: 'hold',
      summary: `Held: the ${names(holding)} gate failed; fix capacity or latency and re-run.`,
      reasons: reasonsOf(holding),
      approvers: [],
    };
  }
  if (inconclusive.length > 0) {
    return {
      outcome: 'needs_approval',
      summary: `Needs approval: the evidence cannot decide the ${names(inconclusive)} gate${inconclusive.length > 1 ? 's' : ''}; add cases or have an owner approve.`,
      reasons: [...reasonsOf(inconclusive), ...(level >= 2 ? [levelReason] : [])],
      approvers: owners,
    };
  }
  if (level >= 2) {
    return {
      outcome: 'needs_approval',
      summary: `Needs approval: all gates pass, and side-effect level ${level} releases always need a named owner's approval.`,
      reasons: [levelReason],
      approvers: owners,
    };
  }
  // "Every gate passed" must not be said of gates that had nothing to judge.
  const unjudged = gates.filter((g) => g.verdict === 'not_applicable');
  const summary =
    unjudged.length === 0
      ? 'Approved: every gate passed.'
      : `Approved: every gate that applies passed (${names(unjudged)} had no data).`;
  return { outcome: 'approve', summary, reasons: [], approvers: [] };
}

function reasonsOf(list: readonly GateResult[]): string[] {
  return list.map((g) => `${g.gate}: ${g.reason}`);
}

function names(gates: readonly GateResult[]): string {
  const list = gates.map((g) => g.gate);
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}
