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
   * the question's words they cover.
   */
  translate(question: string): { zh: string; matched: number; covered: number };
}

/** Prepares the glossary's English phrases once (stemmed, longest first). */
export function createEnglishTranslator(glossary: SynonymGroup[]): EnglishTranslator {
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
      return { zh: zh.join(' '), matched: zh.length, covered: used.filter(Boolean).length };
    },
  };
}
