/**
 * Streams telemetry from JSON Lines files, gzip-compressed or not (recognised by their first bytes,
 * not their name), one event at a time: memory stays bounded by one read chunk and the longest
 * line, whatever the file's size. One of the edges that does file I/O.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { ProblemLog } from './problems.ts';
import type { ProblemSummary } from './problems.ts';
import type { TelemetryEvent } from './event.ts';
import { validateTelemetryEvent } from './validate.ts';

/** Receives each valid event with its 1-based line number. */
export type EventSink = (event: TelemetryEvent, line: number) => void;

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const NEWLINE = 0x0a;

/** Whether a file starts with the gzip magic number. */
export async function isGzipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

/**
 * Reads every line of a JSON Lines file (optionally gzip) as a telemetry event, calling `sink` for
 * each valid one. Blank lines are skipped; a BOM and CRLF line ends are accepted. Problems are
 * located as `label:line` and summarised; a line with a problem is not passed on.
 *
 * @param label how the file is named in problems (a repository-relative path, as the user typed it).
 * @throws Error when the file cannot be opened or is not valid gzip (wrapped with the file name).
 */
export async function readTelemetryJsonl(
  path: string,
  label: string,
  sink: EventSink,
  problemLimit = 1000,
): Promise<ProblemSummary> {
  const log = new ProblemLog(problemLimit);
  let lineNumber = 0;
  const readLine = (text: string): void => {
    lineNumber += 1;
    if (text.length === 0 || (text.charCodeAt(0) !== 0x7b && text.trim() === '')) return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error: unknown) {
      log.add({
        file: label,
        line: lineNumber,
        message: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      });
      log.countEvent(false);
      return;
    }
    const line = lineNumber;
    let valid = true;
    const event = validateTelemetryEvent(value, (field, message) => {
      valid = false;
      log.add({ file: label, line, ...(field === '' ? {} : { field }), message });
    });
    log.countEvent(valid && event !== undefined);
    if (event !== undefined) sink(event, line);
  };

  let stream: Readable;
  try {
    stream = (await isGzipFile(path))
      ? createReadStream(path).pipe(createGunzip())
      : createReadStream(path, { highWaterMark: 1 << 20 });
  } catch (error: unknown) {
    throw new Error(`Cannot read telemetry file ${label}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  let carry: Buffer | undefined;
  let first = true;
  try {
    for await (const chunk of stream) {
      let buffer = chunk as Buffer;
      if (first) {
        first = false;
        if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) buffer = buffer.subarray(3);
      }
      let start = 0;
      let newline = buffer.indexOf(NEWLINE, start);
      if (carry !== undefined && newline >= 0) {
        readLine(trimCr(Buffer.concat([carry, buffer.subarray(0, newline)]).toString('utf8')));
        carry = undefined;
        start = newline + 1;
        newline = buffer.indexOf(NEWLINE, start);
      }
      while (newline >= 0) {
        readLine(trimCr(buffer.toString('utf8', start, newline)));
        start = newline + 1;
        newline = buffer.indexOf(NEWLINE, start);
      }
      if (start < buffer.length)
        carry =
          carry === undefined ? Buffer.from(buffer.subarray(start)) : Buffer.concat([carry, buffer.subarray(start)]);
    }
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot read telemetry file ${label} after line ${lineNumber}: ${message}`, { cause: error });
  }
  if (carry !== undefined && carry.length > 0) readLine(trimCr(carry.toString('utf8')));
  return log.summary();
}

function trimCr(text: string): string {
  return text.charCodeAt(text.length - 1) === 0x0d ? text.slice(0, -1) : text;
}
