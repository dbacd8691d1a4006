// The words Ask Steward knows, English and Russian, grouped into concepts. An entry is a
// space-separated phrase; a word ending in `*` matches any word that starts with it (stems:
// "renew*" is renewal, renewing, renews; "продл*" is продление, продлевается), any other word
// only itself. Words of five letters or more also match with a typo (text.ts, typoAllowance).
// The intents are weighed from these concepts in classify.ts.

// prettier-ignore
export const lexicon = {
  health: [
    'health*', 'healthy', 'unhealthy', 'helth*', 'in the red', 'red zone', 'green', 'critical',
    'doing overall', 'health check*', 'здоров*', 'состояни*', 'в красной зоне', 'критичн*',
    'хелс*',
    'red status', 'red flag*', 'красн* статус*', 'красн* зон*', 'зелен* зон*', 'самочувстви*',
  ],
  score: [
    'score*', 'rating*', 'grade*', 'оценк*', 'скор*', 'балл*', 'рейтинг*',
  ],
  howDoing: [
    'how is', 'how are', 'how s', "how's", 'how was', 'doing', 'going on', 'whats up', "what's up",
    'what is up', 'status of', 'как дела', 'как обстоят', 'как там', 'как поживает', 'что с',
    'что там с', 'как у',
    'how are things', 'how things are', 'how things stand', "how it's going", 'обстоят дела',
    'дела обстоят', 'как обстоят дела', 'как идут дела', 'идут дела', 'как себя чувству*', 'что происходит',
    'что нового',
  ],
  // One account, the biggest by ARR: "my largest account", "крупнейший клиент".
  largest: [
    'largest', 'biggest account*', 'biggest client*', 'biggest customer*', 'крупнейш*',
    'самый крупный', 'самого крупного', 'самом крупном', 'самому крупному',
  ],
  lookup: [
    'tell me about', 'about', 'open', 'find', 'look up', 'lookup', 'summary', 'overview of',
    'profile', 'details', 'info', 'расскажи*', 'найди*', 'найти', 'открой*', 'покажи карточку',
    'карточк*', 'информаци*', 'про',
  ],
  decline: [
    'declin*', 'drop*', 'dropp*', 'fall*', 'fell', 'down', 'going down', 'decreas*', 'slipping',
    'slip*', 'less', 'fewer', 'reduc*', 'shrink*', 'stopped', 'stop using', 'abandon*', 'lower',
    'worse', 'sinking', 'tank*', 'пада*', 'упал*', 'упад*', 'сниж*', 'снизил*', 'меньше', 'реже',
    'сократил*', 'сокращ*', 'перестал*', 'ухудш*', 'просел*', 'просад*', 'уменьш*',
    'dwindl*', 'waning', 'cooling', 'cooled', 'going quiet', 'gone quiet', 'dormant', 'inactive',
    'trending down', 'падени*', 'спад*', 'затих*', 'неактивн*',
  ],
  usage: [
    'usage', 'use', 'uses', 'using', 'used', 'login*', 'log in', 'logging in', 'sign in*',
    'active', 'activity', 'activit*', 'использ*', 'пользуют*', 'заход*', 'активн*', 'логин*',
    'вход*',
    'logging', 'logins', 'пользова*', 'пользу*', 'заходя*', 'зайти',
  ],
  // Not using the product at all: "who hasn't logged in", "кто не заходил".
  notUsing: [
    "hasn't logged in", "haven't logged in", 'hasnt logged in', 'havent logged in',
    'not logged in', 'no logins', 'no login', "hasn't used", "haven't used", 'not using',
    'не заходил*', 'не заходят', 'не заходит', 'не входил*', 'не логинил*', 'не пользовал*',
    'не пользуются', 'не пользуется',
  ],
  adoption: [
    'adopt*', 'adopton', 'active users', 'time to value', 'utiliz*', 'utilis*', 'dau', 'wau',
    'mau', 'внедрен*', 'освоен*', 'активных пользовател*', 'время до ценности', 'утилизац*',
    'how much they use', 'uptake',
  ],
  feature: [
    'feature*', 'functionality', 'module*', 'фич*', 'функци*', 'модул*',
  ],
  churn: [
    'churn*', 'cherning', 'cancel*', 'leave', 'leaving', 'leave us', 'lose', 'losing',
    'flight risk', 'walk away', 'not renew', "won't renew", 'defect*', 'отток*', 'уход*', 'уйд*',
    'уйти', 'уйдет', 'уходит', 'потеря*', 'потерять', 'потеряем', 'не продл*', 'откажут*',
    'отказ*',
    'terminat*', 'switch to a competitor', 'competitor*', 'расторг*', 'отвал*', 'сбеж*',
    'конкурент*',
  ],
  risk: [
    'risk*', 'at-risk', 'danger*', 'threat*', 'риск*', 'угроз*', 'опасн*', 'под угрозой',
  ],
  engagement: [
    'engag*', 'involvement', 'interaction*', 'touchpoint*', 'вовлеч*', 'вовлечён*', 'engagement',
    'взаимодейств*',
    'communicat*', 'contact frequency', 'how often we talk', 'коммуникац*', 'общени*',
  ],
  trend: [
    'trend*', 'over time', 'compare*', 'comparison', 'change*', 'changed', 'versus', 'vs',
    'evolv*', 'history', 'динамик*', 'тренд*', 'сравн*', 'менял*', 'изменени*', 'измен*',
  ],
  monthOverMonth: [
    'month over month', 'mom', 'month to month', 'monthly', 'this month vs last month',
    'месяц к месяцу', 'по месяцам', 'помесячн*', 'от месяца к месяцу',
  ],
  renewal: [
    'renew*', 'renewls', 'expir*', 'up for renewal', 'contract end*', 'term end*', 'coming up',
    'продл*', 'продлен*', 'истека*', 'заканчива*', 'перезаключ*', 'реньюал*',
  ],
  contract: [
    'contract*', 'subscription*', 'договор*', 'контракт*', 'подписк*',
  ],
  expansion: [
    'expan*', 'expand*', 'upsell*', 'up-sell', 'cross-sell*', 'cross sell*', 'crosssell', 'grow*',
    'outgrow*', 'more seats', 'add seats', 'whitespace', 'расширен*', 'расшир*', 'допрод*',
    'апсейл*', 'кросс-сейл*', 'кросс сейл*', 'кросселл*', 'продать больше', 'рост выручки',
    'buy more', 'more licen*', 'additional seats', 'extra seats', 'add-on*', 'addon*', 'купить больше',
    'докуп*', 'больше мест', 'больше лиценз*', 'доп продаж*',
  ],
  opportunity: [
    'opportunit*', 'potential', 'ready to', 'candidates', 'возможност*', 'потенциал*',
  ],
  product: [
    'product', 'platform', 'app', 'tool', 'software', 'продукт*', 'платформ*', 'приложени*',
    'систем*', 'сервис*',
  ],
  seats: [
    'seat*', 'licen*', 'мест*', 'лиценз*',
  ],
  premium: [
    'premium', 'premum', 'higher tier', 'higher plan', 'top tier', 'премиум*', 'премиал*',
    'more expensive', 'higher-priced', 'pricier', 'дороже', 'более дорог*', 'старш* тариф*',
    'максимальн* тариф*',
  ],
  upgrade: [
    'upgrad*', 'move up', 'move to', 'step up', 'апгрейд*', 'повыш*', 'перейти', 'переход*',
    'перевести',
  ],
  plan: [
    'plan', 'plans', 'tier', 'tiers', 'package', 'тариф*', 'план',
  ],
  revenueMetric: [
    'nrr', 'grr', 'mrr', 'arr', 'net revenue retention', 'gross retention', 'revenue retention',
    'retention', 'net retention', 'churn rate', 'logo churn', 'revenue churn', 'contraction',
    'удержани*', 'нрр', 'мрр', 'чистое удержание',
    'cs metrics', 'customer success metrics', 'cs kpi*', 'dollar retention', 'expansion rate',
    'ndr', 'метрики успеха', 'метрики cs', 'показатели cs',
  ],
  revenue: [
    'revenue', 'income', 'bookings', 'money', 'выручк*', 'доход*', 'деньг*',
  ],
  metric: [
    'metric*', 'rate', 'rates', 'kpi*', 'figures', 'numbers', 'analy*', 'dashboard', 'показател*',
    'метрик*', 'цифр*', 'коэффициент*', 'анализ*',
  ],
  nps: [
    'nps', 'net promoter', 'survey*', 'csat', 'satisf*', 'promoter*', 'detractor*', 'passives',
    'sentiment', 'happy', 'unhappy', 'нпс', 'опрос*', 'удовлетвор*', 'промоутер*', 'критик*',
    'довольн*', 'недовольн*', 'лояльност*',
    'mood', 'loyal*', 'how do customers feel', 'how customers feel', 'настроени*',
  ],
  feedback: [
    'feedback', 'saying', 'say about', 'complain*', 'complaint*', 'verbatim*', 'comments',
    'отзыв*', 'мнени*', 'жалоб*', 'говорят', 'фидбек*', 'обратн* связ*',
    // What one client said: "what did Acme say", "что говорил Acme", "на что жаловался".
    'say', 'said', 'told us', 'говорил*', 'сказал*', 'писал*', 'пишут', 'жаловал*', 'фидбэк*',
  ],
  qbr: [
    'qbr*', 'business review*', 'quarterly review*', 'quarterly business', 'ebr*', 'check-in*',
    'check in', 'checkin*', 'бизнес-ревью', 'бизнес ревью', 'бизнес-встреч*', 'бизнес встреч*',
    'квартальн* обзор*', 'квартальн* встреч*', 'квартальн* ревью', 'кбр', 'обзор* результат*',
  ],
  meeting: [
    'meeting*', 'review', 'session', 'call', 'встреч*', 'созвон*', 'ревью', 'обзор*',
  ],
  // Meetings as a list (plural, or the calendar itself), not one to book: "meetings next week",
  // "какие встречи завтра", "my calendar".
  calendar: [
    'meetings', 'calendar', 'upcoming meeting*', 'встречи', 'встреч', 'встречах', 'созвоны',
    'созвонов', 'календар*', 'расписани*',
  ],
  due: [
    'overdue', 'due', 'need*', 'needs', "haven't had", 'havent had', 'not had', 'missing',
    'missed', 'lapsed', 'долж*', 'пора', 'нужн*', 'нужен', 'нужна', 'просроч*', 'давно', 'не было',
    'in a while', 'a long time', 'long overdue', 'давно не', 'давненько',
  ],
  schedule: [
    'schedul*', 'shedul*', 'book', 'booking', 'set up', 'setup', 'arrange*', 'organi*', 'put a',
    'invite', 'plan a', 'запланир*', 'назнач*', 'организ*', 'поставь', 'поставить',
    'устро*', 'договорись', 'пригласи*', 'в календар*',
  ],
  request: [
    'request*', 'reqest*', 'ask*', 'asked', 'wanted', 'want', 'wants', 'wish*', 'demand*', 'ideas',
    'idea', 'запрос*', 'просят', 'просил*', 'пожелани*', 'хотят', 'хотели', 'добавить',
    'запрашива*',
    'wishlist', 'wish list', 'asks', 'просьб*', 'требуют', 'хотелк*', 'запрашивают', 'просит',
  ],
  top: [
    'most', 'top', 'biggest', 'popular', 'frequent*', 'ranked', 'rank*', 'common', 'чаще*',
    'самые', 'самых', 'популярн*', 'топ', 'частые', 'частых', 'главные',
  ],
  theme: [
    'theme*', 'topic*', 'тем*',
  ],
  roadmap: [
    'roadmap*', 'rodmap', 'road map', 'release*', 'ship*', 'shipping', 'shipped', 'launch*',
    'upcoming features', 'coming soon', 'planned', 'building', 'build next', 'in development',
    'дорожн* карт*', 'роадмап*', 'роудмап*', 'релиз*', 'выйдет', 'выпуск*', 'в планах',
    'разработк*', 'запуск*',
    'eta', 'timeline', 'coming next', "what's next", 'когда выйдет', 'когда будет', 'в разработке',
  ],
  // Tasks whose day has passed (narrower than `due`, which also asks what is needed).
  overdue: [
    'overdue', 'past due', 'late', 'просроч*', 'опаздыва*',
  ],
  task: [
    'task*', 'to-do', 'todo*', 'to do', 'on my plate', 'plate', 'work items', 'my work',
    'need to do', 'action items', 'задач*', 'дела', 'сделать', 'туду', 'поручени*',
    'follow-up*', 'follow up*', 'agenda', "what's due", 'дедлайн*', 'что у меня на',
    'should i do', 'should i work on', 'что мне делать', 'чем заняться',
  ],
  remind: [
    'remind*', 'reminder', 'напомн*', 'напомин*',
  ],
  // Onboarding projects, as the Onboarding page tracks them.
  onboarding: [
    'onboard*', 'on-board*', 'onbording*', 'онборд*', 'онбординг*',
  ],
  // Off its planned pace: "behind schedule", "отстают от графика" (a task's own day passing is
  // `overdue`).
  behind: [
    'behind', 'behind schedule', 'off track', 'off schedule', 'delayed', 'stuck', 'stall*',
    'отста*', 'задерж*', 'застрял*', 'затян*', 'буксу*', 'не по график*', 'выбил* из график*',
  ],
  // How far along: "progress", "how far along", "на каком этапе".
  progress: [
    'progress*', 'how far along', 'how far', 'completion', 'stage*', 'прогресс*', 'этап*',
    'на каком этапе', 'ход*',
  ],
  escalation: [
    'escalat*', 'escalatoins', 'sla*', 'breach*', 'blew', 'blown', 'эскалац*', 'эскалир*',
    'нарушен*',
  ],
  mine: [
    'my', 'mine', 'assigned to me', 'i own', 'i manage', 'мои', 'моих', 'моим', 'моими', 'мой',
    'моя', 'мое', 'моего', 'моей', 'у меня',
  ],
  team: [
    'team*', 'команд*', 'отдел*',
  ],
  everyone: [
    'everyone', 'everybody', 'all clients', 'all accounts', 'all customers', 'whole company',
    'company-wide', 'across the company', 'все', 'всех', 'всем', 'весь',
  ],
  offTopic: [
    'weather', 'joke', 'football', 'match', 'recipe', 'bake', 'cook', 'translate', 'president',
    'movie', 'song', 'погод*', 'анекдот*', 'шутк*', 'президент*', 'рецепт*', 'футбол*', 'переведи',
    'фильм*',
  ],
} as const satisfies Record<string, readonly string[]>;

export type Concept = keyof typeof lexicon;
