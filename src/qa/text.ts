/**
 * @module qa/text
 * Turns Chinese (and some English) text into retrieval features. Questions and clauses go through
 * the same steps so that they meet: width folding, Chinese numerals to digits, word segmentation
 * with `Intl.Segmenter`, function words dropped, then character bigrams, toneless-pinyin bigrams
 * (so a pinyin-input typo such as 评古 for 评估 still meets its clause) and whole longer words.
 */
import { pinyin } from 'pinyin-pro';
import { foldNumerals } from '../figures/index.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/**
 * Function and question words: they say how something is asked, not what about. Kept short and
 * general; a domain word never belongs here.
 */
const FUNCTION_WORDS = new Set(
  (
    '的 地 得 了 着 过 吗 呢 啊 吧 呀 嘛 么 哦 啦 嗯 哈 呗 是 有 在 和 与 及 或 也 都 就 还 又 再 要 会 能 可 ' +
    '可以 能否 是否 能不能 可不可以 是不是 有没有 要不要 会不会 需要 需 应该 应当 得 把 被 给 对 为 从 到 向 让 ' +
    '请问 请 问 问下 问一下 我 我们 咱 咱们 俺 你 你们 您 他 她 它 他们 这 那 这个 那个 这些 那些 这样 那样 ' +
    '哪 哪些 哪个 哪里 哪儿 哪几 什么 啥 怎么 怎样 怎么样 如何 为什么 为啥 咋 咋样 多少 几 多 不 没 没有 ' +
    '多少钱 多少个 多少家 多少人 多久 多长 多长时间 长时间 几个 几家 几年 几天 什么样 啥样 一下 一些 里 里面 中 上 下 等 时候 现在 想 知道 告诉 说 说说 讲讲 介绍 麻烦 个 些 之 其 所 而 且 但 ' +
    '如果 的话 搞 弄 才 够 具体 一般 主要 吗 呐 嘞 哇 诶 啥子 么子 就是 还是 然后 那么 这么 这种 那种 ' +
    '有关 关于 方面 情况 一个 算 算不算 行 行不行 好 可能 大概 需不需要 一定 必须 最少 至少 起码 最多 ' +
    '老板 这一部分 这部分 一部分 这一节 这一章 这一条 这条 这段 这一段 这块 这一块 讲 讲了 主要是 也是 都是 只是 算是 正是 规定 说法 进去 进来 出去 出来 起来 下来 过来 这么 那么 当初 一共 总共 到底 究竟 差不多 来 去 靠 让 当 以前 以后 之前 之后 已经 曾经 一直 还有 点 一点 能行 可行 怎么办 这边 那边 接着 非得 弄成 搞成 里头 东西 大家 大伙 大伙儿 听说 跟 先 ' +
    'what which who whom how when where why is are was were the a an of to in on for and or ' +
    'do does did can could should must will would be by with at it its this that these those any there ' +
    "what's who's"
  ).split(/\s+/),
);

const CJK = /[\u3400-\u9fff]/;
/**
 * Chongqing (Southwestern Mandarin) words for the standard question words: 好多钱 is 多少钱, 啷个 is
 * 怎么, 莫得 is 没有, 哪个来评 is 谁来评. 好多 asks only at the end of a phrase; before a noun
 * (好多企业) it means "many".
 */
const DIALECT: [RegExp, string][] = [
  [/好多(?=(钱|个|家|年|天|人|亿|万|次|名|位|项|分|倍)?\s*(嘛|呢|哦|啊|噻|嗦|哟|哇|喃)?\s*([？?，,。!！]|$))/g, '多少'],
  [/啷个/g, '怎么'],
  [/莫得/g, '没有'],
  [/啥子/g, '什么'],
  [/哪个(?=(来|负责|牵头|组织|管|评|审|批|拍板|说了算))/g, '谁'],
];

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
