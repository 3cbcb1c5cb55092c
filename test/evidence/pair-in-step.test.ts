import { describe, expect, it } from 'vitest';
import { tallyJsonl } from '../../src/evidence/binding.ts';
import { collectEvidence } from '../../src/evidence/collect.ts';
import type { EvidenceInput } from '../../src/evidence/evidence-file.ts';
import { parseJsonlEvidence } from '../../src/evidence/jsonl.ts';
import type { SideFiles } from '../../src/evidence/package-files.ts';
import { pairInStep } from '../../src/evidence/pair-in-step.ts';
import { pairEvidence } from '../../src/evidence/pair.ts';
import type { SuiteList } from '../../src/evidence/suites.ts';
import type { Manifest } from '../../src/manifest/model.ts';
import { createRng, type Rng } from '../../src/stats/rng.ts';

const encoder = new TextEncoder();

/** A streamed evidence file whose chunks are `chunkSize` bytes; `opens` counts the passes over it. */
function streamed(path: string, side: 'parent' | 'candidate', text: string, chunkSize: number) {
  const bytes = encoder.encode(text);
  const input = {
    path,
    side,
    opens: 0,
    chunksRead: 0,
    stream: {
      size: bytes.length,
      *chunks() {
        input.opens++;
        for (let start = 0; start < bytes.length; start += chunkSize) {
          input.chunksRead++;
          yield bytes.slice(start, start + chunkSize);
        }
      },
    },
  };
  return input;
}

/** What the general way makes of the same two files: both parsed whole, then paired and tallied. */
function generalWay(parentText: string, candidateText: string, allowUnpaired: boolean) {
  const parent = parseJsonlEvidence(encoder.encode(parentText), 'parent.jsonl');
  const candidate = parseJsonlEvidence(encoder.encode(candidateText), 'candidate.jsonl');
  const pairing = pairEvidence(parent.records, candidate.records, allowUnpaired ? { allowUnpaired } : {});
  return {
    problems: [...parent.problems, ...candidate.problems, ...pairing.problems],
    paired: pairing.paired,
    tallies: { parent: tallyJsonl(parent.records), candidate: tallyJsonl(candidate.records) },
  };
}

interface Line {
  readonly record: Record<string, unknown>;
}

/** A side's records for cases 0..n-1 in case order: golden cases, and every fifth case also a safety case. */
function sideRecords(packageId: string, n: number, rng: Rng, digest: string): Line[] {
  const lines: Line[] = [];
  for (let i = 0; i < n; i++) {
    const id = `case-${String(i).padStart(3, '0')}`;
    const record: Record<string, unknown> = {
      package_id: packageId,
      suite: 'golden',
      case_id: id,
      category: `cat-${i % 3}`,
      pass: rng.nextUint32() % 4 !== 0,
      cost_usd: (rng.nextUint32() % 1000) / 1e5,
      latency_ms: 200 + (rng.nextUint32() % 900),
      tokens: { input: 100 + i, output: 20 },
      judge: { id: 'judge', version: '1' },
      manifest_sha256: digest,
    };
    if (i % 7 === 3) record['critical'] = true;
    if (i % 4 === 1) record['cluster'] = `incident-${i % 5}`;
    if (i % 9 === 2) record['output'] = `answer ${i}`;
    lines.push({ record });
    if (i % 5 === 0) lines.push({ record: { ...record, suite: 'safety', unsafe: i % 10 === 0 } });
  }
  return lines;
}

const PERTURBATIONS = [
  'shuffle',
  'swap-two',
  'drop-one',
  'second-trial',
  'category',
  'judge',
  'second-package',
  'malformed',
  'digest',
  'no-judge',
] as const;
type Perturbation = (typeof PERTURBATIONS)[number];

