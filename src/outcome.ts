/**
 * The release decision's vocabulary: every outcome with the one title, word, emoji, check-run
 * conclusion, exit status and severity that every rendering and edge uses.
 */

/** A package's release decision. */
export type DecisionOutcome = 'approve' | 'reject' | 'hold' | 'needs_approval';

/** The run-level outcome: a package decision, or nothing to gate. */
export type RunOutcome = DecisionOutcome | 'nothing_to_gate';

/** What the Kaizen log says of a release whose recorded decision it verified. */
export type DecisionStatus = 'approved' | 'rejected' | 'held' | 'needs approval';

/** How one outcome is shown and acted on. */
export interface OutcomeStyle {
  /** Sentence-case title, e.g. for a check run: `Needs approval`. */
  readonly title: string;
  /** One unambiguous upper-case word or phrase for terminals and logs: `NEEDS APPROVAL`. */
  readonly word: string;
  readonly emoji: string;
  /** The Kaizen log's status for a release with this recorded decision. */
  readonly status: DecisionStatus | 'nothing to gate';
  /** GitHub check-run conclusion. */
  readonly conclusion: 'success' | 'failure' | 'action_required' | 'neutral';
  /** CLI exit status: 0 approve, 1 reject or hold, 3 needs approval. */
  readonly exitCode: 0 | 1 | 3;
  /** Higher is more severe; combining decisions keeps the most severe. */
  readonly severity: number;
  readonly colour: 'green' | 'red' | 'yellow' | 'dim';
}

/** The outcomes, most severe first. */
export const OUTCOMES: Readonly<Record<RunOutcome, OutcomeStyle>> = {
  reject: { title: 'Rejected', word: 'REJECT', emoji: '❌', status: 'rejected', conclusion: 'failure', exitCode: 1, severity: 4, colour: 'red' },
  hold: { title: 'Held', word: 'HOLD', emoji: '⏸️', status: 'held', conclusion: 'failure', exitCode: 1, severity: 3, colour: 'red' },
  needs_approval: { title: 'Needs approval', word: 'NEEDS APPROVAL', emoji: '✋', status: 'needs approval', conclusion: 'action_required', exitCode: 3, severity: 2, colour: 'yellow' },
  approve: { title: 'Approved', word: 'APPROVE', emoji: '✅', status: 'approved', conclusion: 'success', exitCode: 0, severity: 1, colour: 'green' },
  nothing_to_gate: { title: 'Nothing to gate', word: 'NOTHING TO GATE', emoji: '➖', status: 'nothing to gate', conclusion: 'neutral', exitCode: 0, severity: 0, colour: 'dim' },
};

/** The Kaizen log's status of a verified decision. */
export function statusOf(outcome: DecisionOutcome): DecisionStatus {
  return OUTCOMES[outcome].status as DecisionStatus;
}

/** The most severe of several package decisions (approve when there are none). */
export function mostSevere(outcomes: readonly DecisionOutcome[]): DecisionOutcome {
  let worst: DecisionOutcome = 'approve';
  for (const outcome of outcomes) if (OUTCOMES[outcome].severity > OUTCOMES[worst].severity) worst = outcome;
  return worst;
}
