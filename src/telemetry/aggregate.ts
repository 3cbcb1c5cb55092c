/**
 * Aggregation of telemetry events into sufficient statistics per (package, cohort, window,
 * cluster): the form every stage's statistics start from, and the form a SQL engine returns, so
 * the same analysis runs on events streamed here or on rows computed where the data lives. Memory
 * grows with the number of groups, never with the number of events.
 */
import { COLUMNS, WIDTH } from './columns.ts';
import type { TelemetryEvent } from './event.ts';

/** Which events count, and how time is cut into windows. */
export interface AggregateOptions {
  /** Window length in milliseconds; windows start at multiples of it since the epoch (UTC). */
  readonly windowMs: number;
  /** Only events of this application. */
  readonly application?: string;
  /** Only events before this instant (epoch ms): the time of the look. */
  readonly untilMs?: number;
}

/** The key of one aggregated row. */
export interface GroupKey {
  readonly package_id: string;
  readonly cohort: string;
  /** Window start, epoch milliseconds. */
  readonly window_start: number;
  /** The assignment key: the unit of inference. */
  readonly cluster: string;
}

/** One row: a group and its column sums in {@link COLUMNS} order. */
export interface AggregateRow extends GroupKey {
  readonly values: ArrayLike<number>;
}

/** Trace completeness counts of one cohort (paper 4.2: incomplete traces cannot support a confident decision). */
export interface CompletenessCounts {
  readonly cohort: string;
  readonly events: number;
  readonly with_package: number;
  readonly with_prompt_hash: number;
  readonly with_retrieval: number;
  readonly with_tool_trace: number;
  /** Events with package id and prompt hash (and retrieval manifest, tool trace: the other three). */
  readonly complete_core: number;
  readonly complete_retrieval: number;
  readonly complete_tools: number;
  readonly complete_all: number;
}

/** Everything the aggregation produces. */
export interface AggregateTable {
  readonly window_ms: number;
  readonly columns: readonly string[];
  /** Sorted by package, cohort, window, cluster. */
  readonly rows: readonly AggregateRow[];
  /** Per cohort, sorted by cohort; counts events with and without a package id. */
  readonly completeness: readonly CompletenessCounts[];
  /** Events matching the filters but without a package id, which no row holds. */
  readonly unattributed: number;
}

const COMPLETENESS_FIELDS = [
  'events',
  'with_package',
  'with_prompt_hash',
  'with_retrieval',
  'with_tool_trace',
  'complete_core',
  'complete_retrieval',
  'complete_tools',
  'complete_all',
] as const;

/** Rows per storage block: blocks are never copied as the table grows, so memory has no doubling spikes. */
const BLOCK_ROWS = 4096;

/**
 * Accumulates events one at a time. Groups are found through nested maps (package → cohort →
 * window → cluster), so no key string is built per event, and sums live in fixed-size Float64Array
 * blocks: a few hundred thousand groups cost tens of megabytes, not an object each.
 */
export class TelemetryAggregator {
  private readonly options: AggregateOptions;
  private readonly index = new Map<string, Map<string, Map<number, Map<string, number>>>>();
  private readonly keys: GroupKey[] = [];
  private readonly blocks: Float64Array[] = [];
  private readonly completeness = new Map<string, number[]>();
  private unattributed = 0;

  constructor(options: AggregateOptions) {
    if (!(Number.isSafeInteger(options.windowMs) && options.windowMs > 0)) {
      throw new RangeError(`Expected \`windowMs\` to be a positive integer, got ${String(options.windowMs)}.`);
    }
    this.options = options;
  }

