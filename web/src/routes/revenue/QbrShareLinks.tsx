// The QBR prep page's shared links: who shared the page and when, until when it can be read,
// and a revoke (tapped twice) that stops a link at once, say when it went to the wrong person.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQbrPrepLinks, useRevokeQbrPrepLink, type QbrPrepLink } from '../../api/revenue.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { Badge, Button, Card, ErrorNote, Loading } from '../../components/ui.tsx';

type LinkState = 'live' | 'expired' | 'revoked';

const stateOf = (link: QbrPrepLink, now: number): LinkState =>
  link.revokedAt ? 'revoked' : Date.parse(link.expiresAt) <= now ? 'expired' : 'live';

export function QbrShareLinks({ accountId }: { accountId: string }) {
  const { t } = useTranslation('revenue');
  const links = useQbrPrepLinks(accountId);
  const now = Date.now();
  return (
    <Card title={t('prep.links.title')}>
      {links.isPending ? (
        <Loading />
      ) : links.error ? (
        <ErrorNote error={links.error} />
      ) : links.data.items.length === 0 ? (
        <p className="text-muted">{t('prep.links.none')}</p>
      ) : (
        <ul className="flex flex-col">
          {links.data.items.map((link) => (
            <ShareLinkRow
              key={link.id}
              accountId={accountId}
              link={link}
              state={stateOf(link, now)}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}

function ShareLinkRow({
  accountId,
  link,
  state,
}: {
  accountId: string;
  link: QbrPrepLink;
  state: LinkState;
}) {
  const { t } = useTranslation('revenue');
  const revoke = useRevokeQbrPrepLink(accountId);
  const [confirming, setConfirming] = useState(false);
  const label = t('prep.links.sharedOn', { date: formatDateTime(link.createdAt) });
  return (
    <li
      aria-label={label}
      className="flex flex-col gap-2 border-b border-line py-3 last:border-b-0 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="flex min-w-0 flex-col gap-1">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{label}</span>
          <Badge tone={state === 'live' ? 'healthy' : state === 'revoked' ? 'critical' : 'neutral'}>
            {t(`prep.links.state.${state}`)}
          </Badge>
        </p>
        <p className="text-sm text-muted">
          {link.createdByName && `${t('prep.links.by', { name: link.createdByName })} · `}
          {state === 'revoked'
            ? t('prep.links.revokedOn', { date: formatDateTime(link.revokedAt) })
            : t(state === 'live' ? 'prep.links.expires' : 'prep.links.expired', {
                date: formatDate(link.expiresAt),
              })}
          {` · ${t(`prep.links.locale.${link.locale}`)}`}
        </p>
      </div>
      {state === 'live' &&
        (confirming ? (
          <div className="flex flex-wrap gap-2">
            <Button
              variant="danger"
              disabled={revoke.isPending}
              onClick={() => revoke.mutate(link.id)}
            >
              {t('prep.links.confirmRevoke')}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              {t('prep.links.keep')}
            </Button>
          </div>
        ) : (
          <Button variant="secondary" className="self-start" onClick={() => setConfirming(true)}>
            {t('prep.links.revoke')}
          </Button>
        ))}
      {revoke.error && <ErrorNote error={revoke.error} />}
    </li>
  );
}
