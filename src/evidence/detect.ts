import type { Problem } from '../problem.ts';
import { isJsonObject } from './fields.ts';
import { type EvidenceParse, parseJsonlEvidence } from './jsonl.ts';
import { parsePromptfooEvidence, type PromptfooSideSelector } from './promptfoo.ts';
import type { Judge, Suite } from './record.ts';
import { isVitestReport, packageNeeded, parseVitestEvalsEvidence, VITEST_REPORT_KEY } from './vitest-evals.ts';

/** Formats evidence can come in. */
export type EvidenceFormat = 'jsonl' | 'promptfoo' | 'vitest-evals';

/**
 * Tells JSONL evidence from a promptfoo output file and a Vitest JSON report (vitest-evals) by
 * content, never by file name: a promptfoo file is one JSON object with a `results` summary, a
 * Vitest report one with `numTotalTests` and `testResults` (pretty-printed or on one line); JSONL
 * has one object per line. Text that looks line-oriented but is broken counts as JSONL, so its
 * reader can say which lines are broken. Undefined for empty text and anything else.
 */
export function detectEvidenceFormat(text: string): EvidenceFormat | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  const firstIndex = lines.findIndex((line) => line.trim() !== '');
  const first = lines[firstIndex]?.trim();
  if (first === undefined || !first.startsWith('{')) return undefined;
  const head = tryParse(first);
  if (head !== undefined) return documentFormat(head) ?? 'jsonl';
  if (first === '{') {
    const whole = tryParse(body);
    if (whole !== undefined) return documentFormat(whole);
    // A pretty-printed document that does not parse: each tool's own key order puts these first.
    const next =
      lines
        .slice(firstIndex + 1)
        .find((line) => line.trim() !== '')
        ?.trim() ?? '';
    return /^"(evalId|results|config|shareableUrl|metadata)"\s*:/.test(next)
      ? 'promptfoo'
      : VITEST_REPORT_KEY.test(next)
        ? 'vitest-evals'
        : undefined;
  }
  return 'jsonl';
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function documentFormat(value: unknown): EvidenceFormat | undefined {
  return isPromptfooSummary(value) ? 'promptfoo' : isVitestReport(value) ? 'vitest-evals' : undefined;
}

function isPromptfooSummary(value: unknown): boolean {
  return isJsonObject(value) && isJsonObject(value['results']) && !Object.hasOwn(value, 'package_id');
}

/** What a file that is no evidence is told it should have been. */
export const NOT_EVIDENCE =
  'not evidence: expected JSON Lines (one record object per line), a promptfoo output file (`promptfoo eval -o results.json`) or a Vitest JSON report (`vitest run --reporter=json --outputFile.json=results.json`, e.g. vitest-evals)';

/** Options for reading evidence of any format. */
export interface EvidenceOptions {
  /** The side's package: checked against JSONL records, attached to promptfoo and Vitest results. */
  readonly packageId?: string;
  /** promptfoo and Vitest: suite of results that do not name one. */
  readonly suite?: Suite;
  /** promptfoo only: which column of the eval is this side. */
  readonly side?: PromptfooSideSelector;
  /** promptfoo and Vitest: judge of results that do not name one. */
  readonly judge?: Judge;
}

/** Reads one evidence file of any format, detected from its content. */
export function parseEvidence(
  text: string,
  file: string,
  options: EvidenceOptions = {},
): EvidenceParse & { readonly format?: EvidenceFormat } {
  const format = detectEvidenceFormat(text);
  if (format === 'jsonl') {
    return {
      format,
      ...parseJsonlEvidence(text, file, options.packageId === undefined ? {} : { packageId: options.packageId }),
    };
  }
  if (format === 'vitest-evals') {
    if (options.packageId === undefined) return { format, records: [], problems: [packageNeeded(file)] };
    const { packageId, suite, judge } = options;
    return {
      format,
      ...parseVitestEvalsEvidence(text, file, {
        packageId,
        ...(suite === undefined ? {} : { suite }),
        ...(judge === undefined ? {} : { judge }),
      }),
    };
  }
  if (format === 'promptfoo') {
    if (options.packageId === undefined) {
      const problem: Problem = {
        file,
        line: 1,
        message: 'promptfoo results do not name a package; the package id must be given with them',
      };
      return { format, records: [], problems: [problem] };
    }
    const { packageId, suite, side, judge } = options;
    return {
      format,
      ...parsePromptfooEvidence(text, file, {
        packageId,
        ...(suite === undefined ? {} : { suite }),
        ...(side === undefined ? {} : { side }),
        ...(judge === undefined ? {} : { judge }),
      }),
    };
  }
  const empty = text.trim() === '';
  return {
    records: [],
    problems: [
      {
        file,
        line: 1,
        message: empty ? 'the evidence file is empty' : NOT_EVIDENCE,
      },
    ],
  };
}
