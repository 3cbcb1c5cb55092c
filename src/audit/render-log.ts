/**
 * Renderings of the Kaizen log: a terminal table, a GitHub Markdown table, RFC 4180 CSV and JSON.
 * Manifest text (owner, problem, summary) comes from pull requests and is treated as hostile in
 * every format: escaped for Markdown, quoted for CSV, stripped of control characters for terminals.
 */
import { escapeTableCell, toPlainText } from '../report/escape.ts';
import type { LogEntry } from './log.ts';

/** The formats `kaizen-gate log --format` accepts. */
export const LOG_FORMATS = ['table', 'markdown', 'csv', 'json'] as const;

/** One of {@link LOG_FORMATS}. */
export type LogFormat = (typeof LOG_FORMATS)[number];

const COLUMNS = [
  { key: 'id', title: 'ID' },
  { key: 'date', title: 'Date' },
  { key: 'owner', title: 'Owner' },
  { key: 'problem', title: 'Problem' },
  { key: 'measure', title: 'Measure' },
  { key: 'result', title: 'Result' },
  { key: 'status', title: 'Status' },
  { key: 'package_id', title: 'Package' },
  { key: 'commit', title: 'Commit' },
  { key: 'signature', title: 'Signature' },
] as const satisfies readonly { key: keyof LogEntry; title: string }[];

/** Widest a free-text column gets in the terminal table before it is cut with `…`. */
const TABLE_CELL_WIDTH = 48;

/** Renders the log in `format`; every format ends with a newline. */
export function renderLog(entries: readonly LogEntry[], format: LogFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify({ schema: 'kaizen-gate/log/v1', entries }, null, 2)}\n`;
    case 'csv':
      return renderCsv(entries);
    case 'markdown':
      return renderMarkdownTable(entries);
    case 'table':
      return renderTable(entries);
  }
}

/** CSV per RFC 4180: CRLF line ends, a header row, fields quoted when they hold `,` `"` CR or LF. */
export function renderCsv(entries: readonly LogEntry[]): string {
  const keys = [
    'id',
    'date',
    'owner',
    'problem',
    'measure',
    'result',
    'status',
    'package_id',
    'manifest',
    'commit',
    'signature',
  ] as const;
  const rows = [keys.map((k) => k), ...entries.map((entry) => keys.map((k) => entry[k]))];
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** One CSV field: quoted (with `"` doubled) exactly when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function renderMarkdownTable(entries: readonly LogEntry[]): string {
  const header = `| ${COLUMNS.map((c) => c.title).join(' | ')} |`;
  const rule = `|${COLUMNS.map(() => '---').join('|')}|`;
  const rows = entries.map((entry) => `| ${COLUMNS.map((c) => markdownCell(entry, c.key)).join(' | ')} |`);
  return `${[header, rule, ...rows].join('\n')}\n`;
}

function markdownCell(entry: LogEntry, key: (typeof COLUMNS)[number]['key']): string {
  if (key === 'commit') return `\`${entry.commit.slice(0, 12)}\``;
  return escapeTableCell(entry[key]);
}

function renderTable(entries: readonly LogEntry[]): string {
  if (entries.length === 0) return 'No manifest releases found.\n';
  const cells = entries.map((entry) =>
    COLUMNS.map((c, index) => {
      const text = terminalText(c.key === 'commit' ? entry.commit.slice(0, 12) : entry[c.key]);
      return index === COLUMNS.length - 1 ? text : cut(text, TABLE_CELL_WIDTH);
    }),
  );
  const titles = COLUMNS.map((c) => c.title);
  const widths = titles.map((title, i) => Math.max(width(title), ...cells.map((row) => width(row[i] ?? ''))));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - width(cell))))
      .join('  ')
      .trimEnd();
  return `${[line(titles), ...cells.map(line)].join('\n')}\n`;
}

/** Control characters (ANSI escapes, line breaks, bidi overrides) are shown, not obeyed: a manifest cannot drive the terminal. */
function terminalText(text: string): string {
  return toPlainText(text, Number.MAX_SAFE_INTEGER);
}

function width(text: string): number {
  return Array.from(text).length;
}

function cut(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}
