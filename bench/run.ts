// `npm run bench`: every benchmark in turn, each figure beside a baseline measured in the
// same run on the same machine — absolute times vary between machines, the ratios hold.
// Never part of `npm test`.
import { intakeBenchmark } from './intake.ts';
import { healthBenchmark } from './health.ts';
import { notifyBenchmark } from './notify.ts';
import { portfolioBenchmark } from './portfolio.ts';
import { rollupBenchmark } from './rollups.ts';
import { seedBenchmark } from './seed.ts';
import { startBenchmark } from './start.ts';
import { seconds, timed, type BenchResult } from './support.ts';
import { workBenchmark } from './work.ts';

const benchmarks: { name: string; run: () => Promise<BenchResult[]> }[] = [
  { name: 'demo seed', run: seedBenchmark },
  { name: 'start-up', run: startBenchmark },
  { name: 'portfolio under load', run: portfolioBenchmark },
  { name: 'work', run: workBenchmark },
  { name: 'notifications and SLAs', run: notifyBenchmark },
  { name: 'health', run: healthBenchmark },
  { name: 'usage intake', run: intakeBenchmark },
  { name: 'usage rollups', run: rollupBenchmark },
];

const results: BenchResult[] = [];
let failed = 0;
const total = await timed(async () => {
  for (const benchmark of benchmarks) {
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

process.stdout.write(`\nSummary (${seconds(total.ms)}, ${process.version}, ${process.platform})\n`);
const width = Math.max(...results.map((r) => r.name.length));
for (const result of results) {
  process.stdout.write(`${result.name.padEnd(width)}  ${result.figure}\n`);
  if (result.baseline) process.stdout.write(`${''.padEnd(width)}  vs ${result.baseline}\n`);
}
if (failed > 0) process.exitCode = 1;
