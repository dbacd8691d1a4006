// The account's voice on its 360 page: what the customer asked for lately, their survey answers
// with the account's NPS, and — for those who may — logging feedback or sending a survey link.
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDrawnLater } from '../../api/drawnLater.ts';
import { useAccountFeedback, useAccountResponses, useInviteToSurvey } from '../../api/voice.ts';
import { useCan } from '../../api/session.ts';
import { formatDate } from '../../components/format.ts';
import { Badge, Button, Card, ErrorNote, Field, Loading, Select } from '../../components/ui.tsx';
import { LogFeedbackForm } from './LogFeedbackForm.tsx';
import { FeedbackRow } from './parts.tsx';

type Contact = { id: string; name: string; email: string | null };

function SendSurvey({ contacts }: { contacts: readonly Contact[] }) {
  const { t, i18n } = useTranslation('voice');
  const invite = useInviteToSurvey();
  const reachable = contacts.filter((c) => c.email);
  const [contactId, setContactId] = useState(reachable[0]?.id ?? '');
  const [locale, setLocale] = useState<'en' | 'ru'>(i18n.language === 'ru' ? 'ru' : 'en');
  if (reachable.length === 0) return <p className="text-sm text-muted">{t('panel.noEmail')}</p>;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate({ contactIds: [contactId], kind: 'nps', locale });
  };
  const link = invite.data?.items[0]?.link;
  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <div className="grid grid-cols-2 gap-2">
        <Field label={t('panel.contact')}>
          {(id) => (
            <Select id={id} value={contactId} onChange={(e) => setContactId(e.target.value)}>
              {reachable.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label={t('panel.language')}>
          {(id) => (
            <Select
              id={id}
              value={locale}
              onChange={(e) => setLocale(e.target.value as 'en' | 'ru')}
            >
              <option value="en">English</option>
              <option value="ru">Русский</option>
            </Select>
          )}
        </Field>
      </div>
      <Button
        type="submit"
        variant="secondary"
        disabled={invite.isPending || !contactId}
        className="self-start"
      >
        {t('panel.send')}
      </Button>
      {link && (
        <p role="status" className="text-sm break-all text-healthy">
          {t('panel.sent')}{' '}
          <a href={link} className="underline">
            {link}
          </a>
        </p>
      )}
      {invite.error && <ErrorNote error={invite.error} />}
    </form>
  );
}

export function VoicePanel({
  accountId,
  contacts,
}: {
  accountId: string;
  contacts: readonly Contact[];
}) {
  const { t } = useTranslation('voice');
  const canSeeFeedback = useCan('view_client_feedback');
  const canSeeNps = useCan('view_nps_scores');
  const canManage = useCan('manage_feedback');
  const feedback = useDrawnLater(useAccountFeedback(accountId));
  const responses = useDrawnLater(useAccountResponses(accountId));
  const [logging, setLogging] = useState(false);
  if (!canSeeFeedback && !canSeeNps) return null;
  const answers = responses.data?.items ?? [];
  return (
    <Card title={t('panel.title')}>
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        {canSeeFeedback && (
          <section aria-label={t('panel.feedback')} className="flex flex-col gap-2">
            <h3 className="font-semibold">{t('panel.feedback')}</h3>
            {feedback.isPending ? (
              <Loading />
            ) : (feedback.data?.items ?? []).length === 0 ? (
              <p className="text-sm text-muted">{t('panel.none')}</p>
            ) : (
              <ul className="flex flex-col gap-3">
                {(feedback.data?.items ?? []).map((item) => (
                  <li key={item.id}>
                    <FeedbackRow item={item} showAccount={false} />
                    {item.theme && (
                      <Link
                        to="/feedback/themes/$themeId"
                        params={{ themeId: item.theme.id }}
                        className="inline-flex min-h-11 items-center text-sm text-accent underline"
                      >
                        {item.theme.label}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {canManage &&
              (logging ? (
                <LogFeedbackForm accountId={accountId} onDone={() => setLogging(false)} />
              ) : (
                <Button variant="secondary" className="self-start" onClick={() => setLogging(true)}>
                  + {t('panel.log')}
                </Button>
              ))}
          </section>
        )}
        {canSeeNps && (
          <section aria-label={t('panel.nps')} className="flex flex-col gap-2">
            <h3 className="font-semibold">{t('panel.nps')}</h3>
            {responses.isPending ? (
              <Loading />
            ) : answers.length === 0 ? (
              <p className="text-sm text-muted">{t('panel.noResponses')}</p>
            ) : (
              <ul className="flex flex-col gap-2">
                {answers.map((r) => (
                  <li key={r.id} className="flex flex-col gap-1">
                    <p className="flex flex-wrap items-center gap-2 text-sm">
                      <Badge
                        tone={
                          r.category === 'detractor'
                            ? 'critical'
                            : r.category === 'promoter'
                              ? 'healthy'
                              : 'neutral'
                        }
                      >
                        {r.kind.toUpperCase()} {r.score}
                      </Badge>
                      {r.contact && <span>{r.contact.name}</span>}
                      <span className="text-muted">{formatDate(r.respondedAt)}</span>
                    </p>
                    {r.comment && <p className="text-sm">“{r.comment}”</p>}
                  </li>
                ))}
              </ul>
            )}
            {canManage && <SendSurvey contacts={contacts} />}
          </section>
        )}
      </div>
    </Card>
  );
}
