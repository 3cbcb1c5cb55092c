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
  /** Aliases (`*name`) allowed in one document. */
  readonly maxAliases: number;
  /** Values produced after alias expansion. */
  readonly maxNodes: number;
  readonly maxDepth: number;
}

/** Defaults: manifests are small, hand-written files; nothing legitimate comes near these. */
export const DEFAULT_LOAD_LIMITS: LoadLimits = { maxAliases: 100, maxNodes: 100_000, maxDepth: 64 };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointer(segment: string | number): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * Parses one YAML file into plain values with positions. Never throws on bad content: returns
 * problems instead. Accepted as documented: a UTF-8 BOM (stripped), CRLF line ends. Rejected with a
 * located problem: empty files, binary or non-UTF-8 content, several documents, duplicate keys,
 * non-string keys, `__proto__`/`constructor`/`prototype` keys, more aliases or nodes than `limits`.
 */
export function loadYaml(
  bytes: Uint8Array,
  file: string,
  limits: LoadLimits = DEFAULT_LOAD_LIMITS,
): { loaded?: LoadedYaml; problems: Problem[] } {
  const decoded = decodeText(bytes, file);
  if ('problem' in decoded) return { problems: [decoded.problem] };
  const text = decoded.text;
  if (text.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(text)) {
    return { problems: [{ file, line: 1, column: 1, message: 'file is empty; expected a YAML mapping' }] };
  }

  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (!Array.isArray(documents)) {
    return { problems: [{ file, line: 1, column: 1, message: 'expected one YAML document, found none' }] };
  }
  const problems: Problem[] = [];
  for (const doc of documents) {
    for (const error of doc.errors) {
      const position = at(error.pos[0]);
      problems.push({ file, ...position, message: cleanYamlMessage(error.message) });
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
  if (!document || problems.length > 0) return { problems };

  const positions = new Map<string, Position>();
  const keyPositions = new Map<string, Position>();
  const budget = { aliases: 0, nodes: 0 };

  const convert = (node: unknown, pointer: string, depth: number): unknown => {
    budget.nodes += 1;
    if (budget.nodes > limits.maxNodes) {
      throw new LimitExceeded(`more than ${limits.maxNodes} values after alias expansion`, pointer);
    }
    if (depth > limits.maxDepth) throw new LimitExceeded(`nesting deeper than ${limits.maxDepth} levels`, pointer);
    if (isAlias(node)) {
      budget.aliases += 1;
      if (budget.aliases > limits.maxAliases) {
        throw new LimitExceeded(`more than ${limits.maxAliases} aliases (a YAML alias bomb?)`, pointer);
      }
      return convert(node.resolve(document), pointer, depth + 1);
    }
    const range = (node as YamlNode | null)?.range;
    if (range && !positions.has(pointer)) positions.set(pointer, at(range[0]));
    if (node === null || node === undefined) return null;
    if (isScalar(node)) return normaliseScalar(node.value);
    if (isSeq(node)) return node.items.map((item, i) => convert(item, `${pointer}/${i}`, depth + 1));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const keyRange = keyNode?.range;
        const keyAt = keyRange ? at(keyRange[0]) : positions.get(pointer);
        const key = isScalar(keyNode) ? keyNode.value : undefined;
        if (typeof key !== 'string') {
          problems.push({ file, ...keyAt, field: fieldOf(pointer), message: `keys must be strings, found ${describeKey(keyNode)}` });
          continue;
        }
        const childPointer = `${pointer}/${escapePointer(key)}`;
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ file, ...keyAt, field: fieldOf(childPointer), message: `key "${key}" is not allowed` });
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
    return { problems: [...problems, { file, ...position, field: fieldOf(error.pointer), message: error.message }] };
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

function decodeText(bytes: Uint8Array, file: string): { text: string } | { problem: Problem } {
  if (bytes.includes(0)) {
    return { problem: { file, line: 1, column: 1, message: 'binary content (NUL bytes); expected a UTF-8 YAML text file' } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { problem: { file, line: 1, column: 1, message: 'not valid UTF-8; expected a UTF-8 YAML text file' } };
  }
  // TextDecoder already drops a leading BOM; CRLF is handled by the YAML parser itself.
  return { text };
}

/** YAML timestamps, big integers and the like become plain JSON values so the schema sees them. */
function normaliseScalar(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return value;
}

function describeKey(node: unknown): string {
  if (isScalar(node)) return node.value === null ? 'null' : typeof node.value;
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a sequence';
  return 'an empty key';
}

function cleanYamlMessage(message: string): string {
  // The yaml package appends "at line N, column M" and a code frame; we report positions ourselves.
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