  /** Adds one validated event (events outside the filters are ignored). */
  add(event: TelemetryEvent): void {
    const { application, untilMs, windowMs } = this.options;
    if (application !== undefined && event.application !== application) return;
    if (untilMs !== undefined && !(event.time < untilMs)) return;
    this.countCompleteness(event);
    const pkg = event.package_id;
    if (pkg === undefined) {
      this.unattributed += 1;
      return;
    }
    const window = Math.floor(event.time / windowMs) * windowMs;
    const byCohort = child(this.index, pkg, () => new Map());
    const byWindow = child(byCohort, event.cohort, () => new Map());
    const byCluster = child(byWindow, window, () => new Map());
    let row = byCluster.get(event.assignment_key);
    if (row === undefined) {
      row = this.keys.length;
      byCluster.set(event.assignment_key, row);
      this.keys.push({ package_id: pkg, cohort: event.cohort, window_start: window, cluster: event.assignment_key });
      if (row % BLOCK_ROWS === 0) this.blocks.push(new Float64Array(BLOCK_ROWS * WIDTH));
    }
    const block = this.blocks[Math.floor(row / BLOCK_ROWS)]!;
    const base = (row % BLOCK_ROWS) * WIDTH;
    for (let c = 0; c < WIDTH; c++) block[base + c]! += COLUMNS[c]!.js(event);
  }

  private countCompleteness(event: TelemetryEvent): void {
    let counts = this.completeness.get(event.cohort);
    if (!counts) {
      counts = COMPLETENESS_FIELDS.map(() => 0);
      this.completeness.set(event.cohort, counts);
    }
    const pkg = event.package_id !== undefined;
    const hash = event.prompt_hash !== undefined;
    const retrieval = event.retrieval_manifest !== undefined;
    const trace = event.tool_trace !== undefined;
    const core = pkg && hash;
    counts[0]! += 1;
    if (pkg) counts[1]! += 1;
    if (hash) counts[2]! += 1;
    if (retrieval) counts[3]! += 1;
    if (trace) counts[4]! += 1;
    if (core) counts[5]! += 1;
    if (core && retrieval) counts[6]! += 1;
    if (core && trace) counts[7]! += 1;
    if (core && retrieval && trace) counts[8]! += 1;
  }

  /** The table so far, rows sorted by key; each row's values are a view into the blocks, not a copy. */
  table(): AggregateTable {
    const rows: AggregateRow[] = this.keys.map((key, row) => {
      const base = (row % BLOCK_ROWS) * WIDTH;
      return { ...key, values: this.blocks[Math.floor(row / BLOCK_ROWS)]!.subarray(base, base + WIDTH) };
    });
    const completeness = [...this.completeness]
      .map(
        ([cohort, counts]) =>
          ({ cohort, ...Object.fromEntries(COMPLETENESS_FIELDS.map((f, i) => [f, counts[i]!])) }) as CompletenessCounts,
      )
      .toSorted((a, b) => compareText(a.cohort, b.cohort));
    return {
      window_ms: this.options.windowMs,
      columns: COLUMNS.map((c) => c.name),
      rows: sortRows(rows),
      completeness,
      unattributed: this.unattributed,
    };
  }
}

function child<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Rows sorted by package, cohort, window start and cluster: one order for every engine. */
export function sortRows(rows: readonly AggregateRow[]): AggregateRow[] {
  return rows.toSorted(
    (a, b) =>
      compareText(a.package_id, b.package_id) ||
      compareText(a.cohort, b.cohort) ||
      a.window_start - b.window_start ||
      compareText(a.cluster, b.cluster),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Which trace fields a package's manifest makes expected: retrieval when it has retrieval, a tool trace when it has tools. */
export interface TraceExpectations {
  readonly retrieval: boolean;
  readonly tools: boolean;
}

/** Share of a cohort's events whose trace is complete for what the manifest has; NaN without events. */
export function traceCompleteness(counts: CompletenessCounts, expect: TraceExpectations): number {
  const complete =
    expect.retrieval && expect.tools
      ? counts.complete_all
      : expect.retrieval
        ? counts.complete_retrieval
        : expect.tools
          ? counts.complete_tools
          : counts.complete_core;
  return counts.events === 0 ? Number.NaN : complete / counts.events;
}
