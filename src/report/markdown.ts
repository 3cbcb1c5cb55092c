import { describeSideBinding } from '../evidence/binding.ts';
import { describeEvalOrigin } from './eval-origin.ts';
import { describeCoverage } from '../evidence/suites.ts';
import { confidenceDigits, formatP } from '../gates/format.ts';
import type { CategoryDelta } from '../gates/quality.ts';
import type { Verdict } from '../gates/result.ts';
import type { ArtifactChange } from '../manifest/diff.ts';
import { manifestProblems } from './annotations.ts';
import { escapeMarkdown, escapeTableCell } from './escape.ts';
import { OUTCOMES } from '../outcome.ts';
import type { Excerpt, PackageReport, RegressedCase, Report, SideAnswer } from './model.ts';
import {
  decisionWord,
  formatCi,
  formatEstimate,
  formatMeasureP,
  formatOutcome,
  formatThreshold,
  verdictWord,
} from './text.ts';
import { shortDigest } from '../digest.ts';

/**
 * A titled block of the Markdown report, the shape `fitMarkdown` (src/github/limits.ts) shortens:
 * `details` goes first, then whole sections, lowest `priority` first. The title is already escaped.
 */
export interface ReportSection {
  readonly title: string;
  readonly body: string;
  readonly details?: string;
  readonly priority: number;
}

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** Most rows in any one list or table (cases, categories, changes, problems, files); the rest are counted. Default 50. */
  readonly detailsLimit?: number;
}

const DEFAULT_DETAILS_LIMIT = 50;
/** Rows shown outside the collapsible details: what a reviewer reads without a click. */
const BODY_CASES = 5;
const BODY_CHANGES = 10;
/** Cases whose answers stay outside the collapsed rest (each is collapsible itself). */
const BODY_ANSWERS = 3;
/** Identifiers are cut shorter than prose so one hostile id cannot crowd out a table. */
const ID_LENGTH = 120;

const VERDICT_ICON: Readonly<Record<Verdict, string>> = {
  pass: '✅',
  fail: '❌',
  inconclusive: '⚠️',
  not_applicable: '➖',
};

/**
 * Renders the report as GitHub-flavoured Markdown for the check run, the job summary and the sticky
 * comment: the sections of {@link renderMarkdownSections} joined exactly as `fitMarkdown` joins
 * them when everything fits. Every piece of model or user text is escaped. Pure.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  return renderMarkdownSections(report, options)
    .map((section) =>
      [section.title === '' ? '' : `## ${section.title}`, section.body, section.details ?? '']
        .filter((part) => part !== '')
        .join('\n\n'),
    )
    .join('\n\n');
}

/**
 * The report as prioritised sections: the decision on top (never dropped), then per package its
 * gates, categories, worst regressed cases, manifest diff and rollout plan, then changed files no
 * manifest references, and evidence and statistics. With several packages each gets its own
 * decision section, and later packages give way first.
 */
export function renderMarkdownSections(report: Report, options: MarkdownOptions = {}): ReportSection[] {
  const limit = Math.max(1, Math.trunc(options.detailsLimit ?? DEFAULT_DETAILS_LIMIT));
  const several = report.packages.length > 1;
  const sections: ReportSection[] = [{ title: '', body: overview(report, limit), priority: 100 }];
  for (const pkg of report.packages) {
    const prefix = several ? `${escapeMarkdown(pkg.application, ID_LENGTH)} · ` : '';
    const add = (title: string, priority: number, content: { body: string; details?: string } | undefined): void => {
      if (content) sections.push({ title: `${prefix}${title}`, priority, ...content });
    };
    if (several) {
      const word = `${OUTCOMES[pkg.decision.outcome].emoji} ${decisionWord(pkg.decision.outcome)}`;
      sections.push({
        title: `${escapeMarkdown(pkg.application, ID_LENGTH)} — ${word}`,
        body: decisionBody(pkg, limit),
        priority: 90,
      });
    }
    add('Gates', 80, gatesSection(pkg, report.inputs.statistics.confidence, limit));
    add('Categories', 60, categoriesSection(pkg, report.inputs.statistics.confidence, limit));
    add('Worst regressed cases', 55, casesSection(pkg.worst_cases, limit));
    // The largest and least essential section: its rest goes first, then the section, when space runs out.
    add('What changed in the answers', 15, answersSection(pkg.worst_cases, limit));
    add('Manifest diff', 50, diffSection(pkg, limit));
    add('Rollout plan', 40, { body: rolloutBody(pkg) });
  }
  if (report.unreferenced_changes.length > 0) {
    sections.push({
      title: 'Changed files no manifest references',
      body: unreferencedBody(report.unreferenced_changes, limit),
      priority: 45,
    });
  }
  if (report.packages.length > 0)
    sections.push({ title: 'Evidence and statistics', ...evidenceSection(report, limit), priority: 20 });
  return sections;
}

