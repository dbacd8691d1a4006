// The HTTP contract as rules that run: a valid OpenAPI 3.1 document, a permission declared on
// every route, and client types generated from the routes as they are now.
import { validate } from '@readme/openapi-parser';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiTypes } from '../../scripts/generate-api-types.ts';
import { openApiDocument } from '../../src/openapi.ts';

const document = openApiDocument();
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Routes anyone may call, each with its reason. Add to this list only with a reason. */
const publicRoutes = [
  // Signing in and out.
  'post /api/v1/auth/login',
  'post /api/v1/auth/logout',
  // A forgotten password: asking for a link (the same answer whether or not the e-mail is
  // known), and setting a new password with the link's signed, single-use, hour-long token.
  'post /api/v1/auth/password-reset',
  'post /api/v1/auth/password-reset/confirm',
  // The survey page a customer's contact opens from an e-mail: they have no account; the
  // signed, single-use link is the credential, and the calls are rate limited per address.
  'get /api/v1/public/surveys/{token}',
  'post /api/v1/public/surveys/{token}',
  // A shared QBR prep page: its unguessable, expiring, revocable token is the credential.
  'get /api/v1/shared/qbr-prep/{token}',
];

const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  methods.flatMap((method) => {
    const operation = item?.[method] as Record<string, unknown> | undefined;
    return operation ? [{ route: `${method} ${path}`, operation }] : [];
  }),
);

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const result = await validate(JSON.parse(JSON.stringify(document)));
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(document.openapi).toBe('3.1.0');
  });

  it('declares the permission of every route; only the allow-list is public', () => {
    expect(operations.length).toBeGreaterThan(20);
    const undeclared = operations.filter(
      ({ operation }) => typeof operation['x-permission'] !== 'string',
    );
    expect(undeclared.map((o) => o.route)).toEqual([]);
    const open = operations.filter(({ operation }) => operation['x-permission'] === 'public');
    expect(open.map((o) => o.route).sort()).toEqual([...publicRoutes].sort());
  });

  it('describes every error as problem+json', () => {
    for (const { route, operation } of operations) {
      const responses = operation.responses as Record<
        string,
        { content?: Record<string, unknown> }
      >;
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400)
          expect(Object.keys(response.content ?? {}), `${route} ${status}`).toEqual([
            'application/problem+json',
          ]);
      }
    }
  });

  it('matches the client types checked in (run `npm run gen:api` after changing a route)', async () => {
    const checkedIn = await readFile(
      new URL('../../web/src/api/schema.d.ts', import.meta.url),
      'utf8',
    );
    expect(checkedIn === (await apiTypes())).toBe(true);
  });
});
