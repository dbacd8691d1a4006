// A first guess at what kind of feedback a text is, for what arrives without a type (a Slack
// command, a support ticket, a passive's survey comment). A person can change it; themes do
// not depend on it much. English and Russian cues, checked in this order: a bug names a failure,
// a complaint a pain, praise a thanks, a question asks how; anything else asks for something.
import type { FeedbackType } from '../../../db/schema.ts';
import { normalize } from './words.ts';

const cues: [FeedbackType, RegExp][] = [
  [
    'bug',
    /\b(error|bug|crash\w*|broken|fails?|failed|failing|exception|doesn.?t work|does not work|not working|stopped working)\b|ошибк|(?:^|[^\p{L}])баг|сбо[йи]|не работает|перестал\w* работать|вылета|пада[ею]т|слома/u,
  ],
  [
    'complaint',
    /\b(slow\w*|frustrat\w*|annoy\w*|terrible|awful|confusing|unusable|disappoint\w*|too many|overcharg\w*|charged twice)\b|медлен|тормоз|неудоб|раздража|ужасн|слишком много|дважды списал/u,
  ],
  [
    'praise',
    /\b(love|great|excellent|amazing|awesome|fantastic|thank\w*|helpful)\b|спасибо|отличн|супер|нравится|благодар/u,
  ],
  [
    'question',
    /^(how|what|why|where|when|can i|is there|do you)\b|^(как|что|почему|где|когда|можно ли|есть ли)(?!\p{L})/u,
  ],
];

export function guessFeedbackType(text: string): FeedbackType {
  const written = normalize(text).trim();
  for (const [type, pattern] of cues) if (pattern.test(written)) return type;
  return 'feature_request';
}
