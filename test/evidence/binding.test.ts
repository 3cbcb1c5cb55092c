import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindEvidence, requireOwnerWhenUnbound } from '../../src/evidence/binding.ts';
import type { SideFiles } from '../../src/evidence/package-files.ts';
import type { PromptfooColumn } from '../../src/evidence/promptfoo.ts';
import type { EvidenceRecord } from '../../src/evidence/record.ts';
import type { Decision } from '../../src/gates/decide.ts';
import type { Report } from '../../src/report/model.ts';
import { runCliInProcess } from '../support/cli.ts';
import { PROMPTS, promptfooRepo, type PromptfooRepo } from './promptfoo-repo.ts';

// The real promptfoo 0.123.1 output (test/fixtures/evidence/promptfoo-real): support-v1 is the
// terse prompt, support-v2 the one that cites the policy. Here the change under review goes from
// v2 (parent, at the base) back to v1 (candidate, at the head): refunds fall 43 pp. Offered the
// other way round, the same files look like an improvement — which binding must refuse.

const repos: PromptfooRepo[] = [];
afterAll(() => {
  for (const built of repos) built.repo.cleanup();
});

function build(spec: Parameters<typeof promptfooRepo>[0]): PromptfooRepo {
  const built = promptfooRepo(spec);
  repos.push(built);
  return built;
}

async function check(
  built: PromptfooRepo,
  ...args: string[]
): Promise<{ code: number; report: Report; stderr: string; text: string }> {
  const common = ['check', '--base', built.base, '--head', built.head, '--policy', 'small-suites.yaml', ...args];
  const json = await runCliInProcess(built.repo.dir, [...common, '--format', 'json']);
  const text = await runCliInProcess(built.repo.dir, common);
  return {
    code: json.code,
    report: JSON.parse(json.stdout || 'null') as Report,
    stderr: json.stderr,
    text: text.stdout + text.stderr,
  };
}

const gate = (report: Report, name: string) => report.packages[0]!.gates.find((g) => g.gate === name)!;