function overview(report: Report, limit: number): string {
  const outcome = report.decision.outcome;
  const word = decisionWord(outcome);
  const parts = [`## ${OUTCOMES[outcome].emoji} ${word} · kaizen-gate`];
  const only = report.packages.length === 1 ? report.packages[0] : undefined;
  if (only) parts.push(decisionBody(only, limit));
  else {
    parts.push(`**${escapeMarkdown(report.decision.summary)}**`);
    if (report.packages.length > 1) {
      const rows = report.packages.map((p) => [
        escapeTableCell(p.application, ID_LENGTH),
        escapeTableCell(p.package_id, ID_LENGTH),
        String(p.side_effect_level),
        `${OUTCOMES[p.decision.outcome].emoji} ${decisionWord(p.decision.outcome)}`,
        escapeTableCell(p.decision.summary),
      ]);
      parts.push(table(['application', 'package', 'level', 'decision', 'summary'], rows));
    }
  }
  parts.push(subjectLine(report));
  return parts.join('\n\n');
}

function decisionBody(pkg: PackageReport, limit: number): string {
  const parts = [`**${escapeMarkdown(pkg.decision.summary)}**`];
  if (pkg.decision.reasons.length > 0)
    parts.push(
      bullets(
        pkg.decision.reasons.map((r) => escapeMarkdown(r)),
        limit,
      ),
    );
  if (pkg.decision.outcome === 'needs_approval' && pkg.decision.approvers.length > 0) {
    parts.push(`Approval by one of: ${pkg.decision.approvers.map((a) => escapeMarkdown(a, ID_LENGTH)).join(', ')}`);
  }
  const parent = pkg.parent ? ` (parent ${escapeMarkdown(pkg.parent.package_id, ID_LENGTH)})` : ' (new application)';
  const level = `side-effect level ${pkg.side_effect_level} (${escapeMarkdown(pkg.rollout.level_name)})`;
  parts.push(
    [
      `**Package** ${escapeMarkdown(pkg.package_id, ID_LENGTH)}${parent} · ${escapeMarkdown(pkg.application, ID_LENGTH)} · ${escapeMarkdown(pkg.manifest)} · ${level}`,
      `**Change** ${escapeMarkdown(pkg.change.type, ID_LENGTH)} by ${escapeMarkdown(pkg.change.owner, ID_LENGTH)}: ${escapeMarkdown(pkg.change.summary)}`,
      `**Problem** ${escapeMarkdown(pkg.change.problem)}`,
    ].join('  \n'),
  );
  return parts.join('\n\n');
}

/** `main (abc1234)`, or just the commit when the ref is HEAD or the SHA itself. */
function refAt(ref: string, sha: string): string {
  const bare = ref === 'HEAD' || ref === 'WORKTREE' || sha.startsWith(ref.toLowerCase());
  return bare ? commit(sha) : `${escapeMarkdown(ref, ID_LENGTH)} (${commit(sha)})`;
}