function perturb(lines: Line[], what: Perturbation, rng: Rng): Line[] {
  const at = lines.length === 0 ? 0 : rng.nextInt(lines.length);
  const copy = [...lines];
  const target = copy[at];
  if (target === undefined) return copy;
  const change = (fields: Record<string, unknown>) => {
    copy[at] = { record: { ...target.record, ...fields } };
  };
  switch (what) {
    case 'shuffle':
      for (let i = copy.length - 1; i > 0; i--) {
        const j = rng.nextInt(i + 1);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    case 'swap-two': {
      const other = rng.nextInt(copy.length);
      [copy[at], copy[other]] = [copy[other]!, copy[at]!];
      return copy;
    }
    case 'drop-one':
      copy.splice(at, 1);
      return copy;
    case 'second-trial':
      copy.splice(at + 1, 0, { record: { ...target.record, trial: 1 } });
      return copy;
    case 'category':
      change({ category: 'elsewhere' });
      return copy;
    case 'judge':
      change({ judge: { id: 'judge', version: '2' } });
      return copy;
    case 'second-package':
      change({ package_id: 'someone-else' });
      return copy;
    case 'malformed':
      change({ pass: 'yes' });
      return copy;
    case 'digest':
      change({ manifest_sha256: `sha256:${'e'.repeat(64)}` });
      return copy;
    case 'no-judge': {
      const { judge: _judge, ...rest } = target.record;
      copy[at] = { record: rest };
      return copy;
    }
  }
}

/** JSONL text of the lines, with the line ends, BOM and final newline the seed picks. */
function textOf(lines: readonly Line[], rng: Rng): string {
  const end = rng.nextInt(4) === 0 ? '\r\n' : '\n';
  const body = lines.map((line) => JSON.stringify(line.record)).join(end);
  const bom = rng.nextInt(8) === 0 ? '\uFEFF' : '';
  const blank = rng.nextInt(8) === 0 ? `${end}${end}` : '';
  return `${bom}${body}${blank}${rng.nextInt(3) === 0 ? '' : end}`;
}

const digestOf = (c: string) => `sha256:${c.repeat(64)}`;

/** A pinned golden suite listing cases 0..count-1. */
const listing = (count: number): SuiteList[] => [
  {
    id: 'golden-v1',
    suite: 'golden',
    path: 'suites/golden.jsonl',
    ids: new Set(Array.from({ length: count }, (_, i) => `case-${String(i).padStart(3, '0')}`)),
  },
];

/** Paired cases without their lines, for evidence whose files hold the same records in another order. */
const withoutLines = (cases: unknown): unknown =>
  JSON.parse(JSON.stringify(cases, (key, value: unknown) => (key === 'source' ? undefined : value)));

describe('pairInStep', () => {
  it('gives the pairs, judge, unpaired counts and binding tallies of the general way, or gives up when that way reports something', () => {
    let inStep = 0;
    let gaveUp = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const rng = createRng(seed);
      const n = rng.nextInt(40);
      let parentLines = sideRecords('app-r1', n, rng, digestOf('a'));
      let candidateLines = sideRecords('app-r2', n, rng, digestOf('b'));
      // A third of the runs are clean; the rest change one thing on one side (or both).
      const changes = rng.nextInt(3) === 0 ? 0 : 1 + rng.nextInt(2);
      const applied: string[] = [];
      for (let k = 0; k < changes; k++) {
        const what = PERTURBATIONS[rng.nextInt(PERTURBATIONS.length)]!;
        if (rng.nextInt(2) === 0) parentLines = perturb(parentLines, what, rng);
        else candidateLines = perturb(candidateLines, what, rng);
        applied.push(what);
      }
      const allowUnpaired = rng.nextInt(3) === 0;
      const parentText = textOf(parentLines, rng);
      const candidateText = textOf(candidateLines, rng);
      const chunk = [1, 7, 64, 333, 1 << 20][rng.nextInt(5)]!;
      const result = pairInStep(
        { file: streamed('parent.jsonl', 'parent', parentText, chunk) },
        { file: streamed('candidate.jsonl', 'candidate', candidateText, chunk) },
        allowUnpaired ? { allowUnpaired } : {},
      );
      const general = generalWay(parentText, candidateText, allowUnpaired);
      const context = `seed ${seed}: ${applied.join(', ') || 'clean'}, n ${n}, chunks of ${chunk}`;
      if (result === undefined) {
        gaveUp++;
        // Given up on only what is not clean and in case order, or has something to report.
        expect(applied.length > 0 || n === 0, context).toBe(true);
        continue;
      }
      inStep++;
      expect(general.problems, context).toEqual([]);
      expect(result.paired, context).toEqual(general.paired);
      expect(result.tallies, context).toEqual(general.tallies);
    }
    // Both ways were exercised, and clean evidence in case order never fell back.
    expect(inStep).toBeGreaterThan(150);
    expect(gaveUp).toBeGreaterThan(100);
  });

  it('pairs suites that come in a different order on each side', () => {
    const rng = createRng(7);
    const parentLines = sideRecords('app-r1', 30, rng, digestOf('a'));
    const candidateLines = sideRecords('app-r2', 30, rng, digestOf('b'));
    // The candidate writes its safety cases first, then the golden ones.
    const reordered = [
      ...candidateLines.filter((l) => l.record['suite'] === 'safety'),
      ...candidateLines.filter((l) => l.record['suite'] === 'golden'),
    ];
    const parentText = textOf(parentLines, createRng(1));
    const candidateText = textOf(reordered, createRng(1));
    const result = pairInStep(
      { file: streamed('parent.jsonl', 'parent', parentText, 100) },
      { file: streamed('candidate.jsonl', 'candidate', candidateText, 100) },
    );
    expect(result?.paired).toEqual(generalWay(parentText, candidateText, false).paired);
  });

  it('gives up on two judges as soon as both sides have named theirs, without reading on', () => {
    const rng = createRng(8);
    const judged = (pkg: string, version: string) =>
      sideRecords(pkg, 300, rng, digestOf('a')).map((l) => ({
        record: { ...l.record, judge: { id: 'judge', version } },
      }));
    const parent = streamed('parent.jsonl', 'parent', textOf(judged('app-r1', '1'), createRng(3)), 256);
    const candidate = streamed('candidate.jsonl', 'candidate', textOf(judged('app-r2', '2'), createRng(3)), 256);
    expect(pairInStep({ file: parent }, { file: candidate })).toBeUndefined();
    expect(parent.chunksRead + candidate.chunksRead).toBeLessThan(5);
  });

  it('checks each record against the pinned suites, giving up on one the suite does not list', () => {
    const rng = createRng(3);
    const lines = (pkg: string) =>
      sideRecords(pkg, 12, rng, digestOf('a')).filter((l) => l.record['suite'] === 'golden');
    const parentText = textOf(lines('app-r1'), createRng(2));
    const candidateText = textOf(lines('app-r2'), createRng(2));
    const side = { manifest: 'manifests/app.yaml' } as SideFiles;
    const run = (count: number) =>
      pairInStep(
        {
          file: streamed('parent.jsonl', 'parent', parentText, 50),
          suites: { files: side, lists: listing(count) },
        },
        {
          file: streamed('candidate.jsonl', 'candidate', candidateText, 50),
          suites: { files: side, lists: listing(count) },
        },
      );
    expect(run(12)?.paired.cases).toHaveLength(12);
    expect(run(11)).toBeUndefined();
  });
});

