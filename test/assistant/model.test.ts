// The optional OpenAI-compatible model: consulted only when configured and only for questions
// the offline understanding cannot place; its word is taken only when it names a real intent.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { signedIn, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');

/** A stand-in for an OpenAI-compatible server: answers with whatever `reply` holds. */
const calls: { body: { messages: { content: string }[] }; authorization: string | undefined }[] =
  [];
let reply = '{"intent": "revenue_metrics"}';
const model = createServer((request: IncomingMessage, response) => {
  let text = '';
  request.on('data', (chunk: Buffer) => (text += chunk.toString()));
  request.on('end', () => {
    calls.push({ body: JSON.parse(text), authorization: request.headers.authorization });
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ choices: [{ message: { content: reply } }] }));
  });
});

let withModel: ApiClient;
let withoutModel: ApiClient;
const vague = 'how is the money side of my book looking';

beforeAll(async () => {
  await new Promise<void>((resolve) => model.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(model.address() as AddressInfo).port}/v1`;
  const workspace = await makeWorkspace(deps.db);
  const csm = await makeUser(deps.db, workspace.id);
  await makeAccount(deps.db, workspace.id, { owner_id: csm.id, name: 'Larkspur Logistics' });
  const configured = buildApp({
    ...deps,
    config: { ...deps.config, assistantModel: { url, model: 'router', key: 'sk-test' } },
  });
  withModel = await signedIn(configured, csm.email, testPassword);
  withoutModel = await signedIn(buildApp(deps), csm.email, testPassword);
});
afterAll(() => new Promise<void>((resolve) => model.close(() => resolve())));

describe('the optional model', () => {
  it('is never asked when it is not configured', async () => {
    const { data } = await withoutModel.POST('/api/v1/assistant/query', { body: { q: vague } });
    expect(data?.intent).toBe('unknown');
    expect(calls).toHaveLength(0);
  });

  it('is not asked about a question the lexicon understands', async () => {
    const { data } = await withModel.POST('/api/v1/assistant/query', {
      body: { q: 'show escalations' },
    });
    expect(data?.intent).toBe('escalations');
    expect(calls).toHaveLength(0);
  });

  it("places a question the lexicon cannot, with Steward's own data behind the answer", async () => {
    const { data } = await withModel.POST('/api/v1/assistant/query', { body: { q: vague } });
    expect(data?.intent).toBe('revenue_metrics');
    expect(data?.widget).toBe('revenue_metrics');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.authorization).toBe('Bearer sk-test');
    expect(calls[0]?.body.messages.at(-1)?.content).toBe(vague);
  });

  it('stays unknown when the model names no real intent', async () => {
    reply = 'I think it is about renewals, probably';
    const { data } = await withModel.POST('/api/v1/assistant/query', { body: { q: vague } });
    expect(data?.intent).toBe('unknown');
    reply = '{"intent": "weather_report"}';
    const again = await withModel.POST('/api/v1/assistant/query', { body: { q: vague } });
    expect(again.data?.intent).toBe('unknown');
  });
});
