// The Russian catalog: the same areas and keys as ../en/ (checked by src/i18n/catalogs.test.ts).
import type { en } from '../en/index.ts';

export const ru = {} satisfies Record<keyof typeof en, unknown>;
