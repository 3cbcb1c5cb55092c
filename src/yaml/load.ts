import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Problem } from '../problem.ts';

/** 1-based line and column of a value in its source file. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A YAML document turned into plain JSON values, with the source position of every field. */
export interface LoadedYaml {
  readonly file: string;
  readonly value: unknown;
  /** Position of each value by JSON pointer (`/prompts/0/sha256`); `''` is the document root. */
  readonly positions: ReadonlyMap<string, Position>;
  /** Position of each mapping key by JSON pointer of its value. */
  readonly keyPositions: ReadonlyMap<string, Position>;
  /** The parsed document, kept for in-place edits (`lock`). */
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  readonly text: string;
}

/** Limits that keep hostile YAML (alias bombs, deep nesting) from hanging or exhausting the process. */
export interface LoadLimits {
  /** File size in bytes; bounds parse time before the parser sees anything. */
  readonly maxBytes: number;
  /** Alias (`*name`) expansions allowed in one document. */
  readonly maxAliases: number;
  /** Values produced after alias expansion. */
  readonly maxNodes: number;
  readonly maxDepth: number;
}

/** Defaults: manifests are small, hand-written files; nothing legitimate comes near these. */
export const DEFAULT_LOAD_LIMITS: LoadLimits = {
  maxBytes: 1024 * 1024,
  maxAliases: 100,
  maxNodes: 100_000,
  maxDepth: 64,
};

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointer(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * Parses one YAML file into plain values with positions. Never throws on bad content: returns
 * problems instead. Accepted as documented: a UTF-8 BOM (stripped), CRLF line ends, a leading `---`
 * or trailing `...` marker. Rejected with a located problem: empty or comment-only files, binary or
 * non-UTF-8 content, bare-CR line ends, several documents, duplicate keys, non-string keys,
 * `__proto__`/`constructor`/`prototype` keys, unknown tags, undefined aliases, and anything beyond
 * `limits` (size, alias expansions, values, nesting).
 */
export function loadYaml(
  bytes: Uint8Array,
  file: string,
  limits: LoadLimits = DEFAULT_LOAD_LIMITS,
): { loaded?: LoadedYaml; problems: Problem[] } {
  if (bytes.length > limits.maxBytes) {
    return {
      problems: [
        {
          file,
          line: 1,
          column: 1,
          message: `file is ${bytes.length} bytes; expected at most ${limits.maxBytes} for a YAML file`,
        },
      ],
    };
  }
  const decoded = decodeText(bytes, file);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  const text = decoded.text;
  // Line by line, not one regular expression: a pattern like /^(\s*#.*\n?)*$/ backtracks
  // exponentially on a long run of `#` characters.
  if (text.split('\n').every((line) => /^\s*(#[^\n]*)?$/.test(line))) {
    return { problems: [{ file, line: 1, column: 1, message: 'file is empty (no YAML content); expected a mapping' }] };
  }

  const deep = findDeepFlow(text, limits.maxDepth);
  if (deep !== undefined) {
    return {
      problems: [{ file, ...positionIn(text, deep), message: `nesting deeper than ${limits.maxDepth} levels` }],
    };
  }

  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let documents;
  try {
    documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (error: unknown) {
    // The parser recurses per nesting level; a stack overflow is deep nesting, not our bug.
    if (!(error instanceof RangeError)) throw error;
    return {
      problems: [
        { file, line: 1, column: 1, message: `nesting too deep to parse; expected at most ${limits.maxDepth} levels` },
      ],
    };
  }
  if (!Array.isArray(documents)) {
    return { problems: [{ file, line: 1, column: 1, message: 'expected one YAML document, found none' }] };
  }
  const problems: Problem[] = [];
  for (const doc of documents) {
    for (const error of [...doc.errors, ...doc.warnings]) {
      problems.push({ file, ...at(error.pos[0]), message: describeYamlError(error, text, limits) });
      // A stack overflow is reported at every level it unwinds through; once is enough.
      if (error.message.includes('call stack') || error.message.includes('Stack overflow')) break;
    }
  }
  if (documents.length > 1) {
    const second = documents[1];
    const offset = second?.range[0] ?? 0;
    problems.push({
      file,
      ...at(offset),
      message: `expected one YAML document, found ${documents.length}; put each package in its own file`,
    });
  }
  const document = documents[0];
  if (!document || problems.length > 0) return { problems: dedupeByMessage(problems) };

  const positions = new Map<string, Position>();
  const keyPositions = new Map<string, Position>();
  const budget = { aliases: 0, nodes: 0 };

  const convert = (node: unknown, pointer: string, depth: number): unknown => {
    const range = (node as YamlNode | null)?.range;
    if (range && !positions.has(pointer)) positions.set(pointer, at(range[0]));
    budget.nodes += 1;
    if (budget.nodes > limits.maxNodes) {
      throw new LimitExceeded(`more than ${limits.maxNodes} values after alias expansion`, pointer);
    }
    if (depth > limits.maxDepth) throw new LimitExceeded(`nesting deeper than ${limits.maxDepth} levels`, pointer);
    if (isAlias(node)) {
      budget.aliases += 1;
      if (budget.aliases > limits.maxAliases) {
        throw new LimitExceeded(
          `more than ${limits.maxAliases} alias expansions (an alias bomb?); write the values out`,
          pointer,
        );
      }
      const target = node.resolve(document);
      if (target === undefined) {
        problems.push({
          file,
          ...positions.get(pointer),
          ...fieldOption(pointer),
          message: `alias *${node.source} refers to no anchor &${node.source} before it`,
        });
        return null;
      }
      return convert(target, pointer, depth + 1);
    }
    if (node === null || node === undefined) return null;
    if (isScalar(node)) {
      const value = normaliseScalar(node.value);
      if (value === undefined) {
        problems.push({
          file,
          ...positions.get(pointer),
          ...fieldOption(pointer),
          message: `${shortTag(node.tag)} values are not supported; use a string`,
        });
        return null;
      }
      return value;
    }
    if (isSeq(node)) return node.items.map((item, i) => convert(item, `${pointer}/${i}`, depth + 1));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const keyRange = keyNode?.range;
        const keyAt = keyRange ? at(keyRange[0]) : positions.get(pointer);
        const key = isScalar(keyNode) ? keyNode.value : undefined;
        if (typeof key !== 'string') {
          problems.push({ file, ...keyAt, ...fieldOption(pointer), message: describeNonStringKey(keyNode, text) });
          continue;
        }
        const childPointer = `${pointer}/${escapePointer(key)}`;
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({
            file,
            ...keyAt,
            ...fieldOption(childPointer),
            message: `key "${key}" is not allowed (it could alter object prototypes)`,
          });
          continue;
        }
        if (keyAt) keyPositions.set(childPointer, keyAt);
        out[key] = convert(pair.value, childPointer, depth + 1);
        if (pair.value === null && keyAt && !positions.has(childPointer)) positions.set(childPointer, keyAt);
      }
      return out;
    }
    return null;
  };

  let value: unknown;
  try {
    value = convert(document.contents, '', 0);
  } catch (error: unknown) {
    if (!(error instanceof LimitExceeded)) throw error;
    const position = positions.get(error.pointer) ?? { line: 1, column: 1 };
    return { problems: [...problems, { file, ...position, ...fieldOption(error.pointer), message: error.message }] };
  }
  if (problems.length > 0) return { problems };
  return { loaded: { file, value, positions, keyPositions, document, lineCounter, text }, problems };
}

/** Turns a JSON pointer into the dotted field path users read: `/prompts/0/sha256` → `prompts[0].sha256`. */
export function fieldOf(pointer: string): string {
  if (pointer === '') return '';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    out += /^\d+$/.test(segment) ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out;
}

class LimitExceeded extends Error {
  readonly pointer: string;
  constructor(message: string, pointer: string) {
    super(message);
    this.pointer = pointer;
  }
}

function fieldOption(pointer: string): { field?: string } {
  return pointer === '' ? {} : { field: fieldOf(pointer) };
}

/** 1-based line and column (UTF-16 units, as editors count) of an offset into `text`. */
function positionIn(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** Decodes UTF-8 and refuses what is not a YAML text file, pointing at the first offending byte. */
function decodeText(bytes: Uint8Array, file: string): { text: string } | { problem: Problem } {
  const invalid = firstInvalidUtf8(bytes);
  // The decoder drops a leading BOM, which editors on Windows like to add; it is not content.
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(
    invalid === undefined ? bytes : bytes.subarray(0, invalid),
  );
  // YAML allows only printable characters; a control character means binary junk or a corrupt file.
  const control = firstControl(text);
  if (control !== undefined) {
    const code = text.charCodeAt(control).toString(16).toUpperCase().padStart(4, '0');
    return {
      problem: {
        file,
        ...positionIn(text, control),
        message: `binary content (control character U+${code}); expected a UTF-8 YAML text file`,
      },
    };
  }
  if (invalid !== undefined) {
    const byte = bytes[invalid]!.toString(16).toUpperCase().padStart(2, '0');
    return {
      problem: {
        file,
        ...positionIn(text, text.length),
        message: `not valid UTF-8 (byte 0x${byte}); expected a UTF-8 YAML text file, not binary data`,
      },
    };
  }
  const bareCr = /\r(?!\n)/.exec(text);
  if (bareCr) {
    return {
      problem: {
        file,
        ...positionIn(text, bareCr.index),
        message: 'line ends with a bare CR (old Mac line ending); use LF or CRLF',
      },
    };
  }
  return { text };
}

/** Offset of the first C0 control character other than tab, LF and CR (or DEL), if any. */
function firstControl(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return i;
  }
  return undefined;
}

/**
 * Offset where `[`/`{` brackets nest deeper than `max`, found before parsing: the parser recurses
 * per level and would spend seconds unwinding a megabyte of brackets. Quotes are ignored, so this
 * only ever over-counts brackets inside strings, which no real manifest nests 64 deep.
 */
export function findDeepFlow(text: string, max: number): number | undefined {
  let depth = 0;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') comment = false;
    else if (comment) continue;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) comment = true;
    else if (c === '[' || c === '{') {
      depth += 1;
      if (depth > max) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth -= 1;
  }
  return undefined;
}