describe('promptfoo evidence bound by prompt content (a regression from support-v2 to support-v1)', () => {
  let regression: PromptfooRepo;
  beforeAll(() => {
    regression = build({ parent: 'support-v2', candidate: 'support-v1' });
  });

  it('in the right order rejects, naming the regressed category, with both sides bound', async () => {
    for (const args of [
      ['--parent-evidence', 'evals/candidate.json', '--candidate-evidence', 'evals/parent.json'],
      ['--evidence', 'evals/results.json', '--parent-side', 'promptIdx=1', '--candidate-side', 'label=support-v1'],
    ]) {
      const { code, report, stderr, text } = await check(regression, ...args);
      expect(stderr).toBe('');
      expect(code).toBe(1);
      const pkg = report.packages[0]!;
      expect(pkg.decision.outcome).toBe('reject');
      expect(gate(report, 'manifest').verdict).toBe('pass');
      expect(gate(report, 'manifest').reason).toBe(
        'Every artifact matches its recorded digest (prompt_patch) and the evidence is bound to these packages: parent by prompt and provider, candidate by prompt and provider.',
      );
      expect(gate(report, 'quality').verdict).toBe('fail');
      const worst = pkg.categories.toSorted((a, b) => a.measure.estimate - b.measure.estimate)[0]!;
      expect(worst.category).toBe('refunds');
      expect(worst.measure.estimate).toBeCloseTo((-3 / 7) * 100, 4);
      expect(pkg.worst_cases[0]).toMatchObject({ category: 'refunds', parent: 1, candidate: 0 });
      expect(text).toMatch(/^REJECT {2}Rejected: the quality gate failed\./);
      expect(text).toContain('golden/golden-001-refund-window  refunds  critical  1 → 0');
    }
  });

  it.each([
    [
      'swapped files',
      ['--parent-evidence', 'evals/parent.json', '--candidate-evidence', 'evals/candidate.json'],
      ['parent', 'candidate'],
    ],
    [
      'swapped columns (the default promptIdx 0 / 1 of the two-column file)',
      ['--evidence', 'evals/results.json'],
      ['parent', 'candidate'],
    ],
    [
      'mislabelled side selectors',
      ['--evidence', 'evals/results.json', '--parent-side', 'label=support-v1', '--candidate-side', 'label=support-v2'],
      ['parent', 'candidate'],
    ],
    [
      'the parent’s output offered as the candidate’s',
      ['--parent-evidence', 'evals/candidate.json', '--candidate-evidence', 'evals/candidate.json'],
      ['candidate'],
    ],
  ])(
    'never approves %s: the manifest gate fails and says which side matches which package',
    async (_name, args, wrong) => {
      const { code, report, stderr, text } = await check(regression, ...args);
      expect(stderr).toBe('');
      expect(code).toBe(1);
      expect(report.decision.outcome).toBe('reject');
      const manifest = gate(report, 'manifest');
      expect(manifest.verdict).toBe('fail');
      const failures = manifest.headline!.reason!.split('\n');
      expect(failures).toHaveLength(wrong.length);
      for (const [index, side] of wrong.entries()) {
        const other = side === 'parent' ? 'candidate' : 'parent';
        const own = side === 'parent' ? 'acme-support-r1' : 'acme-support-r2';
        expect(failures[index]).toMatch(
          new RegExp(
            `^${side === 'parent' ? 'Parent' : 'Candidate'} evidence is not bound to its package: The ${side} evidence evals/\\S+ \\(promptIdx \\d, label "support-v\\d"\\) was made with the ${other}'s prompt support \\(apps/acme-support/prompts/support\\.txt at [0-9a-f]{12}, package acme-support-r\\d\\), which is none of the ${side} package ${own}'s prompts: it is the ${other}'s evidence, not the ${side}'s`,
          ),
        );
        expect(report.packages[0]!.evidence.binding?.[side as 'parent' | 'candidate'].status).toBe('mismatched');
      }
      expect(text).toMatch(/^REJECT {2}Rejected: the manifest gate failed\./);
      expect(text).toContain('MISMATCHED: made for another package (the manifest gate says which)');
    },
  );

  it('refuses a file whose columns were relabelled: the results were rendered from another prompt', async () => {
    // The support-v1 column's template replaced by support-v2's, as if to pass v1's results off as v2's.
    const path = join(regression.repo.dir, 'evals/forged.json');
    const forged = JSON.parse(readFileSync(join(regression.repo.dir, 'evals/parent.json'), 'utf8')) as {
      results: { prompts: { raw: string; id: string }[]; results: { promptId: string }[] };
    };
    forged.results.prompts[0]!.raw = PROMPTS['support-v2'];
    writeFileSync(path, JSON.stringify(forged, null, 2));
    const { code, report } = await check(
      regression,
      '--parent-evidence',
      'evals/candidate.json',
      '--candidate-evidence',
      'evals/forged.json',
    );
    expect(code).toBe(1);
    expect(report.packages[0]!.evidence.binding?.candidate.status).toBe('mismatched');
    expect(gate(report, 'manifest').reason).toMatch(
      /evals\/forged\.json:\d+: results\.results\[0\]\.prompt\.raw is not results\.prompts\[0\]\.raw with its variables filled in: the results were made with another prompt/,
    );
  });

  it('refuses both sides reading one column of a file: that compares the evidence with itself', async () => {
    const { code, stderr } = await check(
      regression,
      '--evidence',
      'evals/results.json',
      '--parent-side',
      'promptIdx=1',
      '--candidate-side',
      'label=support-v2',
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      'evals/results.json:1 results.results: the parent and candidate selectors both pick column promptIdx 1: that compares the evidence with itself',
    );
  });

  it('names the columns a selector matches instead of reporting duplicate results (one label, two providers)', async () => {
    const { code, stderr } = await check(
      regression,
      '--evidence',
      'evals/providers.json',
      '--parent-side',
      'label=support-v2',
      '--candidate-side',
      'promptIdx=1',
    );
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([
      '1 evidence problem',
      'evals/providers.json:1 results.results: the side label=support-v2 matches 2 columns: promptIdx 0, provider "echo", prompt label "support-v2": 8 results; promptIdx 1, provider "file://provider.js" (label "acme-support-sim"), prompt label "support-v2": 8 results; one side is one column: select it with promptIdx=N',
    ]);
  });
});

