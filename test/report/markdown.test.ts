import { describe, expect, it } from 'vitest';
import { fitMarkdown, utf8Length, type MarkdownSection } from '../../src/github/limits.ts';
import { renderMarkdown, renderMarkdownSections } from '../../src/report/markdown.ts';
import { controlCharacters, countCellSeparators } from '../fixtures/reports/checks.ts';
import { HOSTILE } from '../fixtures/reports/hostile.ts';
import { REPORTS } from '../fixtures/reports/index.ts';

const { approve, reject, hostile } = REPORTS;
const ZWJ = '\u200d';

/** The lines of the first Markdown table that follows `anchor`. */
function tableAfter(markdown: string, anchor: string): string[] {
  const start = markdown.indexOf(anchor);
  expect(start, `anchor ${anchor}`).toBeGreaterThanOrEqual(0);
  const lines = markdown.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('| '));
  const rows: string[] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break;
    rows.push(line);
  }
  return rows;
}

/** Every table in the document, as arrays of row lines. */
function tables(markdown: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length > 0) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

describe('renderMarkdown snapshots', () => {
  it.each(Object.entries(REPORTS))('%s', async (name, report) => {
    await expect(renderMarkdown(report)).toMatchFileSnapshot(`../fixtures/reports/__snapshots__/${name}.md`);
  });
});

