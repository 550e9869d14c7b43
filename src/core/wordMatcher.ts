/**
 * Finds whole-word phrases in text, ignoring case and accents: "Migrate" and
 * "migrate" match, "réfection" matches "refection", "İstanbul" matches
 * "istanbul", and "refactoring" does not match "refactor". Text is split into
 * words once and phrases are looked up by their words, so matching costs the
 * same whether there are five keywords or five hundred.
 */
export function foldWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export interface WordMatcher<T> {
  /** The values of every phrase found in `text`, each with the phrase as written in the rules. */
  find(text: string): { value: T; phrase: string }[];
}

export function compileWordMatcher<T>(phrases: readonly { phrase: string; value: T }[]): WordMatcher<T> {
  const byWords = new Map<string, { phrase: string; value: T }[]>();
  let longest = 0;
  for (const entry of phrases) {
    const words = foldWords(entry.phrase);
    if (words.length === 0) continue;
    longest = Math.max(longest, words.length);
    const key = words.join(' ');
    byWords.set(key, [...(byWords.get(key) ?? []), entry]);
  }
  return {
    find(text) {
      if (byWords.size === 0) return [];
      const words = foldWords(text);
      const found: { value: T; phrase: string }[] = [];
      for (let i = 0; i < words.length; i += 1) {
        let key = '';
        for (let n = 0; n < longest && i + n < words.length; n += 1) {
          key = n === 0 ? words[i]! : `${key} ${words[i + n]}`;
          for (const hit of byWords.get(key) ?? []) found.push(hit);
        }
      }
      return found;
    },
  };
}
