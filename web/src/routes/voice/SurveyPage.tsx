// The survey page a customer's contact opens from the e-mail: no sign-in, one question (NPS 0–10
// or CSAT 1–5) with big buttons for a thumb, an optional comment, and a thank-you. In the
// language the CSM chose, which the contact can switch; the link works once.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useAnswerSurvey, usePublicSurvey } from '../../api/voice.ts';
import { Button, Field, Loading, TextArea } from '../../components/ui.tsx';

function Problem({ error }: { error: unknown }) {
  const { t } = useTranslation('voice');
  const code = error instanceof ApiError ? error.problem.code : '';
  const key =
    code === 'survey.link_used'
      ? 'survey.used'
      : code === 'survey.link_expired'
        ? 'survey.expired'
        : code === 'survey.throttled'
          ? 'survey.throttled'
          : 'survey.invalid';
  return (
    <p role="alert" className="text-lg">
      {t(key)}
    </p>
  );
}

export function SurveyPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation('voice');
  const survey = usePublicSurvey(token);
  const answer = useAnswerSurvey(token);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const locale = survey.data?.locale;
  useEffect(() => {
    if (locale) {
      document.documentElement.lang = locale;
      void i18n.changeLanguage(locale);
    }
  }, [locale, i18n]);
  const nps = survey.data?.kind !== 'csat';
  const scores = nps ? Array.from({ length: 11 }, (_, i) => i) : [1, 2, 3, 4, 5];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (score === null) return;
    answer.mutate({ score, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  };
  const switchTo = i18n.language === 'ru' ? 'en' : 'ru';
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col gap-6 p-4 pb-[max(1rem,env(safe-area-inset-bottom))]">
      <div className="flex items-center justify-between gap-2">
        <span className="font-semibold text-muted">{survey.data?.company}</span>
        <Button
          variant="ghost"
          lang={switchTo}
          className="text-sm"
          onClick={() => {
            document.documentElement.lang = switchTo;
            void i18n.changeLanguage(switchTo);
          }}
        >
          {switchTo === 'ru' ? 'Русский' : 'English'}
        </Button>
      </div>
      {survey.isPending ? (
        <Loading />
      ) : survey.error ? (
        <Problem error={survey.error} />
      ) : answer.isSuccess ? (
        <p role="status" className="text-2xl font-semibold">
          {t('survey.thanks')}
        </p>
      ) : (
        <form onSubmit={submit} className="flex flex-col gap-6">
          <div className="flex flex-col gap-2">
            <p className="text-muted">{t('survey.hello', { name: survey.data.contactName })}</p>
            <h1 className="text-2xl font-bold">
              {t(nps ? 'survey.titleNps' : 'survey.titleCsat', { company: survey.data.company })}
            </h1>
          </div>
          <fieldset className="flex flex-col gap-2">
            <legend className="sr-only">{t('survey.scale')}</legend>
            <div className={`grid gap-2 ${nps ? 'grid-cols-6 sm:grid-cols-11' : 'grid-cols-5'}`}>
              {scores.map((n) => (
                <button
                  key={n}
                  type="button"
                  aria-pressed={score === n}
                  aria-label={t('survey.score', { score: n })}
                  onClick={() => setScore(n)}
                  className={`min-h-12 min-w-11 rounded-lg border text-lg font-semibold tabular-nums ${score === n ? 'border-accent bg-accent text-accent-ink' : 'border-line bg-surface text-ink hover:bg-raised'}`}
                >
                  {n}
                </button>
              ))}
            </div>
            <div className="flex justify-between text-sm text-muted">
              <span>{t(nps ? 'survey.notLikely' : 'survey.unsatisfied')}</span>
              <span>{t(nps ? 'survey.veryLikely' : 'survey.satisfied')}</span>
            </div>
          </fieldset>
          <Field label={t('survey.comment')}>
            {(id) => (
              <TextArea
                id={id}
                rows={4}
                maxLength={5000}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            )}
          </Field>
          {answer.error && <Problem error={answer.error} />}
          <Button type="submit" disabled={score === null || answer.isPending} className="min-h-12">
            {t('survey.submit')}
          </Button>
        </form>
      )}
    </main>
  );
}
