import { readFileSync } from 'node:fs';

/** Reads a reference fixture written by scripts/reference-stats.py. */
export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/stats/${name}`, import.meta.url), 'utf8')) as T;
}

/** Relative difference, with an absolute floor so values near zero compare sensibly. */
export function relativeError(actual: number, expected: number, floor = 1e-300): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
}
