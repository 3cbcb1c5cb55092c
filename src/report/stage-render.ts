/**
 * Renderings of a stage report: GitHub Markdown (check run, job summary, PR body) and terminal
 * text. Pure `(report) => string`; every piece of user or telemetry text is escaped here, since
 * package ids, cohort names and reasons come from files anyone can write.
 */
import { describeChange } from '../delivery/canary-decide.ts';
import type { CanaryAnalysis } from '../delivery/canary-model.ts';
import type { RollbackResult } from '../delivery/rollback.ts';
import type { ShadowAnalysis } from '../delivery/shadow.ts';
import { escapeMarkdown, escapeTableCell, toPlainText } from './escape.ts';
import { STAGE_OUTCOMES } from '../outcome.ts';
import { stageStatusOf } from './stage.ts';
import type { StageReport } from './stage.ts';

const STAGE_TITLES = { shadow: 'Shadow replay', canary: 'Canary against holdout', rollback: 'Rollback' } as const;

function header(report: StageReport): string[] {
  const row = STAGE_OUTCOMES[report.decision.outcome];
  const previous = report.previous
    ? `after the ${report.previous.stage} stage (statement sha256 \`${report.previous.statement_sha256.slice(0, 16)}…\`)`
    : 'no earlier stage recorded';
  return [
    `## ${row.emoji} ${STAGE_TITLES[report.stage]}: ${escapeMarkdown(stageStatusOf(report))}`,
    '',
    `**${escapeMarkdown(report.application)}** \`${escapeMarkdown(report.package_id)}\`${report.parent_package_id ? ` against \`${escapeMarkdown(report.parent_package_id)}\`` : ''}; ${previous}.`,
    '',
    escapeMarkdown(report.decision.summary),
    ...(report.decision.reasons.length > 0
      ? ['', ...report.decision.reasons.map((r) => `- ${escapeMarkdown(r)}`)]
      : []),
  ];
}

function canaryMarkdown(c: CanaryAnalysis): string[] {
  const rows = c.metrics.map(
    (m) =>
      `| ${escapeTableCell(m.label)}${m.role === 'rollback' ? ' (rollback metric)' : ''} | ${m.verdict.replace('_', ' ')} | ${escapeTableCell(describeChange(m))} | ${m.unit === 'pp' ? `${m.margin.toFixed(1)} pp` : `+${((m.margin - 1) * 100).toFixed(0)} %`} | ${m.clusters.canary} / ${m.clusters.holdout} | ${escapeTableCell(m.reason)} |`,
  );
  return [
    '',
    `Step ${c.step.current} %${c.step.next !== undefined ? ` → next ${c.step.next} %` : ''}. ${escapeMarkdown(c.split.reason)}`,
    '',
    '| metric | verdict | canary vs holdout [always-valid interval] | margin | users (canary / holdout) | reason |',
    '|---|---|---|---|---|---|',
    ...rows,
    ...(c.judge_comparison ? ['', `Paired judge comparison (P10): ${escapeMarkdown(c.judge_comparison.reason)}`] : []),
    '',
    `Trace completeness: canary ${pct(c.completeness.canary)}, holdout ${pct(c.completeness.holdout)} (required ${pct(c.completeness.required)}).`,
  ];
}

function shadowMarkdown(s: ShadowAnalysis): string[] {
  return [
    '',
    `${s.pairs.toLocaleString('en-US')} replayed requests answered by both packages (${s.clusters.toLocaleString('en-US')} users); unpaired: ${s.unpaired.candidate_only} candidate-only, ${s.unpaired.parent_only} parent-only.`,
    '',
    '| gate | verdict | reason |',
    '|---|---|---|',
    ...s.gates.map(
      (g) => `| ${escapeTableCell(g.label)} | ${g.verdict.replace('_', ' ')} | ${escapeTableCell(g.reason)} |`,
    ),
    '',
    '| behaviour | test | effect | flagged | blocks | reason |',
    '|---|---|---|---|---|---|',
    ...s.behaviour.map(
      (b) =>
        `| ${escapeTableCell(b.label)} | ${b.test} | ${b.effect} ${b.effect_unit} | ${b.flagged ? 'yes' : 'no'} | ${b.blocking ? 'yes' : 'no'} | ${escapeTableCell(b.reason)} |`,
    ),
  ];
}

function rollbackMarkdown(r: RollbackResult): string[] {
  return [
    '',
    `Pointer \`${escapeMarkdown(r.pointer_path)}\`${r.dry_run ? ' (dry run: nothing written)' : r.commit ? ` committed as \`${r.commit.slice(0, 12)}\`` : ''}.`,
    '',
    ...r.rehearsal.map((c) => `- ${c.ok ? '✅' : '❌'} ${escapeMarkdown(c.check)}: ${escapeMarkdown(c.detail)}`),
    '',
    '```diff',
    ...r.pointer_diff.map((l) =>
      l
        .replace(/^ {2}/, ' ')
        .replace(/^([-+]) /, '$1')
        .replaceAll('```', "'''"),
    ),
    '```',
    ...(r.skipped.length > 0
      ? [
          '',
          'Skipped releases:',
          ...r.skipped.map((s) => `- \`${escapeMarkdown(s.package_id)}\`: ${escapeMarkdown(s.reason)}`),
        ]
      : []),
  ];
}

