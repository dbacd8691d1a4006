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
  ],
  score: [
    'score*', 'rating*', 'grade*', 'оценк*', 'скор*', 'балл*', 'рейтинг*',
  ],
  howDoing: [
    'how is', 'how are', 'how s', "how's", 'how was', 'doing', 'going on', 'whats up', "what's up",
    'what is up', 'status of', 'как дела', 'как обстоят', 'как там', 'как поживает', 'что с',
    'что там с', 'как у',
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
  ],
  usage: [
    'usage', 'use', 'uses', 'using', 'used', 'login*', 'log in', 'logging in', 'sign in*',
    'active', 'activity', 'activit*', 'использ*', 'пользуют*', 'заход*', 'активн*', 'логин*',
    'вход*',
  ],
  adoption: [
    'adopt*', 'adopton', 'active users', 'time to value', 'utiliz*', 'utilis*', 'dau', 'wau',
    'mau', 'внедрен*', 'освоен*', 'активных пользовател*', 'время до ценности', 'утилизац*',
  ],
  feature: [
    'feature*', 'functionality', 'module*', 'фич*', 'функци*', 'модул*',
  ],
  churn: [
    'churn*', 'cherning', 'cancel*', 'leave', 'leaving', 'leave us', 'lose', 'losing',
    'flight risk', 'walk away', 'not renew', "won't renew", 'defect*', 'отток*', 'уход*', 'уйд*',
    'уйти', 'уйдет', 'уходит', 'потеря*', 'потерять', 'потеряем', 'не продл*', 'откажут*',
    'отказ*',
  ],
  risk: [
    'risk*', 'at-risk', 'danger*', 'threat*', 'риск*', 'угроз*', 'опасн*', 'под угрозой',
  ],
  engagement: [
    'engag*', 'involvement', 'interaction*', 'touchpoint*', 'вовлеч*', 'вовлечён*', 'engagement',
    'взаимодейств*',
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
  ],
  opportunity: [
    'opportunit*', 'potential', 'ready to', 'candidates', 'возможност*', 'потенциал*',
  ],
  seats: [
    'seat*', 'licen*', 'мест*', 'лиценз*',
  ],
  premium: [
    'premium', 'premum', 'higher tier', 'higher plan', 'top tier', 'премиум*', 'премиал*',
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
  ],
  feedback: [
    'feedback', 'saying', 'say about', 'complain*', 'complaint*', 'verbatim*', 'comments',
    'отзыв*', 'мнени*', 'жалоб*', 'говорят', 'фидбек*', 'обратн* связ*',
  ],
  qbr: [
    'qbr*', 'business review*', 'quarterly review*', 'quarterly business', 'ebr*', 'check-in*',
    'check in', 'checkin*', 'бизнес-ревью', 'бизнес ревью', 'бизнес-встреч*', 'бизнес встреч*',
    'квартальн* обзор*', 'квартальн* встреч*', 'квартальн* ревью', 'кбр', 'обзор* результат*',
  ],
  meeting: [
    'meeting*', 'review', 'session', 'call', 'встреч*', 'созвон*', 'ревью', 'обзор*',
  ],
  due: [
    'overdue', 'due', 'need*', 'needs', "haven't had", 'havent had', 'not had', 'missing',
    'missed', 'lapsed', 'долж*', 'пора', 'нужн*', 'нужен', 'нужна', 'просроч*', 'давно', 'не было',
  ],
  schedule: [
    'schedul*', 'shedul*', 'book', 'booking', 'set up', 'setup', 'arrange*', 'organi*', 'put a',
    'calendar', 'invite', 'plan a', 'запланир*', 'назнач*', 'организ*', 'поставь', 'поставить',
    'устро*', 'договорись', 'пригласи*', 'в календар*',
  ],
  request: [
    'request*', 'reqest*', 'ask*', 'asked', 'wanted', 'want', 'wants', 'wish*', 'demand*', 'ideas',
    'idea', 'запрос*', 'просят', 'просил*', 'пожелани*', 'хотят', 'хотели', 'добавить',
    'запрашива*',
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
  ],
  task: [
    'task*', 'to-do', 'todo*', 'to do', 'on my plate', 'plate', 'work items', 'my work',
    'need to do', 'action items', 'задач*', 'дела', 'сделать', 'туду', 'поручени*',
  ],
  remind: [
    'remind*', 'reminder', 'напомн*', 'напомин*',
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
