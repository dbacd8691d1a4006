// A progress bar for the terminal: bytes read of the file, rows, and rows per second.

export type ProgressBar = {
  update(progress: { processedBytes: number; processedRows: number }): void;
  finish(): void;
};

const width = 30;
const redrawEveryMs = 100;

/** What the bar shows, as one line: pure, so it can be checked without a terminal. */
export function progressLine(
  progress: { processedBytes: number; processedRows: number },
  totalBytes: number,
  elapsedMs: number,
): string {
  const share = totalBytes > 0 ? Math.min(1, progress.processedBytes / totalBytes) : 1;
  const filled = Math.round(share * width);
  const rate = elapsedMs > 0 ? Math.round((progress.processedRows * 1000) / elapsedMs) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(share * 100)
    .toString()
    .padStart(
      3,
    )}% ${megabytes(progress.processedBytes)}/${megabytes(totalBytes)} MB · ${progress.processedRows.toLocaleString('en')} rows · ${rate.toLocaleString('en')} rows/s`;
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** Redraws in place on a terminal; elsewhere (a log file) writes only the last line. */
export function progressBar(
  totalBytes: number,
  out: NodeJS.WriteStream = process.stderr,
): ProgressBar {
  const started = performance.now();
  let last = { processedBytes: 0, processedRows: 0 };
  let drawnAt = 0;
  const draw = () => {
    const line = progressLine(last, totalBytes, performance.now() - started);
    if (out.isTTY) out.write(`\r${line}\x1b[K`);
    return line;
  };
  return {
    update(progress) {
      last = progress;
      const now = performance.now();
      if (now - drawnAt >= redrawEveryMs) {
        drawnAt = now;
        draw();
      }
    },
    finish() {
      last = { ...last, processedBytes: totalBytes };
      const line = draw();
      out.write(out.isTTY ? '\n' : `${line}\n`);
    },
  };
}
