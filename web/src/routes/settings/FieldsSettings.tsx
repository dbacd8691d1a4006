// Typed custom fields for accounts and tasks: defined here, checked on every write.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomFields, useDefineCustomField } from '../../api/accounts.ts';
import { ApiError } from '../../api/client.ts';
import { useMe } from '../../api/session.ts';
import {
  Badge,
  Button,
  Card,
  ErrorNote,
  Field,
  Loading,
  Select,
  TextField,
} from '../../components/ui.tsx';

const types = ['text', 'number', 'currency', 'date', 'select', 'multi_select', 'boolean'] as const;
type FieldType = (typeof types)[number];

export function FieldsSettings() {
  const { t } = useTranslation();
  const me = useMe();
  const [entity, setEntity] = useState<'account' | 'task'>('account');
  const fields = useCustomFields(entity);
  const define = useDefineCustomField();
  const [draft, setDraft] = useState({
    key: '',
    label: '',
    type: 'text' as FieldType,
    options: '',
    required: false,
  });
  const canEdit = me.data?.permissions.includes('manage_custom_fields') ?? false;
  const fieldError = (path: string) =>
    define.error instanceof ApiError ? define.error.fieldError(path) : undefined;
  const hasOptions = draft.type === 'select' || draft.type === 'multi_select';

  const add = (event: FormEvent) => {
    event.preventDefault();
    define.mutate(
      {
        entity,
        key: draft.key,
        label: draft.label,
        type: draft.type,
        required: draft.required,
        ...(hasOptions
          ? {
              options: draft.options
                .split(',')
                .map((o) => o.trim())
                .filter(Boolean),
            }
          : {}),
      },
      {
        onSuccess: () =>
          setDraft({ key: '', label: '', type: 'text', options: '', required: false }),
      },
    );
  };

  return (
    <div className="flex flex-col gap-4">
      <Card
        title={t('settings.customFields')}
        action={
          <Select
            aria-label={t('settings.fieldEntity')}
            value={entity}
            onChange={(e) => setEntity(e.target.value as typeof entity)}
            className="max-w-40"
          >
            <option value="account">{t('settings.importEntities.accounts')}</option>
            <option value="task">{t('settings.taskFields')}</option>
          </Select>
        }
      >
        <ErrorNote error={fields.error} />
        {fields.isPending && <Loading />}
        {fields.data?.items.length === 0 && <p className="text-muted">{t('settings.noFields')}</p>}
        <ul className="flex flex-col divide-y divide-line">
          {fields.data?.items.map((field) => (
            <li key={field.id} className="flex flex-wrap items-center gap-2 py-2">
              <span className="font-medium">{field.label}</span>
              <code className="text-sm text-muted">{field.key}</code>
              <Badge>{t(`settings.fieldTypes.${field.type}`)}</Badge>
              {field.required && <Badge tone="accent">{t('settings.fieldRequired')}</Badge>}
              {field.options && (
                <span className="text-sm text-muted">{field.options.join(', ')}</span>
              )}
            </li>
          ))}
        </ul>
      </Card>
      {canEdit ? (
        <Card title={t('settings.addField')}>
          <form onSubmit={add} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <TextField
              label={t('settings.fieldKey')}
              error={fieldError('key')}
              required
              pattern="[a-z][a-z0-9_]*"
              value={draft.key}
              onChange={(e) => setDraft({ ...draft, key: e.target.value })}
            />
            <TextField
              label={t('settings.fieldLabel')}
              error={fieldError('label')}
              required
              value={draft.label}
              onChange={(e) => setDraft({ ...draft, label: e.target.value })}
            />
            <Field label={t('settings.fieldType')}>
              {(id) => (
                <Select
                  id={id}
                  value={draft.type}
                  onChange={(e) => setDraft({ ...draft, type: e.target.value as FieldType })}
                >
                  {types.map((type) => (
                    <option key={type} value={type}>
                      {t(`settings.fieldTypes.${type}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            {hasOptions && (
              <TextField
                label={t('settings.fieldOptions')}
                error={fieldError('options')}
                required
                value={draft.options}
                onChange={(e) => setDraft({ ...draft, options: e.target.value })}
              />
            )}
            <label className="flex min-h-11 items-center gap-2">
              <input
                type="checkbox"
                className="h-5 w-5"
                checked={draft.required}
                onChange={(e) => setDraft({ ...draft, required: e.target.checked })}
              />
              {t('settings.fieldRequired')}
            </label>
            <div>
              <Button type="submit" disabled={define.isPending}>
                {t('common.add')}
              </Button>
            </div>
            {define.error instanceof ApiError && !define.error.problem.errors ? (
              <ErrorNote error={define.error} />
            ) : null}
          </form>
        </Card>
      ) : (
        <p className="text-muted">{t('settings.adminOnly')}</p>
      )}
    </div>
  );
}
