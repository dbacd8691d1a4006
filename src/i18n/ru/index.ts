// The Russian catalog: the same areas and keys as ../en/ (checked by src/i18n/catalogs.test.ts).
import type { en } from '../en/index.ts';
import { accounts } from './accounts.ts';
import { auth } from './auth.ts';
import { adoption } from './adoption.ts';
import { assistant } from './assistant.ts';
import { errors } from './errors.ts';
import { health } from './health.ts';
import { imports } from './imports.ts';
import { intake } from './intake.ts';
import { notify } from './notify.ts';
import { revenue } from './revenue.ts';
import { voice } from './voice.ts';
import { webhooks } from './webhooks.ts';
import { work } from './work.ts';

export const ru = {
  accounts,
  auth,
  adoption,
  assistant,
  errors,
  health,
  imports,
  intake,
  notify,
  revenue,
  voice,
  webhooks,
  work,
} satisfies Record<keyof typeof en, unknown>;
