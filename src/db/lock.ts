// One Steward per data directory: a second one would fight the first over its database.
import fs from 'node:fs';
import path from 'node:path';
import { isAlive } from './embedded.ts';

export type DataDirLock = { release(): void };

export class DataDirInUse extends Error {
  readonly holder: number;
  constructor(dataDir: string, holder: number) {
    super(
      `Another Steward (pid ${holder}) is already running on the data directory ${dataDir}. ` +
        'Stop it first, or set STEWARD_DATA_DIR to another directory.',
    );
    this.holder = holder;
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'steward.pid');
  for (;;) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataDirInUse(dataDir, holder);
      }
      // Left behind by a Steward that crashed: take it over.
      fs.rmSync(file, { force: true });
    }
  }
  const release = () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file);
    } catch {
      // Already gone.
    }
  };
  process.once('exit', release);
  return { release };
}
