import type { Manifest } from '../manifest/model.ts';
import { type Problem, ProblemCollector } from '../problem.ts';
import { bindEvidence } from './binding.ts';
import { detectEvidenceFormat, type EvidenceFormat, NOT_EVIDENCE } from './detect.ts';
import {
  chunksOf,
  decodeStrict,
  EVIDENCE_LIMITS,
  type EvidenceInput,
  formatBytes,
  notUtf8Message,
  readWhole,
  sizeOf,
} from './evidence-file.ts';
import { type EvidenceParse, parseJsonlEvidence } from './jsonl.ts';
import type { PackageFiles, SuiteFile } from './package-files.ts';
import { pairInStep } from './pair-in-step.ts';
import { pairEvidence } from './pair.ts';
import type { PairedEvidence } from './pair.ts';
import { parsePromptfooEvidence, type PromptfooColumn, type PromptfooSideSelector } from './promptfoo.ts';
import type { EvidenceRecord, Judge } from './record.ts';
import type { SideName } from './side.ts';
import { checkSuiteMembership, readSuiteList, type SuiteList, suiteCoverage } from './suites.ts';
import { packageNeeded, parseVitestEvalsEvidence, VITEST_REPORT_KEY } from './vitest-evals.ts';

export type { EvidenceInput } from './evidence-file.ts';

/** The evidence files of a run and how to read them. */
export interface CollectOptions {
  readonly evidence: readonly EvidenceInput[];
  /** For promptfoo files holding both sides: which column is which. */
  readonly promptfooSides?: { readonly parent?: PromptfooSideSelector; readonly candidate?: PromptfooSideSelector };
  /** Cases only one side has are dropped (and counted) instead of being an error. */
  readonly allowUnpaired?: boolean;
  /** When set, every evidence file must be of this format. */
  readonly evidenceFormat?: EvidenceFormat;
  /**
   * Each gated package's manifest digest, prompts and pinned suites at its side's commit, by the
   * candidate's package_id: what the evidence is bound to and checked against. Without it only
   * package ids are compared, and promptfoo evidence is unbound.
   */
  readonly packageFiles?: ReadonlyMap<string, PackageFiles>;
}

/** One file's parse: records and problems, its format, and the promptfoo columns it gave. */
export type FileParse = EvidenceParse & {
  readonly format?: EvidenceFormat;
  readonly columns?: readonly PromptfooColumn[];
};

/** Parsed evidence files by file, package, side and judge: a file shared by several packages is parsed once. */
export type ParseCache = Map<string, FileParse>;

/** The judge a manifest pins, in the evidence's terms. */
function judgeOf(manifest: Manifest): Judge {
  return { id: manifest.evaluation.judge.model, version: manifest.evaluation.judge.version };
}

/** One side as it is gathered: records, the promptfoo columns per file, and the lines read. */
interface Gathered {
  records: EvidenceRecord[];
  readonly columns: Map<string, PromptfooColumn[]>;
  lines: number;
}

/**
 * Reads, checks, pairs and binds the evidence for one package: sizes first (a side over the limit
 * is refused before anything is read), then each file streamed in its format, records routed to
 * their side, checked against the suites each side's manifest pins, paired, and bound to the
 * packages' files. Problems are listed a few per kind, the rest summarised.
 */