describe('promptfoo evidence that cannot be bound', () => {
  it('an inline prompt the manifest does not carry: unbound, and an approval becomes needs_approval with the reason', async () => {
    const built = build({
      parent: 'support-v1',
      candidate: `${PROMPTS['support-v2']}Always greet the customer by name.\n`,
    });
    const { code, report, stderr, text } = await check(
      built,
      '--parent-evidence',
      'evals/parent.json',
      '--candidate-evidence',
      'evals/candidate.json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(3);
    const pkg = report.packages[0]!;
    expect(Object.fromEntries(pkg.gates.map((g) => [g.gate, g.verdict]))).toEqual({
      manifest: 'pass',
      quality: 'pass',
      safety: 'pass',
      cost: 'pass',
      latency: 'pass',
    });
    expect(pkg.evidence.binding).toMatchObject({
      parent: { status: 'bound' },
      candidate: { status: 'unbound', by: [] },
    });
    expect(pkg.evidence.binding!.candidate.reason).toMatch(
      /^The prompt of evals\/candidate\.json \(promptIdx 0, label "support-v2"\) is none of acme-support-r2's prompt files \(apps\/acme-support\/prompts\/support\.txt\) at [0-9a-f]{12}: an inline prompt the manifest does not carry cannot be tied to the package/,
    );
    expect(pkg.decision).toMatchObject({ outcome: 'needs_approval', approvers: ['@acme/support'] });
    expect(pkg.decision.summary).toBe(
      'Needs approval: every gate passed, but the candidate evidence cannot be tied to its package; an owner must confirm it is the right evidence.',
    );
    expect(pkg.decision.reasons[0]).toMatch(
      /^binding: candidate evidence unbound: The prompt of evals\/candidate\.json/,
    );
    expect(gate(report, 'manifest').reason).toBe(
      'Every artifact matches its recorded digest (prompt_patch), but the candidate evidence cannot be tied to its package, so an owner must approve.',
    );
    expect(text).toMatch(
      /^NEEDS APPROVAL {2}Needs approval: every gate passed, but the candidate evidence cannot be tied/,
    );
    expect(text).toContain('evidence: candidate UNBOUND: The prompt of evals/candidate.json');
  });

  it('compares prompt files and templates without their final newlines', async () => {
    const built = build({ parent: 'support-v1', candidate: 'support-v2', newline: false });
    const { code, report } = await check(
      built,
      '--parent-evidence',
      'evals/parent.json',
      '--candidate-evidence',
      'evals/candidate.json',
    );
    expect(code).toBe(0);
    expect(report.packages[0]!.evidence.binding).toMatchObject({
      parent: { status: 'bound' },
      candidate: { status: 'bound' },
    });
  });
});

// Pure binding: JSONL digests, providers, and what unbound does to a decision.
const digest = (n: number): string => `sha256:${String(n).repeat(64).slice(0, 64)}`;
const side = (
  packageId: string,
  manifestDigest: string,
  prompts: readonly string[],
  endpoint = 'llm-medium',
): SideFiles => ({
  packageId,
  manifest: 'manifests/app.yaml',
  manifestDigest,
  commit: packageId === 'app-r1' ? 'b'.repeat(40) : 'c'.repeat(40),
  model: { provider: 'openai', endpoint, version: '1' },
  prompts: prompts.map((d, i) => ({
    id: `p${i}`,
    path: `prompts/p${i}.md`,
    digest: d,
    content: new TextEncoder().encode(`prompt ${d}\n`),
  })),
  suites: [],
});
const FILES = { parent: side('app-r1', digest(1), [digest(2)]), candidate: side('app-r2', digest(3), [digest(4)]) };
const record = (packageId: string, line: number, extra: Partial<EvidenceRecord> = {}): EvidenceRecord => ({
  package_id: packageId,
  suite: 'golden',
  case_id: `c${line}`,
  category: 'a',
  critical: false,
  pass: true,
  trial: 0,
  source: { file: packageId === 'app-r1' ? 'p.jsonl' : 'c.jsonl', line },
  ...extra,
});
const jsonl = (records: EvidenceRecord[], packageId: string) => ({
  records,
  columns: new Map<string, PromptfooColumn[]>(),
  packageId,
});

describe('bindEvidence on JSONL', () => {
  it('binds by package_id, and by manifest_sha256 and prompt_sha256 when every record carries them', () => {
    const plain = bindEvidence(jsonl([record('app-r1', 1)], 'app-r1'), jsonl([record('app-r2', 1)], 'app-r2'), FILES);
    expect(plain.parent).toEqual({
      status: 'bound',
      by: ['package_id'],
      reason: 'The parent records name package app-r1.',
    });
    const hashed = bindEvidence(
      jsonl([record('app-r1', 1, { manifest_sha256: digest(1), prompt_sha256: digest(2) })], 'app-r1'),
      jsonl([record('app-r2', 1, { manifest_sha256: digest(3), prompt_sha256: digest(4) })], 'app-r2'),
      FILES,
    );
    expect(hashed.candidate).toEqual({
      status: 'bound',
      by: ['package_id', 'manifest_sha256', 'prompt_sha256'],
      reason:
        "The candidate records name package app-r2. Every candidate record's manifest_sha256 matches. Every candidate record's prompt_sha256 matches.",
    });
  });

  it('names the other side when digests or package ids are swapped', () => {
    const swapped = bindEvidence(
      jsonl([record('app-r1', 1, { manifest_sha256: digest(3) })], 'app-r1'),
      jsonl(
        [record('app-r2', 1, { prompt_sha256: digest(2) }), record('app-r2', 2, { prompt_sha256: digest(2) })],
        'app-r2',
      ),
      FILES,
    );
    expect(swapped.parent.status).toBe('mismatched');
    expect(swapped.parent.reason).toBe(
      `1 parent record (first at p.jsonl:1) carry manifest_sha256 ${digest(3).slice(0, 19)}…, which is the candidate's manifest manifests/app.yaml at cccccccccccc.`,
    );
    expect(swapped.candidate.reason).toBe(
      `2 candidate records (first at c.jsonl:1) carry prompt_sha256 ${digest(2).slice(0, 19)}…, which is the parent's prompt p0 (prompts/p0.md at bbbbbbbbbbbb).`,
    );
    const ids = bindEvidence(jsonl([record('app-r2', 1)], 'app-r1'), jsonl([record('app-r2', 1)], 'app-r2'), FILES);
    expect(ids.parent.reason).toBe(
      '1 parent record (first at c.jsonl:1) name the candidate package app-r2, but the parent is app-r1: the evidence files are swapped.',
    );
  });

  it('refuses digests on some records only, and digests of no package', () => {
    const partial = bindEvidence(
      jsonl([record('app-r1', 1, { manifest_sha256: digest(1) }), record('app-r1', 2)], 'app-r1'),
      jsonl([record('app-r2', 1, { prompt_sha256: digest(9) })], 'app-r2'),
      FILES,
    );
    expect(partial.parent.reason).toBe(
      '1 parent record (first at p.jsonl:2) carry no manifest_sha256 while 1 do: write it on every record or on none.',
    );
    expect(partial.candidate.reason).toMatch(
      /^1 candidate record \(first at c\.jsonl:1\) carry prompt_sha256 sha256:999999999999…, which is none of app-r2's prompts \(p0 sha256:444444444444…\)\.$/,
    );
  });

  it('without package files compares package ids only, and says the digests were not compared', () => {
    const result = bindEvidence(
      jsonl([record('app-r1', 1, { manifest_sha256: digest(1) })], 'app-r1'),
      jsonl([record('app-r2', 1)], 'app-r2'),
      undefined,
    );
    expect(result.parent).toEqual({
      status: 'bound',
      by: ['package_id'],
      reason:
        'The parent records name package app-r1. manifest_sha256 and prompt_sha256 were not compared (no package files were read).',
    });
  });
});

const column = (template: string, provider: string): PromptfooColumn => ({
  promptIdx: 0,
  label: 'v',
  provider,
  template,
  results: 2,
});

describe('bindEvidence on promptfoo columns', () => {
  const promptfoo = (file: string, columns: PromptfooColumn[], packageId: string) => ({
    records: [record(packageId, 1, { source: { file, line: 1 } })],
    columns: new Map([[file, columns]]),
    packageId,
  });
  const endpoints = {
    parent: side('app-r1', digest(1), [digest(2)], 'gpt-4o-2024'),
    candidate: side('app-r2', digest(3), [digest(4)], 'gpt-4o-2025'),
  };

  it('fails a column whose provider names the other side’s model endpoint', () => {
    const result = bindEvidence(
      promptfoo('p.json', [column(`prompt ${digest(2)}`, 'openai:gpt-4o-2024')], 'app-r1'),
      promptfoo('c.json', [column(`prompt ${digest(4)}`, 'openai:gpt-4o-2024')], 'app-r2'),
      endpoints,
    );
    expect(result.parent).toMatchObject({ status: 'bound', by: ['prompt', 'provider'] });
    expect(result.candidate.status).toBe('mismatched');
    expect(result.candidate.reason).toBe(
      'c.json (promptIdx 0, label "v"): its provider "openai:gpt-4o-2024" names the parent\'s model endpoint gpt-4o-2024, not the candidate\'s gpt-4o-2025.',
    );
  });

  it('leaves a column without prompt text unbound', () => {
    const result = bindEvidence(
      promptfoo('p.json', [{ promptIdx: 0, results: 1 }], 'app-r1'),
      promptfoo('c.json', [column(`prompt ${digest(4)}`, 'echo')], 'app-r2'),
      FILES,
    );
    expect(result.parent).toMatchObject({
      status: 'unbound',
      reason:
        "p.json (promptIdx 0) holds no prompt text (results.prompts[0].raw) to compare with the package's prompt files.",
    });
  });
});

describe('requireOwnerWhenUnbound', () => {
  const approve: Decision = { outcome: 'approve', summary: 'Approved: every gate passed.', reasons: [], approvers: [] };
  const bound = { status: 'bound', by: ['prompt'], reason: 'ok.' } as const;
  const unbound = { status: 'unbound', by: [], reason: 'No prompt.' } as const;

  it('turns approve into needs_approval by the owners when a side is unbound, and leaves everything else', () => {
    expect(requireOwnerWhenUnbound(approve, { parent: bound, candidate: bound }, ['@o'])).toBe(approve);
    expect(requireOwnerWhenUnbound(approve, undefined, ['@o'])).toBe(approve);
    expect(requireOwnerWhenUnbound(approve, { parent: unbound, candidate: unbound }, ['@o'])).toEqual({
      outcome: 'needs_approval',
      summary:
        'Needs approval: every gate passed, but neither side’s evidence can be tied to its package; an owner must confirm it is the right evidence.',
      reasons: ['binding: parent evidence unbound: No prompt.', 'binding: candidate evidence unbound: No prompt.'],
      approvers: ['@o'],
    });
    const reject: Decision = { outcome: 'reject', summary: 'Rejected.', reasons: ['x'], approvers: [] };
    expect(requireOwnerWhenUnbound(reject, { parent: unbound, candidate: bound }, ['@o'])).toBe(reject);
  });
});
