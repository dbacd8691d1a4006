// Requests the entry (main.tsx) starts before the app's code has arrived, for the first screen's
// data, and hands to the typed client (client.ts) when the app asks for the same URL: on a phone
// the app runs a second or more after the page opened, and its screen's requests would only
// start then. Each answer is handed over once, and only while it is fresh: a later ask for the
// URL fetches afresh, so a screen opened minutes later never shows the page as it first was.
// An answer nobody takes is let go of: its body, never read, would hold one of the browser's six
// connections to Steward for as long as the page is open.
const started = new Map<string, Promise<Response>>();

/** URLs the app asked for before the entry started them: the entry leaves those to the app. */
const askedFirst = new Set<string>();

/** How long an early answer may wait for the app to ask for it: a slow phone's first run. */
const freshForMs = 30_000;

/** The path and query, the query's parameters in one order (the client orders them its own way). */
function key(url: string): string {
  const parsed = new URL(url, location.origin);
  parsed.searchParams.sort();
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * Starts a GET of `url` (same origin, with the session's cookie) unless it is started already,
 * or the app has asked for it itself (it ran first): then undefined.
 */
export function startEarly(url: string): Promise<Response> | undefined {
  const at = key(url);
  if (askedFirst.has(at)) return undefined;
  const known = started.get(at);
  if (known) return known;
  const answer = fetch(url, {
    credentials: 'same-origin',
    headers: { 'accept-language': document.documentElement.lang },
  });
  started.set(at, answer);
  setTimeout(() => {
    if (started.get(at) !== answer) return;
    started.delete(at);
    void answer.then((response) => response.body?.cancel()).catch(() => undefined);
  }, freshForMs);
  return answer;
}

/** The answer started early for this request, if there is one not handed over yet. */
export function takeEarly(request: Request): Promise<Response> | undefined {
  if (request.method !== 'GET') return undefined;
  const at = key(request.url);
  const answer = started.get(at);
  started.delete(at);
  // While the entry may still start requests, one the app made first is not made again.
  if (!answer && performance.now() < freshForMs) askedFirst.add(at);
  return answer;
}