function pct(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : 'unknown';
}

/** The report as GitHub Markdown. */
export function renderStageMarkdown(report: StageReport): string {
  const body = [...header(report)];
  if (report.canary) body.push(...canaryMarkdown(report.canary));
  if (report.shadow) body.push(...shadowMarkdown(report.shadow));
  if (report.rollback) body.push(...rollbackMarkdown(report.rollback));
  if (report.telemetry) {
    const t = report.telemetry;
    body.push(
      '',
      `Telemetry: ${t.events_read.toLocaleString('en-US')} events read by ${t.engine}, ${t.invalid_events.toLocaleString('en-US')} invalid, ${t.unattributed.toLocaleString('en-US')} without a package id.`,
    );
  }
  body.push(
    '',
    `Signature: ${report.signature.status}${report.signature.keyid ? ` (${escapeMarkdown(report.signature.keyid)})` : report.signature.reason ? ` (${escapeMarkdown(report.signature.reason)})` : ''}.`,
  );
  return `${body.join('\n')}\n`;
}

/** The report as plain terminal text (control characters stripped). */
export function renderStageText(report: StageReport): string {
  const lines: string[] = [
    `${STAGE_TITLES[report.stage]}: ${stageStatusOf(report)} — ${report.application} ${report.package_id}`,
    report.decision.summary,
    ...report.decision.reasons.map((r) => `  - ${r}`),
  ];
  if (report.canary) {
    lines.push(
      '',
      `step ${report.canary.step.current} %${report.canary.step.next !== undefined ? ` (next ${report.canary.step.next} %)` : ''}; ${report.canary.split.reason}`,
    );
    const width = Math.max(...report.canary.metrics.map((m) => m.name.length));
    for (const m of report.canary.metrics)
      lines.push(`  ${m.name.padEnd(width)}  ${m.verdict.padEnd(14)}  ${describeChange(m)}`);
  }
  if (report.shadow) {
    lines.push('', `${report.shadow.pairs} paired requests`);
    for (const g of report.shadow.gates) lines.push(`  ${g.gate.padEnd(13)}  ${g.verdict.padEnd(14)}  ${g.reason}`);
    for (const b of report.shadow.behaviour.filter((x) => x.flagged))
      lines.push(`  ${b.blocking ? 'BLOCKS' : 'diagnostic'}: ${b.reason}`);
  }
  if (report.rollback) {
    lines.push(
      '',
      ...report.rollback.rehearsal.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.check}: ${c.detail}`),
      '',
      `${report.rollback.pointer_path}:`,
      ...report.rollback.pointer_diff.map((l) => `  ${l}`),
    );
  }
  return `${lines.map((l) => toPlainText(l, 4000)).join('\n')}\n`;
}
