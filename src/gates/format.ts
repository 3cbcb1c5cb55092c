import type { Interval } from '../stats/interval.ts';
import type { Unit } from './result.ts';

/** `+1.2 pp` / `−3.4 pp`: a signed percentage-point value with one decimal. */
export function formatPp(value: number): string {
  // Sign of what is shown: −0.04 prints as ±0.0, not as a drop.
  const shown = Number(value.toFixed(1));
  const sign = shown > 0 ? '+' : shown < 0 ? '−' : '±';
  return `${sign}${Math.abs(shown).toFixed(1)} pp`;
}

/** A value in its unit, for prose and tables. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'pp':
      return formatPp(value);
    case 'ratio':
      return `×${value.toFixed(3)}`;
    case 'ms':
      return `${formatCount(value)} ms`;
    case 'usd':
      // Per-call costs are often fractions of a cent: keep three significant digits there.
      if (value === 0) return '$0';
      return Math.abs(value) < 0.01 ? `$${value.toPrecision(3)}` : `$${value.toFixed(value < 1 ? 4 : 2)}`;
    case 'count':
      return String(Math.round(value));
    case 'percent':
      return `${value.toFixed(1)} %`;
  }
}

/**
 * A confidence level as a percentage with the digits it needs: 0.96 → `96 %`, 0.9956 → `99.56 %`
 * (two significant digits of what is left to 100 %).
 */
export function formatConfidence(level: number): string {
  return `${confidenceDigits(level)} %`;
}

/** A confidence level as a bare percentage with the digits it needs: 0.96 → `96`, 0.992 → `99.2`. */
export function confidenceDigits(level: number): string {
  const rest = (1 - level) * 100;
  const decimals = rest > 0 ? Math.min(4, Math.max(0, 1 - Math.floor(Math.log10(rest)))) : 0;
  const text = (level * 100).toFixed(decimals);
  return decimals > 0 ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** `96% CI −3.1 to +0.4 pp`. */
export function formatInterval(interval: Interval, unit: Unit): string {
  const level = `${confidenceDigits(interval.level)}% CI`;
  if (unit === 'pp') return `${level} ${formatPp(interval.lower).replace(' pp', '')} to ${formatPp(interval.upper)}`;
  return `${level} ${formatValue(interval.lower, unit)} to ${formatValue(interval.upper, unit)}`;
}

/** A relative change of a ratio as a percentage: ×1.234 → `+23.4 %`. */
export function formatRatioChange(ratio: number): string {
  const pct = (ratio - 1) * 100;
  return `${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(1)} %`;
}

/** `1,234`: counts in prose. */
export function formatCount(value: number): string {
  // By hand: toLocaleString goes through ICU, about a hundred times slower, and reports are full of counts.
  const digits = String(Math.abs(Math.round(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return value <= -0.5 ? `-${grouped}` : grouped;
}

/** `0.003` / `< 0.0001`. */
export function formatP(p: number): string {
  return p < 0.0001 ? '< 0.0001' : p.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}