export function collectEvidence(
  input: CollectOptions,
  manifest: Manifest,
  parentManifest: Manifest | undefined,
  parentId: string | undefined,
  packageCount: number,
  formats: Map<string, string>,
  parses: ParseCache,
): { evidence?: PairedEvidence; problems: Problem[] } {
  // An eval's output speaks for one package only; other files may hold several packages' records.
  const scoped = input.evidence.filter(
    (file) => file.forPackage === undefined || file.forPackage === manifest.package_id,
  );
  if (scoped.length === 0) return { problems: [] };
  const oversized = checkSideSizes(scoped);
  if (oversized.length > 0) return { problems: oversized };
  const files = input.packageFiles?.get(manifest.package_id);
  // Read once, whichever way the evidence is then read.
  let lists: ReturnType<typeof readSuiteLists> | undefined;
  const suiteLists = (): ReturnType<typeof readSuiteLists> => (lists ??= readSuiteLists(files));
  const inStep = collectInStep(scoped, input, manifest.package_id, parentId, packageCount, files, suiteLists, formats);
  if (inStep !== undefined) return { evidence: inStep, problems: [] };
  const problems = new ProblemCollector();
  const sides: Record<SideName, Gathered> = {
    parent: { records: [], columns: new Map(), lines: 0 },
    candidate: { records: [], columns: new Map(), lines: 0 },
  };
  // promptfoo results carry no judge; each side gets the judge its own manifest pins, so a judge
  // change between parent and candidate is caught by pairing as a metric reset.
  const candidateJudge = judgeOf(manifest);
  const parentJudge = parentManifest ? judgeOf(parentManifest) : candidateJudge;

  for (const file of scoped) {
    const detected = detectInputFormat(file);
    const feeds: readonly SideName[] = file.side === 'both' ? ['parent', 'candidate'] : [file.side];
    const read = (
      packageId: string | undefined,
      judge: Judge,
      target: SideName,
      selector?: PromptfooSideSelector,
    ): EvidenceRecord[] => {
      // JSONL does not depend on the package or judge; promptfoo results are built for them.
      const key = `${file.path}\0${packageId ?? ''}\0${JSON.stringify(selector ?? null)}\0${judge.id}\0${judge.version}`;
      let parsed = parses.get(key);
      if (!parsed) {
        const budget = EVIDENCE_LIMITS.sideLines - Math.max(...feeds.map((side) => sides[side].lines));
        parsed = parseInput(file, detected, {
          ...(packageId === undefined ? {} : { packageId }),
          judge,
          ...(selector ? { selector } : {}),
          maxLines: budget,
        });
        // Kept only for other packages that share the file: records are garbage once paired.
        if (packageCount > 1) parses.set(key, parsed);
      }
      for (const side of feeds) sides[side].lines += parsed.lines ?? 0;
      if (parsed.format) formats.set(file.path, parsed.format);
      if (
        (parsed.format === 'promptfoo' || parsed.format === 'vitest-evals') &&
        packageCount > 1 &&
        file.forPackage === undefined
      ) {
        const what = parsed.format === 'promptfoo' ? 'promptfoo results name' : 'a Vitest report names';
        problems.push({
          file: file.path,
          message: `${what} no package, so one run can gate only one package with them; pass the manifest to check`,
        });
      }
      if (parsed.columns !== undefined)
        sides[target].columns.set(file.path, [...(sides[target].columns.get(file.path) ?? []), ...parsed.columns]);
      problems.pushAll(parsed.problems);
      return parsed.records;
    };
    if (
      input.evidenceFormat &&
      (detected === 'jsonl' || detected === 'promptfoo' || detected === 'vitest-evals') &&
      detected !== input.evidenceFormat
    ) {
      problems.push({
        file: file.path,
        line: 1,
        message: `expected ${input.evidenceFormat} evidence (evidence-format), but the file is ${detected}`,
      });
      continue;
    }
    const isPromptfoo = detected === 'promptfoo';
    // Like promptfoo's, a Vitest report names no package: it is read for the side it is given as.
    const forPackage = isPromptfoo || detected === 'vitest-evals';
    if (file.side === 'both' && detected === 'vitest-evals') {
      problems.push({
        file: file.path,
        line: 1,
        message:
          'a Vitest report is one run of one side; give each side its own report (parent and candidate evidence), not one for both',
      });
    } else if (file.side === 'both') {
      if (isPromptfoo) {
        const selectors = input.promptfooSides ?? {};
        gather(
          sides.parent,
          read(parentId ?? 'parent', parentJudge, 'parent', selectors.parent ?? { promptIdx: 0 }),
          packageCount === 1,
        );
        gather(
          sides.candidate,
          read(manifest.package_id, candidateJudge, 'candidate', selectors.candidate ?? { promptIdx: 1 }),
          packageCount === 1,
        );
        reportSameColumn(file.path, sides, problems);
      } else {
        const strangers = new Map<string, { line: number; count: number }>();
        const records = read(undefined, candidateJudge, 'candidate');
        for (const record of records) {
          if (record.package_id === manifest.package_id) sides.candidate.records.push(record);
          else if (record.package_id === parentId) sides.parent.records.push(record);
          else if (packageCount === 1) {
            const seen = strangers.get(record.package_id);
            if (seen) seen.count += 1;
            else if (strangers.size < 100) strangers.set(record.package_id, { line: record.source.line, count: 1 });
          }
        }
        // One problem per unexpected package, not one per record: a wrong file has thousands.
        for (const [id, { line, count }] of strangers) {
          const more = count > 1 ? ` (and ${count - 1} more record${count > 2 ? 's' : ''} for it)` : '';
          problems.push({
            file: file.path,
            line,
            field: 'package_id',
            message: `record is for ${id}, neither the candidate ${manifest.package_id} nor the parent ${parentId ?? '(none)'}${more}`,
          });
        }
      }
    } else {
      const side = file.side;
      const expected = side === 'parent' ? parentId : manifest.package_id;
      // A promptfoo file given for one side may still hold several columns: the side's selector picks one.
      const selector = isPromptfoo ? input.promptfooSides?.[side] : undefined;
      const records = read(
        forPackage ? (expected ?? side) : undefined,
        side === 'parent' ? parentJudge : candidateJudge,
        side,
        selector,
      );
      // With several packages in one run, each takes its own records from shared files.
      const shared = packageCount > 1 && file.forPackage === undefined;
      // A parse kept for other packages is theirs too: this side copies it rather than adopt it.
      if (shared)
        gather(
          sides[side],
          records.filter((r) => r.package_id === expected),
          true,
        );
      else gather(sides[side], records, packageCount === 1);
    }
  }
  if (problems.size > 0) return { problems: problems.list() };

  for (const side of ['parent', 'candidate'] as const) {
    const own = files?.[side];
    if (own !== undefined)
      checkSuiteMembership(sides[side].records, own, suiteLists()[side], side, (problem) => problems.push(problem));
  }
  if (problems.size > 0) return { problems: problems.list() };

  const paired = pairEvidence(sides.parent.records, sides.candidate.records, {
    ...(input.allowUnpaired ? { allowUnpaired: true } : {}),
    parentFile: scoped.find((e) => e.side !== 'candidate')?.path ?? 'parent evidence',
    candidateFile: scoped.find((e) => e.side !== 'parent')?.path ?? 'candidate evidence',
  });
  if (paired.problems.length > 0) {
    problems.pushAll(paired.problems);
    return { problems: problems.list() };
  }
  const binding = bindEvidence(
    { records: sides.parent.records, columns: sides.parent.columns, packageId: parentId },
    { records: sides.candidate.records, columns: sides.candidate.columns, packageId: manifest.package_id },
    files,
  );
  const evidence: PairedEvidence = {
    ...paired.paired,
    binding,
    ...(files === undefined ? {} : { suites: suiteCoverage(paired.paired.cases, suiteLists().candidate) }),
  };
  return { evidence, problems: [] };
}

