/** A resolved change: which packages it touches, each with its diff and its loaded manifests. */
import type { PackageDiff } from './diff.ts';
import type { LoadedManifest } from './manifest.ts';
import type { Manifest } from './model.ts';

/** The manifests of one gated package: the candidate (or what stands for it) and the parent. */
export interface LoadedPair {
  readonly candidate: LoadedManifest;
  readonly parent?: LoadedManifest;
  /** For a failed package (no valid candidate): what is known of it, shaped as a manifest. */
  readonly standIn?: Manifest;
}

/** The resolved change: each package in scope with its diff, plus changed files no manifest references. */
export interface ChangeSet {
  readonly base: { readonly ref: string; readonly commit: string };
  readonly head: { readonly ref: string; readonly commit: string | null };
  /** Sorted by manifest path; a package without a valid candidate carries `failure`. */
  readonly packages: readonly PackageDiff[];
  /** Loaded candidate and parent manifests, for later stages (gates, report subjects). */
  readonly loaded: ReadonlyMap<string, LoadedPair>;
  readonly changed_files: readonly string[];
  readonly unreferenced_changes: readonly string[];
}
