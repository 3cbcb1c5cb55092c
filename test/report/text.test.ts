import { describe, expect, it } from 'vitest';
import {
  decisionWord,
  formatCi,
  formatEstimate,
  formatThreshold,
  renderText,
  verdictWord,
} from '../../src/report/text.ts';
import { controlCharacters } from '../fixtures/reports/checks.ts';
import { REPORTS } from '../fixtures/reports/index.ts';

const { reject, hostile } = REPORTS;
const ESC = '\u001b';
/** The SGR sequences renderText writes when colour is on. */
const OWN_CODES = ['[0m', '[31m', '[32m', '[33m', '[2m', '[1;31m', '[1;32m', '[1;33m', '[1;2m'].map(
  (code) => `${ESC}${code}`,
);

function withoutOwnCodes(text: string): string {
  return OWN_CODES.reduce((rest, code) => rest.replaceAll(code, ''), text);
}

describe('renderText snapshots', () => {
  it.each(Object.entries(REPORTS))('%s', async (name, report) => {
    await expect(renderText(report, { color: false })).toMatchFileSnapshot(
      `../fixtures/reports/__snapshots__/${name}.txt`,
    );
  });

  it('reject in colour', async () => {
    await expect(renderText(reject, { color: true, outDir: 'out' })).toMatchFileSnapshot(
      '../fixtures/reports/__snapshots__/reject.color.txt',
    );
  });
});

describe('renderText', () => {
  it.each(Object.entries(REPORTS))(
    'writes no escape byte or other control character without colour (%s)',
    (_name, report) => {
      const text = renderText(report, { color: false });
      expect(text).not.toContain(ESC);
      expect(controlCharacters(text)).toEqual([]);
    },
  );

  it('colours only with its own SGR codes, never with escape sequences from evidence', () => {
    const text = renderText(hostile, { color: true });
    expect(text).toContain(`${ESC}[31m`);
    expect(withoutOwnCodes(text)).not.toContain(ESC);
    expect(controlCharacters(withoutOwnCodes(text))).toEqual([]);
    expect(text).toContain('\ufffd[31mred\ufffd[0m\ufffd]0;owned\ufffd');
  });

  it.each([
    { name: 'approve', report: REPORTS.approve, first: 'APPROVE  Approved: every gate passed.' },
    { name: 'reject', report: reject, first: 'REJECT  Rejected: the quality gate failed.' },
    {
      name: 'needs approval',
      report: REPORTS['needs-approval'],
      first:
        "NEEDS APPROVAL  Needs approval: all gates pass, and side-effect level 2 releases always need a named owner's approval.",
    },
    {
      name: 'nothing to gate',
      report: REPORTS['nothing-to-gate'],
      first: 'NOTHING TO GATE  No package manifest is touched by this change; nothing to gate.',
    },
    { name: 'multi-package', report: REPORTS['multi-package'], first: 'REJECT  sql-analytics: reject.' },
  ])('puts the decision on the first line ($name)', ({ report, first }) => {
    expect(renderText(report, { color: false }).split('\n')[0]).toBe(first);
  });

  it('colours the decision word', () => {
    expect(renderText(reject, { color: true }).split('\n')[0]).toBe(
      '\u001b[1;31mREJECT\u001b[0m  Rejected: the quality gate failed.',
    );
    expect(renderText(REPORTS.approve, { color: true }).startsWith(`${ESC}[1;32mAPPROVE${ESC}[0m`)).toBe(true);
  });

  it('gives each gate one line with verdict, estimate, interval and reason', () => {
    const lines = renderText(reject, { color: false }).split('\n');
    const gateLines = lines.filter((line) => /^ {2}(?:manifest|quality|safety|cost|latency) /.test(line));
    expect(gateLines).toHaveLength(5);
    const quality = gateLines.find((line) => line.startsWith('  quality'))!;
    expect(quality).toMatch(/^ {2}quality +FAIL +−3\.4 pp +95% CI −5\.1 to −1\.8 pp +Pass rate changed −3\.4 pp/);
    expect(gateLines.find((line) => line.startsWith('  cost'))).toMatch(
      /inconclusive +×1\.163 \(\+16\.3 %\) +95% CI ×0\.941 to ×1\.402 +Cost per/,
    );
  });

  it('lists the failed categories and the five worst cases', () => {
    const text = renderText(reject, { color: false });
    expect(text).toContain(
      '  failed categories:\n    refunds  −9.2 pp  95% CI −14.5 to −4.0 pp  n = 124  Holm p = 0.0004\n    returns  −6.2 pp',
    );
    expect(text).not.toMatch(/^ {4}shipping/m);
    const cases = text.split('\n').filter((line) => line.startsWith('    golden/') || line.startsWith('    safety/'));
    expect(cases).toHaveLength(5);
    expect(cases[0]).toBe('    golden/g-refund-001  refunds  critical  1 → 0  evidence/candidate.jsonl:4');
    expect(text).toContain('  worst regressed cases (5 of 8):');
  });

  it('lists the manifest problems with their file:line:col', () => {
    expect(renderText(REPORTS['multi-package'], { color: false })).toContain(
      '  manifest problems:\n    manifests/sql-analytics.yaml:31:13 tools[0].sha256: manifests/sql-analytics/tools/sql_readonly.json has',
    );
  });

  it.each([
    { outDir: 'out', expected: 'Full report: out/report.md and out/report.json' },
    { outDir: 'reports/', expected: 'Full report: reports/report.md and reports/report.json' },
    {
      outDir: undefined,
      expected: 'Full report: --out DIR writes report.md and report.json; --format markdown|json prints them.',
    },
  ])('ends with a pointer to the full report (outDir $outDir)', ({ outDir, expected }) => {
    const text = renderText(reject, { color: false, ...(outDir !== undefined ? { outDir } : {}) });
    expect(text.trimEnd().split('\n').at(-1)).toBe(expected);
  });
});

