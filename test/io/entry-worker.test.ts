// src/io/entry-worker.ts, which the CLI and the Action launchers run their bundles with: the worker
// gets the arguments, the capped young generation and what the terminal is, its exit status is the
// process's, its output arrives whole, and a failure is said. The bundles themselves run through it
// in test/e2e.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  entryTerminal,
  runOnWorker,
  useWorker,
  WORKER_INPUT_BYTES,
  YOUNG_GENERATION_MB,
} from '../../src/io/entry-worker.ts';

const probe = new URL('../fixtures/entry-worker/probe.ts', import.meta.url);

/** What `write` was given on `stream` while `run` ran (and nothing reached the real stream). */
async function written(stream: NodeJS.WriteStream, run: () => Promise<unknown>): Promise<string> {
  const chunks: string[] = [];
  const spy = vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return chunks.join('');
}

describe('runOnWorker', () => {
  it('gives the worker its arguments, the capped young generation and the terminal, and returns its exit code', async () => {
    let code: number | undefined;
    const stdout = await written(process.stdout, async () => {
      code = await runOnWorker(probe, { args: ['report', 'x'], terminal: { stdout: true } });
    });
    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toEqual({
      args: ['report', 'x'],
      terminal: { stdout: true },
      youngMb: YOUNG_GENERATION_MB,
    });
  });

  it('returns 1 and writes the error when the worker throws', async () => {
    let code: number | undefined;
    const stderr = await written(process.stderr, async () => {
      code = await runOnWorker(probe, { args: ['throw'] });
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Error: probe failure\n\s+at /);
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

describe('useWorker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kaizen-entry-worker-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const half = WORKER_INPUT_BYTES / 2;
  writeFileSync(join(dir, 'a.jsonl'), Buffer.alloc(half));
  writeFileSync(join(dir, 'b.jsonl'), Buffer.alloc(half - 1));
  mkdirSync(join(dir, 'folder'));

  it('runs on a worker once the files the arguments name reach WORKER_INPUT_BYTES, as paths or --flag=path', () => {
    expect(
      useWorker(['check', '--parent-evidence', 'a.jsonl', '--candidate-evidence', 'b.jsonl'], dir, undefined),
    ).toEqual({ worker: false });
    expect(useWorker(['check', 'a.jsonl', '--evidence=b.jsonl', 'a.jsonl'], dir, 'auto')).toEqual({ worker: true });
    expect(useWorker(['check', join(dir, 'a.jsonl'), join(dir, 'a.jsonl')], '/', '')).toEqual({ worker: true });
  });

  it('counts no folder, missing path or path through a file', () => {
    expect(useWorker(['folder', 'missing.jsonl', 'a.jsonl/x', 'a.jsonl'], dir, undefined)).toEqual({ worker: false });
  });

  it('follows KAIZEN_GATE_WORKER, and names a value it does not know', () => {
    expect(useWorker(['--version'], dir, 'always')).toEqual({ worker: true });
    expect(useWorker(['a.jsonl', 'a.jsonl'], dir, 'never')).toEqual({ worker: false });
    expect(useWorker(['a.jsonl', 'a.jsonl'], dir, 'yes')).toEqual({
      worker: false,
      problem: 'KAIZEN_GATE_WORKER is "yes"; expected auto, always or never',
    });
  });
});
