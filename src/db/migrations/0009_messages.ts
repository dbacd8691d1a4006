// Sentences the server wrote in English become message keys and parameters, rendered in each
// reader's language when read (src/i18n): timeline titles Steward writes (account changes,
// tickets, payments and MRR movements, health moves, plays, work milestones), health reasons,
// churn-risk factors and recommended actions.
//
// Timeline: history is never recomputed, so each title Steward wrote is parsed back into its
// key and parameters; a title a person typed (a note's) stays text in `title`, and the rare
// row no pattern matches stays as it was written. Health: the current assessments are rewritten
// by the next rescore (daily, or `steward health recompute`), so until then their sentences are
// kept as they were under a fallback key (`health.text`) that shows the old text.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table timeline_events add column title_message jsonb;
    alter table timeline_events alter column title drop not null;
  `.execute(db);

  // Titles with no parameters beyond the pattern's own groups, by pattern.
  await sql`
    with parsed as (
      select e.id, m.key, m.params
      from timeline_events e
      cross join lateral (
        select 'accounts.timeline.ownerChanged' as key, jsonb_build_object(
            'from', case when g[1] = 'nobody' then '{"term":"accounts.timeline.nobody"}'::jsonb
              else to_jsonb(g[1]) end,
            'to', case when g[2] = 'nobody' then '{"term":"accounts.timeline.nobody"}'::jsonb
              else to_jsonb(g[2]) end) as params
        from regexp_match(e.title, '^Owner changed from (.*) to (.*)$') g
        where e.kind = 'system' and g is not null
        union all
        select 'accounts.timeline.stageChanged', jsonb_build_object(
            'from', jsonb_build_object('term', 'accounts.stage.' || g[1]),
            'to', jsonb_build_object('term', 'accounts.stage.' || g[2]))
        from regexp_match(e.title,
          '^Stage changed from (onboarding|adopting|steady|renewing|churned) to (onboarding|adopting|steady|renewing|churned)$') g
        where e.kind = 'system' and g is not null
        union all
        select 'accounts.timeline.priorityChanged', jsonb_build_object('from', g[1], 'to', g[2])
        from regexp_match(e.title, '^Priority changed from (P[0-3]) to (P[0-3])$') g
        where e.kind = 'system' and g is not null
        union all
        select 'health.timeline.moved', jsonb_build_object(
            'from', jsonb_build_object('term', 'health.category.' || case g[1]
              when 'Healthy' then 'healthy' when 'At Risk' then 'at_risk'
              when 'Critical' then 'critical' else 'unscored' end),
            'to', jsonb_build_object('term', 'health.category.' || case g[2]
              when 'Healthy' then 'healthy' when 'At Risk' then 'at_risk' else 'critical' end),
            'score', case when g[3] ~ '^\\d+$' then to_jsonb(g[3]::int) else to_jsonb(g[3]) end)
        from regexp_match(e.title,
          '^Health: (Healthy|At Risk|Critical|Not scored) → (Healthy|At Risk|Critical) \\(score (\\d+|—)\\)$') g
        where e.source = 'health' and g is not null
        union all
        select 'health.timeline.playRan', jsonb_build_object(
            'play', g[1], 'account', g[2],
            'trigger', jsonb_build_object('term', 'health.play.trigger.' || case g[3]
              when 'turned At Risk' then 'entered_at_risk'
              when 'turned Critical' then 'entered_critical' else 'renewal_approaching' end),
            'opened', jsonb_build_object('term', 'health.play.opened.' || g[4]))
        from regexp_match(e.title,
          '^Play "(.*)": (.*) (turned At Risk|turned Critical|renewal is approaching); a (task|project) was opened$') g
        where e.source = 'health' and g is not null
        union all
        select 'accounts.timeline.ticketOpened', jsonb_build_object(
            'subject', g[1], 'priority', jsonb_build_object('term', 'accounts.ticketPriority.' || g[2]))
        from regexp_match(e.title, '^Ticket opened: (.*) \\((urgent|high|normal|low)\\)$') g
        where e.kind = 'ticket' and g is not null
        union all
        select 'accounts.timeline.ticketSolved', jsonb_build_object('subject', g[1])
        from regexp_match(e.title, '^Ticket solved: (.*)$') g
        where e.kind = 'ticket' and g is not null
        union all
        select 'accounts.timeline.taskCompleted', jsonb_build_object('task', g[1])
        from regexp_match(e.title, '^Task completed: (.*)$') g
        where e.kind = 'system' and g is not null
        union all
        select 'accounts.timeline.stageCompleted', jsonb_build_object('stage', g[1])
        from regexp_match(e.title, '^Stage completed: (.*)$') g
        where e.kind = 'system' and g is not null
        union all
        select 'accounts.timeline.projectFromTemplate', jsonb_build_object(
            'template', g[1], 'version', g[2]::int)
        from regexp_match(e.title, '^Project started from the template "(.*)" \\(version (\\d+)\\)$') g
        where e.kind = 'system' and g is not null
        union all
        select 'accounts.timeline.projectStarted', jsonb_build_object('project', g[1])
        from regexp_match(e.title, '^Project "(.*)" started$') g
        where e.kind = 'system' and g is not null
        union all
        select 'accounts.timeline.projectCompleted', jsonb_build_object('project', g[1])
        from regexp_match(e.title, '^Project completed: (.*)$') g
        where e.kind = 'system' and g is not null
      ) m
      where e.title_message is null
    )
    update timeline_events e
    set title_message = jsonb_build_object('key', p.key, 'params', p.params), title = null
    from parsed p
    where e.id = p.id
  `.execute(db);

  // Payments and MRR movements: the amounts are in the event's data, exactly, in minor units;
  // the failed or paid outcome moves from the title's wording into the data, where health reads it.
  await sql`
    update timeline_events
    set title_message = jsonb_build_object(
        'key', case when title like 'Payment failed:%' then 'accounts.timeline.paymentFailed'
          else 'accounts.timeline.invoicePaid' end,
        'params', jsonb_build_object(
          'amount', jsonb_build_object('money', jsonb_build_object(
            'amount', (data->>'amount')::bigint, 'currency', upper(data->>'currency'))),
          'attempt', coalesce((data->>'attempt')::int, 1))),
      data = data || jsonb_build_object('payment',
        case when title like 'Payment failed:%' then 'failed' else 'paid' end),
      title = null
    where kind = 'billing' and data ? 'invoice' and data ? 'amount'
      and (title like 'Payment failed:%' or title like 'Invoice paid:%');

    update timeline_events
    set title_message = jsonb_build_object(
        'key', case when plan is null then 'accounts.timeline.mrrMoved'
          else 'accounts.timeline.mrrMovedOnPlan' end,
        'params', jsonb_build_object(
          'movement', jsonb_build_object('term', 'accounts.movement.' || (data->>'kind')),
          'sign', case when (data->>'amount')::bigint > 0 then '+' else '−' end,
          'change', jsonb_build_object('money', jsonb_build_object(
            'amount', abs((data->>'amount')::bigint), 'currency', upper(data->>'currency'))),
          'mrr', jsonb_build_object('money', jsonb_build_object(
            'amount', (data->>'mrr')::bigint, 'currency', upper(data->>'currency'))))
          || case when plan is null then '{}'::jsonb else jsonb_build_object('plan', plan) end),
      title = null
    from (
      select id as event_id, (regexp_match(title, ' to [^()]* \\(([^()]*)\\)$'))[1] as plan
      from timeline_events
      where kind = 'billing' and data ? 'mrr' and data ? 'kind' and title like '%: MRR %'
    ) movement
    where id = movement.event_id;

    -- The explanation Segment intake put in the body is now part of the title's sentence.
    update timeline_events
    set title_message = '{"key":"accounts.timeline.createdFromSegment"}', title = null, body = null
    where source = 'segment' and title = 'Created from Segment group call — review';

    -- A logged event without a title of its own showed its kind's name.
    update timeline_events
    set title_message = jsonb_build_object('key', 'accounts.timeline.kind.' || kind), title = null
    where source = 'steward' and title_message is null and (kind, title) in
      (('note', 'Note'), ('call', 'Call'), ('email', 'E-mail'), ('meeting', 'Meeting'));

    alter table timeline_events add constraint timeline_events_title_check
      check ((title is null) <> (title_message is null));
  `.execute(db);

  // Health: each stored sentence under the fallback key until the next rescore rewrites it;
  // an action names the factor it answers ('factor', which the old 'source' was).
  await sql`
    update health_scores set
      measures = coalesce((
        select jsonb_agg(case when jsonb_typeof(m->'reason') = 'string'
            then jsonb_set(m, '{reason}', jsonb_build_object(
              'key', 'health.text', 'params', jsonb_build_object('text', m->'reason')))
            else m end order by i)
        from jsonb_array_elements(measures) with ordinality as t(m, i)), '[]'::jsonb),
      churn_risk = churn_risk
        || case when jsonb_typeof(churn_risk->'factors') = 'array' then jsonb_build_object(
          'factors', coalesce((
            select jsonb_agg(case when jsonb_typeof(f->'description') = 'string'
                then jsonb_set(f, '{description}', jsonb_build_object(
                  'key', 'health.text', 'params', jsonb_build_object('text', f->'description')))
                else f end order by i)
            from jsonb_array_elements(churn_risk->'factors') with ordinality as t(f, i)), '[]'::jsonb))
          else '{}'::jsonb end
        || case when jsonb_typeof(churn_risk->'recommendedActions') = 'array' then jsonb_build_object(
          'recommendedActions', coalesce((
            select jsonb_agg(case when jsonb_typeof(a->'action') = 'string'
                then (a - 'source') || jsonb_build_object(
                  'factor', a->'source',
                  'action', jsonb_build_object(
                    'key', 'health.text', 'params', jsonb_build_object('text', a->'action')))
                else a end order by i)
            from jsonb_array_elements(churn_risk->'recommendedActions') with ordinality as t(a, i)),
            '[]'::jsonb))
          else '{}'::jsonb end
  `.execute(db);
}
