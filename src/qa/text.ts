/**
 * @module qa/text
 * Turns Chinese (and some English) text into retrieval features. Questions and clauses go through
 * the same steps so that they meet: width folding, Chinese numerals to digits, word segmentation
 * with `Intl.Segmenter`, function words dropped, then character bigrams, toneless-pinyin bigrams
 * (so a pinyin-input typo such as 评古 for 评估 still meets its clause) and whole longer words.
 */
import { pinyin } from 'pinyin-pro';
import { foldNumerals } from '../figures/index.ts';
import { alternation, lexicon } from '../knowledge-base/index.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Function and question words: they say how something is asked, not what about. Kept short and
 * general; a domain word never belongs here (`functionWords` in `knowledge/lexicon.json`).
 */
const FUNCTION_WORDS = new Set([...lexicon().functionWords.zh, ...lexicon().functionWords.en]);

const CJK = /[\u3400-\u9fff]/;
/**
 * Chongqing (Southwestern Mandarin) words for the standard question words: 好多钱 is 多少钱, 啷个 is
 * 怎么, 莫得 is 没有, 哪个来评 is 谁来评. 好多 asks at the end of a phrase, before 比例, or before a
 * short noun closing a question (拿得到好多补贴？); before a noun elsewhere (好多企业都在问) it means
 * "many". The forms are `dialect` in `knowledge/lexicon.json`.
 */
const DIALECT: [RegExp, string][] = lexicon().dialect.map((d) => {
  const contexts: string[] = [];
  if (d.atPhraseEnd) {
    const { units, particles } = d.atPhraseEnd;
    contexts.push(`(${alternation(units)})?\\s*(${alternation(particles)})?\\s*([？?，,。!！]|$)`);
  }
  if (d.before) contexts.push(`(${alternation(d.before)})`);
  if (d.nounBeforeQuestionMark) {
    const particles = d.atPhraseEnd ? `(${alternation(d.atPhraseEnd.particles)})?` : '';
    contexts.push(`[\\u4e00-\\u9fff]{1,${d.nounBeforeQuestionMark}}\\s*${particles}\\s*[？?]`);
  }
  const context = contexts.length ? `(?=${contexts.join('|')})` : '';
  return [new RegExp(`${alternation([d.word])}${context}`, 'g'), d.standard];
});

/**
 * Folds text to the form features are taken from: NFKC (full-width digits, ％ and brackets become
 * ASCII), lower case, dialect question words → standard ones, 百分之三十 → 30%, Chinese numerals that
 * count something → digits (一千万 → 1000万, 三年 → 3年), ranges (10到15个 → 10-15个), and 区（县） → 区县.
 */
export function normalize(text: string): string {
  let t = text.normalize('NFKC').toLowerCase();
  for (const [re, standard] of DIALECT) t = t.replace(re, standard);
  t = t.replace(/\((.)\)/g, '$1');
  t = foldNumerals(t);
  // "10到15个", "10~15个": a range, spelt as the plan spells it (10-15个).
  t = t.replace(/(\d)\s*(?:到|至|~|—|-)\s*(?=\d)/g, '$1-');
  return t;
}

/** A retrieval feature with where it came from in the normalised text. */
export interface Feature {
  key: string;
  /** Relative weight of the feature's kind (bigram, pinyin bigram, word, number). */
  weight: number;
  start: number;
  end: number;
  /**
   * A pair spanning two words, unless both are single characters (an unknown word or a typo the
   * segmenter split, such as 评|古).
   */
  cross?: boolean;
}

/** Weights of the feature kinds. Pinyin bigrams only matter where the characters differ. */
export const FEATURE_WEIGHTS = {
  bigram: 1,
  pinyin: 0.8,
  word: 1,
  unigram: 0.5,
  latin: 1,
  crossWord: 0.3,
  group: 0.5,
} as const;

function syllable(ch: string): string {
  return pinyin(ch, { toneType: 'none', type: 'array' })[0] ?? ch;
}

/**
 * A function word, or a short word the segmenter made of function characters only (才够, 就行):
 * spoken questions glue particles together in ways no list can enumerate.
 */
function isFunctionWord(word: string): boolean {
  if (FUNCTION_WORDS.has(word)) return true;
  return word.length <= 3 && CJK.test(word) && [...word].every((ch) => FUNCTION_WORDS.has(ch));
}

