import { defineConfig } from 'vitest/config';

// Three projects, split by cost (`npm test` runs all three; `npm run test:unit` etc. one):
// - unit:  in process, no spawned CLI or Action; the developer loop.
// - e2e:   the bundled CLI and Action as users and the runner start them, one process per command
//          or scenario, against real git repositories and the fake GitHub on 127.0.0.1.
// - stats: seeded Monte Carlo simulations of the statistical guarantees (`*.sim.test.ts`).
// Limits are generous and there are no kill timers: a busy machine makes a run slow, not red.
const SIMULATIONS = 'test/**/*.sim.test.ts';
const END_TO_END = ['test/e2e/**/*.test.ts', 'test/examples/**/*.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [SIMULATIONS, ...END_TO_END] } },
      { extends: true, test: { name: 'e2e', include: END_TO_END, testTimeout: 600_000, hookTimeout: 600_000 } },
      { extends: true, test: { name: 'stats', include: [SIMULATIONS], testTimeout: 600_000 } },
    ],
  },
});
