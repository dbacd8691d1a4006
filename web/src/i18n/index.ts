// English and Russian. Every string a person reads comes from these bundles; one namespace
// per area of the app, each with an English and a Russian file with the same keys. English is
// part of the app (and the fallback); Russian (ru.bundle.ts) is fetched by those who read it.
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { english } from './en.bundle.ts';

export const languages = ['en', 'ru'] as const;
export type Language = (typeof languages)[number];

export const bundles = { en: english } as const;

const stored = localStorage.getItem('steward.locale');
export const initialLanguage: Language =
  stored === 'ru' || stored === 'en' ? stored : navigator.language.startsWith('ru') ? 'ru' : 'en';

document.documentElement.lang = initialLanguage;

/**
 * Languages not built in (Russian) come from ru.bundle.ts, fetched the first time they are
 * needed: at start-up for someone reading in Russian, or when a page switches to it (any
 * changeLanguage waits for its strings before the screen redraws).
 */
const fetchedLanguages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, namespace, done) => {
    if (language !== 'ru') return done(null, {});
    import('./ru.bundle.ts').then(
      ({ russian }) => done(null, russian[namespace as keyof typeof russian]),
      (error: unknown) => done(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** Resolves once the language read at start-up can be shown: the app renders after it. */
export const languageReady: Promise<void> = i18next
  .use(fetchedLanguages)
  .use(initReactI18next)
  .init({
    resources: bundles,
    partialBundledLanguages: true,
    lng: initialLanguage,
    fallbackLng: 'en',
    defaultNS: 'common',
    ns: Object.keys(english),
    interpolation: { escapeValue: false },
  })
  .then(
    () => undefined,
    () => undefined,
  );

export function setLanguage(language: Language) {
  localStorage.setItem('steward.locale', language);
  document.documentElement.lang = language;
  // Changing the language redraws every string on screen: only when it does change (at every
  // sign-in the profile's language is usually the one already shown).
  if (i18next.language !== language) void i18next.changeLanguage(language);
}

export { i18next };
