/**
 * The checks both edges apply to what a user typed (CLI flags, Action inputs): one rule and one
 * message per option, with the option named the way that edge names it (`--seed`, `seed`).
 */
import type { PromptfooSideSelector } from './evidence/promptfoo.ts';

/** A parsed option value, or the sentence that says what was expected. */
export type Parsed<T> = { readonly value: T } | { readonly error: string };

/** Evidence formats a user may insist on; `auto` detects each file's format from its content. */
export const EVIDENCE_FORMATS = ['auto', 'jsonl', 'promptfoo', 'vitest-evals'] as const;
/** One of {@link EVIDENCE_FORMATS}. */
export type EvidenceFormatChoice = (typeof EVIDENCE_FORMATS)[number];

/** A bootstrap seed: an unsigned 32-bit integer, written in decimal. */
export function parseSeed(text: string, name: string): Parsed<number> {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value > 0xffffffff) {
    return { error: `Expected ${name} to be an integer from 0 to 4294967295, got "${text}".` };
  }
  return { value };
}

/** Which look at a package pair a run is: a whole number from 1 (the first) to 1000. */
export function parseLook(text: string, name: string): Parsed<number> {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > 1000)
    return { error: `Expected ${name} to be a whole number from 1 to 1000, got "${text}".` };
  return { value };
}

/** An evidence format: auto, jsonl, promptfoo or vitest-evals. */
export function parseEvidenceFormat(text: string, name: string): Parsed<EvidenceFormatChoice> {
  return (EVIDENCE_FORMATS as readonly string[]).includes(text)
    ? { value: text as EvidenceFormatChoice }
    : { error: `Expected ${name} to be one of ${EVIDENCE_FORMATS.join(', ')}, got "${text}".` };
}

/** A promptfoo side selector: `promptIdx=N`, `provider=ID` or `label=TEXT`. */
export function parseSideSelector(text: string, name: string): Parsed<PromptfooSideSelector> {
  const match = /^(promptIdx|provider|label)=(.+)$/.exec(text);
  if (!match) return { error: `Expected ${name} to be promptIdx=N, provider=ID or label=TEXT, got "${text}".` };
  const [, key, value = ''] = match;
  if (key === 'promptIdx') {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n))
      return { error: `Expected ${name} promptIdx to be a non-negative integer, got "${value}".` };
    return { value: { promptIdx: n } };
  }
  return { value: key === 'provider' ? { provider: value } : { label: value } };
}

/** Names of the evidence options at one edge, for messages that tell the user what to set. */
export interface EvidenceOptionNames {
  readonly parent: string;
  readonly candidate: string;
  readonly both: string;
}

/**
 * The evidence a check needs: both sides, from per-side files or from files holding both. Returns
 * the sentence to show when the combination cannot work, else undefined.
 */
export function checkEvidenceSides(
  counts: { parent: number; candidate: number; both: number },
  names: EvidenceOptionNames,
): string | undefined {
  if (counts.parent + counts.candidate + counts.both === 0) {
    return `No evidence given: set ${names.parent} and ${names.candidate} (or ${names.both} for files holding both sides).`;
  }
  if ((counts.parent === 0) !== (counts.candidate === 0)) {
    return `${names.parent} and ${names.candidate} go together: give both sides (missing ${counts.parent === 0 ? names.parent : names.candidate}).`;
  }
  return undefined;
}

/**
 * A duration: a whole number followed by `s`, `m`, `h` or `d` (`90s`, `30m`, `7d`), in
 * milliseconds; `0` is allowed only where `allowZero` says so (no reuse of stored evidence).
 */
export function parseDuration(text: string, name: string, allowZero = false): Parsed<number> {
  const match = /^(\d+)(s|m|h|d)?$/.exec(text.trim());
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
  const amount = match ? Number(match[1]) : Number.NaN;
  if (match && match[2] === undefined && amount === 0 && allowZero) return { value: 0 };
  if (!match || match[2] === undefined || !Number.isSafeInteger(amount) || (amount === 0 && !allowZero)) {
    const zero = allowZero ? ' (or 0)' : '';
    return { error: `Expected ${name} to be a duration such as 90s, 30m, 12h or 7d${zero}, got "${text}".` };
  }
  return { value: amount * unit[match[2] as keyof typeof unit] };
}

/** A positive integer of at most `max`, e.g. how many eval runs go at once. */
export function parsePositiveInteger(text: string, name: string, max: number): Parsed<number> {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1 || value > max) {
    return { error: `Expected ${name} to be a positive integer of at most ${max}, got "${text}".` };
  }
  return { value };
}

/** Defaults of the eval options, the same at both edges. */
export const EVAL_DEFAULTS = {
  /** Stored parent evidence younger than this is reused. */
  maxParentAge: '7d',
  /** Eval runs at once (both sides of one package). */
  concurrency: '2',
  /** Per run; a generous bound for suites that call a model thousands of times. */
  timeout: '60m',
  /** Inside the out dir. */
  folder: 'eval',
} as const;
