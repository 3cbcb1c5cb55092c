import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRepo } from '../support/git-repo.ts';
import type { TempRepo } from '../support/git-repo.ts';

/** The project root, where the example manifests live. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The example packages a scenario can change, with their ids at the base commit and pinned judges. */
export const PACKAGES = {
  'policy-qa': {
    manifest: 'manifests/policy-qa.yaml',
    prompt: 'manifests/policy-qa/prompts/system.md',
    baseId: 'policy-qa-2026-11-20-r3',
    judge: { id: 'judge-large', version: '2026-03-01' },
    prefix: 'pqa',
  },
  'sql-analytics': {
    manifest: 'manifests/sql-analytics.yaml',
    prompt: 'manifests/sql-analytics/prompts/system.md',
    baseId: 'sql-analytics-2026-11-18-r12',
    judge: { id: 'sql-result-checker', version: '1.4.0' },
    prefix: 'sa',
  },
} as const;

/** The id of golden case `i` (from 0) of an app: the ids its pinned suite lists (scripts/generate-example-suites.mjs). */
export const goldenId = (app: App, i: number): string => `${PACKAGES[app].prefix}-g-${String(i + 1).padStart(5, '0')}`;
/** The id of red-team case `i` (from 0) of an app. */
export const redteamId = (app: App, i: number): string =>
  `${PACKAGES[app].prefix}-rt-${String(i + 1).padStart(4, '0')}`;

/** One of the example applications. */
export type App = keyof typeof PACKAGES;

/** The candidate id a scenario gives a changed package. */
export const candidateId = (app: App): string => `${app}-2026-12-01-r1`;

/** A repository with the example manifests at `base` and, at `head`, a prompt patch of each app in `changed`. */
export interface GateRepo {
  readonly repo: TempRepo;
  readonly base: string;
  readonly head: string;
}

/**
 * Builds the repository: the example manifests (with `level` as every package's side-effect level)
 * committed as base, then each changed app's system prompt edited, its digest re-locked and its
 * package_id bumped (parent_package_id = the base id), committed as head.
 */
export function gateRepo(options: { changed?: readonly App[]; level?: number; readme?: boolean } = {}): GateRepo {
  const repo = makeRepo('kaizen-gate-');
  repo.copyIn(join(ROOT, 'manifests'), 'manifests');
  if (options.level !== undefined) {
    for (const app of Object.keys(PACKAGES) as App[]) {
      const path = PACKAGES[app].manifest;
      repo.write(path, repo.read(path).replace(/^side_effect_level: \d$/m, `side_effect_level: ${options.level}`));
    }
  }
  const base = repo.commit('base packages');
  for (const app of options.changed ?? []) {
    const { manifest, prompt, baseId } = PACKAGES[app];
    const oldDigest = `sha256:${sha256(repo.read(prompt))}`;
    const text = `${repo.read(prompt)}\nAlways cite the section you rely on.\n`;
    repo.write(prompt, text);
    const yaml = repo.read(manifest);
    if (!yaml.includes(oldDigest)) throw new Error(`${manifest} does not record ${oldDigest}`);
    repo.write(
      manifest,
      yaml
        .replace(oldDigest, `sha256:${sha256(text)}`)
        .replace(`package_id: ${baseId}`, `package_id: ${candidateId(app)}`)
        .replace(/^parent_package_id: .*$/m, `parent_package_id: ${baseId}`),
    );
  }
  if (options.readme) repo.write('README.md', '# notes\n');
  const head = repo.commit('candidate');
  return { repo, base, head };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** How a scenario's candidate differs from its parent. */
export interface EvidenceSpec {
  readonly golden?: number;
  readonly categories?: readonly string[];
  /** Golden cases that pass in the parent and fail in the candidate (spread over the categories). */
  readonly regress?: number;
  /** Golden cases that fail in the parent and pass in the candidate. */
  readonly fix?: number;
  readonly costFactor?: number;
  readonly latencyFactor?: number;
  readonly safety?: number;
  /** Red-team cases unsafe in the candidate only. */
  readonly newlyUnsafe?: number;
  readonly judge?: { readonly id: string; readonly version: string };
  readonly candidateJudge?: { readonly id: string; readonly version: string };
}

/** One JSONL record. */
export type EvidenceLine = Record<string, unknown>;

/**
 * Parent and candidate records for one app: golden cases (90 % pass in the parent, every 25th
 * critical), costs, latencies, tokens and a red-team suite of 1,200 cases. Deterministic in the spec.
 */
export function evidenceRecords(
  app: App,
  spec: EvidenceSpec = {},
  ids: { parent?: string; candidate?: string } = {},
): { parent: EvidenceLine[]; candidate: EvidenceLine[] } {
  const golden = spec.golden ?? 300;
  const categories = spec.categories ?? ['benefits', 'leave', 'expenses'];
  const judge = spec.judge ?? PACKAGES[app].judge;
  const candidateJudge = spec.candidateJudge ?? judge;
  const parentId = ids.parent ?? PACKAGES[app].baseId;
  const childId = ids.candidate ?? candidateId(app);
  const parent: EvidenceLine[] = [];
  const candidate: EvidenceLine[] = [];
  let regressed = 0;
  let fixed = 0;
  for (let i = 0; i < golden; i++) {
    const before = i % 10 !== 0;
    let after = before;
    if (before && regressed < (spec.regress ?? 0) && i % 2 === 1) {
      after = false;
      regressed++;
    } else if (!before && fixed < (spec.fix ?? 0)) {
      after = true;
      fixed++;
    }
    const cost = 0.002 + (i % 7) * 0.0003;
    const latency = 800 + ((i * 37) % 400) * 5;
    const common = {
      suite: 'golden',
      case_id: goldenId(app, i),
      category: categories[i % categories.length],
      critical: i % 25 === 0,
    };
    parent.push({
      package_id: parentId,
      ...common,
      pass: before,
      score: before ? 0.85 : 0.3,
      cost_usd: round(cost),
      latency_ms: latency,
      tokens: { input: 900, output: 120 },
      judge,
      trial: 0,
    });
    candidate.push({
      package_id: childId,
      ...common,
      pass: after,
      score: after ? 0.85 : 0.3,
      cost_usd: round(cost * (spec.costFactor ?? 1)),
      latency_ms: Math.round(latency * (spec.latencyFactor ?? 1)),
      tokens: { input: 900, output: 120 },
      judge: candidateJudge,
      trial: 0,
    });
  }
  if (regressed < (spec.regress ?? 0)) throw new Error(`only ${regressed} cases can regress`);
  // 1,200 red-team cases, three in four expecting an intervention: the fewest that show, when nothing
  // moves, that missed interventions rose by less than 0.5 pp (about 900 such cases; docs/statistics.md).
  for (let i = 0; i < (spec.safety ?? 1200); i++) {
    const common = {
      suite: 'safety',
      case_id: redteamId(app, i),
      category: i % 2 === 0 ? 'jailbreak' : 'pii',
      critical: false,
      expected_intervention: i % 4 !== 3,
    };
    const intervened = i % 4 !== 3;
    parent.push({
      package_id: parentId,
      ...common,
      pass: true,
      unsafe: false,
      intervened,
      latency_ms: 600,
      judge,
      trial: 0,
    });
    candidate.push({
      package_id: childId,
      ...common,
      pass: true,
      unsafe: i < (spec.newlyUnsafe ?? 0),
      intervened,
      latency_ms: 600,
      judge: candidateJudge,
      trial: 0,
    });
  }
  return { parent, candidate };
}

/** Records as JSON Lines. */
export function toJsonl(records: readonly EvidenceLine[]): string {
  return `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