describe('collectEvidence with one JSONL file per side', () => {
  const manifest = {
    package_id: 'app-r2',
    evaluation: { judge: { model: 'judge', version: '1' } },
  } as unknown as Manifest;
  const collect = (parent: EvidenceInput, candidate: EvidenceInput) =>
    collectEvidence({ evidence: [parent, candidate] }, manifest, undefined, 'app-r1', 1, new Map(), new Map());

  it('reads each file once after its first chunk when the evidence is in case order, and twice more when it is not', () => {
    const rng = createRng(11);
    const parentLines = sideRecords('app-r1', 25, rng, digestOf('a'));
    const candidateLines = sideRecords('app-r2', 25, rng, digestOf('b'));
    const sorted = {
      parent: streamed('parent.jsonl', 'parent', textOf(parentLines, createRng(4)), 64),
      candidate: streamed('candidate.jsonl', 'candidate', textOf(candidateLines, createRng(4)), 64),
    };
    const inStep = collect(sorted.parent, sorted.candidate);
    expect(inStep.problems).toEqual([]);
    // One look at the first chunk (the format) and one pass.
    expect([sorted.parent.opens, sorted.candidate.opens]).toEqual([2, 2]);

    const reversed = {
      parent: streamed('parent.jsonl', 'parent', textOf(parentLines.toReversed(), createRng(4)), 64),
      candidate: streamed('candidate.jsonl', 'candidate', textOf(candidateLines.toReversed(), createRng(4)), 64),
    };
    const general = collect(reversed.parent, reversed.candidate);
    expect(general.problems).toEqual([]);
    expect(reversed.parent.opens + reversed.candidate.opens).toBeGreaterThan(4);
    // The same evidence either way (the lines of the reversed files are other lines).
    expect(withoutLines(general.evidence?.cases)).toEqual(withoutLines(inStep.evidence?.cases));
    expect(general.evidence?.binding).toEqual(inStep.evidence?.binding);
  });

  it('reports what is wrong exactly as the general way does', () => {
    const rng = createRng(12);
    const parentLines = sideRecords('app-r1', 10, rng, digestOf('a'));
    const candidateLines = perturb(sideRecords('app-r2', 10, rng, digestOf('b')), 'category', createRng(5));
    const result = collect(
      streamed('parent.jsonl', 'parent', textOf(parentLines, createRng(4)), 64),
      streamed('candidate.jsonl', 'candidate', textOf(candidateLines, createRng(4)), 64),
    );
    expect(result.evidence).toBeUndefined();
    expect(result.problems).toEqual([expect.objectContaining({ field: 'category', file: 'candidate.jsonl' })]);
  });
});
