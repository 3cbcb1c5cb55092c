import type { GateResult } from '../gates/result.ts';
import type { LoadedYaml } from '../yaml/load.ts';
import { formatProblem } from '../problem.ts';
import { toPlainText } from './escape.ts';
import type { PackageReport, Report } from './model.ts';

/** A check-run annotation in GitHub's wire shape. */
export interface Annotation {
  /** Repo-relative path with forward slashes. */
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  /** Only sent when `start_line === end_line`: GitHub accepts columns on a single line only. */
  readonly start_column?: number;
  readonly end_column?: number;
  readonly annotation_level: 'notice' | 'warning' | 'failure';
  readonly message: string;
  readonly title?: string;
  readonly raw_details?: string;
}

/** A block of lines in a file, 1-based and inclusive. */
export interface LineRange {
  readonly start_line: number;
  readonly end_line: number;
}

/** Options of {@link annotationsFor}. */
export interface AnnotationOptions {
  /**
   * The `change:` block of each candidate manifest, by repo-relative manifest path (the report
   * carries no source positions; the edge has them from the loader, see {@link changeBlockOf}).
   * A manifest without an entry is annotated at line 1.
   */
  readonly changeBlocks?: ReadonlyMap<string, LineRange>;
}

const MESSAGE_LENGTH = 4000;
const ID_LENGTH = 200;

/**
 * Check-run annotations for a report: a failure on the manifest line of every located manifest
 * problem (unlocated ones on the manifest's `change:` block); a warning on the `change:` block for
 * each inconclusive gate and a failure there for each other failed gate; and an annotation on the
 * evidence line of each worst regressed critical case (failure when the quality gate failed).
 * Only repository-relative paths are annotated: absolute paths, `..` and URLs are skipped.
 */
export function annotationsFor(report: Report, options: AnnotationOptions = {}): Annotation[] {
  const out: Annotation[] = [];
  const seen = new Set<string>();
  const push = (annotation: Annotation | undefined): void => {
    if (!annotation) return;
    const key = JSON.stringify(annotation);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(annotation);
  };
  for (const pkg of report.packages) {
    const manifest = repoRelativePath(pkg.manifest);
    const block = (manifest !== undefined ? options.changeBlocks?.get(manifest) : undefined) ?? {
      start_line: 1,
      end_line: 1,
    };
    const atChange = (level: Annotation['annotation_level'], title: string, message: string): Annotation | undefined =>
      manifest === undefined
        ? undefined
        : { path: manifest, ...block, annotation_level: level, title, message: plain(message) };

    // Located problems come structured from the diff; the gate's other lines (evidence bound to
    // another package, a different judge) have no position and go on the change block.
    const located = new Set<string>();
    for (const problem of pkg.diff.problems) {
      located.add(formatProblem(problem));
      const path = repoRelativePath(problem.file);
      if (path !== undefined && problem.line !== undefined) {
        push({
          path,
          start_line: problem.line,
          end_line: problem.line,
          ...(problem.column !== undefined ? { start_column: problem.column } : {}),
          annotation_level: 'failure',
          title: `kaizen-gate: manifest problem${problem.field !== undefined ? ` (${plain(problem.field, 200)})` : ''}`,
          message: plain(problem.message),
        });
      } else {
        push(atChange('failure', 'kaizen-gate: manifest problem', formatProblem(problem)));
      }
    }
    for (const line of manifestProblems(pkg.gates)) {
      if (!located.has(line)) push(atChange('failure', 'kaizen-gate: manifest problem', line));
    }
    for (const gate of pkg.gates) {
      if (gate.gate === 'manifest' || gate.verdict === 'pass' || gate.verdict === 'not_applicable') continue;
      const level = gate.verdict === 'inconclusive' ? 'warning' : 'failure';
      const needed =
        gate.cases_needed !== undefined && !gate.reason.includes('would decide')
          ? ` About ${gate.cases_needed} paired cases would decide it.`
          : '';
      push(
        atChange(
          level,
          `kaizen-gate: ${gate.gate} gate ${gate.verdict === 'fail' ? 'failed' : 'inconclusive'}`,
          `${gate.reason}${needed}`,
        ),
      );
    }
    for (const annotation of criticalCaseAnnotations(pkg)) push(annotation);
  }
  return out;
}

function criticalCaseAnnotations(pkg: PackageReport): Annotation[] {
  const qualityFailed = pkg.gates.some((g) => g.gate === 'quality' && g.verdict === 'fail');
  const out: Annotation[] = [];
  for (const c of pkg.worst_cases) {
    if (!c.critical) continue;
    const match = /^(.+):(\d+)$/.exec(c.source);
    const path = match ? repoRelativePath(match[1]!) : undefined;
    const line = match ? Number(match[2]) : 0;
    if (path === undefined || line < 1) continue;
    out.push({
      path,
      start_line: line,
      end_line: line,
      annotation_level: qualityFailed ? 'failure' : 'warning',
      title: 'kaizen-gate: critical case regressed',
      message: `Critical ${plain(c.suite, ID_LENGTH)} case ${plain(c.case_id, ID_LENGTH)} (category ${plain(c.category, ID_LENGTH)}) regressed from ${round(c.parent)} to ${round(c.candidate)} in ${plain(pkg.package_id, ID_LENGTH)}.`,
    });
  }
  return out;
}

/** The manifest gate's problems, one per line (`file:line:col field: message`), when it failed. */
export function manifestProblems(gates: readonly GateResult[]): string[] {
  const gate = gates.find((g) => g.gate === 'manifest');
  if (!gate || gate.verdict !== 'fail') return [];
  return gate.measures
    .filter((m) => m.verdict === 'fail' && m.reason !== undefined)
    .flatMap((m) => (m.reason ?? '').split('\n'))
    .filter((line) => line.trim() !== '');
}

/**
 * A repository-relative path with forward slashes, or undefined for anything GitHub cannot place in
 * the repository: absolute paths, drive letters, `..` segments, URLs, control characters.
 */
export function repoRelativePath(path: string): string | undefined {
  const normal = path.replaceAll('\\', '/').replace(/^(?:\.\/)+/, '');
  if (
    normal === '' ||
    normal.startsWith('/') ||
    /^[A-Za-z]:/.test(normal) ||
    /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(normal)
  )
    return undefined;
  if ([...normal].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) return undefined;
  if (normal.split('/').some((segment) => segment === '..' || segment === '')) return undefined;
  return normal;
}

/**
 * The line range of a loaded manifest's `change:` block: from its key to the last line of its
 * fields. Undefined when the manifest has no `change` key. Pure; the edge passes the result to
 * {@link annotationsFor} as `changeBlocks`.
 */
export function changeBlockOf(yaml: Pick<LoadedYaml, 'positions' | 'keyPositions'>): LineRange | undefined {
  const key = yaml.keyPositions.get('/change');
  if (!key) return undefined;
  let end = key.line;
  for (const map of [yaml.positions, yaml.keyPositions]) {
    for (const [pointer, position] of map) {
      if (pointer === '/change' || pointer.startsWith('/change/')) end = Math.max(end, position.line);
    }
  }
  return { start_line: key.line, end_line: end };
}

function plain(text: string, maxLength = MESSAGE_LENGTH): string {
  return toPlainText(text, maxLength, true);
}

function round(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
