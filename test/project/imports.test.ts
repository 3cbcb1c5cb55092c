// The import graph of src/ has one direction: entries → composition root → stages → stats and the
// model. No cycles, and no module of the pure core reaches an edge (the GitHub API, git, the CLI,
// the Action or the file system helpers).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../gates/scenario.ts';

const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    // Generated JavaScript (schemas compiled ahead of time) is a module of the graph like the rest.
    return entry.name.endsWith('.ts') || entry.name.endsWith('.generated.js')
      ? [relative(SRC, path).split('\\').join('/')]
      : [];
  });
}

/** Relative imports of a module (static and dynamic, types included), as paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g),
  ].map((m) => m[1] ?? m[2] ?? '');
  // JSON beside src/ (schemas, package.json) is data, not a module of the graph.
  return specifiers
    .filter((s) => s.startsWith('.') && !s.endsWith('.json'))
    .map((s) =>
      normalize(join(dirname(file), s))
        .split('\\')
        .join('/'),
    );
}

const FILES = sourceFiles(SRC).toSorted();
const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));

/** Where a module sits: its top folder, or the file itself for modules directly under src/. */
const areaOf = (file: string): string =>
  file.includes('/') ? file.slice(0, file.indexOf('/')) : file.replace(/\.ts$/, '');

// The edges: only these do I/O, and only the entries and the composition root may import them.
const EDGES = new Set(['action', 'cli', 'github', 'git', 'io']);
const ENTRIES = new Set(['action', 'cli']);
const COMPOSITION = new Set(['check', 'eval-runs', 'stages']);

describe('src/ import graph', () => {
  it('resolves every relative import to a file in src/', () => {
    const missing = [...GRAPH].flatMap(([file, imports]) =>
      imports.filter((target) => !GRAPH.has(target)).map((target) => `${file} → ${target}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const next of GRAPH.get(file) ?? []) {
        if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of FILES) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('keeps the pure core away from the edges, and the two entries apart', () => {
    const wrong: string[] = [];
    for (const [file, imports] of GRAPH) {
      const from = areaOf(file);
      for (const target of imports) {
        const to = areaOf(target);
        if (from === to) continue;
        const coreReachesEdge = !EDGES.has(from) && !COMPOSITION.has(from) && EDGES.has(to);
        const edgeReachesEntry = !ENTRIES.has(from) && ENTRIES.has(to);
        const entriesMeet = ENTRIES.has(from) && ENTRIES.has(to);
        if (coreReachesEdge || edgeReachesEntry || entriesMeet) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps node I/O modules and the Actions toolkit out of the pure core', () => {
    const IO =
      /from '(node:fs|node:fs\/promises|node:child_process|node:net|node:http|node:https|@actions\/[^']+|octokit|@octokit\/[^']+)'/;
    // Evidence and telemetry readers open their files themselves (ARCHITECTURE.md); nothing else in the core does.
    const READERS = /^(evidence|telemetry)\//;
    const offenders = FILES.filter(
      (file) => !EDGES.has(areaOf(file)) && !COMPOSITION.has(areaOf(file)) && !READERS.test(file),
    ).filter((file) => IO.test(readFileSync(join(SRC, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
