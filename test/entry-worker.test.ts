// src/entry-worker.ts, which the CLI and the Action launchers run their bundles with: the worker
// gets the arguments, the capped young generation and what the terminal is, its exit status is the
// process's, its output arrives whole, and a failure is said. The bundles themselves run through it
// in test/e2e.
import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { entryTerminal, runOnWorker, YOUNG_GENERATION_MB } from '../src/entry-worker.ts';

const probe = new URL('./fixtures/entry-worker/probe.ts', import.meta.url);

describe('runOnWorker', () => {
  it('gives the worker its arguments, the capped young generation and the terminal, and returns its exit code', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const code = await runOnWorker(probe, { args: ['report', 'x'], terminal: { stdout: true, stderr: false } });
      expect(code).toBe(3);
    } finally {
      spy.mockRestore();
    }
    expect(JSON.parse(written.join(''))).toEqual({
      args: ['report', 'x'],
      terminal: { stdout: true, stderr: false },
      youngMb: YOUNG_GENERATION_MB,
    });
  });

  it('returns 1 and writes the error when the worker throws', async () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      expect(await runOnWorker(probe, { args: ['throw'] })).toBe(1);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toMatch(/^Error: probe failure\n\s+at /);
  });

  it('delivers everything the worker wrote before it ended, and its exit status is the process’s', () => {
    const run = spawnSync(process.execPath, [probe.pathname, 'flood'], { encoding: 'utf8', maxBuffer: 16 << 20 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(4);
    expect(run.stdout.length).toBe('kaizen '.length * 600_000 + 'end\n'.length);
    expect(run.stdout.endsWith(' end\n')).toBe(true);
  });

  it('tells nothing to code runOnWorker did not start', () => {
    expect(entryTerminal()).toBeUndefined();
  });
});
