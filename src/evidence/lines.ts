// Lines of JSON Lines evidence, from text or from a stream of UTF-8 chunks, in bounded memory: a
// line is decoded only when it is within the length limit and is valid UTF-8, and reading stops
// at the line limit. Lines are numbered from 1, without their "\n" or "\r\n"; a leading BOM is
// skipped, since it is invisible in editors and columns on line 1 are counted without it.
import { Buffer, isAscii } from 'node:buffer';
import { firstInvalidUtf8, formatBytes, notUtf8Message } from './evidence-file.ts';

/** The limits a line reader enforces. */
export interface LineLimits {
  /** Bytes (for text: UTF-16 code units) of one line. */
  readonly lineBytes: number;
  /** Lines read at most; the next one ends the reading with a problem. */
  readonly maxLines: number;
}

/** Receives one decoded line; `bytes[start..end)` is its UTF-8 when it came from bytes. */
export type LineVisit = (
  line: string,
  number: number,
  bytes: Uint8Array | undefined,
  start: number,
  end: number,
) => void;

/** Receives a problem with a line (too long, not UTF-8, past the line limit). */
export type LineProblem = (problem: {
  readonly line: number;
  readonly column?: number;
  readonly message: string;
}) => void;

/** The message for a line over the length limit. */
function tooLong(length: number, limit: number, unit: string): string {
  return `this line is ${length.toLocaleString('en-US')} ${unit} long; an evidence line (one record) may be at most ${formatBytes(limit)}, so it was not read`;
}

function tooMany(limit: number): string {
  return `more than ${limit.toLocaleString('en-US')} lines of evidence for this side; reading stopped here (the limit keeps a run in bounded memory: fewer cases or trials per run)`;
}

/** Visits the lines of `text`. Returns the number of lines read. */
export function forEachTextLine(text: string, limits: LineLimits, visit: LineVisit, report: LineProblem): number {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let number = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const next = end + 1;
    if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
    number++;
    if (number > limits.maxLines) {
      report({ line: number, message: tooMany(limits.maxLines) });
      return number - 1;
    }
    if (end - start > limits.lineBytes)
      report({ line: number, message: tooLong(end - start, limits.lineBytes, 'characters') });
    else visit(text.slice(start, end), number, undefined, 0, 0);
    start = next;
  }
  return number;
}

/**
 * Lines of UTF-8 chunks given one at a time. A line split across chunks is joined; one longer than
 * the limit is counted and skipped without being kept; invalid UTF-8 is reported at its line and
 * column instead of turning into U+FFFD.
 */
export interface ChunkLineReader {
  /**
   * Visits the whole lines the chunk completes. The chunk is not kept (its bytes may be reused
   * once this returns). False once the line limit is reached: later chunks are not read.
   */
  push(chunk: Uint8Array): boolean;
  /** Visits the last line (one without a final newline); returns the number of lines read. */
  end(): number;
}