/** Byte offset of the first malformed UTF-8 sequence, or undefined when the bytes are valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) {
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    const second = bytes[i + 1] ?? 0;
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    if (
      (b === 0xe0 && second < 0xa0) ||
      (b === 0xed && second > 0x9f) ||
      (b === 0xf0 && second < 0x90) ||
      (b === 0xf4 && second > 0x8f)
    )
      return i;
    i += length;
  }
  return undefined;
}

/** YAML timestamps, big integers and the like become plain JSON values; undefined when there is none. */
function normaliseScalar(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}

function shortTag(tag: string | undefined): string {
  return tag ? tag.replace(/^tag:yaml\.org,2002:/, '!!') : 'such';
}

function describeNonStringKey(node: unknown, text: string): string {
  if (isScalar(node)) {
    const source = node.range ? text.slice(node.range[0], node.range[1]).trim() : String(node.value);
    const kind = node.value === null ? 'null' : `a ${typeof node.value}`;
    if (source === '') return 'a key is empty (null); keys must be plain strings';
    return `key ${source} is ${kind}, not a string; quote it ("${source}") if it is meant as text`;
  }
  if (isMap(node)) return 'a mapping cannot be a key; keys must be plain strings';
  if (isSeq(node)) return 'a sequence cannot be a key; keys must be plain strings';
  return 'a key is missing; keys must be plain strings';
}

/** Rewords the yaml package's messages where ours says more; positions are reported separately. */
function describeYamlError(
  error: { code: string; message: string; pos: [number, number] },
  text: string,
  limits: LoadLimits,
): string {
  const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      // The error points at the key's first character; read the key token from there.
      const key = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\n]*?)\s*:(?:\s|$)/.exec(
        text.slice(error.pos[0], error.pos[0] + 200),
      )?.[1];
      return key && key.length <= 80
        ? `duplicate key ${key}; each key may appear only once in a mapping`
        : 'duplicate key; each key may appear only once in a mapping';
    }
    case 'TAG_RESOLVE_FAILED':
      return `${first}; custom tags are not supported in manifests`;
    case 'TAB_AS_INDENT':
      return 'tab used for indentation; YAML indents with spaces';
  }
  if (first.includes('call stack') || first.includes('Stack overflow'))
    return `nesting too deep to parse; expected at most ${limits.maxDepth} levels`;
  return first;
}

function dedupeByMessage(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
