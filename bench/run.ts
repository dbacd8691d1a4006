// `npm run bench`: every benchmark in turn, each figure beside a baseline measured in the
// same run on the same machine — absolute times vary between machines, the ratios hold.
// `npm run bench -- intake health` runs only those (by key). Never part of `npm test`.
import os from 'node:os';
import { assistantBenchmark } from './assistant.ts';
import { intakeBenchmark } from './intake.ts';
import { lighthouseBenchmark } from './lighthouse.ts';
import { healthBenchmark } from './health.ts';
import { notifyBenchmark } from './notify.ts';
import { digestBenchmark } from './digests.ts';
import { featureHistoryBenchmark } from './featureHistory.ts';
import { portfolioBenchmark } from './portfolio.ts';
import { rollupBenchmark } from './rollups.ts';
import { seedBenchmark } from './seed.ts';
import { soakBenchmark } from './soak.ts';
import { startBenchmark } from './start.ts';
import { voiceBenchmark } from './voice.ts';
import { seconds, timed, type BenchResult } from './support.ts';
import { workBenchmark } from './work.ts';
import { revenueBenchmark } from './revenue.ts';

const benchmarks: { key: string; name: string; run: () => Promise<BenchResult[]> }[] = [
  { key: 'seed', name: 'demo seed', run: seedBenchmark },
  { key: 'start', name: 'start-up', run: startBenchmark },
  { key: 'portfolio', name: 'portfolio under load', run: portfolioBenchmark },
  { key: 'lighthouse', name: 'the web app on a phone (Lighthouse)', run: lighthouseBenchmark },
  { key: 'work', name: 'work', run: workBenchmark },
  { key: 'notify', name: 'notifications and SLAs', run: notifyBenchmark },
  { key: 'digests', name: 'daily digests', run: digestBenchmark },
  { key: 'health', name: 'health', run: healthBenchmark },
  { key: 'intake', name: 'usage intake', run: intakeBenchmark },
  { key: 'rollups', name: 'usage rollups', run: rollupBenchmark },
  { key: 'features', name: 'a feature defined over kept history', run: featureHistoryBenchmark },
  { key: 'assistant', name: 'Ask Steward', run: assistantBenchmark },
  { key: 'voice', name: 'voice of the customer', run: voiceBenchmark },
  { key: 'revenue', name: 'revenue and meetings', run: revenueBenchmark },
  { key: 'soak', name: 'soak (STEWARD_SOAK_MINUTES, default 10)', run: soakBenchmark },
];

const asked = process.argv.slice(2);
const unknown = asked.filter((key) => !benchmarks.some((b) => b.key === key));
if (unknown.length > 0) {
  process.stderr.write(
    `No benchmark ${unknown.join(', ')}; choose from: ${benchmarks.map((b) => b.key).join(', ')}\n`,
  );
  process.exit(2);
}
const chosen = asked.length > 0 ? benchmarks.filter((b) => asked.includes(b.key)) : benchmarks;

const loadAtStart = os.loadavg();
const results: BenchResult[] = [];
let failed = 0;
const total = await timed(async () => {
  for (const benchmark of chosen) {
    process.stdout.write(`\n▶ ${benchmark.name}\n`);
    try {
      const { ms, value } = await timed(benchmark.run);
      for (const result of value) {
        results.push(result);
        process.stdout.write(
          `  ${result.name}\n    ${result.figure}\n    baseline: ${result.baseline}\n`,
        );
      }
      process.stdout.write(`  (${seconds(ms)})\n`);
    } catch (error) {
      // One broken benchmark should not hide the others' figures.
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      results.push({ name: benchmark.name, figure: `FAILED: ${message}`, baseline: '' });
      process.stdout.write(`  FAILED: ${message}\n`);
    }
  }
});

// The summary: one row per figure, with its target (set by the benchmark, or named in its
// title as "(target …)") and whether this run met it; the machine's load beside it, since
// every figure here shares two cores with whatever else runs.
const load = (l: number[]) => l.map((n) => n.toFixed(1)).join(' / ');
const targetOf = (r: BenchResult) => r.target ?? /\(target ([^)]*)\)/.exec(r.name)?.[1] ?? '';
const verdict = (r: BenchResult) =>
  r.figure.startsWith('FAILED')
    ? 'FAILED'
    : r.holds === undefined
      ? targetOf(r)
        ? 'see figure'
        : '—'
      : r.holds
        ? 'yes'
        : 'NO';
const cell = (text: string) => text.replaceAll('|', '\\|');
process.stdout.write(
  `\nSummary (${seconds(total.ms)}, ${process.version}, ${process.platform}, ${os.cpus().length} cores; ` +
    `load average 1/5/15 min at the start ${load(loadAtStart)}, at the end ${load(os.loadavg())})\n\n`,
);
process.stdout.write('| figure | result | target | baseline (same run) | holds |\n');
process.stdout.write('| --- | --- | --- | --- | --- |\n');
for (const result of results) {
  const row = [result.name, result.figure, targetOf(result), result.baseline, verdict(result)];
  process.stdout.write(`| ${row.map(cell).join(' | ')} |\n`);
}
if (failed > 0) process.exitCode = 1;
