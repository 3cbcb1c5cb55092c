/**
 * What `kaizen-gate verify` prints for a verified report: who signed it, for which commit, the
 * decision, and every gate's verdict with its headline estimate and reason. Plain text for a
 * terminal; report text is stripped of control characters so a report cannot drive the terminal.
 */
import { formatInterval, formatValue } from '../gates/format.ts';
import type { GateResult } from '../gates/result.ts';
import { toPlainText } from '../report/escape.ts';
import type { RecordResult } from './verify-record.ts';

/** The lines printed for one verified record (ending with a newline). */
export function renderVerified(result: Extract<RecordResult, { kind: 'verified' }>, commit: string): string {
  const { report } = result;
  const lines: string[] = [];
  const evidence =
    result.uncheckedEvidence.length > 0
      ? `; ${result.uncheckedEvidence.length} evidence file(s) not checked: ${result.uncheckedEvidence.join(', ')}`
      : '';
  lines.push(
    `VALID: signed by ${result.keyid} (${result.keySource}) for commit ${commit}; ${result.checked} subject file${result.checked === 1 ? '' : 's'} match${evidence}.`,
  );
  lines.push(`Decision: ${report.decision.outcome} — ${report.decision.summary}`);
  for (const pkg of report.packages) {
    lines.push('');
    lines.push(`${pkg.application} ${pkg.package_id} (${pkg.manifest}): ${pkg.decision.outcome}`);
    const nameWidth = Math.max(...pkg.gates.map((g) => g.gate.length), 4);
    const verdictWidth = Math.max(...pkg.gates.map((g) => g.verdict.length), 4);
    for (const gate of pkg.gates) {
      const headline = headlineText(gate);
      lines.push(
        `  ${gate.gate.padEnd(nameWidth)}  ${gate.verdict.padEnd(verdictWidth)}  ${headline ? `${headline}  ` : ''}${gate.reason}`,
      );
    }
  }
  return `${lines.map(clean).join('\n')}\n`;
}

function headlineText(gate: GateResult): string | undefined {
  const h = gate.headline;
  if (h === undefined || gate.verdict === 'not_applicable' || h.unit === 'count' || !Number.isFinite(h.estimate))
    return undefined;
  return `${formatValue(h.estimate, h.unit)}${h.interval ? ` (${formatInterval(h.interval, h.unit)})` : ''}`;
}

function clean(line: string): string {
  return toPlainText(line, Number.MAX_SAFE_INTEGER);
}

/**
 * The lines printed for a record that was not verified: `INVALID: <why>` and, when there is
 * something to do about it, `What to do: <advice>` — a refusal a person can act on.
 */
export function renderRefused(result: Exclude<RecordResult, { kind: 'verified' }>): string {
  const sentence =
    result.kind === 'unsigned'
      ? `The report is unsigned (${result.reason}), so there is nothing to verify.`
      : result.reason;
  const advice = result.advice === undefined ? '' : `\n  What to do: ${clean(result.advice)}`;
  return `${clean(`INVALID: ${sentence}`)}${advice}\n`;
}
