import { defineConfig } from 'vitest/config';

// `npm run test:clickhouse`: the ClickHouse adapter against a real server (needs clickhouse-server
// installed); kept out of `npm test` because CI machines do not have one.
export default defineConfig({
  test: {
    include: ['test/clickhouse/**/*.server.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
