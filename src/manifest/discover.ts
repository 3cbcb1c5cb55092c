/**
 * Manifest discovery: what a YAML file is to kaizen-gate, decided by parsing it — never by sniffing
 * the first bytes for a line, which a long comment, JSON-style YAML or quoted keys walk around.
 * Every command and the Action classify files with {@link classifyYaml}; the edges only list the
 * files (a commit's tree, the work tree, the history) and read them.
 */
import { parseAllDocuments } from 'yaml';
import type { Problem } from '../problem.ts';
import { findDeepFlow, loadYaml } from '../yaml/load.ts';
import { listArtifacts } from './model.ts';

/** What a YAML file is: a Package manifest, another kaizen-gate document, not ours, or unreadable. */
export type YamlKind =
  | {
      readonly kind: 'package';
      /** The Package document as plain values (read leniently), undefined when it cannot be converted. */
      readonly value: unknown;
    }
  | { readonly kind: 'kaizen-other'; readonly documentKind: string }
  | { readonly kind: 'foreign' }
  | {
      readonly kind: 'unreadable';
      /** True when the text names kaizen-gate: it may be a damaged manifest, so a change to it is not ignored. */
      readonly mentions: boolean;
      readonly problem: Problem;
    };

/** Files larger than this are not parsed to classify them (a manifest may be at most 1 MiB anyway). */
export const CLASSIFY_LIMIT = 16 * 1024 * 1024;

const FOREIGN: YamlKind = { kind: 'foreign' };
const KAIZEN = /kaizen-gate/i;
const API_VERSION = /^kaizen-gate\//i;

/** True for the paths discovery reads: `.yaml` and `.yml` files, any letter case. */
export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/**
 * Classifies a YAML file. A document whose `apiVersion` starts with `kaizen-gate/` and whose
 * `kind` is `Package` makes the file a package manifest (in any YAML style: block, flow/JSON,
 * quoted keys, merge keys, anchors, a BOM, any comment length; a second document or duplicate key
 * is left for the strict loader to report). Other kaizen-gate kinds (GatePolicy) are recognised and
 * skipped. A file the parser cannot read (UTF-16, broken YAML, binary) is `unreadable`, with a
 * located problem. Never throws.
 *
 * Only files that contain the text `kaizen-gate` (letter case ignored, NUL bytes of wide encodings
 * ignored) or a backslash are parsed: without either, no YAML spelling can produce an `apiVersion`
 * starting with `kaizen-gate/` (a double-quoted escape needs the backslash), so the file is not ours.
 */
export function classifyYaml(bytes: Uint8Array, file: string): YamlKind {
  const mentions = mentionsKaizenGate(bytes);
  if (!mentions && !bytes.includes(0x5c)) return FOREIGN;
  return classifyParsed(bytes, file, mentions);
}

/**
 * False when no YAML spelling in `bytes` can make a kaizen-gate document (the cheap test
 * {@link classifyYaml} starts with): callers that parse anyway can skip such files first.
 */
export function mayBeKaizenGate(bytes: Uint8Array): boolean {
  return bytes.includes(0x5c) || mentionsKaizenGate(bytes);
}

