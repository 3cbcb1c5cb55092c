import { confidenceDigits, formatInterval, formatRatioChange, formatValue } from '../gates/format.ts';
import { formatP } from '../gates/format.ts';
import type { Measure, Unit, Verdict } from '../gates/result.ts';
import type { Interval } from '../stats/interval.ts';
import { describeSideBinding } from '../evidence/binding.ts';
import { describeEvalOrigin } from './eval-origin.ts';
import { describeCoverage } from '../evidence/suites.ts';
import { manifestProblems } from './annotations.ts';
import { toPlainText } from './escape.ts';
import { OUTCOMES } from '../outcome.ts';
import type { OutcomeStyle, RunOutcome } from '../outcome.ts';
import type { PackageReport, RegressedCase, Report } from './model.ts';

/** Options of {@link renderText}. */
export interface TextOptions {
  /** ANSI colour; the CLI passes `process.stdout.isTTY && !NO_COLOR`. */
  readonly color: boolean;
  /** Where report.md and report.json were written, for the closing pointer line. */
  readonly outDir?: string;
}

/** How many regressed cases the terminal shows per package. */
const TERMINAL_CASES = 5;

/** The decision as one unambiguous upper-case word (or phrase), the same in every rendering. */
export function decisionWord(outcome: RunOutcome): string {
  return OUTCOMES[outcome].word;
}

/** A verdict as a short word: `pass`, `FAIL`, `inconclusive`, `n/a`. */
export function verdictWord(verdict: Verdict): string {
  switch (verdict) {
    case 'pass':
      return 'pass';
    case 'fail':
      return 'FAIL';
    case 'inconclusive':
      return 'inconclusive';
    case 'not_applicable':
      return 'n/a';
  }
}

/** A measure's estimate in its unit; ratios also as a relative change (`×1.234 (+23.4 %)`). */
export function formatEstimate(measure: Pick<Measure, 'estimate' | 'unit'>): string {
  const value = formatValue(measure.estimate, measure.unit);
  return measure.unit === 'ratio' ? `${value} (${formatRatioChange(measure.estimate)})` : value;
}

/** An interval without its `95% CI` prefix when `columnLevel` (e.g. 95, or 99.2) already says it. */
export function formatCi(interval: Interval, unit: Unit, columnLevel?: number): string {
  const full = formatInterval(interval, unit);
  const prefix = `${confidenceDigits(interval.level)}% CI `;
  return columnLevel !== undefined &&
    confidenceDigits(columnLevel / 100) === confidenceDigits(interval.level) &&
    full.startsWith(prefix)
    ? full.slice(prefix.length)
    : full;
}

/**
 * The blocking threshold with the direction that passes: a drop margin (negative pp) must be met
 * from above (`≥ −2.0 pp`), every other limit (rise, ratio, count, SLO) from below (`≤ ×1.200`).
 */
export function formatThreshold(measure: Pick<Measure, 'threshold' | 'unit' | 'worse'>): string {
  if (measure.threshold === undefined) return '—';
  const direction =
    measure.worse === 'lower' || (measure.worse === undefined && measure.unit === 'pp' && measure.threshold < 0)
      ? '≥'
      : '≤';
  return `${direction} ${formatValue(measure.threshold, measure.unit)}`;
}