describe('shared wording', () => {
  it.each([
    ['approve', 'APPROVE'],
    ['reject', 'REJECT'],
    ['hold', 'HOLD'],
    ['needs_approval', 'NEEDS APPROVAL'],
    ['nothing_to_gate', 'NOTHING TO GATE'],
  ] as const)('decision %s is %s', (outcome, word) => {
    expect(decisionWord(outcome)).toBe(word);
  });

  it.each([
    ['pass', 'pass'],
    ['fail', 'FAIL'],
    ['inconclusive', 'inconclusive'],
    ['not_applicable', 'n/a'],
  ] as const)('verdict %s is %s', (verdict, word) => {
    expect(verdictWord(verdict)).toBe(word);
  });

  it.each([
    { measure: { threshold: -2, unit: 'pp' }, expected: '≥ −2.0 pp' },
    { measure: { threshold: 0.5, unit: 'pp' }, expected: '≤ +0.5 pp' },
    { measure: { threshold: 1.2, unit: 'ratio' }, expected: '≤ ×1.200' },
    { measure: { threshold: 0, unit: 'count' }, expected: '≤ 0' },
    { measure: { threshold: 1500, unit: 'ms' }, expected: '≤ 1,500 ms' },
    { measure: { threshold: 0.01, unit: 'usd' }, expected: '≤ $0.0100' },
    { measure: { unit: 'pp' }, expected: '—' },
  ] as const)('threshold $expected', ({ measure, expected }) => {
    expect(formatThreshold(measure)).toBe(expected);
  });

  it.each([
    { measure: { estimate: 1.234, unit: 'ratio' }, expected: '×1.234 (+23.4 %)' },
    { measure: { estimate: -3.45, unit: 'pp' }, expected: '−3.5 pp' },
  ] as const)('estimate $expected', ({ measure, expected }) => {
    expect(formatEstimate(measure)).toBe(expected);
  });

  it.each([
    { column: 95, expected: '−5.1 to −1.8 pp' },
    { column: 90, expected: '95% CI −5.1 to −1.8 pp' },
    { column: undefined, expected: '95% CI −5.1 to −1.8 pp' },
  ])('interval under a $column% column', ({ column, expected }) => {
    expect(formatCi({ lower: -5.1, upper: -1.8, level: 0.95 }, 'pp', column)).toBe(expected);
  });
});
