/** The outcome of parsing JSON text: the value, or where and why it is not JSON. */
export type JsonParse =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number };

/** A top-level member of a JSON object: its decoded key and the 1-based column of its opening quote. */
export interface JsonMember {
  readonly key: string;
  readonly column: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const NEWLINE = 0x0a;

/**
 * Parses JSON text. On failure the engine's message is kept without its echo of the input, and
 * its position (V8 reports `line L column C` relative to the text) is returned separately.
 */
export function parseJsonText(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error: unknown) {
    const raw = error instanceof Error ? error.message : String(error);
    const position = /\(line (\d+) column (\d+)\)/.exec(raw);
    const message = raw
      .replace(/\s*in JSON at position \d+(?: \(line \d+ column \d+\))?/, '')
      .replace(/, ".*" is not valid JSON$/s, '');
    if (position !== null) return { ok: false, message, line: Number(position[1]), column: Number(position[2]) };
    if (/end of JSON input/.test(raw)) {
      const lines = text.split('\n');
      return { ok: false, message, line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
    }
    return { ok: false, message };
  }
}

/** Index of the quote that closes the string opening at `start`, or the last index if unterminated. */
function findStringEnd(text: string, start: number): number {
  let from = start + 1;
  for (;;) {
    const end = text.indexOf('"', from);
    if (end < 0) return text.length - 1;
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return end;
    from = end + 1;
  }
}

function decodeKey(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  return raw.includes('\\') ? (JSON.parse(text.slice(start, end + 1)) as string) : raw;
}

/**
 * Lists the members of the top-level object in valid JSON text, in source order and with
 * repeats. `JSON.parse` silently keeps the last of two equal keys, so a line saying
 * `"pass": false, …, "pass": true` would otherwise pass unnoticed.
 */
export function scanTopLevelMembers(text: string): JsonMember[] {
  const members: JsonMember[] = [];
  let depth = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const end = findStringEnd(text, i);
      if (depth === 1 && expectKey) {
        members.push({ key: decodeKey(text, i, end), column: i + 1 });
        expectKey = false;
      }
      i = end;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (depth === 1) expectKey = code === OPEN_BRACE;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
    } else if (code === COMMA && depth === 1) {
      expectKey = true;
    }
  }
  return members;
}

/**
 * Counts the members of the top-level object in valid JSON text, repeats included. It runs on
 * every JSONL line, so strings are skipped inline: a native `indexOf` per string costs more
 * than walking the few characters of a typical key or value.
 */
export function countTopLevelMembers(text: string): number {
  let count = 0;
  let depth = 0;
  let expectKey = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      if (depth === 1 && expectKey) {
        count++;
        expectKey = false;
      }
      for (i++; i < length; i++) {
        const inner = text.charCodeAt(i);
        if (inner === QUOTE) break;
        if (inner === BACKSLASH) i++;
      }
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (depth === 1) expectKey = code === OPEN_BRACE;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
    } else if (code === COMMA && depth === 1) {
      expectKey = true;
    }
  }
  return count;
}

/**
 * Returns the 1-based line on which each element of the array at `path` (object keys from the
 * root) starts, in array order. The JSON must be valid. This is how a problem in a promptfoo
 * result, one value in one big document, still gets a line an editor can jump to.
 */
export function locateArrayElements(text: string, path: readonly string[]): number[] {
  return locateNestedElements(text, path).map((position) => position.line);
}

function isDelimiter(code: number): boolean {
  return (
    code === COMMA ||
    code === CLOSE_BRACE ||
    code === CLOSE_BRACKET ||
    code === NEWLINE ||
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0d
  );
}

/** Where a value starts in JSON text: 1-based line and column. */
export interface JsonPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * The position of each element of every array reached by the object keys `path`, arrays on the
 * way passing through: `['testResults', 'assertionResults']` finds every `assertionResults[j]` of
 * every `testResults[i]`, in document order. The JSON must be valid. Columns count UTF-16 units,
 * which is what locates a value in a report written on one line (Vitest's JSON reporter).
 */
export function locateNestedElements(text: string, path: readonly string[]): JsonPosition[] {
  const found: JsonPosition[] = [];
  // Per open container: whether it is an array, how many path keys lead to it, its current key.
  const stack: { isArray: boolean; keys: number; key: string | undefined; expectKey: boolean; matched: boolean }[] = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE) {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (code === 0x20 || code === 0x09 || code === 0x0d || code === COLON) continue;
    const parent = stack.at(-1);
    if (code === COMMA) {
      if (parent !== undefined && !parent.isArray) parent.expectKey = true;
      continue;
    }
    if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      stack.pop();
      continue;
    }
    if (code === QUOTE && parent !== undefined && parent.expectKey) {
      const end = findStringEnd(text, i);
      parent.key = decodeKey(text, i, end);
      parent.expectKey = false;
      i = end;
      continue;
    }
    if (parent !== undefined && parent.isArray && parent.matched && parent.keys === path.length)
      found.push({ line, column: i - lineStart + 1 });
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      let keys = 0;
      let matched = parent === undefined;
      if (parent !== undefined && parent.matched) {
        if (parent.isArray) {
          keys = parent.keys;
          matched = parent.keys < path.length;
        } else if (parent.keys < path.length && path[parent.keys] === parent.key) {
          keys = parent.keys + 1;
          matched = true;
        }
      }
      stack.push({ isArray: code === OPEN_BRACKET, keys, key: undefined, expectKey: code === OPEN_BRACE, matched });
    } else if (code === QUOTE) {
      i = findStringEnd(text, i);
    } else {
      while (i + 1 < text.length && !isDelimiter(text.charCodeAt(i + 1))) i++;
    }
  }
  return found;
}
