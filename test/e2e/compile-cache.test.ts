import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, NODE } from './paths.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs `kaizen-gate --version` with a fresh temp directory and returns the files of the compile
 * cache Node keeps there by default (os.tmpdir()/node-compile-cache). NODE_COMPILE_CACHE is left
 * unset: it would turn the cache on by itself, whatever the launcher does.
 */
function cachedAfterRun(env: Record<string, string>): string[] {
  const temp = mkdtempSync(join(tmpdir(), 'kaizen-gate-compile-cache-'));
  dirs.push(temp);
  const { NODE_COMPILE_CACHE: _set, ...inherited } = process.env;
  const result = spawnSync(NODE, [CLI, '--version'], {
    env: { ...inherited, TMPDIR: temp, ...env },
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  return readdirSync(temp, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the kaizen-gate launcher (dist/cli.js)', () => {
  it('keeps the compiled CLI in Node’s compile cache for the next run', () => {
    const files = cachedAfterRun({});
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((file) => file.includes('node-compile-cache'))).toBe(true);
  });

  it('caches nothing when NODE_DISABLE_COMPILE_CACHE is set', () => {
    expect(cachedAfterRun({ NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual([]);
  });
});
