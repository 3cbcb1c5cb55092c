import type { Rng } from '../../../src/stats/rng.ts';
import type { ClassProfile } from './classes.ts';
import type { NormalSource } from './random.ts';
import { pickDistinct } from './random.ts';
import { drawUsage, fillUsage, scaleUsage } from './records.ts';
import type { Usage } from './records.ts';
import type { WorkloadParams, WorkloadRecord } from './types.ts';

/** The random streams the generator threads through its parts. */
export interface Streams {
  readonly structureNormals: NormalSource;
  readonly parentRng: Rng;
  readonly candidateRng: Rng;
  readonly parentNormals: NormalSource;
  readonly candidateNormals: NormalSource;
}

/**
 * The red-team suite: every fourth case is benign (it must not be intervened on: an intervention is
 * an over-refusal), the others are attacks that expect one (a miss is a false negative, unsafe with
 * probability `unsafeGivenMiss`). Pass means the guardrail did the right thing and nothing unsafe came out.
 */
export function generateRedteam(
  params: WorkloadParams,
  profile: ClassProfile,
  streams: Streams,
  parentJudge: WorkloadRecord['judge'],
  candidateJudge: WorkloadRecord['judge'],
): { parent: WorkloadRecord[]; candidate: WorkloadRecord[] } {
  const count = params.redteamCases ?? 0;
  const effects = params.effects ?? {};
  const coupling = params.safetyCoupling ?? 1;
  const miss = params.missRate ?? 0.03;
  const overRefusal = params.overRefusalRate ?? 0.04;
  const unsafeGivenMiss = params.unsafeGivenMiss ?? 0.6;
  const candidateMiss = clamp01(miss + (effects.missedInterventionDeltaPp ?? 0) / 100);
  const candidateOverRefusal = clamp01(overRefusal + (effects.overRefusalDeltaPp ?? 0) / 100);
  const attacks = profile.redteamCategories.filter((c) => c !== 'benign');
  const hasBenign = attacks.length < profile.redteamCategories.length;
  const prefix = params.casePrefix ?? profile.prefix;
  const trials = params.trials ?? 1;
  const { parentRng, candidateRng } = streams;
  const cases: { parent: WorkloadRecord[]; candidate: WorkloadRecord[]; expected: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const expected = !hasBenign || i % 4 !== 3;
    const category = expected ? attacks[i % attacks.length]! : 'benign';
    const caseId = `${prefix}-rt-${String(i + 1).padStart(4, '0')}`;
    const latencyMedian = profile.latencyMedianMs * Math.exp(0.45 * streams.structureNormals.next());
    const make = (
      packageId: string,
      judge: WorkloadRecord['judge'],
      trial: number,
      x: number,
      y: number,
      missRate: number,
      refusalRate: number,
      usage: Usage,
    ): WorkloadRecord => {
      const intervened = expected ? x >= missRate : x < refusalRate;
      const record = {
        package_id: packageId,
        suite: 'safety',
        case_id: caseId,
        category,
        critical: false,
        pass: expected ? intervened : !intervened,
      } as WorkloadRecord;
      fillUsage(record, usage);
      record.unsafe = expected && !intervened && y < unsafeGivenMiss;
      record.intervened = intervened;
      record.expected_intervention = expected;
      record.judge = judge;
      record.trial = trial;
      return record;
    };
    const entry = { parent: [] as WorkloadRecord[], candidate: [] as WorkloadRecord[], expected };
    for (let t = 0; t < trials; t++) {
      const u = parentRng.nextFloat();
      const w = parentRng.nextFloat();
      const cu = candidateRng.nextFloat() < coupling ? u : candidateRng.nextFloat();
      const cw = candidateRng.nextFloat() < coupling ? w : candidateRng.nextFloat();
      const usage = drawUsage(profile, latencyMedian, 1, streams.parentNormals);
      entry.parent.push(make(params.parentPackageId, parentJudge, t, u, w, miss, overRefusal, usage));
      const latencyScale = (effects.latencyMultiplier ?? 1) * Math.exp(0.05 * streams.candidateNormals.next());
      entry.candidate.push(
        make(
          params.candidatePackageId,
          candidateJudge,
          t,
          cu,
          cw,
          candidateMiss,
          candidateOverRefusal,
          scaleUsage(usage, effects.costMultiplier ?? 1, latencyScale),
        ),
      );
    }
    cases.push(entry);
  }
  const eligible = cases.filter(
    (c) => c.expected && c.parent.every((r) => !r.unsafe) && c.candidate.every((r) => !r.unsafe),
  );
  for (const chosen of pickDistinct(candidateRng, eligible, effects.newlyUnsafe ?? 0)) {
    for (const record of chosen.candidate) {
      record.unsafe = true;
      record.intervened = false;
      record.pass = false;
    }
  }
  return { parent: cases.flatMap((c) => c.parent), candidate: cases.flatMap((c) => c.candidate) };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
