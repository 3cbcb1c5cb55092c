// Evidence files as the readers see them: bytes in memory (tests, small inputs) or a file read in
// chunks, never whole, with the limits that keep a run within bounded memory. The only I/O here is
// the evidence reader's own file access (ARCHITECTURE: the readers' file access is an edge).
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { InputError, type Problem } from '../problem.ts';

const MiB = 1024 * 1024;

/**
 * What one run reads at most. A side's evidence (all its files, a file holding both sides counted
 * for each) is refused from its size before anything is read; a longer line is reported without
 * being decoded; more lines than the limit stop the reading with a located error. Sized so that
 * two full sides stay well inside 1 GB of memory (bench/ and test/evidence/limits.test.ts).
 */
export const EVIDENCE_LIMITS = {
  /** Bytes of evidence per side. */
  sideBytes: 64 * MiB,
  /** Bytes of one JSONL line (one record). */
  lineBytes: 1 * MiB,
  /** Lines (records and blank lines) of one side's JSONL evidence. */
  sideLines: 500_000,
  /** Bytes of one promptfoo output file, which is one JSON document and is parsed whole. */
  promptfooBytes: 32 * MiB,
} as const;

/** The size of a chunk handed to the readers; lines are split across chunks. */
export const CHUNK_BYTES = 1 * MiB;

/** An evidence file opened by the edge: its size, and its content as a sequence of chunks. */
export interface EvidenceStream {
  readonly size: number;
  /**
   * The content from the start, a chunk at a time; each call reads the file again. A chunk is
   * valid until the next one is asked for (one buffer is reused): a reader that keeps bytes copies them.
   */
  chunks(): Iterable<Uint8Array>;
}

interface EvidenceInputBase {
  readonly path: string;
  /** `both`: one file holding parent and candidate (JSONL with two package_ids, or a promptfoo eval with two columns). */
  readonly side: 'parent' | 'candidate' | 'both';
  /** Set for an eval's output: the candidate package_id it speaks for; other packages never read it. */
  readonly forPackage?: string;
}

/** An evidence file as read by the edge: its bytes or a stream of them, and which package it speaks for. */
export type EvidenceInput =
  (EvidenceInputBase & { readonly bytes: Uint8Array }) | (EvidenceInputBase & { readonly stream: EvidenceStream });

/** Bytes in `size`, for messages: `2.0 GiB`, `64 MiB`, `67.1 MiB`, `812 bytes`. */
export function formatBytes(size: number): string {
  const GiB = 1024 * MiB;
  if (size >= GiB) return `${(size / GiB).toFixed(1)} GiB`;
  if (size >= MiB) return size % MiB === 0 ? `${size / MiB} MiB` : `${(size / MiB).toFixed(1)} MiB`;
  return `${size.toLocaleString('en-US')} bytes`;
}

/**
 * Opens an evidence file for streamed reading. A file larger than a side may hold is refused from
 * its size alone, without reading a byte of it.
 *
 * @param path where to read it; `shown` is how messages name it (as the user typed it).
 * @throws InputError when the file is missing, not a file, or too large.
 */