/** A per-case outcome (pass 0/1, an averaged pass rate or a score) with at most three decimals. */
export function formatOutcome(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/**
 * A fail test's p-value with the level it was decided at (`0.0012 (α 0.0044)`), a Holm-adjusted
 * p-value in older reports, else the raw p-value, else `—`.
 */
export function formatMeasureP(measure: Pick<Measure, 'p_value' | 'adjusted_p' | 'alpha'>): string {
  if (measure.adjusted_p !== undefined) return formatP(measure.adjusted_p);
  if (measure.p_value === undefined) return '—';
  return measure.alpha !== undefined
    ? `${formatP(measure.p_value)} (α ${formatP(measure.alpha)})`
    : formatP(measure.p_value);
}

/**
 * Renders the report for a terminal: the decision line first, then per package one line per gate
 * (verdict, estimate, interval, reason), manifest problems, the categories that failed, the worst cases, and a line
 * pointing at the full report. Colour only when asked for; without it the output holds no escape
 * byte at all, and control characters in evidence text are shown as U+FFFD, never obeyed.
 */
export function renderText(report: Report, options: TextOptions): string {
  const paint = painter(options.color);
  const outcome = report.decision.outcome;
  const lines = [`${paint(outcomeColour(outcome), decisionWord(outcome), true)}  ${clean(report.decision.summary)}`];
  const several = report.packages.length > 1;
  for (const pkg of report.packages) lines.push('', ...packageLines(pkg, several, paint));
  if (report.unreferenced_changes.length > 0) {
    const shown = report.unreferenced_changes
      .slice(0, 10)
      .map((path) => clean(path))
      .join(', ');
    const more = report.unreferenced_changes.length > 10 ? ` and ${report.unreferenced_changes.length - 10} more` : '';
    lines.push('', `${paint('yellow', 'Changed files no manifest references')}: ${shown}${more}`);
  }
  lines.push('', pointerLine(options.outDir));
  return `${lines.join('\n')}\n`;
}

type Colour = OutcomeStyle['colour'];
type Paint = (colour: Colour, text: string, bold?: boolean) => string;

const CODES: Record<Colour, string> = { red: '31', green: '32', yellow: '33', dim: '2' };

function painter(color: boolean): Paint {
  if (!color) return (_colour, text) => text;
  return (colour, text, bold = false) => `\u001b[${bold ? '1;' : ''}${CODES[colour]}m${text}\u001b[0m`;
}

function packageLines(pkg: PackageReport, several: boolean, paint: Paint): string[] {
  const parent = pkg.parent ? ` ← ${clean(pkg.parent.package_id)}` : ' (new application)';
  const lines = [
    `${clean(pkg.application)}  ${clean(pkg.package_id)}${parent}  (${clean(pkg.manifest)}, level ${pkg.side_effect_level})`,
  ];
  if (several) {
    lines.push(
      `  ${paint(outcomeColour(pkg.decision.outcome), decisionWord(pkg.decision.outcome), true)}  ${clean(pkg.decision.summary)}`,
    );
  }
  for (const gate of pkg.gates) {
    const h = gate.headline;
    const estimate = h ? formatEstimate(h) : '—';
    const interval = h?.interval ? formatCi(h.interval, h.unit) : '';
    const word = verdictWord(gate.verdict).padEnd(12);
    lines.push(
      `  ${gate.gate.padEnd(9)}${paint(verdictColour(gate.verdict), word)}  ${estimate.padEnd(18)}  ${interval.padEnd(30)}  ${clean(gate.reason)}`.trimEnd(),
    );
  }
  lines.push(...evidenceLines(pkg, paint));
  const problems = manifestProblems(pkg.gates);
  if (problems.length > 0) {
    lines.push(`  ${paint('red', 'manifest problems')}:`);
    for (const problem of problems.slice(0, 20)) lines.push(`    ${clean(problem)}`);
    if (problems.length > 20) lines.push(`    … and ${problems.length - 20} more`);
  }
  const failed = pkg.categories.filter((c) => c.measure.verdict === 'fail');
  if (failed.length > 0) {
    lines.push(`  ${paint('red', 'failed categories')}:`);
    for (const c of failed) {
      const ci = c.measure.interval ? `  ${formatCi(c.measure.interval, c.measure.unit)}` : '';
      lines.push(
        `    ${clean(c.category)}  ${formatEstimate(c.measure)}${ci}  n = ${c.n}  ${c.measure.adjusted_p !== undefined ? 'Holm p' : 'p'} = ${formatMeasureP(c.measure)}`,
      );
    }
  }
  if (pkg.worst_cases.length > 0) {
    lines.push(
      `  worst regressed cases${pkg.worst_cases.length > TERMINAL_CASES ? ` (${TERMINAL_CASES} of ${pkg.worst_cases.length})` : ''}:`,
    );
    for (const c of pkg.worst_cases.slice(0, TERMINAL_CASES)) {
      lines.push(`    ${caseLine(c, paint)}`, ...answerLines(c, paint));
    }
  }
  return lines;
}

/**
 * Binding, suite coverage and the diff's warnings: each can change what the decision means (an
 * unbound side needs an owner, a suite half covered, a parent found by another route), so the
 * terminal shows them as the report does.
 */
function evidenceLines(pkg: PackageReport, paint: Paint): string[] {
  const lines: string[] = [];
  const binding = pkg.evidence.binding;
  if (binding !== undefined) {
    if (binding.parent.status === 'bound' && binding.candidate.status === 'bound') {
      lines.push(
        `  evidence: ${clean(`${describeSideBinding('parent', binding.parent)}; ${describeSideBinding('candidate', binding.candidate)}`)}`,
      );
    } else {
      for (const side of ['parent', 'candidate'] as const)
        lines.push(
          `  ${paint(binding[side].status === 'bound' ? 'dim' : 'yellow', 'evidence')}: ${clean(describeSideBinding(side, binding[side]), 2000)}`,
        );
    }
  }
  const unpaired = pkg.evidence.unpaired;
  if (unpaired !== undefined) {
    lines.push(
      `  ${paint('yellow', 'evidence')}: ${unpaired.parent_only} parent-only and ${unpaired.candidate_only} candidate-only case(s) dropped (--allow-unpaired); the gates judged the ${pkg.evidence.paired_cases.toLocaleString('en-US')} paired cases`,
    );
  }
  for (const coverage of pkg.evidence.suites ?? []) {
    const short = coverage.cases === undefined || (coverage.missing_count ?? 0) > 0;
    lines.push(`  ${short ? paint('yellow', 'suite') : 'suite'} ${clean(describeCoverage(coverage))}`);
  }
  const origin = pkg.evidence.eval;
  for (const line of origin === undefined ? [] : describeEvalOrigin(origin)) lines.push(`  eval: ${clean(line, 1000)}`);
  for (const warning of pkg.diff.warnings) lines.push(`  ${paint('yellow', 'warning')}: ${clean(warning, 1000)}`);
  return lines;
}

function caseLine(c: RegressedCase, paint: Paint): string {
  const critical = c.critical ? `  ${paint('red', 'critical')}` : '';
  return `${clean(c.suite)}/${clean(c.case_id)}  ${clean(c.category)}${critical}  ${formatOutcome(c.parent)} → ${formatOutcome(c.candidate)}  ${clean(c.source)}`;
}

/** The answers of a case in a few lines of at most about a hundred characters each. */
function answerLines(c: RegressedCase, paint: Paint): string[] {
  const answers = c.answers;
  if (answers === undefined) return [];
  const lines: string[] = [];
  const line = (label: string, text: string, suffix = ''): void => {
    lines.push(`      ${paint('dim', label)}  ${text === '' ? '(empty)' : clean(text, ANSWER_LINE)}${suffix}`);
  };
  if (answers.input !== undefined) line('input    ', answers.input.text);
  for (const side of ['parent', 'candidate'] as const) {
    const answer = answers[side];
    if (answer?.output === undefined) continue;
    line(side.padEnd(9), answer.output.text, answer.trials > 1 ? `  [trial ${answer.trial} of ${answer.trials}]` : '');
  }
  const why = answers.candidate?.reason;
  if (why !== undefined) line('grader   ', why.text);
  return lines;
}

/** Characters of evidence text per terminal line. */
const ANSWER_LINE = 100;

function pointerLine(outDir: string | undefined): string {
  if (outDir === undefined)
    return 'Full report: --out DIR writes report.md and report.json; --format markdown|json prints them.';
  const dir = clean(outDir).replace(/\/+$/, '');
  return `Full report: ${dir}/report.md and ${dir}/report.json`;
}

function outcomeColour(outcome: RunOutcome): Colour {
  return OUTCOMES[outcome].colour;
}

function verdictColour(verdict: Verdict): Colour {
  switch (verdict) {
    case 'pass':
      return 'green';
    case 'fail':
      return 'red';
    case 'inconclusive':
      return 'yellow';
    case 'not_applicable':
      return 'dim';
  }
}

/** One line of terminal-safe text: escape sequences in evidence could recolour, move the cursor or retitle the terminal. */
function clean(text: string, maxLength = 500): string {
  return toPlainText(text, maxLength);
}
