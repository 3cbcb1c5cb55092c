// One line per eval event, the same on the terminal and in the Action's log.
import type { EvalFailure } from './failure.ts';
import type { EvalTarget } from './plan.ts';

/** A finished run. */
export interface EvalRunResult {
  readonly target: EvalTarget;
  /** Absolute paths. */
  readonly outputPath: string;
  readonly logPath: string;
  readonly startedAt: Date;
  readonly durationMs: number;
}

/** Progress, for the edges to show. */
export type EvalEvent =
  | { readonly kind: 'start'; readonly target: EvalTarget }
  | { readonly kind: 'finish'; readonly result: EvalRunResult }
  | { readonly kind: 'fail'; readonly failure: EvalFailure };

/** Progress the edges show: a run starting, finishing or failing, or stored evidence reused. */
export type EvalProgress =
  | EvalEvent
  | {
      readonly kind: 'reuse';
      readonly target: EvalTarget;
      readonly ref: string;
      readonly producedAt: string;
      readonly commit: string;
    };

/** A line saying what happened to one eval run; `display` names files as the user sees them. */
export function describeProgress(event: EvalProgress, display: (path: string) => string): string {
  switch (event.kind) {
    case 'start':
      return (
        `eval: ${event.target.forPackage} ${event.target.side} started (package ${event.target.packageId} at ` +
        `${event.target.commit.slice(0, 12)})`
      );
    case 'finish':
      return (
        `eval: ${event.result.target.forPackage} ${event.result.target.side} finished in ` +
        `${(event.result.durationMs / 1000).toFixed(1)} s → ${display(event.result.outputPath)}`
      );
    case 'fail':
      return `eval: ${event.failure.target.forPackage} ${event.failure.target.side} ${event.failure.what}`;
    case 'reuse':
      return (
        `eval: ${event.target.forPackage} parent reused from ${event.ref} (produced ${event.producedAt} at ` +
        `${event.commit.slice(0, 12)})`
      );
  }
}
