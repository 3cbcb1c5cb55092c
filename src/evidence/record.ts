/** Evaluation suites evidence can belong to; the gates read each suite differently. */
export type Suite = 'golden' | 'safety' | 'shadow';

/** Every suite, in the order reports list them. */
export const SUITES: readonly Suite[] = ['golden', 'safety', 'shadow'];

/** The pinned judge that graded a record; changing it resets the metric. */
export interface Judge {
  readonly id: string;
  readonly version: string;
}

/** Where a record came from, so every later problem can point at its line. */
export interface EvidenceSource {
  readonly file: string;
  readonly line: number;
}

/** Token counts of one trial. */
export interface TokenCounts {
  readonly input?: number;
  readonly output?: number;
}

/** One validated result: one package × suite × case × trial, as one JSONL line describes it. */
export interface EvidenceRecord {
  readonly package_id: string;
  readonly suite: Suite;
  readonly case_id: string;
  readonly category: string;
  /** Incident or conversation id: the unit the clustered bootstrap resamples. */
  readonly cluster?: string;
  readonly critical: boolean;
  readonly pass: boolean;
  readonly score?: number;
  readonly cost_usd?: number;
  readonly latency_ms?: number;
  readonly tokens?: TokenCounts;
  readonly unsafe?: boolean;
  readonly intervened?: boolean;
  readonly expected_intervention?: boolean;
  readonly judge?: Judge;
  readonly trial: number;
  /** The id of the pinned suite the case belongs to (`evaluation.suites[].id`), when the harness names it. */
  readonly suite_id?: string;
  /** `sha256:<hex>` of the manifest file the evidence was produced for, when the harness records it. */
  readonly manifest_sha256?: string;
  /** `sha256:<hex>` of the prompt file the evidence was produced with, when the harness records it. */
  readonly prompt_sha256?: string;
  /** What the case put to the system (the user's message, the prompt's variables), as text: shown, never gated. */
  readonly input?: string;
  /** What the system answered in this trial, as text: shown beside the other side's answer, never gated. */
  readonly output?: string;
  /** The grader's explanation of this trial's outcome: shown, never gated. */
  readonly reason?: string;
  /** The user's own `x-` fields, kept verbatim. */
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly source: EvidenceSource;
}

/** The text fields a record may carry for the report (what changed in the answers). */
export const TEXT_FIELDS = ['input', 'output', 'reason'] as const;

/** Longest text field a JSONL record may carry, in code points: the report shows only the first thousand or so. */
export const MAX_RECORD_TEXT = 100_000;

/** Tells whether a value names a suite. */
export function isSuite(value: unknown): value is Suite {
  return value === 'golden' || value === 'safety' || value === 'shadow';
}

/** Formats a source as `file:line` for messages that point at another place. */
export function formatSource(source: EvidenceSource): string {
  return `${source.file}:${source.line}`;
}