/**
 * The usual case, paired while both files are read (pair-in-step.ts): one JSONL file per side for
 * the run's only package. Undefined when that does not apply, or when the evidence has anything
 * to report; the general way then reads it again and reports it.
 */
function collectInStep(
  scoped: readonly EvidenceInput[],
  input: CollectOptions,
  packageId: string,
  parentId: string | undefined,
  packageCount: number,
  files: PackageFiles | undefined,
  suiteLists: () => { parent: SuiteList[]; candidate: SuiteList[] },
  formats: Map<string, string>,
): PairedEvidence | undefined {
  if (packageCount !== 1 || scoped.length !== 2) return undefined;
  if (input.evidenceFormat !== undefined && input.evidenceFormat !== 'jsonl') return undefined;
  const parentFile = scoped.find((file) => file.side === 'parent');
  const candidateFile = scoped.find((file) => file.side === 'candidate');
  if (parentFile === undefined || candidateFile === undefined) return undefined;
  if (detectInputFormat(parentFile) !== 'jsonl' || detectInputFormat(candidateFile) !== 'jsonl') return undefined;
  const lists = suiteLists();
  const suitesOf = (side: SideName) => {
    const own = files?.[side];
    return own === undefined ? {} : { suites: { files: own, lists: lists[side] } };
  };
  const result = pairInStep(
    { file: parentFile, ...suitesOf('parent') },
    { file: candidateFile, ...suitesOf('candidate') },
    input.allowUnpaired === true ? { allowUnpaired: true } : {},
  );
  if (result === undefined) return undefined;
  formats.set(parentFile.path, 'jsonl');
  formats.set(candidateFile.path, 'jsonl');
  const binding = bindEvidence(
    { records: result.tallies.parent, columns: new Map(), packageId: parentId },
    { records: result.tallies.candidate, columns: new Map(), packageId },
    files,
  );
  return {
    ...result.paired,
    binding,
    ...(files === undefined ? {} : { suites: suiteCoverage(result.paired.cases, lists.candidate) }),
  };
}

