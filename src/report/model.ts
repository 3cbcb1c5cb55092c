import type { ErrorBudget } from '../gates/budget.ts';
import type { Decision } from '../gates/decide.ts';
import type { RunOutcome } from '../outcome.ts';
import type { StatisticsPolicy } from '../gates/policy.ts';
import type { PolicyChange } from '../gates/policy-change.ts';
import type { CategoryDelta } from '../gates/quality.ts';
import type { GateResult } from '../gates/result.ts';
import type { RolloutPlan } from '../delivery/rollout.ts';
import type { ArtifactChange, ChangeClass, ManifestFailure, ParentRef } from '../manifest/diff.ts';
import type { Problem } from '../problem.ts';
import type { EvidenceBinding, SuiteCoverage } from '../evidence/evidence-facts.ts';
import type { EvalOrigin } from '../eval/origin.ts';

/** A file bound into the report by digest. */
export interface SubjectFile {
  readonly path: string;
  readonly sha256: string;
}

/** A case that got worse, for the reviewer's "worst regressed cases" list. */
export interface RegressedCase {
  readonly suite: string;
  readonly case_id: string;
  readonly category: string;
  readonly critical: boolean;
  readonly parent: number;
  readonly candidate: number;
  readonly delta: number;
  /** `file:line` of the candidate's evidence record. */
  readonly source: string;
  /** What each side answered, when the evidence carries text (input, output, the grader's reason). */
  readonly answers?: CaseAnswers;
}

/** Evidence text cut for the report: the first characters and the length of the whole, in code points. */
export interface Excerpt {
  readonly text: string;
  readonly length: number;
}

/** One side's answer to a regressed case: the trial shown, its outcome, output and the grader's reason. */
export interface SideAnswer {
  /** The trial shown (its `trial` number in the evidence); the candidate's worst and the parent's best. */
  readonly trial: number;
  /** How many trials the side ran of this case. */
  readonly trials: number;
  readonly pass: boolean;
  readonly score?: number;
  readonly output?: Excerpt;
  readonly reason?: Excerpt;
  /** `file:line` of the trial's record. */
  readonly source: string;
}

/** The answers of both sides to one regressed case, side by side. */
export interface CaseAnswers {
  /** The case's input, from the candidate's trial shown (else the parent's). */
  readonly input?: Excerpt;
  readonly parent?: SideAnswer;
  readonly candidate?: SideAnswer;
}

/** Everything the report says about one gated package. */
export interface PackageReport {
  readonly application: string;
  readonly package_id: string;
  readonly manifest: string;
  readonly manifest_digest: string;
  readonly side_effect_level: number;
  readonly owners: readonly string[];
  readonly change: {
    readonly type: string;
    readonly summary: string;
    readonly problem: string;
    readonly owner: string;
  };
  readonly parent: (ParentRef & { readonly resolution: string }) | null;
  readonly diff: {
    readonly classes: readonly ChangeClass[];
    readonly changes: readonly ArtifactChange[];
    readonly rollback_of?: { readonly package_id: string; readonly commit: string };
    readonly warnings: readonly string[];
    /** Manifest problems behind a failed manifest gate, located for annotations. */
    readonly problems: readonly Problem[];
    /** Set when there is no valid candidate manifest (deleted, emptied, re-encoded, replaced, invalid). */
    readonly failure?: ManifestFailure;
  };
  readonly evidence: {
    readonly paired_cases: number;
    readonly by_suite: Readonly<Record<string, number>>;
    readonly clustered: boolean;
    readonly max_trials: number;
    /** Cases only one side had, dropped under --allow-unpaired. */
    readonly unpaired?: { readonly parent_only: number; readonly candidate_only: number };
    readonly judge?: { readonly id: string; readonly version: string };
    /** How each side's evidence is tied to its package: bound, unbound (an owner must approve) or mismatched (the manifest gate fails). */
    readonly binding?: EvidenceBinding;
    /** Coverage of each suite the candidate pins: cases listed, covered by paired evidence, the first missing ones. */
    readonly suites?: readonly SuiteCoverage[];
    /** When kaizen-gate ran the eval: per side, run now or reused from the store, where and when. */
    readonly eval?: EvalOrigin;
  };
  readonly gates: readonly GateResult[];
  readonly categories: readonly CategoryDelta[];
  /** How the decision's alpha was split between its tests at this look (absent in hand-built reports). */
  readonly error_budget?: ErrorBudget;
  readonly worst_cases: readonly RegressedCase[];
  readonly decision: Decision;
  readonly rollout: RolloutPlan;
}

/** The evaluation report: one JSON document, the single source every rendering is made from. */
export interface Report {
  readonly schema: 'kaizen-gate/report/v1';
  readonly tool: { readonly name: 'kaizen-gate'; readonly version: string };
  readonly inputs: {
    readonly base: { readonly ref: string; readonly commit: string };
    readonly head: { readonly ref: string; readonly commit: string | null };
    readonly policy: readonly { readonly file: string; readonly digest: string }[];
    readonly statistics: StatisticsPolicy;
    readonly evidence: readonly {
      readonly path: string;
      readonly side: 'parent' | 'candidate' | 'both';
      readonly format: string;
    }[];
  };
  readonly subject: {
    readonly repository?: string;
    readonly commit?: string;
    readonly pull_request?: number;
    readonly manifests: readonly (SubjectFile & {
      readonly role: 'candidate' | 'parent';
      readonly commit: string | null;
    })[];
    readonly evidence: readonly SubjectFile[];
    readonly artifacts: readonly SubjectFile[];
  };
  readonly decision: { readonly outcome: RunOutcome; readonly summary: string };
  readonly packages: readonly PackageReport[];
  readonly unreferenced_changes: readonly string[];
  /** The repository policy file (`--policy`, the `policy` input): read at the base, compared with the head. */
  readonly policy_change?: PolicyChange;
  /** Whether a signature accompanies this report (set by the signing stage; unsigned on forks). */
  readonly signature: { readonly status: 'signed' | 'unsigned'; readonly keyid?: string; readonly reason?: string };
}
