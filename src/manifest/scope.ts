/**
 * Which packages a change puts in scope, anchored at the base: every package manifest of the base
 * commit that the change touches must still be a package at the head (same path, or renamed to a
 * new manifest of the same application), or the change is a manifest-gate failure. Pure: the edge
 * lists and classifies the files of both trees and passes them in.
 */
import { matchesGlob } from 'node:path/posix';
import type { Problem } from '../problem.ts';
import { packageFacts } from './discover.ts';
import type { PackageFacts, YamlKind } from './discover.ts';

/** The classified YAML files of the base and the head, and the paths that differ between them. */
export interface ScopeInput {
  readonly base: ReadonlyMap<string, YamlKind>;
  readonly head: ReadonlyMap<string, YamlKind>;
  readonly changed: ReadonlySet<string>;
  /** Gate every package in the two trees, touched or not (`--all`, `gate-untouched`). */
  readonly all?: boolean;
}

/** A head package manifest to gate, with the base manifest it continues, if any. */
export interface ScopedCandidate {
  readonly path: string;
  /** The base package manifest at the same path, or the one it was renamed from. */
  readonly basePath?: string;
  readonly renamed: boolean;
}

/** What the change puts in scope. */
export interface ScopePlan {
  readonly candidates: readonly ScopedCandidate[];
  /** Base package manifests in scope that are no package at the head (deleted, emptied, re-encoded, replaced …). */
  readonly missing: readonly { readonly basePath: string; readonly head?: YamlKind }[];
  /** Touched files that name kaizen-gate but cannot be read: each may be a damaged manifest. */
  readonly unreadable: readonly Problem[];
}

/**
 * Plans the gate: a package is in scope when its manifest, or any file a base or head version of
 * it references, changed (or `all` is set). A base package whose file is no package at the head
 * is followed to a new head manifest of the same `application` (a rename); otherwise it is
 * reported as missing. Untouched files are never reported, however broken.
 */
export function planScope(input: ScopeInput): ScopePlan {
  const { base, head, changed } = input;
  const inScope = (path: string, f: PackageFacts): boolean =>
    input.all === true || changed.has(path) || f.artifacts.some((a) => changed.has(a));
  const headPackages = [...head].flatMap(([path, kind]) => {
    const f = facts(kind);
    return f ? [{ path, facts: f }] : [];
  });
  const candidates = new Map<string, ScopedCandidate>();
  const missing: { basePath: string; head?: YamlKind }[] = [];

  for (const [basePath, kind] of [...base].toSorted(([a], [b]) => compare(a, b))) {
    const f = facts(kind);
    if (!f) continue;
    const headPackage = facts(head.get(basePath));
    if (!inScope(basePath, f) && !(headPackage && inScope(basePath, headPackage))) continue;
    if (headPackage) {
      candidates.set(basePath, { path: basePath, basePath, renamed: false });
      continue;
    }
    // A manifest moved elsewhere is followed when a new manifest of the same application appears.
    const target =
      f.application === undefined
        ? undefined
        : headPackages.find(
            (h) =>
              h.facts.application === f.application && base.get(h.path)?.kind !== 'package' && !candidates.has(h.path),
          );
    if (target) candidates.set(target.path, { path: target.path, basePath, renamed: true });
    else missing.push({ basePath, ...(head.has(basePath) ? { head: head.get(basePath)! } : {}) });
  }
  for (const { path, facts: f } of headPackages) {
    if (candidates.has(path) || !inScope(path, f)) continue;
    candidates.set(path, { path, ...(base.get(path)?.kind === 'package' ? { basePath: path } : {}), renamed: false });
  }
  const unreadable: Problem[] = [];
  for (const [path, kind] of head) {
    if (kind.kind === 'unreadable' && kind.mentions && changed.has(path) && base.get(path)?.kind !== 'package')
      unreadable.push(kind.problem);
  }
  return {
    candidates: [...candidates.values()].toSorted((a, b) => compare(a.path, b.path)),
    missing,
    unreadable: unreadable.toSorted((a, b) => compare(a.file, b.file)),
  };
}

/**
 * The paths a selection (`manifests` input, manifest arguments) keeps: a glob (`*`, `?`, `[`, `{`)
 * matches repository paths, a plain path names a file or a folder (everything under it).
 */
export function selectionOf(patterns: readonly string[]): (path: string) => boolean {
  const tests = patterns.map((raw) => {
    const pattern = raw.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    if (/[*?[{]/.test(pattern)) return (path: string) => matchesGlob(path, pattern);
    if (pattern === '' || pattern === '.') return () => true;
    return (path: string) => path === pattern || path.startsWith(`${pattern}/`);
  });
  return (path) => tests.some((test) => test(path));
}

function facts(kind: YamlKind | undefined): PackageFacts | undefined {
  return kind?.kind === 'package' ? packageFacts(kind.value) : undefined;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
