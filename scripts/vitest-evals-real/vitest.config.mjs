import { defineConfig } from 'vitest/config';

// Every case and trial in order, one at a time, so the JSON report lists them the same way each run.
export default defineConfig({
  test: { include: ['support.eval.mjs'], fileParallelism: false, maxConcurrency: 1, sequence: { concurrent: false } },
});