function subjectLine(report: Report): string {
  const parts: string[] = [];
  const head = report.subject.commit ?? report.inputs.head.commit ?? undefined;
  parts.push(`Head ${head ? refAt(report.inputs.head.ref, head) : 'working tree'}`);
  parts.push(`base ${refAt(report.inputs.base.ref, report.inputs.base.commit)}`);
  const sig = report.signature;
  parts.push(
    sig.status === 'signed'
      ? `🔏 signed${sig.keyid ? ` with key ${escapeMarkdown(sig.keyid, ID_LENGTH)}` : ''}`
      : `unsigned${sig.reason ? `: ${escapeMarkdown(sig.reason)}` : ''}`,
  );
  parts.push(`kaizen-gate ${escapeMarkdown(report.tool.version, ID_LENGTH)}`);
  return `<sub>${parts.join(' · ')}</sub>`;
}

// The level of the shown intervals: this look's pass level when the report records its error budget.
function shownLevel(pkg: PackageReport, confidence: number): number {
  return pkg.error_budget ? (1 - 2 * pkg.error_budget.look_pass_risk) * 100 : confidence * 100;
}

// What the intervals and α mean, and how the decision's error budget was split (reports that record it).
function budgetLine(pkg: PackageReport): string | undefined {
  const budget = pkg.error_budget;
  if (!budget) return undefined;
  const groups = new Map<string, { share: number; tests: number }>();
  for (const line of budget.split) {
    const entry = groups.get(line.group) ?? { share: 0, tests: 0 };
    groups.set(line.group, { share: entry.share + line.share, tests: entry.tests + 1 });
  }
  const split = [...groups]
    .map(
      ([group, g]) =>
        `${escapeMarkdown(group)} ${Math.round(g.share * 1000) / 10} %${g.tests > 1 ? ` (${g.tests} tests)` : ''}`,
    )
    .join(', ');
  const bound = confidenceDigits(1 - budget.look_pass_risk);
  return `Each interval bound is one-sided at ${bound} %: a gate passes when the bound on the worse side is within its threshold. A measure fails only when its fail test rejects at its share α of the error budget: a candidate that changes nothing is rejected or held at most ${Math.round(budget.alpha * 1000) / 10} % of the time over the whole decision and all looks. Look ${budget.look} spends α = ${formatP(budget.look_alpha)}${split ? `, split ${split}` : ''}.`;
}

function gatesSection(pkg: PackageReport, confidence: number, limit: number): { body: string; details?: string } {
  const level = shownLevel(pkg, confidence);
  const levelText = confidenceDigits(level / 100);
  const rows = pkg.gates.map((g) => {
    const h = g.headline;
    return [
      escapeTableCell(g.gate, ID_LENGTH),
      verdictCell(g.verdict),
      h ? escapeTableCell(formatEstimate(h)) : '—',
      h?.interval ? escapeTableCell(formatCi(h.interval, h.unit, level)) : '—',
      h ? escapeTableCell(formatThreshold(h)) : '—',
      escapeTableCell(g.reason),
    ];
  });
  const parts = [table(['gate', 'verdict', 'estimate', `${levelText}% CI`, 'threshold', 'reason'], rows)];
  const budget = budgetLine(pkg);
  if (budget) parts.push(budget);
  const problems = manifestProblems(pkg.gates);
  if (problems.length > 0)
    parts.push(
      `**Manifest problems**\n\n${bullets(
        problems.map((p) => escapeMarkdown(p)),
        limit,
      )}`,
    );
  const measures = pkg.gates.flatMap((g) =>
    g.measures.filter((m) => !m.name.startsWith('category:')).map((m) => ({ gate: g.gate, m })),
  );
  if (measures.length === 0) return { body: parts.join('\n\n') };
  const measureRows = measures
    .slice(0, limit)
    .map(({ gate, m }) => [
      escapeTableCell(gate, ID_LENGTH),
      escapeTableCell(m.label, ID_LENGTH),
      verdictCell(m.verdict),
      escapeTableCell(formatEstimate(m)),
      m.interval ? escapeTableCell(formatCi(m.interval, m.unit, level)) : '—',
      escapeTableCell(formatThreshold(m)),
      formatMeasureP(m),
      String(m.n),
      escapeTableCell(m.reason ?? ''),
    ]);
  const detail =
    table(
      ['gate', 'measure', 'verdict', 'estimate', `${levelText}% CI`, 'threshold', pHeader(pkg), 'n', 'note'],
      measureRows,
    ) + more(measures.length, limit);
  return { body: parts.join('\n\n'), details: details(`All measures (${measures.length})`, detail) };
}

