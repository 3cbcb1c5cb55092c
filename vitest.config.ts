import { defineConfig } from 'vitest/config';

// Three projects, split by cost (`npm test` runs all three; `npm run test:unit` etc. one):
// - unit:  in process, no spawned CLI or Action; the developer loop.
// - e2e:   the bundled CLI and Action as users and the runner start them, one process per command
//          or scenario, against real git repositories and the fake GitHub on 127.0.0.1.
// - stats: seeded Monte Carlo simulations of the statistical guarantees (`*.sim.test.ts`).
// Limits are generous and there are no kill timers: a busy machine makes a run slow, not red.
//
// Speed on a 2-CPU machine: vitest's default is one worker per CPU but one, which runs every file
// one after another there. Two workers use both CPUs, and files share a worker's module cache
// (isolate: false) instead of paying vitest's start-up and the TypeScript transform once per file.
// Tests therefore restore what they change (process.env, globalThis.fetch) and key their state by
// their own temp directories.
const SIMULATIONS = 'test/**/*.sim.test.ts';
const END_TO_END = ['test/e2e/**/*.test.ts', 'test/examples/**/*.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [SIMULATIONS, ...END_TO_END] } },
      { extends: true, test: { name: 'e2e', include: END_TO_END, testTimeout: 600_000, hookTimeout: 600_000 } },
      { extends: true, test: { name: 'stats', include: [SIMULATIONS], testTimeout: 600_000 } },
    ],
  },
});
