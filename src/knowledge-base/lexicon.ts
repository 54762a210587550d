/**
 * @module knowledge-base/lexicon
 * `knowledge/lexicon.json`: the words the Q&A reads questions with that are not the plan's own
 * vocabulary (that is the glossary) — function words, Chongqing dialect forms, the words that mark
 * the kind of detail asked, requests to write a text, questions about the present state of things,
 * about the document itself, and about the specifics a later document is to set. The patterns that
 * combine them stay in code (`qa/text`, `qa/detail`, `qa/engine`); their word lists are here.
 * Loaded and validated once, on first use.
 */
import { z } from 'zod';
import { DEFAULT_KNOWLEDGE_DIR } from './load.ts';
import { readKnowledgeJson } from './read-json.ts';

/** The file under the knowledge folder that holds the lexicon. */
export const LEXICON_FILE = 'lexicon.json';

const word = z.string().trim().min(1);
const words = z.array(word).min(1);
const bilingual = z.object({ zh: words, en: words });

/**
 * A dialect form and the standard word it is read as; optionally only in some contexts (any one of
 * those given suffices).
 */
const dialectSchema = z.object({
  word,
  standard: word,
  /**
   * Read so only at the end of a phrase, optionally after one of `units` and before one of
   * `particles` (好多钱嘛？ asks 多少钱; 好多企业 means "many companies").
   */
  atPhraseEnd: z.object({ units: words, particles: words }).optional(),
  /** Read so only before one of these words (哪个来评 → 谁来评). */
  before: words.optional(),
  /**
   * Read so also before a short noun closing a question (能拿到好多安家补贴？): at most this many
   * characters, then an optional particle and a question mark.
   */
  nounBeforeQuestionMark: z.number().int().min(1).max(12).optional(),
});

export const lexiconFileSchema = z.object({
  version: z.literal(1),
  /** Function and question words: they say how something is asked, not what about. */
  functionWords: bilingual,
  dialect: z.array(dialectSchema),
  /** Words asking about the present state of things (现在, already; has … been approved). */
  current: z.object({ zh: words, en: words, enAuxiliaries: words, enDone: words }),
  /** Asking which or how many centers (companies, units) exist now, or for lists and rounds. */
  currentEntities: z.object({
    asking: words,
    entities: words,
    askedAfter: words,
    state: words,
    enAsking: words,
    enEntities: words,
    enState: words,
  }),
  /** A request to write, translate or polish a text. */
  taskRequest: z.object({
    enVerbs: words,
    enObjects: words,
    askers: words,
    verbs: words,
    openingVerbs: words,
    openingMeasures: words,
    rewriteVerbs: words,
  }),
  /** Words naming the plan or its issuing (the documents' own numbers are added from `documents.json`). */
  aboutDocument: bilingual,
  /** How a clause leaves its rules to a later document (另行制定). */
  deferred: words,
  /** Asking for the specifics such a document would hold (指标, 评分, criteria). */
  specifics: bilingual,
  /**
   * Asking what follows in a case (后果, 会怎样, what happens if) and the words opening the case
   * itself (如果, 要是): answered only by a clause stating what follows in that case (`qa/consequence`).
   */
  consequence: z.object({ asking: bilingual, opening: words }),
  /** The vocabulary of the kinds of detail a question asks for (`qa/detail`). */
  detail: z.object({
    contact: words,
    /** Forms, templates and formats of what is submitted (模板, 格式), which the plan never sets. */
    form: words,
    definition: words,
    /** What "X数量" counts (股东数量 → 股东). */
    counted: words,
    /** Procedures whose duration a "how long" question may ask (评审要多久). */
    procedure: words,
    /** Money the government gives, as opposed to money the members put in. */
    granted: bilingual,
    invested: words,
    /** Words naming a body, which answers "who". */
    body: words,
    /** Words that answer "how long" without a figure (长期, 每年). */
    qualitativeDuration: words,
    /** Words that open an enumeration (围绕 A、B、C 等). */
    listOpeners: words,
    /**
     * Nouns naming a kind of detail (时限, 金额, deadline): a yes/no question naming one asks whether
     * the plan sets that detail (`qa/mixed`).
     */
    nouns: bilingual,
    /**
     * The same kinds asked in English, each a list of whole words or phrases (`how often`,
     * `deadline`). `amountSize` and `money` ask an amount together (`how large
     * a subsidy`; `money` words are stems: `subsid`); `when` holds the auxiliaries after which a
     * `when` opening a question asks a date (`when is`, not `when setting up`); `frequency` marks a
     * duration question as asking how often.
     */
    en: z.object({
      contact: words,
      form: words,
      definition: words,
      ratio: words,
      amount: words,
      amountSize: words,
      money: words,
      duration: words,
      frequency: words,
      date: words,
      when: words,
      count: words,
      number: words,
      body: words,
      list: words,
    }),
  }),
});

/** The lexicon's content. */
export type Lexicon = z.infer<typeof lexiconFileSchema>;

/**
 * Reads and validates `<dir>/lexicon.json`.
 *
 * @throws KnowledgeError naming the file and field when it cannot be read or is malformed
 */
export function loadLexicon(dir: string = DEFAULT_KNOWLEDGE_DIR): Lexicon {
  return readKnowledgeJson(dir, LEXICON_FILE, lexiconFileSchema);
}

let shipped: Lexicon | undefined;

/** The project's lexicon (`knowledge/lexicon.json`), loaded once. */
export function lexicon(): Lexicon {
  shipped ??= loadLexicon();
  return shipped;
}

/** Words as one regular-expression alternation (`a|b|c`), each taken literally. */
export function alternation(list: readonly string[]): string {
  return list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
