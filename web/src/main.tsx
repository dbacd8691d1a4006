// The web app's entry: its stylesheet (named in index.html, so nothing paints unstyled), then
// the app once the browser has painted index.html's top bar. The app's code (React, the router,
// the data cache) is already on its way meanwhile — the build names it in index.html's
// modulepreload links — so waiting for that paint delays it by a frame at most, while a phone
// shows the frame at once instead of after a second of running scripts.
import { registerSW } from 'virtual:pwa-register';
import { startPortfolioRequests } from './routes/accounts/portfolioFirstRequests.ts';
import './styles.css';

// The portfolio's data is asked for now, while the app's code is still arriving.
if (/^\/accounts\/?$/.test(location.pathname)) startPortfolioRequests();

// The service worker registers at start-up, before the app's code runs: registered later, its
// first activation landed inside Lighthouse's recording of a page and the trace was lost.
registerSW({ immediate: true });

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    // A frame's callback runs just before its paint; the task after it, just after. A tab
    // opened in the background draws no frames: it starts on the timer instead.
    const hidden = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(hidden);
      setTimeout(resolve, 0);
    });
  });
}

/**
 * The code of the screens people most often open first, asked for beside the app's own rather
 * than once the app has run and its router has matched the address (a round trip later). The
 * router imports the same modules (router.tsx); an address not listed here just waits for it.
 */
const firstScreens: [RegExp, () => Promise<unknown>][] = [
  [/^\/accounts\/?$/, () => import('./routes/accounts/PortfolioPage.tsx')],
  [/^\/accounts\/[^/]+\/?$/, () => import('./routes/accounts/AccountPage.tsx')],
  [/^\/work\/?$/, () => import('./routes/work/MyWorkPage.tsx')],
];

/**
 * The first formatter of money or dates loads the browser's number and calendar data: a phone
 * spends some 50 ms on the first money figure alone, in one piece. For the screens whose first
 * drawing shows money (the portfolio's ARR, a 360's contract) it is loaded by a worker started
 * here (formattingData.worker.ts), off the main thread, while the app's code is still arriving:
 * made in a task of its own on the main thread, it was still the longest task before the first
 * screen (24–88 ms unthrottled under load). Elsewhere (My work) it is work the first screen does
 * not need. Which language the app will show is read as src/i18n/index.ts reads it; the currency
 * does not matter (its data is the language's).
 */
const showsMoneyFirst = /^\/accounts(\/[^/]+)?\/?$/;

function loadFormattingData() {
  const stored = localStorage.getItem('steward.locale');
  const russian =
    stored === 'ru' || stored === 'en' ? stored === 'ru' : navigator.language.startsWith('ru');
  new Worker(new URL('./formattingData.worker.ts', import.meta.url), {
    type: 'module',
    name: russian ? 'ru-RU' : 'en-US',
  });
}

if (showsMoneyFirst.test(location.pathname)) loadFormattingData();

/**
 * The app's libraries, each evaluated in a task of its own before the app itself. A module graph
 * is evaluated in one piece once it has arrived: the app and everything it imports (React's DOM
 * renderer, the router and data cache, the languages, the route search checks) took one task of
 * 100–350 ms on a 4×-throttled phone, in which a tap waits. Asked for one at a time, each part is
 * evaluated as it arrives (their files are already on their way: index.html's modulepreload
 * links), with the browser free between them; the app then evaluates only its own modules. The
 * languages come first: React (which react-i18next imports) and i18next's setup of the language.
 */
const stages: (() => Promise<unknown>)[] = [
  () => import('./i18n/index.ts'),
  () => import('react-dom/client'),
  // The data cache's module (the router and the data cache share one file of libraries).
  () => import('./queries.ts'),
  // The portfolio's search parameters and the vocabulary they are checked against.
  () => import('./routes/accounts/portfolioSearch.ts'),
];

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

void afterFirstPaint().then(async () => {
  // A failure here is the router's to report, when it imports the screen itself.
  firstScreens
    .find(([path]) => path.test(location.pathname))?.[1]()
    .catch(() => undefined);
  for (const stage of stages) {
    // A part that fails to load is the app's import to report.
    await stage().catch(() => undefined);
    await nextTask();
  }
  return import('./app.tsx');
});
