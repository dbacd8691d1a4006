// What a field named in an audit entry's changes is called: the label of the form that edits
// it, in the reader's language (`namespace:key` of the catalogs those forms already use). The
// server records fields by their API names (`renewalDate`, `ownerId`); one no form names here
// is spelled out from that name ("Renewal date") rather than shown as code. A field holding a
// code (a tier, a status) has its values named by the same catalogs' lists.

/** A field's label wherever it is recorded: the account's, a person's, a piece of feedback's. */
const everywhere: Readonly<Record<string, string>> = {
  name: 'common:accountForm.name',
  domain: 'common:account.domain',
  tier: 'common:portfolio.columns.tier',
  stage: 'common:portfolio.columns.stage',
  priority: 'common:account.priority',
  ownerId: 'common:account.owner',
  plan: 'common:account.plan',
  arr: 'common:account.arr',
  mrr: 'common:account.mrr',
  seats: 'common:account.seats',
  renewalDate: 'common:account.renewal',
  customFields: 'common:account.customFields',
  email: 'common:settings.email',
  role: 'common:settings.role',
  managerId: 'common:settings.manager',
  timezone: 'common:settings.timezone',
  phone: 'common:contactForm.phone',
  status: 'voice:edit.status',
  text: 'voice:log.text',
  type: 'voice:log.type',
  accountId: 'voice:log.account',
  contactId: 'voice:edit.contact',
  title: 'work:editor.taskTitle',
  description: 'work:editor.description',
  tags: 'work:editor.tags',
  assigneeId: 'work:task.assignee',
  checklist: 'work:editor.checklist',
  dependsOn: 'work:editor.dependsOn',
};

/** Where one kind of record calls a field otherwise (a contact's title is their job title). */
const byKind: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  contact: { title: 'common:contactForm.title', role: 'common:contactForm.role' },
  project: { status: 'work:projectForm.status', name: 'work:projectForm.name' },
  task: { stage: 'work:task.stage' },
};

/** Where the words for a field's codes are, per kind of record: `tier` → `common:tier.smb`. */
const valueLabels: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  account: { tier: 'common:tier', stage: 'common:stage' },
  contact: { role: 'common:contactRole' },
  user: { role: 'common:settings.roleNames' },
  feedback: { type: 'voice:type', priority: 'voice:priority', status: 'voice:status' },
  roadmap_item: { status: 'voice:roadmap.status' },
  task: { status: 'work:status' },
  project: { status: 'work:projectStatus', kind: 'work:kind' },
  opportunity: { stage: 'revenue:opportunity.stages', kind: 'revenue:opportunity.kinds' },
};

/** Every label named above, for the test that holds them to the catalogs. */
export const fieldLabelKeys = [
  ...Object.values(everywhere),
  ...Object.values(byKind).flatMap((labels) => Object.values(labels)),
];

/** Every list of codes' words named above, for the same test. */
export const valueLabelPrefixes = Object.values(valueLabels).flatMap((lists) =>
  Object.values(lists),
);

/** The catalog key the words for a field's codes sit under on this kind of record, if any. */
export function valueLabelPrefix(entityType: string, field: string): string | undefined {
  return valueLabels[entityType]?.[field];
}

/** The catalog key of a field's label on this kind of record, if a form names it. */
export function fieldLabelKey(entityType: string, field: string): string | undefined {
  return byKind[entityType]?.[field] ?? everywhere[field];
}

/** A field's API name as words: `renewalDate` and `renewal_date` both read "Renewal date". */
export function spelledOut(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
