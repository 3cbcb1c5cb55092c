// Deterministic paired evidence for the example packages, from the project's workload generator
// (test/support/sim), written as the JSONL files an evaluation step leaves in the workspace.
import { EXAMPLE_CLASSES } from '../support/sim/scenarios.ts';
import type { Scenario } from '../support/sim/scenarios.ts';
import { generateEvidence, toJsonl } from '../support/sim/workload.ts';
import type { WorkloadRecord } from '../support/sim/types.ts';
import type { TempRepo } from '../support/git-repo.ts';
import { packageIds, projectManifest, type App } from './pr-repo.ts';

/** One package's evidence: which workload, which seed. */
export interface EvidenceSpec {
  readonly app: App;
  readonly seed: number;
  readonly workload: Scenario['workload'];
  /**
   * Renames the first critical golden case that regressed (pass → fail) on both sides, so the
   * name reaches the report's worst regressed cases: how hostile text from an eval gets in.
   */
  readonly renameRegressedCase?: string;
}

/** Workloads that reliably give one decision (sizes from test/support/sim/scenarios.ts, where other seeds are checked). */
export const WORKLOADS = {
  /** A prompt patch that fixes one category: every gate passes (1,200 red-team cases show missed interventions within 0.5 pp). */
  approve: {
    goldenCases: 800,
    redteamCases: 1200,
    effects: { categoryDeltaPp: { date_boundary: 9 }, costMultiplier: 1.04, latencyMultiplier: 1.02 },
  },
  /** Joins improve, time windows break, 20 critical cases regress: the quality gate fails. */
  reject: {
    goldenCases: 800,
    redteamCases: 1200,
    clusterSize: 4,
    effects: {
      categoryDeltaPp: { joins: 5, schema_lookup: 6, time_windows: -12 },
      criticalRegressions: 20,
      costMultiplier: 0.97,
    },
  },
  /** Too few cases to tell a 2 pp drop from none: inconclusive, so an owner must approve. */
  inconclusive: { goldenCases: 60, redteamCases: 20, effects: {} },
} as const satisfies Record<string, Scenario['workload']>;

/** Parent and candidate JSONL holding the records of every spec (several packages share two files, as in a monorepo). */
export function renderEvidence(specs: readonly EvidenceSpec[]): { parent: string; candidate: string } {
  const parent: WorkloadRecord[] = [];
  const candidate: WorkloadRecord[] = [];
  for (const spec of specs) {
    const ids = packageIds(spec.app);
    const judge = judgeOf(spec.app);
    const generated = generateEvidence(
      {
        ...spec.workload,
        application: EXAMPLE_CLASSES[spec.app]!,
        parentPackageId: ids.parent,
        candidatePackageId: ids.candidate,
        judge,
      },
      spec.seed,
    );
    if (spec.renameRegressedCase !== undefined)
      renameRegressed(generated.parent, generated.candidate, spec.renameRegressedCase);
    parent.push(...generated.parent);
    candidate.push(...generated.candidate);
  }
  return { parent: toJsonl(parent), candidate: toJsonl(candidate) };
}

/** Writes `evidence/parent.jsonl` and `evidence/candidate.jsonl` into the work tree (untracked, as a prior step would). */
export function writeEvidence(repo: TempRepo, specs: readonly EvidenceSpec[]): { parent: string; candidate: string } {
  const { parent, candidate } = renderEvidence(specs);
  repo.write('evidence/parent.jsonl', parent);
  repo.write('evidence/candidate.jsonl', candidate);
  return { parent: 'evidence/parent.jsonl', candidate: 'evidence/candidate.jsonl' };
}

function judgeOf(app: App): { id: string; version: string } {
  const text = projectManifest(app);
  const judge = /^ {2}judge:\n {4}model: (\S+)\n {4}version: "([^"]+)"$/m.exec(text);
  if (!judge) throw new Error(`manifests/${app}.yaml pins no judge`);
  return { id: judge[1]!, version: judge[2]! };
}

function renameRegressed(parent: WorkloadRecord[], candidate: WorkloadRecord[], name: string): void {
  const passed = new Set(parent.filter((r) => r.suite === 'golden' && r.critical && r.pass).map((r) => r.case_id));
  const victim = candidate.find((r) => r.suite === 'golden' && r.critical && !r.pass && passed.has(r.case_id))?.case_id;
  if (victim === undefined) throw new Error('no critical case regressed to rename');
  for (const record of [...parent, ...candidate]) if (record.case_id === victim) record.case_id = name;
}
