// Where a package's evidence came from when kaizen-gate ran the eval, in sentences the Markdown
// and terminal renderings share (each escapes them its own way).
import type { EvalOrigin, EvalSideOrigin } from '../eval/origin.ts';

/** One sentence per side: run or reused, at which commit, when, and why the parent was run. */
export function describeEvalOrigin(origin: EvalOrigin): string[] {
  return [
    ...(origin.parent === undefined ? [] : [describeSide('parent', origin.parent)]),
    describeSide('candidate', origin.candidate),
  ];
}

function describeSide(side: 'parent' | 'candidate', origin: EvalSideOrigin): string {
  const at = `${origin.package_id} at ${origin.commit.slice(0, 12)}`;
  if (origin.status === 'reused') {
    return (
      `${side} evidence reused from ${origin.ref ?? origin.evidence}: produced ${origin.produced_at} for ${at}; ` +
      `not run again`
    );
  }
  const took = origin.duration_ms === undefined ? '' : `, ${(origin.duration_ms / 1000).toFixed(1)} s`;
  const why = origin.reason === undefined ? '' : ` (re-run: ${origin.reason})`;
  return `${side} evidence run for ${at} at ${origin.produced_at}${took}${why}`;
}
