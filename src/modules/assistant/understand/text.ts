// Text as the understanding step reads it: lower case, one form of each letter (ё → е),
// words split on anything that is not a letter or a digit; Cyrillic spelled in Latin letters
// for names ("Ларкспур" → "larkspur"); and a small edit distance for typos.

/** Questions are read up to this many characters: a question, not a document. */
export const readLimit = 300;

export function normalize(text: string): string {
  return text
    .slice(0, readLimit)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[’`]/g, "'");
}

/** Words and numbers, in order; "month-over-month" is three words, "15:00" one time token. */
export function tokenize(text: string): string[] {
  return normalize(text).match(/\d{1,2}[:.]\d{2}|[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
}

const cyrillic: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

export const hasCyrillic = (text: string) => /[а-яё]/i.test(text);

/** A Cyrillic word in Latin letters, the way a Russian speaker spells a Latin name. */
export function transliterate(word: string): string {
  let out = '';
  for (const ch of word) out += cyrillic[ch] ?? ch;
  return out;
}

/**
 * A rough sound-alike key, so a name typed by ear or transliterated still meets its spelling:
 * "Acme" and "Акме" → "akme", "Northmere" and "Нортмир" → "nortmir".
 */
export function soundKey(word: string): string {
  return transliterate(word)
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/ck|c(?=[^eiy]|$)|q/g, 'k')
    .replace(/c/g, 's')
    .replace(/x/g, 'ks')
    .replace(/w/g, 'v')
    .replace(/ee|ea|y/g, 'i')
    .replace(/([a-z])\1+/g, '$1')
    .replace(/e$/, '');
}

/**
 * Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), stopping once it
 * passes `limit`: typos are one or two keys wrong, never more, so longer distances are "far".
 */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      }
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * Typos allowed for a word of this length: none under five letters, two from eight. Russian
 * stems are matched by prefix against inflected words, where one letter off often makes another
 * word ("продукт" is not "продл…"): they get none under seven letters.
 */
export function typoAllowance(length: number, word = ''): number {
  const floor = hasCyrillic(word) ? 7 : 5;
  return length < floor ? 0 : length < 8 ? 1 : 2;
}