/** Both sides' suite lists; a suite file the candidate pins unchanged from the parent is read once. */
function readSuiteLists(files: PackageFiles | undefined): { parent: SuiteList[]; candidate: SuiteList[] } {
  const parentFiles = files?.parent?.suites ?? [];
  const parent = parentFiles.map(readSuiteList);
  const candidate = (files?.candidate?.suites ?? []).map((file) => {
    const same = parentFiles.findIndex((other) => sameSuiteFile(other, file));
    return same >= 0 ? parent[same]! : readSuiteList(file);
  });
  return { parent, candidate };
}

function sameSuiteFile(a: SuiteFile, b: SuiteFile): boolean {
  return (
    a.id === b.id &&
    a.suite === b.suite &&
    a.path === b.path &&
    a.content !== undefined &&
    b.content !== undefined &&
    Buffer.compare(a.content, b.content) === 0
  );
}

/**
 * Adds a file's records to a side: the side's first file lends its array when nothing else holds
 * it (`owned`), saving a copy of 100,000 references; later files are appended.
 */
function gather(side: Gathered, records: EvidenceRecord[], owned: boolean): void {
  if (side.records.length === 0 && owned) {
    side.records = records;
    return;
  }
  // push(...records) passes every record as an argument: too many for the stack in a large file.
  for (const record of records) side.records.push(record);
}

/** Each side's evidence at most EVIDENCE_LIMITS.sideBytes, judged from sizes before any byte is read. */
function checkSideSizes(evidence: readonly EvidenceInput[]): Problem[] {
  const problems: Problem[] = [];
  for (const side of ['parent', 'candidate'] as const) {
    const files = evidence.filter((file) => file.side === side || file.side === 'both');
    const total = files.reduce((sum, file) => sum + sizeOf(file), 0);
    if (total <= EVIDENCE_LIMITS.sideBytes) continue;
    const largest = files.reduce((a, b) => (sizeOf(b) > sizeOf(a) ? b : a));
    const what =
      files.length === 1
        ? `is ${formatBytes(total)}`
        : `is ${formatBytes(total)} in ${files.length} files (this one ${formatBytes(sizeOf(largest))})`;
    problems.push({
      file: largest.path,
      message: `the ${side} evidence ${what}; evidence is limited to ${formatBytes(EVIDENCE_LIMITS.sideBytes)} per side, so nothing was read (run fewer cases or trials per check, or drop fields the gates do not use)`,
    });
  }
  return problems;
}

/** Reports both sides read from the same column of one promptfoo file: a comparison of the evidence with itself. */
function reportSameColumn(path: string, sides: Record<SideName, Gathered>, problems: ProblemCollector): void {
  const parent = sides.parent.columns.get(path) ?? [];
  const candidate = sides.candidate.columns.get(path) ?? [];
  const shared = parent.find((column) => candidate.some((other) => other.promptIdx === column.promptIdx));
  if (shared === undefined) return;
  problems.push({
    file: path,
    line: 1,
    field: 'results.results',
    message: `the parent and candidate selectors both pick column promptIdx ${shared.promptIdx}: that compares the evidence with itself; select each side's own column (--parent-side, --candidate-side)`,
  });
}

interface ParseRequest {
  readonly packageId?: string;
  readonly judge: Judge;
  readonly selector?: PromptfooSideSelector;
  readonly maxLines: number;
}

