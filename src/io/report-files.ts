import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown } from '../report/markdown.ts';
import type { Report } from '../report/model.ts';
import type { Envelope } from '../report/sign.ts';
import { writeFilesTogether } from './files.ts';

/** Where a report set was written. */
export interface ReportFiles {
  readonly json: string;
  readonly markdown: string;
  readonly envelope?: string;
}

/** The report as written to disk: stable key order (construction order), two-space indent, final newline. */
export function serialiseReport(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** A report's renderings as written to disk: any stage's report, its Markdown, its envelope when signed. */
export interface ReportTexts {
  readonly json: string;
  readonly markdown: string;
  readonly envelope?: Envelope;
}

/** The files of an offline gate report. */
export function reportTexts(report: Report, envelope?: Envelope): ReportTexts {
  return { json: serialiseReport(report), markdown: renderMarkdown(report), ...(envelope ? { envelope } : {}) };
}

/**
 * Writes report.json, report.md and (when signed) report.intoto.json into `dir` as one set, so a
 * reader never sees a new report.json beside an old report.md or envelope. A stale envelope from
 * an earlier signed run is removed with the set.
 */
export function writeReportFiles(dir: string, texts: ReportTexts): ReportFiles {
  const { envelope } = texts;
  const json = join(dir, 'report.json');
  const markdown = join(dir, 'report.md');
  const signed = join(dir, 'report.intoto.json');
  writeFilesTogether(
    dir,
    [
      [json, texts.json],
      [markdown, texts.markdown],
      ...(envelope ? [[signed, `${JSON.stringify(envelope, null, 2)}\n`] as const] : []),
    ],
    { what: 'the report' },
  );
  if (!envelope) rmSync(signed, { force: true });
  return { json, markdown, ...(envelope ? { envelope: signed } : {}) };
}
