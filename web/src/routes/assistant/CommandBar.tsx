// The command bar: a labelled combobox for the question (recent questions and examples as its
// options), the answer in a sentence, its live widget, and a link to the full page. A question
// after an answer is a follow-up: the previous intent and parameters go with it.
import { useRouter } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAsk, useRecentQuestions, type AssistantAnswer } from '../../api/assistant.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Button, ErrorNote } from '../../components/ui.tsx';
import { quickIntents } from './quickIntents.ts';
import { Widget } from './widgets/Widget.tsx';

export function CommandBar({
  initialQuestion,
  onClose,
}: {
  initialQuestion: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation('assistant');
  const router = useRouter();
  const ask = useAsk();
  const recent = useRecentQuestions();
  const [text, setText] = useState(initialQuestion ?? '');
  const [answer, setAnswer] = useState<AssistantAnswer | null>(null);
  const [active, setActive] = useState(-1);
  const inputId = useId();
  const listId = useId();
  const asked = useRef(false);

  const submit = (question: string) => {
    const q = question.trim();
    if (!q) return;
    setText(q);
    setActive(-1);
    const context =
      answer && answer.intent !== 'unknown'
        ? { intent: answer.intent, params: answer.params }
        : undefined;
    ask.mutate({ q, context }, { onSuccess: setAnswer });
  };

  useEffect(() => {
    if (initialQuestion && !asked.current) {
      asked.current = true;
      submit(initialQuestion);
    }
    // Asked once, when the bar opens with a quick action's question.
  }, []);

  const recentQuestions = (recent.data?.items ?? []).slice(0, 5).map((r) => r.question);
  const options =
    answer || ask.isPending
      ? []
      : recentQuestions.length > 0
        ? recentQuestions
        : quickIntents.map((intent) => t(`questions.${intent}`));
  const expanded = options.length > 0;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (!expanded) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => {
        const next = current + step;
        if (next < -1) return options.length - 1;
        return next >= options.length ? -1 : next;
      });
    } else if (event.key === 'Enter' && active >= 0 && options[active]) {
      event.preventDefault();
      submit(options[active] ?? '');
    }
  };

  const openFull = (link: string) => {
    onClose();
    router.history.push(link);
  };

  return (
    <Dialog title={t('ask')} closeLabel={t('close')} onClose={onClose} placement="center">
      <form
        role="search"
        className="flex gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          submit(text);
        }}
      >
        <label htmlFor={inputId} className="sr-only">
          {t('question')}
        </label>
        <input
          id={inputId}
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 && expanded ? `${listId}-${active}` : undefined}
          autoComplete="off"
          value={text}
          maxLength={500}
          placeholder={t('placeholder')}
          onChange={(event) => {
            setText(event.target.value);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          className="min-h-11 w-full rounded-lg border border-line bg-surface px-3 text-base text-ink placeholder:text-muted"
        />
        <Button type="submit" disabled={ask.isPending}>
          {t('submit')}
        </Button>
      </form>
      <ul
        id={listId}
        role="listbox"
        aria-label={recentQuestions.length > 0 ? t('recent') : t('tryAsking')}
        className={expanded ? 'flex flex-col gap-1' : 'hidden'}
      >
        {options.map((option, index) => (
          <li
            key={option}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onClick={() => submit(option)}
            className={`flex min-h-11 cursor-pointer items-center rounded-lg px-3 hover:bg-raised ${index === active ? 'bg-raised' : ''}`}
          >
            {option}
          </li>
        ))}
      </ul>
      <section aria-live="polite" aria-busy={ask.isPending} className="flex flex-col gap-3">
        {ask.isPending && <p className="text-muted">{t('thinking')}</p>}
        <ErrorNote error={ask.error} />
        {answer && !ask.isPending && (
          <>
            <h3 className="text-sm font-semibold text-muted">{t(`widget.${answer.widget}`)}</h3>
            <p className="text-ink" data-answer>
              {answer.answer}
            </p>
            <div data-widget={answer.widget}>
              <Widget answer={answer} onAsk={submit} />
            </div>
            {answer.link && (
              <a
                href={answer.link}
                onClick={(event) => {
                  event.preventDefault();
                  openFull(answer.link ?? '/');
                }}
                className="flex min-h-11 items-center font-medium text-accent underline-offset-2 hover:underline"
              >
                {t('openFull')}
              </a>
            )}
          </>
        )}
      </section>
    </Dialog>
  );
}
