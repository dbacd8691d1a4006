import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for a state, not a time: on two busy cores a page can take seconds to
    // render what a response brought, and the default second failed a browser test in CI.
    expect: { poll: { timeout: 10_000 } },
    // Two cores: two files at a time, each with its own database.
    maxWorkers: 2,
    // .ci/run reads the counts from this report for its closing line.
    ...(process.env.STEWARD_TEST_REPORT
      ? { reporters: ['default', 'json'], outputFile: { json: process.env.STEWARD_TEST_REPORT } }
      : {}),
  },
});
