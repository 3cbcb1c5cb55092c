import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../src/audit/log.ts';
import { csvField, renderCsv, renderLog } from '../../src/audit/render-log.ts';

const entry = (over: Partial<LogEntry> = {}): LogEntry => ({
  id: 'KZ-2026-001',
  date: '2026-01-05',
  owner: '@ana-lima',
  problem: 'Answers omit the policy date',
  measure: 'prompt_patch: Cite the policy',
  result: 'approve; quality +1.2 pp [−0.4, +2.8]',
  status: 'approved',
  package_id: 'qa-r2',
  application: 'policy-qa',
  manifest: 'manifests/policy-qa.yaml',
  commit: '0123456789abcdef0123456789abcdef01234567',
  signature: 'verified with sha256:ab (k.pem)',
  signature_status: 'verified',
  classes: ['prompt_patch'],
  decision: 'approve',
  records: 1,
  invalid_records: 0,
  unsigned_records: 0,
  ...over,
});

const hostile = entry({
  problem: 'Line one,\r\nline "two" | <script>alert(1)</script> @here #12',
  measure: '\u001b[31mred\u001b[0m \u202eevil',
});

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\ronly', '"cr\ronly"'],
    [' spaced ', ' spaced '],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('ends every record with CRLF, including the last, and keeps line breaks inside quoted fields', () => {
    const csv = renderCsv([hostile]);
    expect(csv.split('\r\n')).toHaveLength(3 + 1); // header, record (with an embedded CRLF), trailing ''
    expect(csv).toContain('"Line one,\r\nline ""two"" | <script>alert(1)</script> @here #12"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('renderLog markdown', () => {
  it('escapes every cell: no table break, no HTML, no mention, no issue link', () => {
    const text = renderLog([hostile], 'markdown');
    const row = text.trimEnd().split('\n')[2]!;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(10);
    expect(row).not.toContain('<script>');
    expect(row).toContain('&lt;script&gt;');
    expect(row).toContain('@\u200dhere');
    expect(row).toContain('#\u200d12');
    expect(row).toContain('`0123456789ab`');
  });
});

describe('renderLog table', () => {
  it('shows control characters instead of obeying them and cuts long text', () => {
    const long = entry({ problem: 'x'.repeat(100) });
    const text = renderLog([hostile, long], 'table');
    for (const invisible of ['\u001b', '\u202e', '\r']) expect(text).not.toContain(invisible);
    expect(text).toContain('\ufffd[31mred');
    expect(text).toContain(`${'x'.repeat(47)}…`);
    expect(text.split('\n')).toHaveLength(4);
  });

  it('says so when there is nothing to show', () => {
    expect(renderLog([], 'table')).toBe('No manifest releases found.\n');
  });
});

describe('renderLog json', () => {
  it('is the entries under a versioned schema', () => {
    expect(JSON.parse(renderLog([entry()], 'json'))).toEqual({ schema: 'kaizen-gate/log/v1', entries: [entry()] });
  });
});
