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

/** Words that carry no topic in an English question. */
const ENGLISH_FUNCTION_WORDS = new Set(
  (
    'what which who whom whose how when where why is are was were the and for any there can could should must ' +
    'will would shall may might does did done doing has have had having get gets got need needs needed require ' +
    'requires required about from into onto over under with without within upon than then also only just very ' +
    'this that these those their they them its our ours your yours you she her his him not yes please tell know ' +
    'say says said mean means let explain describe give gives given there here each every all some more most ' +
    'many much least both either neither other another such same own kind sort way ways thing things something ' +
    'anything like want wants wanted make makes made take takes took use used using one ones able allowed ' +
    'allow allows exactly actually really still already ever even well whether being been into onto per via ' +
    "according regarding concerning toward towards what's who's it's isn't aren't doesn't don't can't i'm we're"
  ).split(/\s+/),
);

function stem(word: string): string {
  return word.replace(/(ies|es|s|ing|ed)$/, (m) => (m === 'ies' ? 'y' : ''));
}

/** Turns English questions into the Chinese terms of the glossary groups they mention. */
export interface EnglishTranslator {
  /**
   * The Chinese pseudo-question, how many glossary groups (and numbers) matched and how many of
   * the question's words they cover.
   */
  translate(question: string): { zh: string; matched: number; covered: number; words: number; unknown: string[] };
}

/** Prepares the glossary's English phrases once (stemmed, longest first). */
export function createEnglishTranslator(glossary: SynonymGroup[]): EnglishTranslator {
  const phrases = glossary
    .flatMap((g) => g.en.map((en) => ({ en: en.split(/\s+/).map(stem), zh: g.zh[0] ?? '' })))
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
        for (const p of byFirst.get(first) ?? []) {
          if (p.en.every((w, k) => stems[at + k] === w)) found.push({ at, length: p.en.length, zh: p.zh });
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
      // Content words no glossary phrase covers: what the question is about, if the plan never says it.
      const unknown = words.filter(
        (w, i) => !used[i] && !/\d/.test(w) && w.length > 2 && !ENGLISH_FUNCTION_WORDS.has(w),
      );
      const covered = used.filter(Boolean).length;
      return { zh: zh.join(' '), matched: zh.length, covered, words: words.length, unknown };
    },
  };
}
