import type { Manifest } from '../manifest/model.ts';
import type { Problem } from '../problem.ts';
import { detectEvidenceFormat, type EvidenceFormat, parseEvidence } from './detect.ts';
import { parseJsonlEvidence } from './jsonl.ts';
import { pairEvidence } from './pair.ts';
import type { PairedEvidence } from './pair.ts';
import type { PromptfooSideSelector } from './promptfoo.ts';
import type { EvidenceRecord, Judge } from './record.ts';

/** An evidence file as read by the edge: its bytes, and which package it speaks for. */
export interface EvidenceInput {
  readonly path: string;
  readonly bytes: Uint8Array;
  /** `both`: one file holding parent and candidate (JSONL with two package_ids, or a promptfoo eval with two columns). */
  readonly side: 'parent' | 'candidate' | 'both';
}

/** The evidence files of a run and how to read them. */
export interface CollectOptions {
  readonly evidence: readonly EvidenceInput[];
  /** For promptfoo files holding both sides: which column is which. */
  readonly promptfooSides?: { readonly parent?: PromptfooSideSelector; readonly candidate?: PromptfooSideSelector };
  /** Cases only one side has are dropped (and counted) instead of being an error. */
  readonly allowUnpaired?: boolean;
  /** When set, every evidence file must be of this format. */
  readonly evidenceFormat?: 'jsonl' | 'promptfoo';
}

/** Parsed evidence files by file, package, side and judge: a file shared by several packages is parsed once. */
export type ParseCache = Map<string, ReturnType<typeof parseEvidence>>;

/** The judge a manifest pins, in the evidence's terms. */
function judgeOf(manifest: Manifest): Judge {
  return { id: manifest.evaluation.judge.model, version: manifest.evaluation.judge.version };
}

/** Parses and pairs the evidence for one package. */
export function collectEvidence(
  input: CollectOptions,
  manifest: Manifest,
  parentManifest: Manifest | undefined,
  parentId: string | undefined,
  packageCount: number,
  formats: Map<string, string>,
  parses: ParseCache,
): { evidence?: PairedEvidence; problems: Problem[] } {
  const problems: Problem[] = [];
  const parent: EvidenceRecord[] = [];
  const candidate: EvidenceRecord[] = [];
  // promptfoo results carry no judge; each side gets the judge its own manifest pins, so a judge
  // change between parent and candidate is caught by pairing as a metric reset.
  const candidateJudge = judgeOf(manifest);
  const parentJudge = parentManifest ? judgeOf(parentManifest) : candidateJudge;
  if (input.evidence.length === 0) return { problems };
  for (const file of input.evidence) {
    // JSONL is read straight from the bytes, line by line: a large file is then never held as
    // bytes and as text at once. Only other formats decode the whole file.
    let decoded: string | undefined;
    const text = (): string => (decoded ??= new TextDecoder().decode(file.bytes));
    const detected = detectFormat(file.bytes, text);
    const read = (packageId: string | undefined, judge: Judge, side?: PromptfooSideSelector) => {
      // JSONL does not depend on the package or judge; promptfoo results are built for them.
      const key = `${file.path}\0${packageId ?? ''}\0${JSON.stringify(side ?? null)}\0${judge.id}\0${judge.version}`;
      let parsed = parses.get(key);
      if (!parsed) {
        parsed =
          detected === 'jsonl'
            ? { format: detected, ...parseJsonlEvidence(file.bytes, file.path, packageId !== undefined ? { packageId } : {}) }
            : parseEvidence(text(), file.path, { ...(packageId !== undefined ? { packageId } : {}), ...(side ? { side } : {}), judge });
        // Kept only for other packages that share the file: records are garbage once paired.
        if (packageCount > 1) parses.set(key, parsed);
      }
      if (parsed.format) formats.set(file.path, parsed.format);
      if (parsed.format === 'promptfoo' && packageCount > 1) {
        problems.push({ file: file.path, message: 'promptfoo results name no package, so one run can gate only one package with them; pass the manifest to check' });
      }
      problems.push(...parsed.problems);
      return parsed.records;
    };
    if (input.evidenceFormat && detected && detected !== input.evidenceFormat) {
      problems.push({ file: file.path, line: 1, message: `expected ${input.evidenceFormat} evidence (evidence-format), but the file is ${detected}` });
      continue;
    }
    const isPromptfoo = detected === 'promptfoo';
    if (file.side === 'both') {
      if (isPromptfoo) {
        const sides = input.promptfooSides ?? {};
        append(parent, read(parentId ?? 'parent', parentJudge, sides.parent ?? { promptIdx: 0 }));
        append(candidate, read(manifest.package_id, candidateJudge, sides.candidate ?? { promptIdx: 1 }));
      } else {
        const strangers = new Map<string, { line: number; count: number }>();
        for (const record of read(undefined, candidateJudge)) {
          if (record.package_id === manifest.package_id) candidate.push(record);
          else if (record.package_id === parentId) parent.push(record);
          else if (packageCount === 1) {
            const seen = strangers.get(record.package_id);
            if (seen) seen.count += 1;
            else strangers.set(record.package_id, { line: record.source.line, count: 1 });
          }
        }
        // One problem per unexpected package, not one per record: a wrong file has thousands.
        for (const [id, { line, count }] of strangers) {
          const more = count > 1 ? ` (and ${count - 1} more record${count > 2 ? 's' : ''} for it)` : '';
          problems.push({ file: file.path, line, field: 'package_id', message: `record is for ${id}, neither the candidate ${manifest.package_id} nor the parent ${parentId ?? '(none)'}${more}` });
        }
      }
    } else {
      const target = file.side === 'parent' ? parent : candidate;
      const expected = file.side === 'parent' ? parentId : manifest.package_id;
      // A promptfoo file given for one side may still hold several columns: the side's selector picks one.
      const selector = isPromptfoo ? input.promptfooSides?.[file.side] : undefined;
      const records = read(isPromptfoo ? (expected ?? file.side) : undefined, file.side === 'parent' ? parentJudge : candidateJudge, selector);
      // With several packages in one run, each takes its own records from shared files.
      append(target, packageCount > 1 ? records.filter((r) => r.package_id === expected) : records);
    }
  }
  if (problems.length > 0) return { problems };
  const paired = pairEvidence(parent, candidate, {
    ...(input.allowUnpaired ? { allowUnpaired: true } : {}),
    parentFile: input.evidence.find((e) => e.side !== 'candidate')?.path ?? 'parent evidence',
    candidateFile: input.evidence.find((e) => e.side !== 'parent')?.path ?? 'candidate evidence',
  });
  if (paired.problems.length > 0) return { problems: paired.problems };
  return { evidence: paired.paired, problems };
}

// push(...records) passes every record as an argument: too many for the stack in a large file.
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/**
 * The evidence format, decided as detectEvidenceFormat decides it, from the first non-blank line
 * when that is enough: only a pretty-printed document (a first line of just "{") needs the whole
 * text, which is then decoded.
 */
function detectFormat(bytes: Uint8Array, text: () => string): EvidenceFormat | undefined {
  // Decodes the leading lines one at a time (a BOM on line 1 is dropped, as in the whole text).
  const decoder = new TextDecoder();
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    const line = decoder.decode(bytes.subarray(start, end)).trim();
    if (line !== '') return line === '{' ? detectEvidenceFormat(text()) : detectEvidenceFormat(line);
    start = end + 1;
  }
  return detectEvidenceFormat(text());
}

