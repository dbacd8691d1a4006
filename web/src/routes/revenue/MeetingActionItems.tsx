// A meeting's action items: the list on its page (each a task on the account, with its status),
// and the two ways to write them: with the notes when the meeting is marked held, or on their
// own at any time before it is cancelled.
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import {
  useAddActionItems,
  useCompleteMeeting,
  type ActionItemInput,
  type MeetingDetail,
} from '../../api/revenue.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { formatDate } from '../../components/format.ts';
import {
  Button,
  Card,
  ErrorNote,
  Field,
  Select,
  TextAreaField,
  TextField,
} from '../../components/ui.tsx';

/** The meeting's action items, each a task on the account: its status, and a way to it. */
export function ActionItems({
  meeting,
  onAdd,
}: {
  meeting: MeetingDetail;
  onAdd: (() => void) | null;
}) {
  const { t } = useTranslation('revenue');
  const { t: work } = useTranslation('work');
  return (
    <Card
      title={t('meeting.actionItems')}
      action={
        onAdd && (
          <Button variant="secondary" onClick={onAdd}>
            + {t('meeting.addItems')}
          </Button>
        )
      }
    >
      {meeting.actionItems.length === 0 ? (
        <p className="text-muted">{t('meeting.noItems')}</p>
      ) : (
        <ul className="flex flex-col">
          {meeting.actionItems.map((item) => (
            <li
              key={item.taskId}
              className="flex flex-col border-b border-line py-2 last:border-b-0"
            >
              <Link
                to="/accounts/$accountId"
                params={{ accountId: meeting.accountId }}
                className="inline-flex min-h-11 items-center text-accent underline"
              >
                {item.title}
              </Link>
              <span className="text-sm text-muted">
                {work(`status.${item.status}`)}
                {item.assigneeName && ` · ${item.assigneeName}`}
                {item.dueAt && ` · ${t('meeting.dueOn', { date: formatDate(item.dueAt) })}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {meeting.actionItems.length > 0 && (
        <p className="mt-2 text-sm text-muted">{t('meeting.itemsAreTasks')}</p>
      )}
    </Card>
  );
}

/** An action item as typed: its title, assignee and due day, blank until chosen. */
type Item = { title: string; assigneeId: string; dueAt: string };
const blankItem: Item = { title: '', assigneeId: '', dueAt: '' };

/** What the server takes: no one chosen means the person adding it; due at 17:00 that day. */
const toActionItem = (item: Item): ActionItemInput => ({
  title: item.title,
  assigneeId: item.assigneeId || null,
  dueAt: item.dueAt ? new Date(`${item.dueAt}T17:00:00`).toISOString() : null,
});

/** Rows of action items being written, each with the server's word on its fields. */
function ActionItemFields({
  items,
  setItems,
  error,
}: {
  items: Item[];
  setItems: (items: Item[]) => void;
  error: ApiError | null;
}) {
  const { t } = useTranslation('revenue');
  const users = useUsers();
  const set = (i: number, change: Partial<Item>) =>
    setItems(items.map((item, j) => (j === i ? { ...item, ...change } : item)));
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 font-medium">{t('meeting.actionItems')}</legend>
      {items.map((item, i) => (
        <div key={i} className="flex flex-col gap-2 rounded-lg border border-line p-2">
          <TextField
            label={t('meeting.actionItem')}
            value={item.title}
            onChange={(e) => set(i, { title: e.target.value })}
            error={error?.fieldError(`actionItems.${i}.title`)}
          />
          <Field
            label={t('meeting.assignee')}
            error={error?.fieldError(`actionItems.${i}.assigneeId`)}
          >
            {(id) => (
              <Select
                id={id}
                value={item.assigneeId}
                onChange={(e) => set(i, { assigneeId: e.target.value })}
              >
                <option value="">{t('meeting.assigneeMe')}</option>
                {(users.data?.items ?? [])
                  .filter((u) => !u.deactivated)
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
              </Select>
            )}
          </Field>
          <TextField
            label={t('meeting.due')}
            type="date"
            value={item.dueAt}
            onChange={(e) => set(i, { dueAt: e.target.value })}
            error={error?.fieldError(`actionItems.${i}.dueAt`)}
          />
          <Button variant="ghost" onClick={() => setItems(items.filter((_, j) => j !== i))}>
            {t('meeting.remove')}
          </Button>
        </div>
      ))}
      <Button variant="secondary" onClick={() => setItems([...items, blankItem])}>
        + {t('meeting.addItem')}
      </Button>
    </fieldset>
  );
}

/** A problem that is not about one field of one row, shown once above the button. */
const wholeFormError = (error: ApiError | null) =>
  error && !error.problem.errors?.some((e) => e.path.startsWith('actionItems.')) ? error : null;

export function MarkHeld({ meeting, close }: { meeting: MeetingDetail; close: () => void }) {
  const { t } = useTranslation('revenue');
  const complete = useCompleteMeeting(meeting.id);
  const [notes, setNotes] = useState(meeting.notes ?? '');
  const [items, setItems] = useState<Item[]>([]);
  const error = complete.error instanceof ApiError ? complete.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    complete.mutate(
      {
        notes: notes || null,
        actionItems: items.filter((item) => item.title.trim()).map(toActionItem),
      },
      { onSuccess: close },
    );
  };
  const general = wholeFormError(error);
  return (
    <Dialog
      title={t('meeting.heldTitle')}
      closeLabel={t('meeting.close')}
      onClose={close}
      placement="side"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <TextAreaField
          label={t('meeting.notes')}
          rows={4}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
        <ActionItemFields items={items} setItems={setItems} error={error} />
        {general && <ErrorNote error={general} />}
        <Button type="submit" disabled={complete.isPending}>
          {t('meeting.save')}
        </Button>
      </form>
    </Dialog>
  );
}

export function AddActionItems({ meeting, close }: { meeting: MeetingDetail; close: () => void }) {
  const { t } = useTranslation('revenue');
  const add = useAddActionItems(meeting.id);
  const [items, setItems] = useState<Item[]>([blankItem]);
  const error = add.error instanceof ApiError ? add.error : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Every row goes as typed: a blank title comes back as that row's error, the rest kept.
    add.mutate(items.map(toActionItem), { onSuccess: close });
  };
  const general = wholeFormError(error);
  return (
    <Dialog
      title={t('meeting.addItemsTitle')}
      closeLabel={t('meeting.close')}
      onClose={close}
      placement="side"
    >
      <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
        <ActionItemFields items={items} setItems={setItems} error={error} />
        {general && <ErrorNote error={general} />}
        <Button type="submit" disabled={add.isPending || items.length === 0}>
          {t('meeting.createTasks', { count: items.length })}
        </Button>
      </form>
    </Dialog>
  );
}