function categoriesSection(
  pkg: PackageReport,
  confidence: number,
  limit: number,
): { body: string; details?: string } | undefined {
  if (pkg.categories.length === 0) return undefined;
  const level = shownLevel(pkg, confidence);
  const ordered = pkg.categories.toSorted(
    (a, b) =>
      rank(a) - rank(b) ||
      a.measure.estimate - b.measure.estimate ||
      (a.category < b.category ? -1 : a.category > b.category ? 1 : 0),
  );
  const failed = ordered.filter((c) => c.measure.verdict === 'fail');
  const tested = pkg.categories.filter((c) => c.tested).length;
  const shownOnly = pkg.categories.length - tested;
  const head = [
    'category',
    'n',
    'parent',
    'candidate',
    'Δ',
    `${confidenceDigits(level / 100)}% CI`,
    pkg.error_budget ? 'p (α)' : 'Holm p',
    'verdict',
  ];
  const row = (c: CategoryDelta): string[] => [
    escapeTableCell(c.category, ID_LENGTH),
    String(c.n),
    percent(c.parent_rate),
    percent(c.candidate_rate),
    escapeTableCell(formatEstimate(c.measure)),
    c.measure.interval ? escapeTableCell(formatCi(c.measure.interval, c.measure.unit, level)) : '—',
    c.tested ? formatMeasureP(c.measure) : '—',
    c.tested ? verdictCell(c.measure.verdict) : 'shown only',
  ];
  const counts = pkg.error_budget
    ? `${tested} tested (in the decision's error budget with the other gates' tests), ${shownOnly} shown only (too few cases to test).`
    : `${tested} tested (Holm-adjusted, one family with the overall and critical-case tests), ${shownOnly} shown only (too few cases to test).`;
  const body =
    failed.length > 0
      ? `**${failed.length} of ${pkg.categories.length} categories failed.** ${counts}\n\n${table(head, failed.slice(0, limit).map(row))}${more(failed.length, limit)}`
      : `No category regressed significantly. ${counts}`;
  const all = table(head, ordered.slice(0, limit).map(row)) + more(ordered.length, limit);
  return { body, details: details(`All ${pkg.categories.length} categories`, all) };
}

// Reports with an error budget show each fail test's p with its level; older ones a Holm-adjusted p.
function pHeader(pkg: PackageReport): string {
  return pkg.error_budget ? 'p (α)' : 'p (Holm)';
}

function rank(c: CategoryDelta): number {
  if (c.measure.verdict === 'fail') return 0;
  return c.tested ? 1 : 2;
}

function casesSection(cases: readonly RegressedCase[], limit: number): { body: string; details?: string } | undefined {
  if (cases.length === 0) return undefined;
  const head = ['#', 'suite', 'case', 'category', 'critical', 'parent → candidate', 'source'];
  const rows = cases.map(caseRow);
  const critical = cases.filter((c) => c.critical).length;
  const intro = `${cases.length} case${cases.length === 1 ? '' : 's'} got worse, worst first${critical > 0 ? ` (${critical} critical)` : ''}.`;
  const { body, details: rest } = splitTable(head, rows, BODY_CASES, limit, 'more regressed cases');
  return { body: `${intro}\n\n${body}`, ...(rest !== undefined ? { details: rest } : {}) };
}

function caseRow(c: RegressedCase, i: number): string[] {
  return [
    String(i + 1),
    escapeTableCell(c.suite, ID_LENGTH),
    escapeTableCell(c.case_id, ID_LENGTH),
    escapeTableCell(c.category, ID_LENGTH),
    c.critical ? '**critical**' : '',
    `${formatOutcome(c.parent)} → ${formatOutcome(c.candidate)}`,
    escapeTableCell(c.source),
  ];
}

