// Russian, every namespace: fetched only by someone reading in Russian (i18n/index.ts), so
// English readers' phones never download it. Each namespace of en.bundle.ts has its line here.
import { assistantRu } from './assistant.ru.ts';
import { authRu } from './auth.ru.ts';
import { healthRu } from './health.ru.ts';
import { intakeRu } from './intake.ru.ts';
import { notifyRu } from './notify.ru.ts';
import { revenueRu } from './revenue.ru.ts';
import { ru } from './ru.ts';
import { voiceRu } from './voice.ru.ts';
import { webhooksRu } from './webhooks.ru.ts';
import { workRu } from './work.ru.ts';

export const russian = {
  common: ru,
  work: workRu,
  intake: intakeRu,
  notify: notifyRu,
  health: healthRu,
  assistant: assistantRu,
  voice: voiceRu,
  revenue: revenueRu,
  webhooks: webhooksRu,
  auth: authRu,
};
