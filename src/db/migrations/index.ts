// The ordered list of migrations. Append only; a file here is never edited once released.
import type { Migration } from 'kysely';
import * as foundation from './0001_foundation.ts';
import * as work from './0002_work.ts';
import * as usage from './0003_usage.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_work': work,
  '0003_usage': usage,
};