function answersSection(
  cases: readonly RegressedCase[],
  limit: number,
): { body: string; details?: string } | undefined {
  const blocks = cases.slice(0, limit).flatMap((c, i) => (c.answers === undefined ? [] : [answerBlock(c, i)]));
  if (blocks.length === 0) return undefined;
  const intro =
    'Per regressed case, one trial of each side: the candidate’s worst and the parent’s best. ' +
    'Evidence text is shown escaped and cut.';
  const body = [intro, ...blocks.slice(0, BODY_ANSWERS)].join('\n\n');
  if (blocks.length <= BODY_ANSWERS) return { body };
  const rest = blocks.length - BODY_ANSWERS;
  return {
    body,
    details: details(`Answers to ${rest} more case${rest === 1 ? '' : 's'}`, blocks.slice(BODY_ANSWERS).join('\n\n')),
  };
}

/** One case's answers, collapsed; the summary holds only numbers, never evidence text (HTML is not Markdown-escaped). */
function answerBlock(c: RegressedCase, index: number): string {
  const answers = c.answers!;
  const id = `${escapeMarkdown(c.suite, ID_LENGTH)}/${escapeMarkdown(c.case_id, ID_LENGTH)}`;
  const parts = [`**${id}** · ${escapeMarkdown(c.category, ID_LENGTH)}${c.critical ? ' · **critical**' : ''}`];
  if (answers.input !== undefined) {
    parts.push(`**Input** ${excerptText(answers.input, (text, max) => escapeMarkdown(text, max))}`);
  }
  const sides = [answers.parent, answers.candidate];
  const cell = (side: SideAnswer | undefined, pick: (side: SideAnswer) => Excerpt | undefined): string => {
    if (side === undefined) return '—';
    const value = pick(side);
    return value === undefined ? '—' : excerptText(value, (text, max) => escapeTableCell(text, max));
  };
  const rows = [
    ['trial', ...sides.map((side) => (side === undefined ? 'no text in the evidence' : trialCell(side)))],
    ['output', ...sides.map((side) => cell(side, (s) => s.output))],
    ['grader', ...sides.map((side) => cell(side, (s) => s.reason))],
  ];
  parts.push(table(['', 'parent', 'candidate'], rows));
  return details(`Case ${index + 1}: ${formatOutcome(c.parent)} → ${formatOutcome(c.candidate)}`, parts.join('\n\n'));
}

function trialCell(side: SideAnswer): string {
  const passed = side.pass ? 'passed' : 'failed';
  const outcome = side.score === undefined ? passed : `${passed}, score ${formatOutcome(side.score)}`;
  const which = side.trials > 1 ? ` in trial ${side.trial} (of ${side.trials} trials)` : '';
  return `${outcome}${which} · ${escapeTableCell(side.source)}`;
}

/** Escaped evidence text, with how much of it is shown when it was cut, or a word for empty text. */
function excerptText(value: Excerpt, escape: (text: string, max: number) => string): string {
  if (value.length === 0) return '_(empty)_';
  const shown = Array.from(value.text).length;
  const escaped = escape(value.text, shown + 1);
  if (shown >= value.length) return escaped;
  return `${escaped} _(first ${shown.toLocaleString('en-US')} of ${value.length.toLocaleString('en-US')} characters)_`;
}

/**
 * A table whose first `inBody` rows stay visible and the rest (up to `limit` in all) go into a
 * collapsible block, the part shortened first; rows beyond `limit` are counted.
 */
function splitTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  inBody: number,
  limit: number,
  label: string,
): { body: string; details?: string } {
  const shown = Math.min(rows.length, limit);
  const visible = Math.min(inBody, shown);
  const body = table(head, rows.slice(0, visible));
  if (shown === visible) return { body: body + more(rows.length, shown) };
  const rest = table(head, rows.slice(visible, shown)) + more(rows.length, shown);
  return { body, details: details(`${rows.length - visible} ${label}`, rest) };
}

