import { describe, expect, it } from 'vitest';
import { normalizeAnnotation } from '../../src/github/checks.ts';
import { loadYaml } from '../../src/yaml/load.ts';
import { annotationsFor, changeBlockOf, repoRelativePath } from '../../src/report/annotations.ts';
import { controlCharacters } from '../fixtures/reports/checks.ts';
import { REPORTS } from '../fixtures/reports/index.ts';

const CHANGE_BLOCKS = new Map([
  ['manifests/sql-analytics.yaml', { start_line: 9, end_line: 13 }],
  ['manifests/doc-analysis.yaml', { start_line: 7, end_line: 11 }],
  ['manifests/support-bot.yaml', { start_line: 10, end_line: 14 }],
]);

describe('annotationsFor', () => {
  it('puts a failure on the manifest line of a located problem, with its column and field', () => {
    const annotations = annotationsFor(REPORTS['multi-package'], { changeBlocks: CHANGE_BLOCKS });
    expect(annotations[0]).toEqual({
      path: 'manifests/sql-analytics.yaml',
      start_line: 31,
      end_line: 31,
      start_column: 13,
      annotation_level: 'failure',
      title: 'kaizen-gate: manifest problem (tools[0].sha256)',
      message:
        'manifests/sql-analytics/tools/sql_readonly.json has sha256:0e4f1b2c3d4e… but manifests/sql-analytics.yaml records sha256:9c8b7a6f5e4d…; run `kaizen-gate lock`',
    });
  });

  it('puts unlocated manifest problems and inconclusive gates on the change: block', () => {
    const annotations = annotationsFor(REPORTS['multi-package'], { changeBlocks: CHANGE_BLOCKS });
    const summary = annotations.map((a) => [a.path, a.start_line, a.end_line, a.annotation_level, a.title]);
    expect(summary).toEqual([
      ['manifests/sql-analytics.yaml', 31, 31, 'failure', 'kaizen-gate: manifest problem (tools[0].sha256)'],
      ['manifests/sql-analytics.yaml', 9, 13, 'failure', 'kaizen-gate: manifest problem'],
      ['manifests/sql-analytics.yaml', 9, 13, 'warning', 'kaizen-gate: safety gate inconclusive'],
      ['manifests/doc-analysis.yaml', 7, 11, 'warning', 'kaizen-gate: quality gate inconclusive'],
      ['manifests/doc-analysis.yaml', 7, 11, 'warning', 'kaizen-gate: safety gate inconclusive'],
    ]);
    expect(annotations[1]?.message).toContain('a different judge resets the metric');
    expect(annotations[3]?.message).toContain('About 1,400 cases would decide it.');
  });

  it('falls back to line 1 of the manifest without change-block positions', () => {
    const annotations = annotationsFor(REPORTS['multi-package']);
    expect(annotations.filter((a) => a.start_line === 1).map((a) => a.path)).toEqual([
      'manifests/sql-analytics.yaml',
      'manifests/sql-analytics.yaml',
      'manifests/doc-analysis.yaml',
      'manifests/doc-analysis.yaml',
    ]);
  });

  it('points at the evidence line of each regressed critical case, skipping paths outside the repository', () => {
    const annotations = annotationsFor(REPORTS.reject, { changeBlocks: CHANGE_BLOCKS });
    const cases = annotations.filter((a) => a.title === 'kaizen-gate: critical case regressed');
    expect(cases.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([
      ['evidence/candidate.jsonl', 4, 'failure'],
      ['evidence/candidate.jsonl', 57, 'failure'],
      ['evidence/candidate.jsonl', 301, 'failure'],
    ]);
    expect(cases[0]?.message).toBe(
      'Critical golden case g-refund-001 (category refunds) regressed from 1 to 0 in support-bot-v43.',
    );
    expect(
      annotations.filter((a) => a.path === 'manifests/support-bot.yaml').map((a) => [a.annotation_level, a.title]),
    ).toEqual([
      ['failure', 'kaizen-gate: quality gate failed'],
      ['warning', 'kaizen-gate: cost gate inconclusive'],
    ]);
  });

  it.each([
    ['approve', 0],
    ['needs-approval', 0],
    ['nothing-to-gate', 0],
  ] as const)('has nothing to say for %s', (name, count) => {
    expect(annotationsFor(REPORTS[name])).toHaveLength(count);
  });

  it('annotates only repository-relative paths, whatever the evidence says', () => {
    const annotations = annotationsFor(REPORTS.hostile);
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations) {
      expect(repoRelativePath(a.path), a.path).toBe(a.path);
      expect(controlCharacters(a.message)).toEqual([]);
    }
    expect(annotations.map((a) => a.path)).not.toContain('../outside.jsonl');
    expect(annotations.some((a) => a.message.includes('\u001b'))).toBe(false);
  });

  it('writes annotations GitHub accepts as they are', () => {
    for (const report of Object.values(REPORTS)) {
      for (const a of annotationsFor(report, { changeBlocks: CHANGE_BLOCKS }))
        expect(normalizeAnnotation(a)).toEqual(a);
    }
  });

  it('writes each annotation once', () => {
    const doubled = {
      ...REPORTS['multi-package'],
      packages: [...REPORTS['multi-package'].packages, REPORTS['multi-package'].packages[1]!],
    };
    expect(annotationsFor(doubled)).toHaveLength(annotationsFor(REPORTS['multi-package']).length);
  });
});

describe('repoRelativePath', () => {
  it.each([
    ['manifests/a.yaml', 'manifests/a.yaml'],
    ['./manifests/a.yaml', 'manifests/a.yaml'],
    ['manifests\\a.yaml', 'manifests/a.yaml'],
    ['/home/runner/work/a.jsonl', undefined],
    ['C:\\work\\a.jsonl', undefined],
    ['c:/work/a.jsonl', undefined],
    ['../outside.jsonl', undefined],
    ['a/../../b', undefined],
    ['a//b', undefined],
    ['https://evil.example/a.jsonl', undefined],
    ['a\u001b[31m.jsonl', undefined],
    ['', undefined],
  ])('%j → %j', (path, expected) => {
    expect(repoRelativePath(path)).toBe(expected);
  });
});

describe('changeBlockOf', () => {
  it('spans the change: key to its last field', () => {
    const yaml = [
      'apiVersion: kaizen-gate/v1',
      'kind: Package',
      'package_id: p-2',
      'change:',
      '  type: prompt_patch',
      '  summary: >-',
      '    folded',
      '    summary',
      '  owner: "@a"',
      'model:',
      '  provider: x',
      '',
    ].join('\n');
    const { loaded } = loadYaml(new TextEncoder().encode(yaml), 'm.yaml');
    expect(changeBlockOf(loaded!)).toEqual({ start_line: 4, end_line: 9 });
  });

  it('is undefined without a change key', () => {
    const { loaded } = loadYaml(new TextEncoder().encode('kind: Package\n'), 'm.yaml');
    expect(changeBlockOf(loaded!)).toBeUndefined();
  });
});
