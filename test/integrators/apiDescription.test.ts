// The API description that generated clients rely on: every operation named by a stable,
// unique camelCase id under one declared capability tag, the endpoints outside /api/v1
// described, and Redocly's recommended rules passing with no error or warning.
import { describe, expect, it } from 'vitest';
import { lintApi } from '../../scripts/lint-api.ts';
import { openApiDocument } from '../../src/openapi.ts';

const document = openApiDocument();
const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  methods.flatMap((method) => {
    const operation = item?.[method];
    return operation ? [{ route: `${method} ${path}`, operation }] : [];
  }),
);

describe('the API description for integrators', () => {
  it('names every operation with a unique camelCase verb-noun id', () => {
    expect(operations.length).toBeGreaterThan(150);
    const unnamed = operations.filter(({ operation }) => !operation.operationId);
    expect(unnamed.map((o) => o.route)).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId ?? '');
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
    const unreadable = ids.filter((id) => !/^[a-z]+[A-Z][A-Za-z0-9]*$/.test(id));
    expect(unreadable).toEqual([]);
  });

  it('keeps the ids clients already use', () => {
    const idOf = (method: (typeof methods)[number], path: string) =>
      document.paths?.[path]?.[method]?.operationId;
    expect(idOf('get', '/api/v1/accounts')).toBe('listAccounts');
    expect(idOf('get', '/api/v1/accounts/{id}')).toBe('getAccount');
    expect(idOf('post', '/api/v1/templates/{id}/instantiate')).toBe('instantiateTemplate');
    expect(idOf('post', '/v1/batch')).toBe('trackBatch');
  });

  it('files every operation under one capability tag the document describes', () => {
    const declared = new Map((document.tags ?? []).map((tag) => [tag.name, tag.description]));
    for (const [name, description] of declared) expect(description, name).toBeTruthy();
    const misfiled = operations.filter(
      ({ operation }) => operation.tags?.length !== 1 || !declared.has(operation.tags[0] ?? ''),
    );
    expect(misfiled.map((o) => o.route)).toEqual([]);
  });

  it('describes the intake and Slack endpoints outside /api/v1, with how each is authenticated', () => {
    const outside = [
      '/v1/batch',
      '/v1/identify',
      '/v1/group',
      '/v1/track',
      '/v1/page',
      '/webhooks/stripe',
      '/webhooks/support',
      '/slack/commands',
    ];
    for (const path of outside) {
      const operation = document.paths?.[path]?.post as Record<string, unknown> | undefined;
      expect(operation, path).toBeDefined();
      expect(['write_key', 'signature'], path).toContain(operation?.['x-permission']);
    }
  });

  it('names a server and a licence', () => {
    expect(document.servers?.length).toBeGreaterThan(0);
    expect(document.info.license?.identifier).toBe('AGPL-3.0-only');
  });

  it("passes Redocly's recommended rules with no error or warning", async () => {
    const problems = await lintApi();
    expect(problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
  });
});