function diffSection(pkg: PackageReport, limit: number): { body: string; details?: string } {
  const lines: string[] = [];
  const failure = pkg.diff.failure;
  lines.push(
    failure
      ? `**Candidate** none valid: ${escapeMarkdown(failure.message)}`
      : `**Candidate** ${escapeMarkdown(pkg.manifest)} (${digest(pkg.manifest_digest)})`,
  );
  if (pkg.parent) {
    const how =
      pkg.parent.resolution === 'parent_package_id'
        ? 'found by parent_package_id'
        : pkg.parent.resolution === 'renamed'
          ? 'renamed from it: a new manifest of the same application'
          : 'same path at base';
    lines.push(
      `**Parent** ${escapeMarkdown(pkg.parent.package_id, ID_LENGTH)} in ${escapeMarkdown(pkg.parent.manifest)} at ${commit(pkg.parent.commit)} (${escapeMarkdown(how)})`,
    );
  } else lines.push('**Parent** none: a new application');
  const classes =
    pkg.diff.classes.length > 0
      ? pkg.diff.classes.map((c) => `**${escapeMarkdown(c, ID_LENGTH)}**`).join(', ')
      : 'none';
  lines.push(`**Change classes** ${classes}`);
  if (pkg.diff.rollback_of)
    lines.push(
      `**Rollback** to ${escapeMarkdown(pkg.diff.rollback_of.package_id, ID_LENGTH)} at ${commit(pkg.diff.rollback_of.commit)}`,
    );
  const parts = [lines.join('  \n')];
  if (pkg.diff.warnings.length > 0)
    parts.push(
      bullets(
        pkg.diff.warnings.map((w) => `⚠️ ${escapeMarkdown(w)}`),
        limit,
      ),
    );
  const changes = pkg.diff.changes;
  if (changes.length === 0) {
    if (pkg.parent && !failure) parts.push('No artifact changed.');
    return { body: parts.join('\n\n') };
  }
  const head = ['component', 'artifact', 'field', 'change', 'parent → candidate'];
  const split = splitTable(head, changes.map(changeRow), BODY_CHANGES, limit, 'more changes');
  parts.push(split.body);
  return { body: parts.join('\n\n'), ...(split.details !== undefined ? { details: split.details } : {}) };
}

function changeRow(c: ArtifactChange): string[] {
  return [
    escapeTableCell(c.component, ID_LENGTH),
    escapeTableCell(c.key, ID_LENGTH),
    c.field === undefined ? '' : escapeTableCell(c.field, ID_LENGTH),
    escapeTableCell(c.change, ID_LENGTH),
    `${changeValue(c.old)} → ${changeValue(c.new)}`,
  ];
}

function changeValue(value: string | undefined): string {
  if (value === undefined) return '∅';
  return /^(?:sha256:)?[0-9a-f]{64}$/i.test(value) ? digest(value) : escapeTableCell(value, 80);
}

function rolloutBody(pkg: PackageReport): string {
  const r = pkg.rollout;
  const requested =
    r.requested_strategy !== undefined ? ` (manifest requests: ${escapeMarkdown(r.requested_strategy)})` : '';
  const parts = [
    `Side-effect level ${r.side_effect_level}, ${escapeMarkdown(r.level_name)}. Minimum strategy: **${escapeMarkdown(r.minimum_strategy)}**${requested}.`,
  ];
  parts.push(
    r.stages
      .map((s, i) => {
        const traffic = s.traffic_pct !== undefined ? ` (${s.traffic_pct} % of traffic)` : '';
        return `${i + 1}. **${escapeMarkdown(s.stage, ID_LENGTH)}**${traffic} — ${escapeMarkdown(s.description)}`;
      })
      .join('\n'),
  );
  const triggers = r.rollback_triggers.map((t) => escapeMarkdown(t));
  parts.push(
    `**Roll back** (metric ${escapeMarkdown(r.rollback_metric, ID_LENGTH)}) on any of:\n\n${triggers.map((t) => `- ${t}`).join('\n')}`,
  );
  parts.push(
    r.requires_human_approval
      ? '**Human approval** required before real traffic.'
      : 'No human approval required at this level.',
  );
  return parts.join('\n\n');
}

function unreferencedBody(paths: readonly string[], limit: number): string {
  return `⚠️ These files changed but no package manifest references them; behaviour they drive changes without a gate.\n\n${bullets(
    paths.map((p) => escapeMarkdown(p)),
    limit,
  )}`;
}

