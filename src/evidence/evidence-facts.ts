/**
 * What the report says about how evidence relates to its package: each side's binding and each
 * pinned suite's coverage. Types only, shared by pairing, binding and the report.
 */
import type { Suite } from './record.ts';

/** How one side's evidence is tied to its package. */
export interface SideBinding {
  /** `mismatched`: made for another package (a manifest-gate failure); `unbound`: cannot be tied to one. */
  readonly status: 'bound' | 'unbound' | 'mismatched';
  /** What ties it: `package_id`, `manifest_sha256`, `prompt_sha256`, `prompt` (the template's content), `provider`. */
  readonly by: readonly string[];
  /** One or more sentences: what matched, or what did not and what to do. */
  readonly reason: string;
}

/** Both sides' binding. */
export interface EvidenceBinding {
  readonly parent: SideBinding;
  readonly candidate: SideBinding;
}

/** How much of one pinned suite the paired evidence covers (what the report shows). */
export interface SuiteCoverage {
  readonly id: string;
  readonly suite: Suite;
  readonly path: string;
  /** Cases the suite file lists; absent when it lists none (then `reason` says why). */
  readonly cases?: number;
  readonly covered?: number;
  /** The first few listed cases without paired evidence, in code-unit order. */
  readonly missing?: readonly string[];
  readonly missing_count?: number;
  readonly reason?: string;
}
