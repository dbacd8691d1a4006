// The public survey page's API: no sign-in, the signed single-use link is the credential, and
// every call is rate limited per address (surveys/publicLink.ts).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { Deps } from '../../../context.ts';
import { defineRoute, json, newRouter, problems } from '../../../http/route.ts';
import { answerSurvey, viewSurvey } from '../surveys/publicLink.ts';
import { publicAnswerBody, publicSurveySchema, tokenParam } from '../surveySchema.ts';

function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests) have no socket.
    return 'local';
  }
}

export function publicSurveyRoutes(deps: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/public/surveys/{token}',
        operationId: 'getPublicSurvey',
        tags: ['Voice'],
        access: 'public',
        summary: 'What a survey link asks (public: the signed link is the credential)',
        request: { params: tokenParam },
        responses: {
          200: json(publicSurveySchema),
          404: problems[404],
          409: problems[409],
          429: problems[429],
        },
      }),
      async (c) => c.json(await viewSurvey(deps, c.req.valid('param').token, clientIp(c)), 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/public/surveys/{token}',
        operationId: 'answerPublicSurvey',
        tags: ['Voice'],
        access: 'public',
        summary: 'Answer a survey link, once',
        request: {
          params: tokenParam,
          body: { content: { 'application/json': { schema: publicAnswerBody } }, required: true },
        },
        responses: {
          204: { description: 'Answered' },
          404: problems[404],
          409: problems[409],
          429: problems[429],
        },
      }),
      async (c) => {
        await answerSurvey(deps, c.req.valid('param').token, clientIp(c), c.req.valid('json'));
        return c.body(null, 204);
      },
    );
}
