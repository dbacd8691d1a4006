// English, every namespace: part of the app, and the fallback for a missing Russian string.
// A namespace is one line here and one in ru.bundle.ts; i18n.test.ts holds the two in step.
import { assistantEn } from './assistant.en.ts';
import { authEn } from './auth.en.ts';
import { en } from './en.ts';
import { healthEn } from './health.en.ts';
import { intakeEn } from './intake.en.ts';
import { notifyEn } from './notify.en.ts';
import { revenueEn } from './revenue.en.ts';
import { voiceEn } from './voice.en.ts';
import { webhooksEn } from './webhooks.en.ts';
import { workEn } from './work.en.ts';

export const english = {
  common: en,
  work: workEn,
  intake: intakeEn,
  notify: notifyEn,
  health: healthEn,
  assistant: assistantEn,
  voice: voiceEn,
  revenue: revenueEn,
  webhooks: webhooksEn,
  auth: authEn,
} as const;
