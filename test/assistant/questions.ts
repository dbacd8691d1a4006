// The labelled set for Ask Steward: questions a CSM might type, each with the intent a person
// would expect. Written before the classifier was tuned and worded the way people talk rather
// than after the lexicon. Entries marked `heldOut` were never looked at while tuning: the
// accuracy test reports them apart, so the tuned figure cannot hide over-fitting.
//
// Account names the questions mention are those of `labelledAccounts` (the test gives the
// classifier that list, as the service gives it the workspace's accounts).
import type { Intent } from '../../src/modules/assistant/index.ts';

export type LabelledQuestion = { q: string; intent: Intent; heldOut?: true };

export const labelledAccounts = [
  'Acme Corp',
  'Larkspur Logistics',
  'Kestrel Health',
  'Northmere Capital',
  'Ironbark Freight',
  'Globex',
  'Wrenford Analytics',
];

export const labelledPeople = ['Jordan Taylor', 'Morgan Lee', 'Priya Shah', 'Diego Alvarez'];

export const labelledQuestions: LabelledQuestion[] = [
  // client_health
  { q: 'Show me health scores for all my assigned clients', intent: 'client_health' },
  { q: 'how healthy is my book of business?', intent: 'client_health' },
  { q: 'portfolio health overview', intent: 'client_health' },
  { q: 'Which of my customers are in the red?', intent: 'client_health' },
  { q: 'give me the health dashboard for the team', intent: 'client_health' },
  { q: 'How are my accounts doing overall', intent: 'client_health', heldOut: true },
  { q: 'helth scores for enterprise clients', intent: 'client_health' },
  { q: 'list accounts by health score, lowest first', intent: 'client_health', heldOut: true },
  { q: 'Покажи здоровье моих клиентов', intent: 'client_health' },
  { q: 'какой health score у клиентов команды?', intent: 'client_health' },
  { q: 'Как обстоят дела с моими клиентами в целом?', intent: 'client_health', heldOut: true },
  { q: 'оценки здоровья по всем аккаунтам', intent: 'client_health' },
  { q: 'Who is healthy and who is critical in my portfolio?', intent: 'client_health' },
  { q: 'состояние портфеля', intent: 'client_health', heldOut: true },

  // declining_adoption
  { q: 'Which clients have declining product adoption?', intent: 'declining_adoption' },
  { q: 'who is using the product less than last month', intent: 'declining_adoption' },
  { q: 'accounts where usage dropped', intent: 'declining_adoption' },
  { q: 'show customers with falling logins', intent: 'declining_adoption', heldOut: true },
  { q: 'where are active users going down?', intent: 'declining_adoption' },
  { q: 'clients that stopped using features', intent: 'declining_adoption' },
  { q: 'usage decline in enterprise accounts', intent: 'declining_adoption', heldOut: true },
  { q: 'У каких клиентов падает использование продукта?', intent: 'declining_adoption' },
  { q: 'кто стал реже заходить в систему', intent: 'declining_adoption' },
  {
    q: 'снижение активности пользователей у клиентов',
    intent: 'declining_adoption',
    heldOut: true,
  },
  { q: 'клиенты, у которых упало число активных пользователей', intent: 'declining_adoption' },
  { q: 'Whose adoption is slipping?', intent: 'declining_adoption' },
  { q: "Who hasn't logged in for 30 days?", intent: 'declining_adoption' },
  { q: 'Кто не заходил больше 30 дней?', intent: 'declining_adoption' },
  { q: 'какие клиенты не пользуются продуктом', intent: 'declining_adoption' },

  // churn_risk
  { q: 'Show me clients at risk of churn this quarter', intent: 'churn_risk' },
  { q: 'who might cancel before renewal?', intent: 'churn_risk' },
  { q: 'churn risk', intent: 'churn_risk' },
  { q: 'which accounts are likely to leave us', intent: 'churn_risk', heldOut: true },
  { q: 'flight risk customers in mid-market', intent: 'churn_risk' },
  { q: 'at-risk renewals this quarter', intent: 'churn_risk', heldOut: true },
  { q: 'cherning customers', intent: 'churn_risk' },
  { q: 'кто уходит?', intent: 'churn_risk' },
  { q: 'Какие клиенты под риском оттока в этом квартале?', intent: 'churn_risk' },
  { q: 'риск ухода клиентов', intent: 'churn_risk', heldOut: true },
  { q: 'кто может не продлиться и уйти к конкурентам', intent: 'churn_risk' },
  { q: 'Which customers could we lose?', intent: 'churn_risk' },
  { q: 'отток по моим клиентам', intent: 'churn_risk' },

  // engagement_trends
  { q: 'Compare client engagement trends month-over-month', intent: 'engagement_trends' },
  { q: 'engagement this month vs last month', intent: 'engagement_trends' },
  { q: 'how has engagement changed over time', intent: 'engagement_trends', heldOut: true },
  { q: 'MoM engagement comparison for my book', intent: 'engagement_trends' },
  { q: 'which clients are more engaged than before and which less', intent: 'engagement_trends' },
  { q: 'show engagement trend since March', intent: 'engagement_trends', heldOut: true },
  { q: 'Сравни вовлечённость клиентов по месяцам', intent: 'engagement_trends' },
  { q: 'динамика вовлеченности за прошлый квартал', intent: 'engagement_trends' },
  {
    q: 'как менялась активность клиентов месяц к месяцу',
    intent: 'engagement_trends',
    heldOut: true,
  },
  { q: 'тренды вовлечённости', intent: 'engagement_trends' },
  { q: 'growth vs stable vs declining clients, month over month', intent: 'engagement_trends' },

  // product_adoption
  {
    q: 'Show product adoption metrics and feature usage across clients',
    intent: 'product_adoption',
  },
  { q: 'which features do customers use most', intent: 'product_adoption' },
  { q: 'adoption rate of our features', intent: 'product_adoption', heldOut: true },
  { q: 'How many active users do my clients have?', intent: 'product_adoption' },
  { q: 'time to value across the portfolio', intent: 'product_adoption' },
  { q: 'feature usage by account', intent: 'product_adoption', heldOut: true },
  { q: 'seat utilization', intent: 'product_adoption' },
  { q: 'Метрики внедрения продукта', intent: 'product_adoption' },
  { q: 'какие функции используют клиенты', intent: 'product_adoption' },
  {
    q: 'сколько активных пользователей у моих клиентов',
    intent: 'product_adoption',
    heldOut: true,
  },
  { q: 'использование фич по клиентам', intent: 'product_adoption' },
  { q: 'adopton stats', intent: 'product_adoption' },

  // renewal_pipeline
  { q: 'Show upcoming renewals in next 90 days', intent: 'renewal_pipeline' },
  { q: 'renewals next quarter', intent: 'renewal_pipeline' },
  { q: 'which contracts expire soon?', intent: 'renewal_pipeline' },
  {
    q: 'whose subscription is up for renewal this month',
    intent: 'renewal_pipeline',
    heldOut: true,
  },
  { q: 'Show upcoming renewals and contract status', intent: 'renewal_pipeline' },
  { q: 'renewal forecast for the team', intent: 'renewal_pipeline', heldOut: true },
  { q: 'when does Larkspur renew?', intent: 'renewal_pipeline' },
  { q: 'upcomming renewls', intent: 'renewal_pipeline' },
  { q: 'Какие продления в следующем месяце?', intent: 'renewal_pipeline' },
  { q: 'у кого заканчивается контракт в ближайшие 60 дней', intent: 'renewal_pipeline' },
  { q: 'воронка продлений', intent: 'renewal_pipeline', heldOut: true },
  { q: 'кто продлевается в этом квартале', intent: 'renewal_pipeline' },
  { q: 'contracts coming up for renewal by end of year', intent: 'renewal_pipeline' },

  // expansion_opportunities
  { q: 'Identify expansion opportunities across my portfolio', intent: 'expansion_opportunities' },
  { q: 'Identify upsell and cross-sell opportunities', intent: 'expansion_opportunities' },
  { q: 'where can we grow revenue with existing customers', intent: 'expansion_opportunities' },
  { q: 'who needs more seats', intent: 'expansion_opportunities', heldOut: true },
  { q: 'accounts ready to expand', intent: 'expansion_opportunities' },
  { q: 'upsell potential in enterprise', intent: 'expansion_opportunities', heldOut: true },
  { q: 'Возможности для допродаж', intent: 'expansion_opportunities' },
  { q: 'кому можно продать больше', intent: 'expansion_opportunities' },
  { q: 'потенциал расширения по моим клиентам', intent: 'expansion_opportunities', heldOut: true },
  { q: 'апсейл и кросс-сейл', intent: 'expansion_opportunities' },
  { q: 'which customers are outgrowing their plan?', intent: 'expansion_opportunities' },

  // premium_upgrades
  { q: 'Show clients ready for premium tier upgrade', intent: 'premium_upgrades' },
  { q: 'who should move to the premium plan', intent: 'premium_upgrades' },
  { q: 'non-premium accounts using premium features', intent: 'premium_upgrades', heldOut: true },
  { q: 'upgrade candidates', intent: 'premium_upgrades' },
  { q: 'which customers could upgrade to a higher tier?', intent: 'premium_upgrades' },
  { q: 'premium upsell candidates among smb', intent: 'premium_upgrades', heldOut: true },
  { q: 'Кто готов перейти на премиум?', intent: 'premium_upgrades' },
  { q: 'клиенты для апгрейда тарифа', intent: 'premium_upgrades' },
  { q: 'кому предложить премиум тариф', intent: 'premium_upgrades', heldOut: true },
  { q: 'кандидаты на повышение тарифа', intent: 'premium_upgrades' },
  { q: 'premum upgrade', intent: 'premium_upgrades' },

  // revenue_metrics
  { q: 'Analyze revenue retention and expansion metrics', intent: 'revenue_metrics' },
  { q: 'what is our NRR', intent: 'revenue_metrics' },
  { q: 'net revenue retention last quarter', intent: 'revenue_metrics' },
  { q: 'gross retention and churned revenue this year', intent: 'revenue_metrics', heldOut: true },
  { q: 'how much MRR did we expand last month', intent: 'revenue_metrics' },
  { q: 'CS metrics dashboard', intent: 'revenue_metrics', heldOut: true },
  { q: 'logo churn rate', intent: 'revenue_metrics' },
  { q: 'Показатели удержания выручки', intent: 'revenue_metrics' },
  { q: 'какой у нас NRR за прошлый квартал', intent: 'revenue_metrics' },
  { q: 'метрики выручки и расширения', intent: 'revenue_metrics', heldOut: true },
  { q: 'сколько выручки мы потеряли в прошлом месяце', intent: 'revenue_metrics' },
  { q: 'renewal rate and expansion rate', intent: 'revenue_metrics' },

  // nps_feedback
  { q: 'Show recent client feedback and NPS scores', intent: 'nps_feedback' },
  { q: 'Show recent NPS survey results by client', intent: 'nps_feedback' },
  { q: 'what are customers saying about us', intent: 'nps_feedback' },
  { q: 'detractors from the last survey', intent: 'nps_feedback', heldOut: true },
  { q: 'how satisfied are our clients', intent: 'nps_feedback' },
  { q: 'csat and nps by tier', intent: 'nps_feedback', heldOut: true },
  { q: 'NPS for Kestrel', intent: 'nps_feedback' },
  { q: 'Покажи отзывы клиентов и NPS', intent: 'nps_feedback' },
  { q: 'результаты опроса удовлетворённости', intent: 'nps_feedback' },
  { q: 'кто из клиентов критикует нас', intent: 'nps_feedback', heldOut: true },
  { q: 'последние оценки NPS по клиентам', intent: 'nps_feedback' },
  { q: 'customer sentiment lately', intent: 'nps_feedback' },

  // account_feedback: what one client said, not its card
  { q: 'What did Northmere Capital say recently?', intent: 'account_feedback' },
  { q: 'What has Acme been saying?', intent: 'account_feedback' },
  { q: 'Any feedback from Kestrel Health?', intent: 'account_feedback' },
  { q: 'complaints from Ironbark lately', intent: 'account_feedback' },
  { q: 'what did my largest client say this month', intent: 'account_feedback' },
  { q: 'Что говорил Northmere в последнее время?', intent: 'account_feedback' },
  { q: 'Какие отзывы у Ларкспур?', intent: 'account_feedback' },
  { q: 'на что жаловался Globex', intent: 'account_feedback' },
  { q: 'что писали из Кестрел за последний месяц', intent: 'account_feedback' },

  // qbr_due
  { q: 'Which clients need business review meetings?', intent: 'qbr_due' },
  { q: 'who is overdue for a QBR', intent: 'qbr_due' },
  { q: "accounts we haven't had a quarterly review with", intent: 'qbr_due', heldOut: true },
  { q: 'QBRs due this quarter', intent: 'qbr_due' },
  { q: 'missing business reviews for enterprise', intent: 'qbr_due' },
  { q: 'which customers are due for a check-in', intent: 'qbr_due', heldOut: true },
  { q: 'Каким клиентам нужна бизнес-встреча?', intent: 'qbr_due' },
  { q: 'у кого просрочен QBR', intent: 'qbr_due' },
  { q: 'с кем давно не было квартального обзора', intent: 'qbr_due', heldOut: true },
  { q: 'кому пора провести QBR', intent: 'qbr_due' },
  { q: 'upcoming and overdue business reviews', intent: 'qbr_due' },

  // upcoming_meetings
  { q: 'What meetings do I have this week?', intent: 'upcoming_meetings' },
  { q: 'my meetings next week', intent: 'upcoming_meetings' },
  { q: 'meetings tomorrow', intent: 'upcoming_meetings' },
  { q: "what's on my calendar on Friday", intent: 'upcoming_meetings' },
  { q: 'upcoming meetings with Acme', intent: 'upcoming_meetings' },
  { q: 'Какие у меня встречи на следующей неделе?', intent: 'upcoming_meetings' },
  { q: 'встречи на завтра', intent: 'upcoming_meetings' },
  { q: 'мой календарь на эту неделю', intent: 'upcoming_meetings' },
  { q: 'созвоны с клиентами в пятницу', intent: 'upcoming_meetings' },

  // top_feature_requests
  { q: 'Show product roadmap items most requested by clients', intent: 'top_feature_requests' },
  { q: 'what do customers ask for the most', intent: 'top_feature_requests' },
  { q: 'top feature requests this month', intent: 'top_feature_requests' },
  { q: 'most wanted features by ARR', intent: 'top_feature_requests', heldOut: true },
  { q: 'feedback themes ranked by demand', intent: 'top_feature_requests' },
  {
    q: 'what are the biggest asks from enterprise?',
    intent: 'top_feature_requests',
    heldOut: true,
  },
  { q: 'Самые частые запросы функций', intent: 'top_feature_requests' },
  { q: 'что клиенты просят добавить в продукт', intent: 'top_feature_requests' },
  { q: 'какие фичи запрашивают чаще всего', intent: 'top_feature_requests', heldOut: true },
  { q: 'популярные пожелания клиентов за последние 30 дней', intent: 'top_feature_requests' },
  { q: 'feature reqests', intent: 'top_feature_requests' },

  // schedule_qbr
  { q: 'Schedule quarterly business reviews for top accounts', intent: 'schedule_qbr' },
  { q: 'Schedule a QBR with Acme next Tuesday at 10', intent: 'schedule_qbr' },
  { q: 'book a business review with Larkspur next week', intent: 'schedule_qbr' },
  { q: 'set up a meeting with Kestrel on Friday at 3pm', intent: 'schedule_qbr', heldOut: true },
  { q: 'Schedule and manage client business reviews', intent: 'schedule_qbr' },
  { q: 'put a QBR on the calendar for Globex', intent: 'schedule_qbr', heldOut: true },
  { q: 'Запланируй QBR с Ларкспур на следующий вторник', intent: 'schedule_qbr' },
  { q: 'назначь встречу с Acme завтра в 15:00', intent: 'schedule_qbr' },
  {
    q: 'организовать квартальный обзор с ключевыми клиентами',
    intent: 'schedule_qbr',
    heldOut: true,
  },
  { q: 'поставь бизнес-ревью с Кестрел на пятницу', intent: 'schedule_qbr' },
  { q: 'shedule qbr with northmere', intent: 'schedule_qbr' },

  // product_roadmap
  { q: 'Show product roadmap and upcoming features', intent: 'product_roadmap' },
  { q: "what's coming in the next release", intent: 'product_roadmap' },
  { q: 'roadmap for Q1', intent: 'product_roadmap' },
  { q: 'what is the product team building next', intent: 'product_roadmap', heldOut: true },
  { q: 'planned features and their release dates', intent: 'product_roadmap' },
  { q: 'what shipped recently', intent: 'product_roadmap', heldOut: true },
  { q: 'Дорожная карта продукта', intent: 'product_roadmap' },
  { q: 'что выйдет в следующем релизе', intent: 'product_roadmap' },
  { q: 'какие функции в планах разработки', intent: 'product_roadmap', heldOut: true },
  { q: 'роадмап', intent: 'product_roadmap' },
  { q: 'rodmap', intent: 'product_roadmap' },

  // account_lookup
  { q: 'Larkspur', intent: 'account_lookup' },
  { q: 'tell me about Acme', intent: 'account_lookup' },
  { q: 'how is Kestrel Health doing?', intent: 'account_lookup' },
  { q: 'open Northmere', intent: 'account_lookup', heldOut: true },
  { q: 'whats up with ironbark', intent: 'account_lookup' },
  { q: 'Globex account summary', intent: 'account_lookup', heldOut: true },
  { q: 'Расскажи про Ларкспур', intent: 'account_lookup' },
  { q: 'Как дела у Кестрел?', intent: 'account_lookup' },
  { q: 'что с Acme', intent: 'account_lookup', heldOut: true },
  { q: 'Найди клиента Northmere Capital', intent: 'account_lookup' },
  { q: 'larksupr logistics', intent: 'account_lookup' },

  // my_tasks
  { q: 'what are my tasks today', intent: 'my_tasks' },
  { q: 'show my to-do list', intent: 'my_tasks' },
  { q: 'what do I need to do this week', intent: 'my_tasks', heldOut: true },
  { q: 'overdue tasks', intent: 'my_tasks' },
  { q: 'remind me to call Larkspur tomorrow', intent: 'my_tasks' },
  { q: "what's on my plate", intent: 'my_tasks', heldOut: true },
  { q: 'Мои задачи на сегодня', intent: 'my_tasks' },
  { q: 'что мне нужно сделать на этой неделе', intent: 'my_tasks' },
  { q: 'напомни позвонить в Acme завтра', intent: 'my_tasks', heldOut: true },
  { q: 'просроченные задачи', intent: 'my_tasks' },
  { q: 'my open work items', intent: 'my_tasks' },

  // escalations
  { q: 'show escalations', intent: 'escalations' },
  { q: 'which SLAs were breached this week', intent: 'escalations' },
  { q: 'what got escalated to managers', intent: 'escalations', heldOut: true },
  { q: 'SLA breaches and warnings', intent: 'escalations' },
  { q: 'tasks that blew their SLA', intent: 'escalations', heldOut: true },
  { q: 'Покажи эскалации', intent: 'escalations' },
  { q: 'нарушения SLA за неделю', intent: 'escalations' },
  { q: 'что эскалировано руководителю', intent: 'escalations', heldOut: true },
  { q: 'any escalated issues from the team?', intent: 'escalations' },
  { q: 'escalatoins', intent: 'escalations' },

  // unknown: out of scope, gibberish, or too vague to answer without guessing
  { q: "what's the weather in Paris", intent: 'unknown' },
  { q: 'tell me a joke', intent: 'unknown' },
  { q: 'asdfgh qwerty', intent: 'unknown' },
  { q: '🙂🙂🙂', intent: 'unknown' },
  { q: "'; drop table accounts; --", intent: 'unknown' },
  { q: '<script>alert(1)</script>', intent: 'unknown', heldOut: true },
  { q: 'who won the football match yesterday', intent: 'unknown', heldOut: true },
  { q: 'how do I bake bread', intent: 'unknown' },
  { q: 'Какая погода в Москве?', intent: 'unknown' },
  { q: 'расскажи анекдот', intent: 'unknown', heldOut: true },
  { q: 'привет', intent: 'unknown' },
  { q: 'translate hello into French', intent: 'unknown' },
  { q: 'show me', intent: 'unknown', heldOut: true },
  { q: 'кто президент Франции', intent: 'unknown' },
];
