// Words of a feedback text, in English or Russian (or both in one sentence): lower case, "ё"
// read as "е", each word stemmed by the Snowball algorithm of its own script (Cyrillic →
// Russian, Latin → English), and the stop words of both languages marked. Everything here
// runs offline from the `snowball-stemmers` and `stopword` packages (Snowball's own lists).
import snowball from 'snowball-stemmers';
import { eng, rus } from 'stopword';

export type Word = {
  /** The word as written, lower case ("выгрузку", "exports"). */
  text: string;
  /** Its Snowball stem ("выгрузк", "export"). */
  stem: string;
  script: 'latin' | 'cyrillic' | 'digits';
  /** A function word of either language ("the", "и"), or a word every request uses ("please"). */
  stop: boolean;
};

const english = snowball.newStemmer('english');
const russian = snowball.newStemmer('russian');

/**
 * Words that say someone asks, not what they ask for: every request has them, so they would
 * only make unrelated requests look alike. Written as people write them; stemmed on load.
 */
const requestWords = {
  en: `please pls add adding added need needs needed want wants wanted would could should like
    really very much also ability able option options feature features request requests
    requested requesting ask asked asking allow allows let make get use using used user users
    customer customers client clients our us we they it its way thing something anything lot
    lots more better just still same every each new now currently today wish hope nice good
    have has having there when where which can cannot don doesn didn isn aren wasn t s ll ve re
    m d hi hello team guys everyone someone anyone sometimes always already yet since maybe
    some many thanks etc via per one two support supports supported supporting`,
  ru: `пожалуйста добавить добавьте добавили добавлять нужно нужна нужен нужны надо хотим
    хотят хотелось хотел хотела хотели просим просят просьба возможность возможности функция
    функцию функции функционал сделать сделайте очень клиент клиенты клиента клиентов нам наш
    наша наше наши нашим нашей бы было есть можно ещё еще уже тоже также просто всё вообще
    сейчас каждый каждого новый новая новое запрос запросы спрашивают спросил спросили который
    которая которые которых пусть хочется хочу мочь могли можете сможете давно иногда постоянно
    здравствуйте привет коллеги пользователи пользователей пользователь нашему штуку поддержка
    поддержку поддержки поддерживать поддерживает`,
};

const stopWords = new Set<string>([...eng, ...rus].map((w) => w.toLowerCase().replace(/ё/g, 'е')));
const requestStems = new Set<string>([
  ...requestWords.en
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => english.stem(w)),
  ...requestWords.ru
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => russian.stem(w)),
]);

/** Latin and Cyrillic letters and digits; anything else (spaces, punctuation, emoji) separates. */
const wordPattern = /[\p{Script=Latin}\p{Script=Cyrillic}\p{N}]+/gu;

export function scriptOf(word: string): Word['script'] {
  if (/^\p{N}+$/u.test(word)) return 'digits';
  return /\p{Script=Cyrillic}/u.test(word) ? 'cyrillic' : 'latin';
}

/** Stems already found: feedback repeats its words, and the Snowball port is not fast. */
const stems = new Map<string, string>();
const rememberedStems = 100_000;

export function stemOf(word: string, script: Word['script'] = scriptOf(word)): string {
  if (script === 'digits') return word;
  const known = stems.get(word);
  if (known !== undefined) return known;
  const stem = script === 'cyrillic' ? russian.stem(word) : english.stem(word);
  if (stems.size >= rememberedStems) stems.clear();
  stems.set(word, stem);
  return stem;
}

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ё/g, 'е');
}

export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of normalize(text).matchAll(wordPattern)) {
    const word = match[0];
    const script = scriptOf(word);
    const stem = stemOf(word, script);
    words.push({
      text: word,
      stem,
      script,
      stop: stopWords.has(word) || requestStems.has(stem) || word.length < 2,
    });
  }
  return words;
}
