// HTTP for Ask Steward: a question in, an answer with its live widget out; and the asker's
// recent questions. Each intent checks its own permission (answer/): asking is open to everyone
// signed in, and what they may not see is said plainly.
import type { Deps } from '../../../context.ts';
import { defineRoute, json, newRouter } from '../../../http/route.ts';
import { actorOf } from '../../auth/index.ts';
import { answerSchema, queryBody, recentSchema } from '../schema.ts';
import { askSteward, recentQuestions } from '../service.ts';

export function queryRoutes(deps: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/assistant/query',
        operationId: 'askAssistant',
        tags: ['Assistant'],
        // A question is a read (each intent checks its own permission too); an API token may
        // ask it when it may read accounts. Signed-in writes are refused to tokens.
        access: 'view_accounts',
        summary:
          'Ask Steward a question in English or Russian: the intent, what the question said, the widget with live data and a sentence or two in the language of the question',
        request: {
          body: { content: { 'application/json': { schema: queryBody } }, required: true },
        },
        responses: { 200: json(answerSchema) },
      }),
      async (c) => c.json(await askSteward(deps, actorOf(c), c.req.valid('json')), 200),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/assistant/recent',
        operationId: 'listRecentQuestions',
        tags: ['Assistant'],
        access: 'signed_in',
        summary: "The asker's recent questions, newest first",
        responses: { 200: json(recentSchema) },
      }),
      async (c) => c.json(await recentQuestions(deps, actorOf(c)), 200),
    );
}