/** A `ChunkLineReader`, for a caller that reads the chunks itself (one file, or two in step). */
export function createChunkLineReader(limits: LineLimits, visit: LineVisit, report: LineProblem): ChunkLineReader {
  let number = 0;
  let stopped = false;
  // The line being assembled across chunks: its parts, or only its length once it is too long.
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  let skipping = false;
  let open = false;
  let first = true;

  // Whole lines are decoded a block of about DECODE_BYTES at a time: a larger string would be a
  // "large object" of the JavaScript heap, in memory fresh from the system each time.
  const block = (bytes: Uint8Array): void => {
    let start = 0;
    while (!stopped && start <= bytes.length) {
      let end = bytes.length;
      if (end - start > DECODE_BYTES) {
        end = bytes.lastIndexOf(0x0a, start + DECODE_BYTES);
        if (end < start) end = bytes.indexOf(0x0a, start + DECODE_BYTES);
        if (end < 0) end = bytes.length;
      }
      number = visitBlock(bytes.subarray(start, end), number, limits, visit, report);
      if (number > limits.maxLines) stopped = true;
      start = end + 1;
    }
  };
  const extend = (part: Uint8Array): void => {
    open = true;
    pendingLength += part.length;
    if (skipping) return;
    if (pendingLength > limits.lineBytes) {
      skipping = true;
      pending = [];
    } else {
      pending.push(part.slice());
    }
  };
  const finish = (): void => {
    if (skipping) {
      number++;
      if (number > limits.maxLines) {
        report({ line: number, message: tooMany(limits.maxLines) });
        stopped = true;
      } else {
        report({ line: number, message: tooLong(pendingLength, limits.lineBytes, 'bytes') });
      }
    } else {
      block(concat(pending, pendingLength));
    }
    pending = [];
    pendingLength = 0;
    skipping = false;
    open = false;
  };

  // The first bytes, held while they may still be the start of a BOM split across tiny chunks.
  let lead: Uint8Array | undefined;
  const push = (whole: Uint8Array): boolean => {
    if (stopped) return false;
    let chunk = whole;
    if (first) {
      if (lead !== undefined) chunk = concat([lead, chunk], lead.length + chunk.length);
      if (chunk.length < 3 && chunk[0] === 0xef && (chunk.length < 2 || chunk[1] === 0xbb)) {
        lead = chunk.slice();
        return true;
      }
      first = false;
      lead = undefined;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (chunk.length === 0) return true;
    let position = 0;
    if (open) {
      const newline = chunk.indexOf(0x0a);
      if (newline < 0) {
        extend(chunk);
        return true;
      }
      extend(chunk.subarray(0, newline));
      finish();
      if (stopped) return false;
      position = newline + 1;
    }
    const last = chunk.lastIndexOf(0x0a);
    if (last >= position) {
      // Whole lines, each ending at its newline; the final newline is left out so no empty line follows.
      block(chunk.subarray(position, last));
      if (stopped) return false;
      position = last + 1;
    }
    if (position < chunk.length) extend(chunk.subarray(position));
    return true;
  };
  const end = (): number => {
    if (stopped) return limits.maxLines;
    if (lead !== undefined) {
      // Fewer than three bytes in all, the start of a BOM but not a whole one: they are the content.
      first = false;
      const held = lead;
      lead = undefined;
      if (!push(held)) return limits.maxLines;
    }
    if (open) finish();
    return Math.min(number, limits.maxLines);
  };
  return { push, end };
}

// Lines of a block: `bytes` holds whole lines separated by "\n" (no final newline), each numbered
// after `number`. Returns the last line number used.
function visitBlock(
  bytes: Uint8Array,
  number: number,
  limits: LineLimits,
  visit: LineVisit,
  report: LineProblem,
): number {
  let text: string | undefined;
  if (isAscii(bytes)) {
    // ASCII (the usual evidence) is its own UTF-8 and Latin-1: copied into a string, not decoded.
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  } else {
    try {
      text = STRICT.decode(bytes);
    } catch {
      // Some line is not UTF-8: find which, line by line (only on this unhappy path).
    }
  }
  // A byte never decodes to more than one character, so equal lengths mean one character per byte
  // (ASCII, the usual case): byte offsets then follow from text offsets.
  const oneToOne = text !== undefined && text.length === bytes.length;
  let start = 0;
  let textStart = 0;
  for (;;) {
    let end = bytes.indexOf(0x0a, start);
    const last = end < 0;
    if (last) end = bytes.length;
    let textEnd = oneToOne ? end : text !== undefined ? text.indexOf('\n', textStart) : -1;
    if (textEnd < 0 && text !== undefined) textEnd = text.length;
    const nextStart = end + 1;
    const nextTextStart = textEnd + 1;
    let lineEnd = end;
    if (lineEnd > start && bytes[lineEnd - 1] === 0x0d) {
      lineEnd--;
      textEnd--;
    }
    number++;
    if (number > limits.maxLines) {
      report({ line: number, message: tooMany(limits.maxLines) });
      return number;
    }
    if (lineEnd - start > limits.lineBytes) {
      report({ line: number, message: tooLong(lineEnd - start, limits.lineBytes, 'bytes') });
    } else if (text !== undefined) {
      visit(text.slice(textStart, textEnd), number, bytes, start, lineEnd);
    } else {
      const bad = firstInvalidUtf8(bytes, start, lineEnd);
      if (bad < lineEnd) {
        const column = LENIENT.decode(bytes.subarray(start, bad)).length + 1;
        report({ line: number, column, message: notUtf8Message(bytes[bad]!) });
      } else {
        visit(STRICT.decode(bytes.subarray(start, lineEnd)), number, bytes, start, lineEnd);
      }
    }
    if (last) return number;
    start = nextStart;
    textStart = nextTextStart;
  }
}

// Below the heap's large-object threshold (128 KiB), so decoded text is young garbage.
const DECODE_BYTES = 60 * 1024;

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

// ignoreBOM keeps a U+FEFF inside the file, as decoding the whole file would; the leading one is skipped above.
const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT = new TextDecoder('utf-8', { ignoreBOM: true });