function evidenceSection(report: Report, limit: number): { body: string; details?: string } {
  const s = report.inputs.statistics;
  const lines = report.packages.map((p) => {
    const e = p.evidence;
    const suites = Object.entries(e.by_suite)
      .toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([suite, n]) => `${escapeMarkdown(suite, ID_LENGTH)} ${n.toLocaleString('en-US')}`)
      .join(', ');
    const judge = e.judge
      ? `, judge ${escapeMarkdown(e.judge.id, ID_LENGTH)} ${escapeMarkdown(e.judge.version, ID_LENGTH)}`
      : ', no judge recorded';
    const shape = `${e.clustered ? 'clustered' : 'not clustered'}, up to ${e.max_trials} trial${e.max_trials === 1 ? '' : 's'} per case`;
    const head = `**${escapeMarkdown(p.application, ID_LENGTH)}**: ${e.paired_cases.toLocaleString('en-US')} paired cases${suites ? ` (${suites})` : ''}, ${shape}${judge}`;
    const binding =
      e.binding === undefined
        ? []
        : [
            `Binding: ${(['parent', 'candidate'] as const).map((side) => `${BINDING_ICON[e.binding![side].status]} ${escapeMarkdown(describeSideBinding(side, e.binding![side]))}`).join(' · ')}`,
          ];
    const coverage = (e.suites ?? []).map((c) => `Suite ${escapeMarkdown(describeCoverage(c))}`);
    const ran = e.eval === undefined ? [] : describeEvalOrigin(e.eval).map((line) => `Eval: ${escapeMarkdown(line)}`);
    return [head, ...binding, ...coverage, ...ran].join('  \n  ');
  });
  const stats = `**Statistics** seed ${s.seed} · ${s.resamples.toLocaleString('en-US')} bootstrap resamples · ${Math.round(s.confidence * 1000) / 10}% confidence · α = ${s.alpha} (Holm) · at least ${s.min_cases} cases to decide`;
  const body = `${bullets(lines, limit)}\n\n${stats}`;
  const files = [
    ...report.subject.manifests.map((m) => [
      escapeTableCell(m.path),
      `manifest (${m.role === 'parent' ? 'parent' : 'candidate'})`,
      digest(m.sha256),
    ]),
    ...report.subject.evidence.map((e) => [escapeTableCell(e.path), 'evidence', digest(e.sha256)]),
    ...report.inputs.policy.map((p) => [escapeTableCell(p.file), 'policy', digest(p.digest)]),
  ];
  if (files.length === 0) return { body };
  return {
    body,
    details: details(
      `Inputs bound by digest (${files.length})`,
      table(['file', 'role', 'sha256'], files.slice(0, limit)) + more(files.length, limit),
    ),
  };
}

const BINDING_ICON = { bound: '✅', unbound: '⚠️', mismatched: '❌' } as const;

function verdictCell(verdict: Verdict): string {
  return `${VERDICT_ICON[verdict]} ${verdictWord(verdict)}`;
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)} %`;
}

/** A commit id in a code span when it is one (hex), escaped text otherwise. */
function commit(id: string): string {
  return /^[0-9a-f]{7,64}$/i.test(id) ? `\`${id.slice(0, 12)}\`` : escapeMarkdown(id, ID_LENGTH);
}

/** A sha256 digest (bare or prefixed) shortened in a code span; anything else escaped. */
function digest(value: string): string {
  const hex = /^(?:sha256:)?([0-9a-f]{64})$/i.exec(value)?.[1];
  return hex !== undefined ? `\`${shortDigest(`sha256:${hex}`)}\`` : escapeTableCell(value, ID_LENGTH);
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [tableRow(head), tableRow(head.map(() => '---')), ...rows.map(tableRow)].join('\n');
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function details(summary: string, content: string): string {
  return `<details><summary>${summary}</summary>\n\n${content}\n\n</details>`;
}

function bullets(items: readonly string[], limit: number): string {
  return (
    items
      .slice(0, limit)
      .map((item) => `- ${item}`)
      .join('\n') + more(items.length, limit)
  );
}

function more(total: number, shown: number): string {
  return total > shown ? `\n\n_… and ${total - shown} more in report.json_` : '';
}
