/**
 * One entry point for telemetry files: JSON Lines (gzip or not) and Parquet, chosen by content
 * (Parquet's `PAR1` magic) rather than by name, streamed into a sink, with the problems of all
 * files merged. The readers are the only telemetry code that touches files.
 */
import { open } from 'node:fs/promises';
import { mergeSummaries } from './problems.ts';
import type { ProblemSummary } from './problems.ts';
import { readTelemetryJsonl } from './read-jsonl.ts';
import type { EventSink } from './read-jsonl.ts';
import { readTelemetryParquet } from './read-parquet.ts';

/** A telemetry file to read: where it is, and how problems name it. */
export interface TelemetryFile {
  readonly path: string;
  readonly label: string;
}

/** Whether a file starts with Parquet's magic number. */
export async function isParquetFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.toString('latin1') === 'PAR1';
  } finally {
    await handle.close();
  }
}

/** Streams every file into `sink` in the order given; returns the merged problem summary. */
export async function readTelemetryFiles(
  files: readonly TelemetryFile[],
  sink: EventSink,
  problemLimit = 1000,
): Promise<ProblemSummary> {
  const summaries: ProblemSummary[] = [];
  for (const file of files) {
    const read = (await isParquetFile(file.path)) ? readTelemetryParquet : readTelemetryJsonl;
    summaries.push(await read(file.path, file.label, sink, problemLimit));
  }
  return mergeSummaries(summaries, problemLimit);
}
