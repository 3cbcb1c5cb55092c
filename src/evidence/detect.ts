import type { Problem } from '../problem.ts';
import { isJsonObject } from './fields.ts';
import { type EvidenceParse, parseJsonlEvidence } from './jsonl.ts';
import { parsePromptfooEvidence, type PromptfooSideSelector } from './promptfoo.ts';
import type { Judge, Suite } from './record.ts';

/** Formats evidence can come in. */
export type EvidenceFormat = 'jsonl' | 'promptfoo';

/**
 * Tells JSONL evidence from a promptfoo output file by content, never by file name: a promptfoo
 * file is one JSON object with a `results` summary (pretty-printed or on one line); JSONL has one
 * object per line. Text that looks line-oriented but is broken counts as JSONL, so its reader can
 * say which lines are broken. Undefined for empty text and anything else.
 */
export function detectEvidenceFormat(text: string): EvidenceFormat | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  const firstIndex = lines.findIndex((line) => line.trim() !== '');
  const first = lines[firstIndex]?.trim();
  if (first === undefined || !first.startsWith('{')) return undefined;
  const head = tryParse(first);
  if (head !== undefined) return isPromptfooSummary(head) ? 'promptfoo' : 'jsonl';
  if (first === '{') {
    const whole = tryParse(body);
    if (whole !== undefined) return isPromptfooSummary(whole) ? 'promptfoo' : undefined;
    // A pretty-printed document that does not parse: promptfoo's own key order puts these first.
    const next = lines.slice(firstIndex + 1).find((line) => line.trim() !== '')?.trim() ?? '';
    return /^"(evalId|results|config|shareableUrl|metadata)"\s*:/.test(next) ? 'promptfoo' : undefined;
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

function isPromptfooSummary(value: unknown): boolean {
  return isJsonObject(value) && isJsonObject(value['results']) && !Object.hasOwn(value, 'package_id');
}

/** Options for reading evidence of either format. */
export interface EvidenceOptions {
  /** The side's package: checked against JSONL records, attached to promptfoo results. */
  readonly packageId?: string;
  /** promptfoo only: suite of results without `metadata.suite`. */
  readonly suite?: Suite;
  /** promptfoo only: which column of the eval is this side. */
  readonly side?: PromptfooSideSelector;
  /** promptfoo only: judge of results without `metadata.judge`. */
  readonly judge?: Judge;
}

/** Reads one evidence file of either format, detected from its content. */
export function parseEvidence(text: string, file: string, options: EvidenceOptions = {}): EvidenceParse & { readonly format?: EvidenceFormat } {
  const format = detectEvidenceFormat(text);
  if (format === 'jsonl') {
    return { format, ...parseJsonlEvidence(text, file, options.packageId === undefined ? {} : { packageId: options.packageId }) };
  }
  if (format === 'promptfoo') {
    if (options.packageId === undefined) {
      const problem: Problem = { file, line: 1, message: 'promptfoo results do not name a package; the package id must be given with them' };
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
        message: empty
          ? 'the evidence file is empty'
          : 'not evidence: expected JSON Lines (one record object per line) or a promptfoo output file (`promptfoo eval -o results.json`)',
      },
    ],
  };
}
