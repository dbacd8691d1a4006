// Lints the OpenAPI document the server serves with Redocly's recommended rules (redocly.yaml)
// and fails on any error or warning: the description generated clients rely on stays clean.
// Problems listed in .redocly.lint-ignore.yaml (each with its reason) are left out, as the CLI does.
import { formatProblems, getTotals, lintFromString, loadConfig } from '@redocly/openapi-core';
import { openApiDocument } from '../src/openapi.ts';

const root = new URL('..', import.meta.url).pathname;

export async function lintApi() {
  const config = await loadConfig({ configPath: `${root}redocly.yaml` });
  const problems = await lintFromString({
    source: JSON.stringify(openApiDocument(), null, 2),
    // The document is built in memory; it is named as if it lay beside the config, so the
    // ignore file's entries (relative to it) apply.
    absoluteRef: `${root}openapi.json`,
    config,
  });
  return problems.filter((problem) => !problem.ignored);
}

if (import.meta.main) {
  const problems = await lintApi();
  const totals = getTotals(problems);
  formatProblems(problems, { format: 'stylish', totals, version: 'openapi-core' });
  process.stdout.write(
    `API description: ${totals.errors} errors, ${totals.warnings} warnings (redocly.yaml)\n`,
  );
  if (problems.length > 0) process.exitCode = 1;
}
