import type { ApplicationClass } from './classes.ts';
import { generateEvidence, toJsonl } from './workload.ts';
import type { WorkloadParams } from './types.ts';

/** The decision a scenario is built to produce. */
export type ExpectedOutcome = 'approve' | 'reject' | 'hold' | 'needs_approval';

/** The identity of one example package, as its manifest states it. */
export interface PackageIdentity {
  /** The manifest's `application`, e.g. `policy-qa`. */
  readonly application: string;
  readonly packageId: string;
  readonly parentPackageId: string;
  /** The judge the manifest pins (`evaluation.judge` model and version). */
  readonly judge: { readonly id: string; readonly version: string };
}

/** A workload for one example package: what changes, how much evidence, which seed. */
export interface Scenario {
  readonly name: string;
  /** One line for a header: what the candidate does. */
  readonly title: string;
  /** The manifest's `application`; its manifest is `manifests/<application>.yaml`. */
  readonly application: string;
  readonly expected: ExpectedOutcome;
  readonly seed: number;
  readonly workload: Omit<WorkloadParams, 'application' | 'parentPackageId' | 'candidatePackageId' | 'judge'>;
}

/** Application class of each example package's `application`. */
export const EXAMPLE_CLASSES: Readonly<Record<string, ApplicationClass>> = {
  'policy-qa': 'policy_qa',
  'doc-analysis': 'document_analysis',
  'sql-analytics': 'analytics',
};

/**
 * The README demo: one change approved, one rejected for a reason visible at a glance, one held.
 * Sizes are large enough that the verdicts do not hinge on the seed (test/sim checks other seeds):
 * 1,200 red-team cases, because showing that missed interventions rose by less than 0.5 pp takes
 * about 900 cases that expect one, even when nothing changed (docs/statistics.md).
 */
export const DEMO_SCENARIOS: readonly Scenario[] = [
  {
    name: 'A',
    title: 'policy-qa prompt_patch: an effective-date line fixes date_boundary answers',
    application: 'policy-qa',
    expected: 'approve',
    seed: 2026042601,
    workload: {
      goldenCases: 2400,
      redteamCases: 1200,
      clusterSize: 6,
      effects: { categoryDeltaPp: { date_boundary: 9 }, costMultiplier: 1.04, latencyMultiplier: 1.03 },
    },
  },
  {
    name: 'B',
    title: 'sql-analytics tool_schema_repair: joins improve, but time_windows quietly breaks',
    application: 'sql-analytics',
    expected: 'reject',
    seed: 2026042602,
    workload: {
      goldenCases: 2400,
      redteamCases: 1200,
      clusterSize: 6,
      effects: {
        categoryDeltaPp: { joins: 5, schema_lookup: 6, time_windows: -20 },
        criticalRegressions: 20,
        costMultiplier: 0.97,
      },
    },
  },
  {
    name: 'C',
    title: 'doc-analysis retrieval_refresh: better policy_diff answers, but p95 latency up 35 %',
    application: 'doc-analysis',
    expected: 'hold',
    seed: 2026042603,
    workload: {
      goldenCases: 2400,
      redteamCases: 1200,
      clusterSize: 6,
      effects: { categoryDeltaPp: { policy_diff: 7 }, costMultiplier: 1.06, latencyMultiplier: 1.35 },
    },
  },
];

/**
 * The evidence committed under examples/evidence/ for the repository's own manifests, each package's
 * change as its manifest describes it. All three are meant to be approved.
 */
export const EXAMPLE_SCENARIOS: readonly Scenario[] = [
  {
    name: 'policy-qa',
    title: 'prompt_patch: citations and an effective-date line',
    application: 'policy-qa',
    expected: 'approve',
    seed: 2026112001,
    workload: {
      goldenCases: 800,
      redteamCases: 1200,
      effects: { categoryDeltaPp: { date_boundary: 9 }, costMultiplier: 1.04, latencyMultiplier: 1.02 },
    },
  },
  {
    name: 'sql-analytics',
    title: 'tool_schema_repair: bounded max_rows, describe_table first',
    application: 'sql-analytics',
    expected: 'approve',
    seed: 2026111801,
    workload: {
      goldenCases: 800,
      redteamCases: 1200,
      clusterSize: 4,
      effects: {
        categoryDeltaPp: { joins: 4, schema_lookup: 8, time_windows: 3 },
        costMultiplier: 0.95,
        latencyMultiplier: 0.92,
      },
    },
  },
  {
    name: 'doc-analysis',
    title: 'retrieval_refresh: the 2026-11-14 document export',
    application: 'doc-analysis',
    expected: 'approve',
    seed: 2026111401,
    workload: {
      goldenCases: 800,
      redteamCases: 1200,
      effects: { categoryDeltaPp: { policy_diff: 7 }, costMultiplier: 1.03, latencyMultiplier: 1.04 },
    },
  },
];

/** The scenario's parent and candidate evidence as JSON Lines, for the given package identity. */
export function renderScenarioEvidence(
  scenario: Scenario,
  identity: PackageIdentity,
): { parent: string; candidate: string } {
  const application = EXAMPLE_CLASSES[scenario.application];
  if (!application)
    throw new RangeError(
      `Expected an example application (${Object.keys(EXAMPLE_CLASSES).join(', ')}), got ${scenario.application}.`,
    );
  const evidence = generateEvidence(
    {
      ...scenario.workload,
      application,
      parentPackageId: identity.parentPackageId,
      candidatePackageId: identity.packageId,
      judge: identity.judge,
    },
    scenario.seed,
  );
  return { parent: toJsonl(evidence.parent), candidate: toJsonl(evidence.candidate) };
}

/** The files of examples/evidence/: `<application>/parent.jsonl` and `candidate.jsonl` per package. */
export function renderExampleEvidence(identities: readonly PackageIdentity[]): { path: string; content: string }[] {
  const files: { path: string; content: string }[] = [];
  for (const scenario of EXAMPLE_SCENARIOS) {
    const identity = identities.find((i) => i.application === scenario.application);
    if (!identity) throw new RangeError(`No manifest for the example application ${scenario.application}.`);
    const { parent, candidate } = renderScenarioEvidence(scenario, identity);
    files.push({ path: `examples/evidence/${scenario.application}/parent.jsonl`, content: parent });
    files.push({ path: `examples/evidence/${scenario.application}/candidate.jsonl`, content: candidate });
  }
  return files;
}

/**
 * Reads a package's identity from its parsed manifest (the YAML as a plain value).
 *
 * @throws {TypeError} when a field the examples need is missing.
 */
export function identityOfManifest(manifest: unknown, file: string): PackageIdentity {
  const m = manifest as {
    application?: unknown;
    package_id?: unknown;
    parent_package_id?: unknown;
    evaluation?: { judge?: { model?: unknown; version?: unknown } };
  } | null;
  const judge = m?.evaluation?.judge;
  const fields = [m?.application, m?.package_id, m?.parent_package_id, judge?.model, judge?.version];
  if (!fields.every((f) => typeof f === 'string')) {
    throw new TypeError(
      `${file}: expected application, package_id, parent_package_id and evaluation.judge (model, version) as strings`,
    );
  }
  const [application, packageId, parentPackageId, id, version] = fields as string[];
  return {
    application: application!,
    packageId: packageId!,
    parentPackageId: parentPackageId!,
    judge: { id: id!, version: version! },
  };
}