export function openEvidenceFile(path: string, shown: string, what: string): EvidenceStream {
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory())
      throw new InputError([{ file: shown, message: `${what} is a directory, expected a file` }]);
    size = stats.size;
  } catch (error: unknown) {
    if (error instanceof InputError) throw error;
    const code = (error as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'ELOOP'
          ? 'is a symlink loop'
          : `cannot be read (${code ?? String(error)})`;
    throw new InputError([{ file: shown, message: `${what} ${reason}` }]);
  }
  const problem = sizeProblem(shown, size, what);
  if (problem !== undefined) throw new InputError([problem]);
  return {
    size,
    *chunks() {
      const fd = openSync(path, 'r');
      // One buffer for the whole pass: fresh memory is slow to touch (a page fault per 4 KiB,
      // costly on virtual machines), and the readers copy what they keep. Sized to the file, but
      // not so small that a file still being written would be read a few bytes at a time.
      const chunk = new Uint8Array(Math.min(CHUNK_BYTES, Math.max(64 * 1024, size)));
      try {
        let total = 0;
        for (;;) {
          const read = readSync(fd, chunk, 0, chunk.length, null);
          if (read === 0) return;
          total += read;
          // A file that grows while it is read is held to the limit it was opened under.
          if (total > EVIDENCE_LIMITS.sideBytes)
            throw new InputError([
              { file: shown, message: `${what} grew past ${formatBytes(EVIDENCE_LIMITS.sideBytes)} while it was read` },
            ]);
          yield read === chunk.length ? chunk : chunk.subarray(0, read);
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** The problem with a file of `size` bytes given as evidence, if it is too large for one side. */
export function sizeProblem(file: string, size: number, what = 'the evidence file'): Problem | undefined {
  if (size <= EVIDENCE_LIMITS.sideBytes) return undefined;
  return {
    file,
    message: `${what} is ${formatBytes(size)}; evidence is limited to ${formatBytes(EVIDENCE_LIMITS.sideBytes)} per side, so it was not read (split the suite into fewer cases or trials, or drop fields the gates do not use)`,
  };
}

/** The size of an input in bytes. */
export function sizeOf(input: EvidenceInput): number {
  return 'bytes' in input ? input.bytes.length : input.stream.size;
}

const digests = new WeakMap<EvidenceInput, string>();

/**
 * The input's content in chunks of at most CHUNK_BYTES. A full pass records the file's sha256; a
 * later pass that finds other bytes (the file changed while the run read it) is an InputError, so
 * the digest the report signs is always of the bytes the gates saw.
 */
export function* chunksOf(input: EvidenceInput): Generator<Uint8Array, void, undefined> {
  const hash = createHash('sha256');
  const source = 'bytes' in input ? [input.bytes] : input.stream.chunks();
  for (const chunk of source) {
    // Pieces of a chunk are views, not copies; a reader that keeps bytes copies them.
    for (let start = 0; start < chunk.length; start += CHUNK_BYTES) {
      const piece = chunk.subarray(start, Math.min(chunk.length, start + CHUNK_BYTES));
      hash.update(piece);
      yield piece;
    }
  }
  const digest = `sha256:${hash.digest('hex')}`;
  const seen = digests.get(input);
  if (seen === undefined) digests.set(input, digest);
  else if (seen !== digest)
    throw new InputError([
      {
        file: input.path,
        message: 'the evidence file changed while it was being read; run the check again once it is written',
      },
    ]);
}

/** `sha256:<hex>` of the input's content; reads a stream that was not read yet. */
export function evidenceDigest(input: EvidenceInput): string {
  let digest = digests.get(input);
  if (digest === undefined) {
    for (const _ of chunksOf(input)) {
      // Reading is the point: chunksOf records the digest once the pass is complete.
    }
    digest = digests.get(input)!;
  }
  return digest;
}

/** The whole content of an input, for formats that are one document; undefined past `limit` bytes. */
export function readWhole(input: EvidenceInput, limit: number): Uint8Array | undefined {
  if (sizeOf(input) > limit) return undefined;
  if ('bytes' in input) {
    evidenceDigest(input);
    return input.bytes;
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const chunk of chunksOf(input)) {
    total += chunk.length;
    if (total > limit) return undefined;
    parts.push(chunk.slice());
  }
  const whole = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
}

/**
 * Decodes UTF-8 strictly. Bytes that are not UTF-8 would become U+FFFD, so two different case ids
 * could turn into one; instead the first bad byte is located (1-based line and column, counting
 * characters of the valid text before it).
 */
export function decodeStrict(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; line: number; column: number; byte: number } {
  try {
    return { ok: true, text: STRICT.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let lineStart = offset === 0 ? 0 : bytes.lastIndexOf(0x0a, offset - 1) + 1;
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i >= 0 && i < lineStart; i = bytes.indexOf(0x0a, i + 1)) line++;
    if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) lineStart = 3;
    const column = LENIENT.decode(bytes.subarray(lineStart, offset)).length + 1;
    return { ok: false, line, column, byte: bytes[offset] ?? 0 };
  }
}

const STRICT = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const LENIENT = new TextDecoder('utf-8');

/** The message for bytes that are not UTF-8. */
export function notUtf8Message(byte: number): string {
  return `byte 0x${byte.toString(16).padStart(2, '0')} is not UTF-8; evidence must be UTF-8 text (re-export it as UTF-8: a case id read with the wrong encoding could match another one)`;
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629), or the length. */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let i = start;
  while (i < end) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    if (i + need >= end) return i;
    const second = bytes[i + 1]!;
    if (second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += need + 1;
  }
  return end;
}
