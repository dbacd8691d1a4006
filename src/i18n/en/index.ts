// The English catalog: one area per file, each with its Russian twin in ../ru/.
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

export const en = {
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
};
