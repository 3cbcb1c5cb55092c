import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseJsonlEvidence } from '../../src/evidence/jsonl.ts';
import { pairEvidence } from '../../src/evidence/pair.ts';
import { decide } from '../../src/gates/decide.ts';
import type { Decision } from '../../src/gates/decide.ts';
import { evaluateEvidenceGates } from '../../src/gates/evaluate.ts';
import { mergePolicies, parsePolicy, policyForLevel } from '../../src/gates/policy.ts';
import type { GatePolicy } from '../../src/gates/policy.ts';
import type { GateResult } from '../../src/gates/result.ts';
import type { SideEffectLevel } from '../../src/manifest/model.ts';
import { identityOfManifest } from '../support/sim/scenarios.ts';
import type { PackageIdentity } from '../support/sim/scenarios.ts';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What the gates need from an example manifest, read from manifests/<application>.yaml. */
export interface ExamplePackage {
  readonly identity: PackageIdentity;
  readonly level: SideEffectLevel;
  readonly owners: readonly string[];
  readonly sloMs?: number;
}

/** Reads an example package as it is in this repository. */
export function readExamplePackage(application: string): ExamplePackage {
  const file = `manifests/${application}.yaml`;
  const manifest = parse(readFileSync(join(ROOT, file), 'utf8')) as {
    side_effect_level: SideEffectLevel;
    owners: string[];
    delivery: { slo?: { p95_latency_ms?: number } };
  };
  const sloMs = manifest.delivery.slo?.p95_latency_ms;
  return {
    identity: identityOfManifest(manifest, file),
    level: manifest.side_effect_level,
    owners: manifest.owners,
    ...(sloMs !== undefined ? { sloMs } : {}),
  };
}

/** The shipped default policy, optionally with overrides (as a repository policy file would give them). */
export function loadDefaultPolicy(...overrides: Record<string, unknown>[]): GatePolicy {
  return mergePolicies(
    parsePolicy(readFileSync(join(ROOT, 'gates', 'default.yaml')), 'gates/default.yaml'),
    overrides,
    [],
  );
}

/**
 * The evidence gates and the decision for one package, the way the pipeline calls them (the
 * manifest gate aside: scripts/example.mjs runs the real CLI for that). Evidence goes through the
 * real JSONL reader and pairing, so a schema problem in generated evidence fails loudly here.
 */
export function decideEvidence(
  pkg: ExamplePackage,
  parentJsonl: string,
  candidateJsonl: string,
  policy: GatePolicy = loadDefaultPolicy(),
): { gates: GateResult[]; decision: Decision } {
  const parent = parseJsonlEvidence(parentJsonl, 'parent.jsonl', { packageId: pkg.identity.parentPackageId });
  const candidate = parseJsonlEvidence(candidateJsonl, 'candidate.jsonl', { packageId: pkg.identity.packageId });
  const paired = pairEvidence(parent.records, candidate.records);
  const problems = [...parent.problems, ...candidate.problems, ...paired.problems];
  if (problems.length > 0) throw new Error(`evidence problems: ${JSON.stringify(problems.slice(0, 5))}`);
  const { gates } = evaluateEvidenceGates({
    cases: paired.paired.cases,
    level: pkg.level,
    policy: policyForLevel(policy, pkg.level),
    ...(pkg.sloMs !== undefined ? { latencySloMs: pkg.sloMs } : {}),
  });
  return { gates: [...gates], decision: decide(gates, pkg.level, pkg.owners) };
}