/** A word-like piece of a normalised text, with its offset. */
export interface Word {
  word: string;
  start: number;
  /** A function word, which carries no topic. */
  stop: boolean;
}

/** Segments normalised text into word-like pieces with offsets. */
export function segment(text: string): Word[] {
  const out: Word[] = [];
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike) continue;
    out.push({
      word: s.segment,
      start: s.index,
      stop: isFunctionWord(s.segment),
    });
  }
  return out;
}

/**
 * The features of a normalised text. Content words are chained into runs; inside a run every two
 * neighbouring Chinese characters give a bigram and a pinyin bigram, so segmentation mistakes
 * (which typos cause) cost little.
 */
export function features(norm: string, segs: Word[] = segment(norm)): Feature[] {
  const out: Feature[] = [];
  let run: { ch: string; at: number; word: number; single: boolean }[] = [];
  const flush = (): void => {
    // A one-character run has no pair: the character itself stands for it.
    if (run.length === 1 && run[0]) {
      out.push({ key: `u:${run[0].ch}`, weight: FEATURE_WEIGHTS.unigram, start: run[0].at, end: run[0].at + 1 });
    }
    const py =
      run.length > 1
        ? pinyin(run.map((r) => r.ch).join(''), {
            toneType: 'none',
            type: 'array',
          })
        : [];
    for (let i = 0; i + 1 < run.length; i++) {
      const a = run[i];
      const b = run[i + 1];
      if (!a || !b) continue;
      // A pair spanning two whole words says little ("成果|推广" → 果推); a pair with a one-character
      // word is kept whole, as the segmenter splits unknown words (and typos) into single characters.
      const scale = a.word === b.word || a.single || b.single ? 1 : FEATURE_WEIGHTS.crossWord;
      const cross = a.word !== b.word && !(a.single && b.single);
      out.push({
        key: a.ch + b.ch,
        cross,
        weight: FEATURE_WEIGHTS.bigram * scale,
        start: a.at,
        end: b.at + 1,
      });
      const pa = py[i] ?? syllable(a.ch);
      const pb = py[i + 1] ?? syllable(b.ch);
      out.push({
        key: `p:${pa}|${pb}`,
        cross,
        weight: FEATURE_WEIGHTS.pinyin * scale,
        start: a.at,
        end: b.at + 1,
      });
    }
    run = [];
  };
  let lastEnd = -1;
  for (const [index, s] of segs.entries()) {
    const end = s.start + s.word.length;
    if (!CJK.test(s.word)) {
      flush();
      if (!s.stop && (s.word.length > 1 || /\d/.test(s.word))) {
        out.push({
          key: `l:${s.word}`,
          weight: FEATURE_WEIGHTS.latin,
          start: s.start,
          end,
        });
      }
      lastEnd = end;
      continue;
    }
    if (s.stop || s.start !== lastEnd) flush();
    if (!s.stop) {
      for (let i = 0; i < s.word.length; i++)
        run.push({ ch: s.word[i] ?? '', at: s.start + i, word: index, single: s.word.length === 1 });
      if (s.word.length >= 3)
        out.push({
          key: `w:${s.word}`,
          weight: FEATURE_WEIGHTS.word,
          start: s.start,
          end,
        });
    }
    lastEnd = end;
  }
  flush();
  // "30%" or "1000万" come out of the segmenter in pieces: keep a number with its unit whole.
  for (const m of norm.matchAll(/(?:(\d+)-)?\d+(?:\.\d+)?(%|万|亿|年|个|家|名|天|月)/g)) {
    const end = m.index + m[0].length;
    out.push({ key: `l:${m[0].replace(/^\d+-/, '')}`, weight: FEATURE_WEIGHTS.latin, start: m.index, end });
    // A range ("10-15个") states its lower end with the unit as well.
    if (m[1]) out.push({ key: `l:${m[1]}${m[2]}`, weight: FEATURE_WEIGHTS.latin, start: m.index, end });
  }
  return out;
}

/**
 * The pairs of neighbouring characters of a text, for cheap overlap measures; with `cjkOnly`, only
 * pairs of two Chinese characters.
 */
export function charPairs(text: string, cjkOnly = false): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < text.length; i++) {
    const p = text.slice(i, i + 2);
    if (!cjkOnly || /^[\u3400-\u9fff]{2}$/.test(p)) out.add(p);
  }
  return out;
}
