/**
 * Streams telemetry from a Parquet file one row group at a time, with hyparquet (pure JavaScript,
 * no dependencies, every Parquet encoding; the Snappy codec built in): memory is bounded by the
 * largest row group, and the reader runs wherever the bundled Action runs. Nested columns (structs
 * and lists) come back as objects and arrays, the same shape as a JSON Lines event. Problems are
 * located as `file:row N`.
 */
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { ProblemLog } from './problems.ts';
import type { ProblemSummary } from './problems.ts';
import type { EventSink } from './read-jsonl.ts';
import { validateTelemetryEvent } from './validate.ts';

/**
 * Reads every row of a Parquet file as a telemetry event, calling `sink` for each valid one with
 * its 1-based row number. Timestamps stored as TIMESTAMP become RFC 3339 text; 64-bit integers
 * become numbers.
 *
 * @throws Error naming the file when it is not Parquet or uses a codec hyparquet cannot decode.
 */
export async function readTelemetryParquet(
  path: string,
  label: string,
  sink: EventSink,
  problemLimit = 1000,
): Promise<ProblemSummary> {
  const log = new ProblemLog(problemLimit);
  let row = 0;
  try {
    const file = await asyncBufferFromFile(path);
    const metadata = await parquetMetadataAsync(file);
    let start = 0;
    for (const group of metadata.row_groups) {
      const end = start + Number(group.num_rows);
      const rows = await parquetReadObjects({ file, metadata, rowStart: start, rowEnd: end });
      for (const raw of rows) {
        row += 1;
        const at = row;
        let valid = true;
        const event = validateTelemetryEvent(plain(raw), (field, message) => {
          valid = false;
          log.add({ file: label, line: at, ...(field === '' ? {} : { field }), message: `row ${at}: ${message}` });
        });
        log.countEvent(valid && event !== undefined);
        if (event !== undefined) sink(event, at);
      }
      start = end;
    }
  } catch (error: unknown) {
    throw new Error(
      `Cannot read Parquet telemetry file ${label}${row > 0 ? ` after row ${row}` : ''}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return log.summary();
}

/** Parquet values as JSON would have them: bigint → number, Date → ISO string, nested likewise. */
function plain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) out[key] = plain(member);
    return out;
  }
  return value;
}
