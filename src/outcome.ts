/**
 * The release decision's vocabulary: every outcome with the one title, word, emoji, check-run
 * conclusion, exit status and severity that every rendering and edge uses.
 */

/**
 * Exit statuses of the CLI, the same for every command: 0 ok or approve, 1 a gate or check failed
 * (reject, hold, roll back), 2 invalid input or usage, 3 needs an owner's approval, 4 undecided
 * yet (a canary that must continue, an inconclusive shadow).
 */
export const EXIT = { ok: 0, failed: 1, invalid: 2, needsApproval: 3, undecided: 4 } as const;

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
  /** CLI exit status (see {@link EXIT}). */
  readonly exitCode: (typeof EXIT)[keyof typeof EXIT];
  /** Higher is more severe; combining decisions keeps the most severe. */
  readonly severity: number;
  readonly colour: 'green' | 'red' | 'yellow' | 'dim';
}

/** The outcomes, most severe first. */
export const OUTCOMES: Readonly<Record<RunOutcome, OutcomeStyle>> = {
  reject: {
    title: 'Rejected',
    word: 'REJECT',
    emoji: '❌',
    status: 'rejected',
    conclusion: 'failure',
    exitCode: EXIT.failed,
    severity: 4,
    colour: 'red',
  },
  hold: {
    title: 'Held',
    word: 'HOLD',
    emoji: '⏸️',
    status: 'held',
    conclusion: 'failure',
    exitCode: EXIT.failed,
    severity: 3,
    colour: 'red',
  },
  needs_approval: {
    title: 'Needs approval',
    word: 'NEEDS APPROVAL',
    emoji: '✋',
    status: 'needs approval',
    conclusion: 'action_required',
    exitCode: EXIT.needsApproval,
    severity: 2,
    colour: 'yellow',
  },
  approve: {
    title: 'Approved',
    word: 'APPROVE',
    emoji: '✅',
    status: 'approved',
    conclusion: 'success',
    exitCode: EXIT.ok,
    severity: 1,
    colour: 'green',
  },
  nothing_to_gate: {
    title: 'Nothing to gate',
    word: 'NOTHING TO GATE',
    emoji: '➖',
    status: 'nothing to gate',
    conclusion: 'neutral',
    exitCode: EXIT.ok,
    severity: 0,
    colour: 'dim',
  },
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

/** Where a released package stands after a later stage: shadow replay, canary, rollback. */
export type StageOutcome =
  'pass' | 'fail' | 'inconclusive' | 'promote' | 'continue' | 'rollback' | 'rolled_back' | 'rehearsed' | 'refused';

/** How each stage outcome is shown and what it means for a check run and the CLI. */
export const STAGE_OUTCOMES: Readonly<
  Record<
    StageOutcome,
    {
      readonly title: string;
      readonly emoji: string;
      readonly conclusion: 'success' | 'failure' | 'neutral' | 'action_required';
      readonly exit: (typeof EXIT)[keyof typeof EXIT];
      readonly log: string;
    }
  >
> = {
  pass: { title: 'Shadow passed', emoji: '✅', conclusion: 'success', exit: EXIT.ok, log: 'shadow passed' },
  fail: { title: 'Shadow failed', emoji: '❌', conclusion: 'failure', exit: EXIT.failed, log: 'shadow failed' },
  inconclusive: {
    title: 'Shadow inconclusive',
    emoji: '❔',
    conclusion: 'neutral',
    exit: EXIT.undecided,
    log: 'shadow inconclusive',
  },
  promote: { title: 'Promote', emoji: '⬆️', conclusion: 'success', exit: EXIT.ok, log: 'promoted' },
  continue: { title: 'Continue', emoji: '⏳', conclusion: 'neutral', exit: EXIT.undecided, log: 'canary continuing' },
  rollback: { title: 'Roll back', emoji: '⏪', conclusion: 'failure', exit: EXIT.failed, log: 'rolled back' },
  rolled_back: { title: 'Rolled back', emoji: '⏪', conclusion: 'success', exit: EXIT.ok, log: 'rolled back' },
  rehearsed: {
    title: 'Rollback rehearsed',
    emoji: '🧪',
    conclusion: 'success',
    exit: EXIT.ok,
    log: 'rollback rehearsed',
  },
  refused: {
    title: 'Rollback refused',
    emoji: '⛔',
    conclusion: 'failure',
    exit: EXIT.failed,
    log: 'rollback refused',
  },
};