function classifyParsed(bytes: Uint8Array, file: string, mentions: boolean): YamlKind {
  const wide = wideEncoding(bytes);
  if (wide !== undefined) {
    if (!mentions) return FOREIGN;
    const message = `file is ${wide} encoded; kaizen-gate reads manifests as UTF-8 only: save it as UTF-8`;
    return unreadable(true, { file, line: 1, column: 1, message });
  }
  if (bytes.length > CLASSIFY_LIMIT) {
    if (!mentions) return FOREIGN;
    const message = `file is ${bytes.length} bytes, too large to be a manifest (at most 1 MiB)`;
    return unreadable(true, { file, line: 1, column: 1, message });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return mentions ? unreadable(true, strictProblem(bytes, file)) : FOREIGN;
  }
  if (findDeepFlow(text, 64) !== undefined) return mentions ? unreadable(true, strictProblem(bytes, file)) : FOREIGN;

  let values: unknown[];
  try {
    // Lenient on purpose: duplicate keys (last wins) and merge keys as other YAML readers apply
    // them, so a manifest another tool would deploy is never taken for a foreign file here.
    const documents = parseAllDocuments(text, { uniqueKeys: false, merge: true, prettyErrors: false });
    const list = Array.isArray(documents) ? documents : [];
    if (list.some((doc) => doc.errors.length > 0))
      return mentions ? unreadable(true, strictProblem(bytes, file)) : FOREIGN;
    values = list.map((doc) => doc.toJS({ maxAliasCount: 100 }) as unknown);
  } catch {
    // Stack overflow on deep block nesting, or an alias bomb.
    return mentions ? unreadable(true, strictProblem(bytes, file)) : FOREIGN;
  }
  let other: string | undefined;
  for (const value of values) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const { apiVersion, kind } = value as Record<string, unknown>;
    if (typeof apiVersion !== 'string' || !API_VERSION.test(apiVersion)) continue;
    if (typeof kind === 'string' && kind.toLowerCase() === 'package') return { kind: 'package', value };
    other ??= typeof kind === 'string' ? kind : kind === undefined ? '(no kind)' : JSON.stringify(kind);
  }
  if (other !== undefined) return { kind: 'kaizen-other', documentKind: other };
  return FOREIGN;
}

/** The fields discovery uses to follow a package: its ids and the files it references, read leniently. */
export interface PackageFacts {
  readonly application?: string;
  readonly package_id?: string;
  readonly artifacts: readonly string[];
}

/** Reads {@link PackageFacts} from a package document that may not be schema-valid. */
export function packageFacts(value: unknown): PackageFacts {
  const record =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const text = (field: string): string | undefined => {
    const v = record[field];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const application = text('application');
  const packageId = text('package_id');
  return {
    ...(application !== undefined ? { application } : {}),
    ...(packageId !== undefined ? { package_id: packageId } : {}),
    artifacts: listArtifacts(value).map((a) => a.path),
  };
}

/** How a class reads in a sentence: "a kaizen-gate GatePolicy document", "not a kaizen-gate document". */
export function describeKind(kind: YamlKind): string {
  switch (kind.kind) {
    case 'package':
      return 'a kaizen-gate Package manifest';
    case 'kaizen-other':
      return `a kaizen-gate ${kind.documentKind} document, not a Package`;
    case 'foreign':
      return 'not a kaizen-gate document (no apiVersion kaizen-gate/v1 with kind Package)';
    case 'unreadable':
      return `unreadable: ${kind.problem.message}`;
  }
}

function unreadable(mentions: boolean, problem: Problem): YamlKind {
  return { kind: 'unreadable', mentions, problem };
}

/** The strict loader's first located problem, which says precisely what is wrong. */
function strictProblem(bytes: Uint8Array, file: string): Problem {
  return loadYaml(bytes, file).problems[0] ?? { file, line: 1, column: 1, message: 'cannot be parsed as YAML' };
}

/** Whether the bytes spell `kaizen-gate` (any case), with the NUL bytes of UTF-16/32 text skipped. */
function mentionsKaizenGate(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (KAIZEN.test(buffer.toString('latin1'))) return true;
  if (!buffer.includes(0)) return false;
  return KAIZEN.test(Buffer.from(buffer.filter((b) => b !== 0)).toString('latin1'));
}

/** UTF-16 or UTF-32 text, by its byte order mark or the NUL bytes of ASCII characters. */
function wideEncoding(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe) return c === 0 && d === 0 ? 'UTF-32' : 'UTF-16';
  if (a === 0xfe && b === 0xff) return 'UTF-16';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32';
  if (bytes.length >= 4 && (b === 0 || a === 0) && bytes.subarray(0, 64).includes(0)) return 'UTF-16';
  return undefined;
}

/** True for a file with nothing but blank lines and comments: an emptied manifest. */
export function isBlankYaml(bytes: Uint8Array): boolean {
  return new TextDecoder()
    .decode(bytes)
    .split('\n')
    .every((line) => /^\s*(#[^\n]*)?$/.test(line));
}
