/**
 * @module qa/english
 * English questions are answered through the glossary: each English term found in the question
 * brings the Chinese terms of its group, and the Chinese retrieval runs on those. A question with
 * too few known terms abstains rather than guesses.
 */
import type { SynonymGroup } from '../knowledge-base/index.ts';

/** True when the message is English (Latin letters and no Chinese characters). */
export function isEnglish(text: string): boolean {
  return !/[\u3400-\u9fff]/.test(text) && /[a-z]{2,}/i.test(text);
}

function stem(word: string): string {
  return word.replace(/(ies|es|s|ing|ed)$/, (m) => (m === 'ies' ? 'y' : ''));
}

/**
 * Translates an English question into the Chinese terms of the glossary groups it mentions,
 * longest phrase first. Returns the Chinese pseudo-question and how many groups matched.
 */
export function translateEnglish(
  question: string,
  glossary: SynonymGroup[],
): { zh: string; matched: number; words: number } {
  const words = question
    .toLowerCase()
    .replace(/[^a-z0-9&%\s-]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const stems = words.map(stem);
  const phrases = glossary
    .flatMap((g) => g.en.map((en) => ({ en: en.split(/\s+/).map(stem), zh: g.zh[0] ?? '' })))
    .filter((p) => p.en.length > 0 && p.zh)
    .sort((a, b) => b.en.length - a.en.length);
  const used = new Array<boolean>(stems.length).fill(false);
  const zh: string[] = [];
  for (const p of phrases) {
    for (let i = 0; i + p.en.length <= stems.length; i++) {
      if (used.slice(i, i + p.en.length).some(Boolean)) continue;
      if (p.en.every((w, k) => stems[i + k] === w)) {
        for (let k = 0; k < p.en.length; k++) used[i + k] = true;
        zh.push(p.zh);
      }
    }
  }
  for (const [i, w] of words.entries()) if (/\d/.test(w) && !used[i]) zh.push(w);
  return { zh: zh.join(' '), matched: zh.length, words: words.length };
}
