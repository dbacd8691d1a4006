// English and Russian. Every string a person reads comes from these bundles; one namespace
// per area of the app, each with an English and a Russian file with the same keys.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { assistantEn } from './assistant.en.ts';
import { assistantRu } from './assistant.ru.ts';
import { authEn } from './auth.en.ts';
import { authRu } from './auth.ru.ts';
import { en } from './en.ts';
import { healthEn } from './health.en.ts';
import { healthRu } from './health.ru.ts';
import { intakeEn } from './intake.en.ts';
import { intakeRu } from './intake.ru.ts';
import { ru } from './ru.ts';
import { notifyEn } from './notify.en.ts';
import { notifyRu } from './notify.ru.ts';
import { voiceEn } from './voice.en.ts';
import { voiceRu } from './voice.ru.ts';
import { workEn } from './work.en.ts';
import { workRu } from './work.ru.ts';
import { revenueEn } from './revenue.en.ts';
import { revenueRu } from './revenue.ru.ts';
import { webhooksEn } from './webhooks.en.ts';
import { webhooksRu } from './webhooks.ru.ts';

export const languages = ['en', 'ru'] as const;
export type Language = (typeof languages)[number];

export const bundles = {
  en: {
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
  },
  ru: {
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
  },
} as const;

const stored = localStorage.getItem('steward.locale');
export const initialLanguage: Language =
  stored === 'ru' || stored === 'en' ? stored : navigator.language.startsWith('ru') ? 'ru' : 'en';

document.documentElement.lang = initialLanguage;

void i18next.use(initReactI18next).init({
  resources: bundles,
  lng: initialLanguage,
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: [
    'common',
    'work',
    'intake',
    'notify',
    'health',
    'assistant',
    'voice',
    'revenue',
    'webhooks',
    'auth',
  ],
  interpolation: { escapeValue: false },
});

export function setLanguage(language: Language) {
  localStorage.setItem('steward.locale', language);
  document.documentElement.lang = language;
  void i18next.changeLanguage(language);
}

export { i18next };
