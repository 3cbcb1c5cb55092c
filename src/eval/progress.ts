// One line per eval event, the same on the terminal and in the Action's log.
import type { EvalProgress } from './gather.ts';

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
