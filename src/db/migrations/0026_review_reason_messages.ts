// Why a delivery was kept for review (`intake_review.reason`) is stored as a message key and its
// parameters (`intake.review.*`), rendered in the reader's language when the list is read, where
// it was one English sentence.
//
// Rows stored before are converted: the sentences the Stripe and support webhooks wrote until
// now (frozen below, so this migration means the same whatever later catalogs say) are read
// back into their keys and parameters. A sentence no pattern knows becomes "No account matches
// this delivery. Its reason was recorded before it could be shown in your language.": every
// kept delivery is one no account matched, and its payload, kept beside it, names the rest.
import { sql, type Kysely } from 'kysely';

type Reason = { key: string; params?: Record<string, string | { term: string }> };

const stripe =
  /^No account matches Stripe customer (.*?): set metadata\.steward_account_id or metadata\.external_id on the customer or subscription(?:, or give exactly one account the domain (.+))?\.$/s;
const ticket =
  /^No account matches ticket (.*?)(?: \(external id (.*?)\))?(?: \(domain (.*?)\))?\.$/s;

/** One old English reason → its message. */
export function reasonOf(text: string): Reason {
  const byStripe = stripe.exec(text);
  if (byStripe) {
    const [, id = '', domain] = byStripe;
    // A Stripe event naming no customer said "(none)", which is a word of the reader's.
    const customer = id === '(none)' ? { term: 'intake.review.noCustomer' } : id;
    return domain === undefined
      ? { key: 'intake.review.stripeCustomer', params: { customer } }
      : { key: 'intake.review.stripeCustomerDomain', params: { customer, domain } };
  }
  const byTicket = ticket.exec(text);
  if (byTicket) {
    const [, id = '', externalId, domain] = byTicket;
    const params = {
      ticket: id,
      ...(externalId === undefined ? {} : { externalId }),
      ...(domain === undefined ? {} : { domain }),
    };
    const key =
      externalId !== undefined && domain !== undefined
        ? 'ticketExternalIdDomain'
        : externalId !== undefined
          ? 'ticketExternalId'
          : domain !== undefined
            ? 'ticketDomain'
            : 'ticket';
    return { key: `intake.review.${key}`, params };
  }
  return { key: 'intake.review.before' };
}

const batch = 500;

export async function up(db: Kysely<unknown>): Promise<void> {
  // Each old sentence as a JSON string for now, replaced below by its message.
  await sql`
    alter table intake_review alter column reason type jsonb using to_jsonb(reason)
  `.execute(db);
  const { rows } = await sql<{ id: string; reason: string }>`
    select id, reason #>> '{}' as reason from intake_review where jsonb_typeof(reason) = 'string'
  `.execute(db);
  for (let at = 0; at < rows.length; at += batch) {
    const converted = rows
      .slice(at, at + batch)
      .map(({ id, reason }) => ({ id, reason: reasonOf(reason) }));
    await sql`
      update intake_review set reason = converted.reason
      from jsonb_to_recordset(${JSON.stringify(converted)}::jsonb)
        as converted(id uuid, reason jsonb)
      where intake_review.id = converted.id
    `.execute(db);
  }
}