/** Reads one file in its format: JSONL streamed line by line, promptfoo and Vitest reports as one strictly decoded document each. */
function parseInput(
  file: EvidenceInput,
  format: EvidenceFormat | 'empty' | undefined,
  request: ParseRequest,
): FileParse {
  if (format === 'jsonl') {
    return {
      format,
      ...parseJsonlEvidence(chunksOf(file), file.path, {
        ...(request.packageId === undefined ? {} : { packageId: request.packageId }),
        limits: { maxLines: request.maxLines },
      }),
    };
  }
  if (format === 'promptfoo' || format === 'vitest-evals') {
    const what = format === 'promptfoo' ? 'the promptfoo output' : 'the Vitest report';
    if (request.packageId === undefined) {
      const problem =
        format === 'promptfoo'
          ? {
              file: file.path,
              line: 1,
              message: 'promptfoo results do not name a package; the package id must be given with them',
            }
          : packageNeeded(file.path);
      return { format, records: [], problems: [problem] };
    }
    const bytes = readWhole(file, EVIDENCE_LIMITS.promptfooBytes);
    if (bytes === undefined) {
      const kind = format === 'promptfoo' ? 'a promptfoo file' : 'a Vitest report';
      const message = `${what} is ${formatBytes(sizeOf(file))}; ${kind} is one JSON document, parsed whole, and may be at most ${formatBytes(EVIDENCE_LIMITS.promptfooBytes)} (split the eval, or export JSON Lines evidence instead)`;
      return { format, records: [], problems: [{ file: file.path, message }] };
    }
    const decoded = decodeStrict(bytes);
    if (!decoded.ok)
      return {
        format,
        records: [],
        problems: [
          { file: file.path, line: decoded.line, column: decoded.column, message: notUtf8Message(decoded.byte) },
        ],
      };
    const { packageId, judge, selector } = request;
    if (format === 'vitest-evals')
      return { format, ...parseVitestEvalsEvidence(decoded.text, file.path, { packageId, judge }) };
    return {
      format,
      ...parsePromptfooEvidence(decoded.text, file.path, {
        packageId,
        judge,
        ...(selector === undefined ? {} : { side: selector }),
      }),
    };
  }
  const message = format === 'empty' ? 'the evidence file is empty' : NOT_EVIDENCE;
  return { records: [], problems: [{ file: file.path, line: 1, message }] };
}

// The keys promptfoo writes first in an output file.
const PROMPTFOO_KEY = /^\{?\s*"(evalId|results|config|shareableUrl|metadata)"\s*:/;
const LENIENT = new TextDecoder('utf-8');

/**
 * The evidence format, decided as detectEvidenceFormat decides it, from the first non-blank line
 * of the first chunk when that is enough: a first line too long for the chunk is judged by its
 * first key, and only a pretty-printed document whose second line is no promptfoo key is read whole.
 */
function detectInputFormat(file: EvidenceInput): EvidenceFormat | 'empty' | undefined {
  let head: Uint8Array | undefined;
  for (const chunk of chunksOf(file)) {
    head = chunk;
    break;
  }
  if (head === undefined) return 'empty';
  const whole = sizeOf(file) <= head.length;
  const lines = LENIENT.decode(head).split('\n');
  const index = lines.findIndex((line) => line.trim() !== '');
  if (index < 0) return whole ? 'empty' : 'jsonl';
  const first = lines[index]!.trim();
  const complete = index < lines.length - 1 || whole;
  if (!complete)
    return PROMPTFOO_KEY.test(first)
      ? 'promptfoo'
      : VITEST_REPORT_KEY.test(first)
        ? 'vitest-evals'
        : first.startsWith('{')
          ? 'jsonl'
          : undefined;
  if (first !== '{') return detectEvidenceFormat(first);
  const next =
    lines
      .slice(index + 1)
      .find((line) => line.trim() !== '')
      ?.trim() ?? '';
  if (PROMPTFOO_KEY.test(next)) return 'promptfoo';
  if (VITEST_REPORT_KEY.test(next)) return 'vitest-evals';
  const bytes = readWhole(file, EVIDENCE_LIMITS.promptfooBytes);
  return bytes === undefined ? undefined : detectEvidenceFormat(LENIENT.decode(bytes));
}
