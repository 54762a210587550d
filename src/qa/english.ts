/**
 * @module qa/english
 * English questions are answered through the glossary: each English term found in the question
 * brings the Chinese terms of its group, and the Chinese retrieval runs on those. A question with
 * too few known terms abstains rather than guesses.
 */
import { stemmer } from 'stemmer';
import type { SynonymGroup } from '../knowledge-base/index.ts';

/** True when the message is English (Latin letters and no Chinese characters). */
export function isEnglish(text: string): boolean {
  return !/[\u3400-\u9fff]/.test(text) && /[a-z]{2,}/i.test(text);
}

/**
 * A word's Porter stem (`needs` → `need`, `companies` → `compani`). The glossary's phrases and the
 * question's words go through the same stemmer, so only the two stems have to agree. Words of three
 * letters or fewer are kept whole: they are function words and abbreviations (`are` would become
 * `ar`, which is augmented reality).
 */
function stem(word: string): string {
  return word.length <= 3 ? word : stemmer(word);
}

/** Turns English questions into the Chinese terms of the glossary groups they mention. */
export interface EnglishTranslator {
  /**
   * The Chinese pseudo-question, how many glossary groups (and numbers) matched and how many of
   * the question's words they cover; the content words (not function words) no glossary term
   * covers (`rest`) and how many content words the question has.
   */
  translate(question: string): { zh: string; matched: number; covered: number; rest: string[]; content: number };
  /**
   * The share (0–1) of the question's content words (those not in the function-word list) that
   * neither a glossary term nor the plan's own vocabulary (its reading in English) has: a question
   * made mostly of such words is about something the plan does not name. 0 without content words.
   */
  unknownShare(question: string): number;
}

/** What the translator knows besides the glossary. */
export interface EnglishVocabulary {
  /** Texts whose words the plan uses (its English reading: clauses, titles, headings). */
  texts?: readonly string[];
  /** Words that say how something is asked, not what about (`functionWords.en` in the lexicon). */
  functionWords?: readonly string[];
}

/** A question's words as the translator reads them: lower case, letters, digits, `&`, `%`, `-`. */
function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      // Contractions and the possessive (we're, isn't, center's) add no word of their own.
      .replace(/n[’']t\b/g, '')
      .replace(/[’'](s|re|ve|ll|d|m)\b/g, '')
      .replace(/[^a-z0-9&%\s-]/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
  );
}

/** A text's English words as the translator reads them (lower case, contractions dropped). */
export function englishWords(text: string): string[] {
  return wordsOf(text);
}

/** The stem an English word is matched by, the same for questions and for vocabulary in knowledge. */
export function englishStem(word: string): string {
  return stem(word);
}

/** Prepares the glossary's English phrases once (stemmed, longest first). */
export function createEnglishTranslator(
  glossary: SynonymGroup[],
  vocabulary: EnglishVocabulary = {},
): EnglishTranslator {
  const functionWords = new Set((vocabulary.functionWords ?? []).flatMap((w) => wordsOf(w)));
  const isContent = (w: string): boolean => /[a-z]/.test(w) && w.length > 1 && !functionWords.has(w);
  // A word is known by its stem, and by the parts of a hyphenated word (high-tech → high, tech).
  const knownStems = new Set<string>();
  // Known words of five letters or more by length, for typos (evaluaton for evaluation).
  const byLength = new Map<number, Set<string>>();
  const learn = (text: string): void => {
    for (const w of wordsOf(text)) {
      for (const part of [w, ...w.split('-')]) {
        if (!part) continue;
        knownStems.add(stem(part));
        if (part.length >= 5 && /^[a-z]+$/.test(part)) {
          const set = byLength.get(part.length) ?? new Set<string>();
          byLength.set(part.length, set);
          set.add(part);
        }
      }
    }
  };
  /** One letter left out, added, changed or two swapped, in a word of six letters or more. */
  const typoOfKnown = (w: string): boolean => {
    if (w.length < 6) return false;
    for (const n of [w.length - 1, w.length, w.length + 1]) {
      for (const k of byLength.get(n) ?? []) if (oneEditApart(w, k)) return true;
    }
    return false;
  };
  for (const g of glossary) for (const en of g.en) learn(en);
  for (const text of vocabulary.texts ?? []) learn(text);
  const phrases = glossary
    .flatMap((g, group) =>
      g.en.map((en) => {
        const surface = en.split(/\s+/);
        return { en: surface.map(stem), surface, group, zh: g.zh[0] ?? '' };
      }),
    )
    .filter((p) => p.en.length > 0 && p.zh)
    .sort((a, b) => b.en.length - a.en.length);
  // Phrases by their first stem, so a question is matched word by word, not phrase by phrase.
  const byFirst = new Map<string, typeof phrases>();
  for (const p of phrases) {
    const list = byFirst.get(p.en[0] ?? '') ?? [];
    byFirst.set(p.en[0] ?? '', list);
    list.push(p);
  }
  return {
    translate(question) {
      const words = question
        .toLowerCase()
        .replace(/[^a-z0-9&%\s-]/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
      const stems = words.map(stem);
      const used = new Array<boolean>(stems.length).fill(false);
      const found: { at: number; length: number; zh: string }[] = [];
      stems.forEach((first, at) => {
        const matches = (byFirst.get(first) ?? []).filter((p) => p.en.every((w, k) => stems[at + k] === w));
        // One word whose stem stands for words of several groups (`industri`: industry, industrial,
        // industrialization) means the group whose word it is, or none of them.
        const single = matches.filter((p) => p.en.length === 1);
        const ambiguous = new Set(single.map((p) => p.group)).size > 1;
        for (const p of matches) {
          if (ambiguous && p.en.length === 1 && p.surface[0] !== words[at]) continue;
          found.push({ at, length: p.en.length, zh: p.zh });
        }
      });
      // Longest phrases claim their words first, as a reader would parse them.
      found.sort((a, b) => b.length - a.length || a.at - b.at);
      const zh: string[] = [];
      for (const f of found) {
        if (used.slice(f.at, f.at + f.length).some(Boolean)) continue;
        for (let k = 0; k < f.length; k++) used[f.at + k] = true;
        zh.push(f.zh);
      }
      for (const [i, w] of words.entries()) if (/\d/.test(w) && !used[i]) zh.push(w);
      const content = words.flatMap((w, i) => (isContent(w) ? [i] : []));
      return {
        zh: zh.join(' '),
        matched: zh.length,
        covered: used.filter(Boolean).length,
        rest: content.filter((i) => !used[i]).map((i) => words[i] as string),
        content: content.length,
      };
    },
    unknownShare(question) {
      const content = wordsOf(question).filter(isContent);
      if (!content.length) return 0;
      const knownWord = (w: string): boolean => knownStems.has(stem(w)) || typoOfKnown(w);
      const known = (w: string): boolean =>
        knownWord(w) || (w.includes('-') && w.split('-').every((p) => !p || knownWord(p)));
      return content.filter((w) => !known(w)).length / content.length;
    },
  };
}

/** True when two words differ by one letter left out, added or changed, or two neighbours swapped. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
