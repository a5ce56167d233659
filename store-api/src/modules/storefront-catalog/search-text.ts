/**
 * Text folding for the store search: lower case, accents stripped, and the few Latin letters
 * that do not decompose (ø, ł, ß, æ, ...) spelled out, so "Élodie", "ELODIE" and "elodie" match.
 */

const extraFolds: Record<string, string> = {
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
const extraPattern = /[øłđðħıßæœþ]/g;
const marks = /\p{M}+/gu;
const tokenPattern = /[\p{L}\p{N}]+/gu;

export const MAX_QUERY_TOKENS = 10;

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(marks, '')
    .replace(extraPattern, (c) => extraFolds[c] ?? c);
}

/**
 * The words of a shopper's query: letters and digits only, so quotes, operators and SQL-looking
 * text are plain words (`' OR 1=1 --` is the words "or", "1"). At most MAX_QUERY_TOKENS, unique.
 */
export function queryTokens(q: string | undefined): string[] {
  if (!q) return [];
  const words = foldText(q).match(tokenPattern) ?? [];
  return [...new Set(words)].slice(0, MAX_QUERY_TOKENS);
}
