// Linking your Slack account, by proof: Steward shows a one-time code and the command to type
// in Slack (`/steward link <code>`); Slack's signed request names who typed it, and the link is
// made there. This card waits for it, shows the linked member, and unlinks. An admin may also
// disconnect the workspace from its Slack team (when the first link came from the wrong Slack).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session.ts';
import {
  useDisconnectSlackTeam,
  useSlackLink,
  useStartSlackLink,
  useUnlinkSlack,
} from '../../api/slackLink.ts';
import { Button, Card, ErrorNote, Loading } from '../../components/ui.tsx';
import { formatDateTime } from '../../components/format.ts';

export function SlackLinkCard() {
  const { t } = useTranslation('notify');
  const link = useSlackLink();
  const start = useStartSlackLink();
  const unlink = useUnlinkSlack();
  const [copied, setCopied] = useState(false);
  if (link.isPending) return <Loading />;
  if (link.error) return <ErrorNote error={link.error} />;
  const { linked, pendingUntil, workspaceTeamId } = link.data;
  // The code is shown only in the answer that made it: once linked, or after a reload, it is gone.
  const code = !linked && pendingUntil && start.data ? start.data : null;

  return (
    <Card title={t('slackLink.title')}>
      <div className="flex flex-col gap-3">
        <p className="text-sm text-muted">{t('slackLink.why')}</p>
        {linked ? (
          <>
            <p role="status">
              {t('slackLink.linked', { member: linked.memberId, team: linked.teamId })}
            </p>
            <p className="text-sm text-muted">
              {t('slackLink.linkedAt', { at: formatDateTime(linked.linkedAt) })}
            </p>
            <Button
              variant="danger"
              className="self-start"
              disabled={unlink.isPending}
              onClick={() => unlink.mutate()}
            >
              {t('slackLink.unlink')}
            </Button>
          </>
        ) : code ? (
          <>
            <p>{t('slackLink.typeIt')}</p>
            <p className="flex flex-wrap items-center gap-2">
              <code className="rounded-lg border border-line bg-raised px-3 py-2 font-mono text-lg break-all">
                {code.command}
              </code>
              <Button
                variant="secondary"
                onClick={() =>
                  void navigator.clipboard.writeText(code.command).then(() => setCopied(true))
                }
              >
                {copied ? t('slackLink.copied') : t('slackLink.copy')}
              </Button>
            </p>
            <p role="status" className="text-sm text-muted">
              {t('slackLink.waiting', { at: formatDateTime(code.expiresAt) })}
            </p>
            <Button
              variant="ghost"
              className="self-start"
              disabled={start.isPending}
              onClick={() => {
                setCopied(false);
                start.mutate();
              }}
            >
              {t('slackLink.newCode')}
            </Button>
          </>
        ) : (
          <>
            <p>{t('slackLink.notLinked')}</p>
            <Button
              className="self-start"
              disabled={start.isPending}
              onClick={() => {
                setCopied(false);
                start.mutate();
              }}
            >
              {t('slackLink.start')}
            </Button>
          </>
        )}
        {workspaceTeamId && (
          <p className="text-sm text-muted">{t('slackLink.team', { team: workspaceTeamId })}</p>
        )}
        {workspaceTeamId && <DisconnectTeam team={workspaceTeamId} />}
        {(start.error ?? unlink.error) && <ErrorNote error={start.error ?? unlink.error} />}
      </div>
    </Card>
  );
}

/** For an admin: asks once more, since every person's link goes with the team. */
function DisconnectTeam({ team }: { team: string }) {
  const { t } = useTranslation('notify');
  const me = useMe();
  const disconnect = useDisconnectSlackTeam();
  const [asking, setAsking] = useState(false);
  if (!me.data?.permissions.includes('manage_integrations')) return null;
  if (!asking) {
    return (
      <Button variant="secondary" className="self-start" onClick={() => setAsking(true)}>
        {t('slackLink.disconnect')}
      </Button>
    );
  }
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-line p-3">
      <p>{t('slackLink.disconnectWarning', { team })}</p>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="danger"
          disabled={disconnect.isPending}
          onClick={() => disconnect.mutate(undefined, { onSuccess: () => setAsking(false) })}
        >
          {t('slackLink.disconnectConfirm')}
        </Button>
        <Button variant="ghost" onClick={() => setAsking(false)}>
          {t('common:common.cancel')}
        </Button>
      </div>
      <ErrorNote error={disconnect.error} />
    </div>
  );
}
