// Requests the entry (main.tsx) starts before the app's code has arrived, for the first screen's
// data, and hands to the typed client (client.ts) when the app asks for the same URL: on a phone
// the app runs a second or more after the page opened, and its screen's requests would only
// start then. Each answer is handed over once, and only while it is fresh: a later ask for the
// URL fetches afresh, so a screen opened minutes later never shows the page as it first was.
const started = new Map<string, { answer: Promise<Response>; at: number }>();

/** How long an early answer may wait for the app to ask for it: a slow phone's first run. */
const freshForMs = 30_000;

/** The path and query, the query's parameters in one order (the client orders them its own way). */
function key(url: string): string {
  const parsed = new URL(url, location.origin);
  parsed.searchParams.sort();
  return `${parsed.pathname}${parsed.search}`;
}

/** Starts a GET of `url` (same origin, with the session's cookie) unless it is started already. */
export function startEarly(url: string): Promise<Response> {
  const known = started.get(key(url));
  if (known) return known.answer;
  const answer = fetch(url, {
    credentials: 'same-origin',
    headers: { 'accept-language': document.documentElement.lang },
  });
  started.set(key(url), { answer, at: performance.now() });
  return answer;
}

/** The answer started early for this request, if there is one not handed over yet. */
export function takeEarly(request: Request): Promise<Response> | undefined {
  if (request.method !== 'GET') return undefined;
  const url = key(request.url);
  const early = started.get(url);
  started.delete(url);
  return early && performance.now() - early.at < freshForMs ? early.answer : undefined;
}
