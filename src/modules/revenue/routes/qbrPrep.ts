// HTTP for the QBR prep page: read it, share it by a read-only link, list and revoke links,
// and open a shared link without a sign-in.
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems, jsonBody } from '../../../http/route.ts';
import { renderMessage, type Locale, type Message } from '../../../i18n/index.ts';
import { actorOf } from '../../auth/index.ts';
import {
  qbrPrep,
  revokeQbrLink,
  shareLinks,
  shareQbrPrep,
  sharedQbrPrep,
  type QbrPrep,
} from '../qbrPrep.ts';
import {
  qbrPrepSchema,
  shareBody,
  sharedLinkSchema,
  shareLinksSchema,
  tokenParam,
} from '../schema/qbrPrep.ts';

/** Every sentence on the page in one language (a shared link's, or the reader's). */
function present(prep: QbrPrep, locale: Locale, timeZone: string) {
  const render = (m: Message) => ({ key: m.key, text: renderMessage(m, locale, timeZone) });
  return {
    ...prep,
    locale,
    health: {
      ...prep.health,
      measures: prep.health.measures.map((m) => ({ ...m, reason: render(m.reason) })),
    },
    renewal: prep.renewal
      ? {
          ...prep.renewal,
          forecast: {
            ...prep.renewal.forecast,
            reasons: prep.renewal.forecast.reasons.map(render),
          },
        }
      : null,
    wins: prep.wins.map(render),
    risks: prep.risks.map(render),
  };
}

export function qbrPrepRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accounts/{id}/qbr-prep',
        operationId: 'getQbrPrep',
        tags: ['Revenue'],
        access: 'schedule_business_reviews',
        summary:
          "The account's QBR prep page from live data: health and its reasons, usage, support, renewal, expansion, meetings, wins and risks",
        request: { params: idParam },
        responses: { 200: json(qbrPrepSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const prep = await qbrPrep(db, clock, actor, c.req.valid('param').id);
        return c.json(present(prep, actor.locale, actor.timeZone), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/accounts/{id}/qbr-prep/share',
        operationId: 'shareQbrPrep',
        tags: ['Revenue'],
        access: 'schedule_business_reviews',
        summary: 'A read-only link to the prep page, for someone without a sign-in (shown once)',
        request: {
          params: idParam,
          ...jsonBody(shareBody),
        },
        responses: { 201: json(sharedLinkSchema, 'Shared'), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const { days } = c.req.valid('json');
        return c.json(await shareQbrPrep(db, clock, actor, c.req.valid('param').id, days), 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accounts/{id}/qbr-prep/links',
        operationId: 'listQbrPrepLinks',
        tags: ['Revenue'],
        access: 'schedule_business_reviews',
        summary: "The prep page's shared links, live or not",
        request: { params: idParam },
        responses: { 200: json(shareLinksSchema), 404: problems[404] },
      }),
      async (c) =>
        c.json({ items: await shareLinks(db, actorOf(c), c.req.valid('param').id) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: '/qbr-prep/links/{id}',
        operationId: 'revokeQbrPrepLink',
        tags: ['Revenue'],
        access: 'schedule_business_reviews',
        summary: 'Revoke a shared link: it stops working at once',
        request: { params: idParam },
        responses: { 204: { description: 'Revoked' }, 404: problems[404] },
      }),
      async (c) => {
        await revokeQbrLink(db, clock, actorOf(c), c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/shared/qbr-prep/{token}',
        operationId: 'getSharedQbrPrep',
        tags: ['Revenue'],
        // The token is the authorization: it names one account's page, read-only, until it
        // expires or is revoked.
        access: 'public',
        summary: 'A shared QBR prep page, read-only, in the language it was shared in',
        request: { params: tokenParam },
        responses: { 200: json(qbrPrepSchema), 404: problems[404] },
      }),
      async (c) => {
        const shared = await sharedQbrPrep(db, clock, c.req.valid('param').token);
        c.header('cache-control', 'no-store');
        c.header('x-robots-tag', 'noindex');
        return c.json(present(shared.prep, shared.locale, 'UTC'), 200);
      },
    );
}