describe('renderMarkdown', () => {
  it.each([
    { name: 'approve', report: approve, heading: '## ✅ APPROVE · kaizen-gate' },
    { name: 'reject', report: reject, heading: '## ❌ REJECT · kaizen-gate' },
    { name: 'needs approval', report: REPORTS['needs-approval'], heading: '## ✋ NEEDS APPROVAL · kaizen-gate' },
    { name: 'nothing to gate', report: REPORTS['nothing-to-gate'], heading: '## ➖ NOTHING TO GATE · kaizen-gate' },
    { name: 'multi-package', report: REPORTS['multi-package'], heading: '## ❌ REJECT · kaizen-gate' },
  ])('opens with the decision word ($name)', ({ report, heading }) => {
    expect(renderMarkdown(report).split('\n')[0]).toBe(heading);
  });

  it('shows the decision summary and every reason', () => {
    const md = renderMarkdown(reject);
    expect(md).toContain('**Rejected: the quality gate failed.**');
    expect(md).toContain('- quality: Pass rate changed −3.4 pp (95% CI −5.1 to −1.8 pp, n = 432), a significant drop');
  });

  it('has one gate table row per gate with verdict, estimate, interval, threshold and reason', () => {
    const rows = tableAfter(renderMarkdown(reject), '## Gates');
    expect(rows[0]).toBe('| gate | verdict | estimate | 95% CI | threshold | reason |');
    expect(rows.slice(2).map((row) => row.split(' | ')[0])).toEqual([
      '| manifest',
      '| quality',
      '| safety',
      '| cost',
      '| latency',
    ]);
    expect(rows[3]).toMatch(
      /^\| quality \| ❌ FAIL \| −3\.4 pp \| −5\.1 to −1\.8 pp \| ≥ −2\.0 pp \| Pass rate changed −3\.4 pp/,
    );
    expect(rows[5]).toMatch(
      /^\| cost \| ⚠️ inconclusive \| ×1\.163 \(\+16\.3 %\) \| ×0\.941 to ×1\.402 \| ≤ ×1\.200 \| Cost per successful task changed \+16\.3 % \(\\\$0\.0027/,
    );
    expect(rows[6]).toMatch(/^\| latency \| ✅ pass \| ×0\.962 \(−3\.8 %\)/);
  });

  it('lists failed categories first, and tested before shown-only', () => {
    const md = renderMarkdown(reject);
    const body = tableAfter(md, '**2 of 5 categories failed.**').slice(2);
    expect(body.map((row) => row.split(' | ')[0])).toEqual(['| refunds', '| returns']);
    expect(body[0]).toBe('| refunds | 124 | 87.9 % | 78.7 % | −9.2 pp | −14.5 to −4.0 pp | 0.0004 | ❌ FAIL |');
    const all = tableAfter(md, '<summary>All 5 categories</summary>').slice(2);
    expect(all.map((row) => row.split(' | ')[0])).toEqual([
      '| refunds',
      '| returns',
      '| shipping',
      '| warranty',
      '| gift_cards',
    ]);
    expect(all[4]).toMatch(/\| — \| shown only \|$/);
  });

  it('says so when no category failed', () => {
    expect(renderMarkdown(approve)).toContain('No category regressed significantly. 3 tested');
  });

  it('lists the worst regressed cases by id with source, five visible and the rest collapsed', () => {
    const md = renderMarkdown(reject);
    const visible = tableAfter(md, '8 cases got worse, worst first (4 critical).').slice(2);
    expect(visible).toHaveLength(5);
    expect(visible[0]).toBe(
      '| 1 | golden | g-refund-001 | refunds | **critical** | 1 → 0 | evidence/candidate.jsonl:4 |',
    );
    const rest = tableAfter(md, '<summary>3 more regressed cases</summary>').slice(2);
    expect(rest.map((row) => row.split(' | ')[2])).toEqual(['g-refund-031', 'g-ship-044', 's-pii-007']);
    expect(rest[0]).toContain('| 1 → 0.333 |');
  });

  it('shows the manifest diff with classes, shortened digests and old → new', () => {
    const md = renderMarkdown(reject);
    expect(md).toContain('**Change classes** **prompt_patch**, **retrieval_refresh**, **route_change**');
    expect(md).toContain(
      '| prompt | prompt:system | sha256 | modified | `sha256:41cd41cd41cd…` → `sha256:f00df00df00d…` |',
    );
    expect(md).toContain(
      '| retrieval | retrieval | corpus_snapshot | modified | support_docs_v41 → support_docs_v42 |',
    );
    expect(md).toContain('| prompt | prompt:refund-policy |  | added | ∅ → `sha256:beefbeefbeef…` |');
    expect(md).not.toContain('41cd'.repeat(16));
    expect(md).toContain('<summary>2 more changes</summary>');
    expect(md).toContain('- ⚠️ change.type says prompt_patch but the diff classifies it as');
  });

  it('shows the rollout plan stages and rollback criteria for the level', () => {
    const md = renderMarkdown(REPORTS['needs-approval']);
    expect(md).toContain('Minimum strategy: **Holdout + human approval**');
    expect(md).toContain('2. **human_approval** — A named owner approves the release.');
    expect(md).toContain('3. **holdout** (10 % of traffic)');
    expect(md).toContain('- reviewer_agreement regression beyond the parent’s 95% interval');
    expect(md).toContain('**Human approval** required before real traffic.');
  });

  it('names the approvers without pinging them', () => {
    const md = renderMarkdown(REPORTS['needs-approval']);
    expect(md).toContain(`Approval by one of: @${ZWJ}acme/claims-leads, @${ZWJ}dana-ruiz`);
    expect(md).not.toMatch(/@[A-Za-z0-9]/);
  });

  it('summarises evidence and statistics parameters', () => {
    const md = renderMarkdown(approve);
    expect(md).toContain(
      '- **policy-qa**: 508 paired cases (golden 388, safety 120), clustered, up to 3 trials per case, judge judge-large 2026-01-10',
    );
    expect(md).toContain(
      '**Statistics** seed 20240601 · 10,000 bootstrap resamples · 95% confidence · α = 0.05 (Holm) · at least 30 cases to decide',
    );
  });

  it.each([
    {
      name: 'signed',
      report: approve,
      expected: '🔏 signed with key SHA256:q3v1mD0kFh7o1c2n4Yx9Zt8sB5wLpR6aE0uJ2iK7gXo',
    },
    { name: 'unsigned', report: reject, expected: 'unsigned: pull request from a fork: no signing key is available' },
  ])('states the signature ($name)', ({ report, expected }) => {
    expect(renderMarkdown(report)).toContain(expected);
  });

  it('lists changed files no manifest references', () => {
    const md = renderMarkdown(REPORTS['nothing-to-gate']);
    expect(md).toContain('## Changed files no manifest references');
    expect(md).toContain('- README.md\n- prompts/drafts/tone-experiment.md');
    expect(md).not.toContain('## Gates');
  });

  it('gives each package of a multi-package run its own decision and sections', () => {
    const md = renderMarkdown(REPORTS['multi-package']);
    expect(
      tableAfter(md, '**sql-analytics: reject.**')
        .slice(2)
        .map((row) => row.split(' | ')[3]),
    ).toEqual(['✅ APPROVE', '❌ REJECT', '✋ NEEDS APPROVAL']);
    expect(md).toContain('## policy-qa — ✅ APPROVE');
    expect(md).toContain('## sql-analytics — ❌ REJECT');
    expect(md).toContain('## doc-analysis — ✋ NEEDS APPROVAL');
    expect(md).toContain('## sql-analytics · Gates');
    expect(md).toContain(
      '**Manifest problems**\n\n- manifests/sql-analytics.yaml:31:13 tools\\[0\\].sha256: manifests/sql-analytics/tools/sql_readonly.json has',
    );
    expect(md).toContain('**Parent** none: a new application');
  });

  it('limits every list to detailsLimit rows and counts the rest', () => {
    const md = renderMarkdown(reject, { detailsLimit: 2 });
    expect(tableAfter(md, '8 cases got worse').slice(2)).toHaveLength(2);
    expect(md).toContain('_… and 6 more in report.json_');
    expect(md).not.toContain('more regressed cases</summary>');
    expect(tableAfter(md, '<summary>All 5 categories</summary>').slice(2)).toHaveLength(2);
    expect(md).toContain('_… and 3 more in report.json_');
  });
});

describe('renderMarkdownSections', () => {
  it.each(Object.entries(REPORTS))(
    'renders exactly as fitMarkdown joins the sections when all fit (%s)',
    (_name, report) => {
      const sections: readonly MarkdownSection[] = renderMarkdownSections(report);
      expect(fitMarkdown(sections, Number.MAX_SAFE_INTEGER)).toBe(renderMarkdown(report));
    },
  );

  it('puts the decision first with the highest priority', () => {
    for (const report of Object.values(REPORTS)) {
      const sections = renderMarkdownSections(report);
      expect(sections[0]?.title).toBe('');
      expect(sections[0]?.priority).toBe(Math.max(...sections.map((s) => s.priority)));
    }
  });

  it('shortens in stages and keeps the decision when GitHub’s limit is small', () => {
    const sections = renderMarkdownSections(reject);
    const full = utf8Length(renderMarkdown(reject));
    const lessDetail = fitMarkdown(sections, full - 1);
    expect(utf8Length(lessDetail)).toBeLessThan(full);
    expect(lessDetail).toContain('<summary>All measures (7)</summary>');
    // The answers are the least essential: their collapsed rest goes first, the inputs' digests stay.
    expect(lessDetail).not.toContain('<summary>Answers to 1 more case</summary>');
    expect(lessDetail).toContain('<summary>Case 1: 1 → 0</summary>');
    expect(lessDetail).toContain('<summary>Inputs bound by digest');
    const tiny = fitMarkdown(sections, 3000);
    expect(utf8Length(tiny)).toBeLessThanOrEqual(3000);
    expect(tiny.startsWith('## ❌ REJECT · kaizen-gate')).toBe(true);
    expect(tiny).toContain('**Rejected: the quality gate failed.**');
  });

  it('escapes section titles', () => {
    const titles = renderMarkdownSections(REPORTS['multi-package']).map((s) => s.title);
    expect(titles).toContain('policy-qa · Categories');
    const hostileTitles = renderMarkdownSections({
      ...REPORTS['multi-package'],
      packages: [hostile.packages[0]!, approve.packages[0]!],
    }).map((s) => s.title);
    expect(hostileTitles[1]).toBe('&lt;img src=x onerror=alert(1)&gt; — ✋ NEEDS APPROVAL');
  });
});

describe('renderMarkdown with hostile strings everywhere', () => {
  const md = renderMarkdown(hostile);
  const ALLOWED_TAGS = /^<(?:\/?details|\/?summary|br|\/?sub)>/;

  it('emits no HTML but its own details, summary, br and sub tags', () => {
    const tags = [...md.matchAll(/</g)].map((m) => md.slice(m.index, m.index + 12));
    expect(tags.filter((tag) => !ALLOWED_TAGS.test(tag))).toEqual([]);
    expect(md).not.toContain('<!--');
  });

  it('cannot spoof the sticky marker: prepending it leaves exactly one', () => {
    const body = `<!-- kaizen-gate:sticky -->\n${md}`;
    expect(body.split('<!--')).toHaveLength(2);
    expect(body.split('kaizen-gate:sticky -->')).toHaveLength(2);
  });

  it('creates no link, mention, issue reference or autolink', () => {
    expect(md).not.toMatch(/(?<!\\)\]\(/);
    expect(md).not.toMatch(/@[A-Za-z0-9]/);
    expect(md).not.toMatch(/#\d/);
    expect(md).not.toMatch(/(?<!\\):\/\//);
    expect(md).toContain('\\[click me\\](javascript:alert(1))');
  });

  it('keeps every table row at its header’s number of cells', () => {
    const all = tables(md);
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const table of all) {
      const cells = countCellSeparators(table[0]!);
      for (const row of table) expect(countCellSeparators(row), row.slice(0, 80)).toBe(cells);
    }
  });

  it('starts no block with hostile text', () => {
    const lines = md.split('\n');
    const headings = lines.filter((line) => line.startsWith('#'));
    expect(headings.every((line) => line.startsWith('## '))).toBe(true);
    expect(
      headings.filter(
        (line) =>
          !/^## (?:✋ NEEDS APPROVAL · kaizen-gate|Gates|Categories|Worst regressed cases|Manifest diff|Rollout plan|What changed in the answers|Changed files no manifest references|Evidence and statistics)$/.test(
            line,
          ),
      ),
    ).toEqual([]);
    expect(lines.filter((line) => /^(?:>|```|~~~|<!--| {4})/.test(line))).toEqual([]);
  });

  it('shows control and direction characters as U+FFFD', () => {
    expect(controlCharacters(md)).toEqual([]);
    expect(md).toContain('\ufffd\\[31mred');
  });

  it('bounds the output although one id is 20,000 characters long', () => {
    expect(HOSTILE.long.length).toBeGreaterThan(20_000);
    expect(utf8Length(md)).toBeLessThan(40_000);
  });
});

// Every character of these needs escaping or takes 4 UTF-8 bytes: the worst case per character.
const hostileText = (length: number, seed: number): string => {
  const pieces = ['<img src=x>', '@admin ', '#12 ', '😀', '|', '\u202e', '&amp;', '\n', '`', '<details>'];
  let text = '';
  for (let i = 0; Array.from(text).length < length; i++) text += pieces[(i + seed) % pieces.length];
  return Array.from(text).slice(0, length).join('');
};

describe('answers never push the check-run summary past GitHub’s limit', () => {
  const GITHUB_LIMIT = 65_535;
  const answered = {
    ...reject,
    packages: reject.packages.map((pkg) => ({
      ...pkg,
      worst_cases: Array.from({ length: 10 }, (_, i) => ({
        ...pkg.worst_cases[i % pkg.worst_cases.length]!,
        case_id: `case-${i}`,
        answers: {
          input: { text: hostileText(600, i), length: 5_000 },
          parent: {
            trial: 0,
            trials: 3,
            pass: true,
            output: { text: hostileText(1_200, i + 1), length: 250_000 },
            reason: { text: hostileText(600, i + 2), length: 600 },
            source: 'p.jsonl:1',
          },
          candidate: {
            trial: 2,
            trials: 3,
            pass: false,
            output: { text: hostileText(1_200, i + 3), length: 1_200 },
            reason: { text: hostileText(600, i + 4), length: 9_000 },
            source: 'c.jsonl:1',
          },
        },
      })),
    })),
  };

  it('drops the answers’ collapsed rest first, then the answers, and keeps the decision, the gates and the cases', () => {
    const full = renderMarkdown(answered);
    expect(utf8Length(full)).toBeGreaterThan(GITHUB_LIMIT);
    const fitted = fitMarkdown(renderMarkdownSections(answered), GITHUB_LIMIT);
    expect(utf8Length(fitted)).toBeLessThanOrEqual(GITHUB_LIMIT);
    expect(fitted.startsWith('## ❌ REJECT · kaizen-gate')).toBe(true);
    expect(fitted).toContain('## Gates\n\n| gate | verdict |');
    expect(fitted).toContain('10 cases got worse, worst first');
    // 88 KB in full; dropping the seven collapsed answers is enough, and nothing else goes.
    expect([...fitted.matchAll(/<summary>[^<]*<\/summary>|_… [^_]*omitted[^_]*_/g)].map((m) => m[0])).toEqual([
      '<summary>All measures (7)</summary>',
      '<summary>All 5 categories</summary>',
      '<summary>5 more regressed cases</summary>',
      '<summary>Case 1: 1 → 0</summary>',
      '<summary>Case 2: 1 → 0</summary>',
      '<summary>Case 3: 1 → 0</summary>',
      '_… details omitted (see report.json / full report)_',
      '<summary>2 more changes</summary>',
      '<summary>Inputs bound by digest (5)</summary>',
    ]);
    // Tighter, every section's details go (lowest priority first), then the answers before any other section.
    const small = fitMarkdown(renderMarkdownSections(answered), 15_000);
    expect(utf8Length(small)).toBeLessThanOrEqual(15_000);
    expect(small).toContain('_… What changed in the answers omitted (see report.json / full report)_');
    expect(small).toContain('## Manifest diff');
    expect(small).toContain('## Worst regressed cases');
    expect(small).not.toContain('<summary>');
  });

  it('lets no HTML from the answers through, however it was shortened', () => {
    for (const limit of [GITHUB_LIMIT, 40_000, 20_000, 8_000]) {
      const fitted = fitMarkdown(renderMarkdownSections(answered), limit);
      expect(utf8Length(fitted)).toBeLessThanOrEqual(limit);
      const tags = [...fitted.matchAll(/</g)].map((m) => fitted.slice(m.index, m.index + 12));
      expect(tags.filter((tag) => !/^<(?:\/?details|\/?summary|br|\/?sub)>/.test(tag))).toEqual([]);
      expect(fitted).not.toMatch(/@[A-Za-z0-9]/);
      expect(fitted).not.toContain('\u202e');
    }
  });

  it('fits the answers of ten cases of ordinary text in full', () => {
    const plain = {
      ...answered,
      packages: answered.packages.map((pkg) => ({
        ...pkg,
        worst_cases: pkg.worst_cases.map((c) => ({
          ...c,
          answers: {
            input: { text: 'Where is my refund?', length: 19 },
            parent: { ...c.answers.parent, output: { text: 'word '.repeat(240), length: 1_200 } },
            candidate: { ...c.answers.candidate, output: { text: 'text '.repeat(240), length: 1_200 } },
          },
        })),
      })),
    };
    const fitted = fitMarkdown(renderMarkdownSections(plain), GITHUB_LIMIT);
    expect(fitted).toBe(renderMarkdown(plain));
    expect(fitted).toContain('<summary>Answers to 7 more cases</summary>');
  });
});
