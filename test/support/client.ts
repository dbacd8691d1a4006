// The typed API client for tests: the same one the web app uses, over app.request (in
// process, no socket), with a cookie jar and the Origin header a browser would send.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../../web/src/api/schema.d.ts';
import { buildApp } from '../../src/app.ts';
import type { Deps } from '../../src/context.ts';

export const origin = 'http://steward.test';

export type ApiClient = Client<paths>;
type App = ReturnType<typeof buildApp>;

/** A client of its own cookie jar: one per person in a test. */
export function apiClient(app: App, options: { token?: string } = {}): ApiClient {
  const jar = new Map<string, string>();
  const client = createClient<paths>({
    baseUrl: origin,
    fetch: async (request: Request) => {
      const headers = new Headers(request.headers);
      if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
      if (options.token) headers.set('authorization', `Bearer ${options.token}`);
      else if (request.method !== 'GET') headers.set('origin', origin);
      const response = await app.request(new Request(request, { headers }));
      for (const cookie of response.headers.getSetCookie()) {
        const [pair = ''] = cookie.split(';');
        const [name = '', value = ''] = pair.split('=');
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) jar.delete(name);
        else jar.set(name, value);
      }
      return response;
    },
  });
  return client;
}

/** Signs a person in and returns their client. */
export async function signedIn(app: App, email: string, password: string): Promise<ApiClient> {
  const client = apiClient(app);
  const { response } = await client.POST('/api/v1/auth/login', { body: { email, password } });
  if (response.status !== 200) throw new Error(`sign-in as ${email} failed: ${response.status}`);
  return client;
}

/** Signs a person in and returns their session cookie (`name=value`), for raw requests. */
export async function sessionCookieOf(app: App, email: string, password: string): Promise<string> {
  const login = await app.request(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password }),
  });
  const cookie = login.headers.get('set-cookie')?.split(';')[0];
  if (login.status !== 200 || !cookie)
    throw new Error(`sign-in as ${email} failed: ${login.status}`);
  return cookie;
}

export function testApp(deps: Deps): App {
  return buildApp(deps);
}
