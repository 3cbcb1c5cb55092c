// Where a package's evidence came from when kaizen-gate ran the eval: per side, run now or reused
// from the store, at which commit, when, and why the parent was run rather than reused. Part of
// the report (packages[].evidence.eval).

/** One side's evidence as the eval produced or found it. */
export interface EvalSideOrigin {
  /** `ran`: the command ran for this check; `reused`: stored evidence with the same fingerprint. */
  readonly status: 'ran' | 'reused';
  /** The side's package_id. */
  readonly package_id: string;
  /** The commit the evidence was produced at (for reused evidence, where it was first run). */
  readonly commit: string;
  /** ISO 8601 time the run started. */
  readonly produced_at: string;
  /** The evidence as inputs.evidence and the subjects name it. */
  readonly evidence: string;
  /** `sha256:` evaluation fingerprint; absent when a referenced file could not be read. */
  readonly fingerprint?: string;
  /** How long the run took (ran only). */
  readonly duration_ms?: number;
  /** The ref the evidence was read from (reused only). */
  readonly ref?: string;
  /** Why the parent was run rather than reused (no stored evidence, too old, reuse off). */
  readonly reason?: string;
}

/** How both sides' evidence of one package came about. */
export interface EvalOrigin {
  /** The eval command, as given. */
  readonly command: string;
  /** Absent when the parent's evidence was given as files, or the package is new. */
  readonly parent?: EvalSideOrigin;
  readonly candidate: EvalSideOrigin;
}
