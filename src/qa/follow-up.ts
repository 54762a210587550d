/**
 * @module qa/follow-up
 * Reads an elliptical follow-up against the turn before it. "那研发经费呢？" after a question on the
 * share of R&D staff asks for the share of R&D spending; "那牵头单位呢？" asks the same of the lead
 * unit; "多少？" and "那设备能算进去吗" continue the last topic; "and for the lead unit?" is the same in
 * English. A self-contained question (its own topic and its own question) is read alone.
 *
 * How: a message is elliptical by form — short, opened by 那/还有/what about, closed by 呢 without a
 * question of its own, a pronoun for the last subject, or only question words. It is then rewritten
 * from the fragment and the last turn's subject, key terms and kind of detail, the engine answers
 * the rewritten text, and that answer is taken only when it answers (or names the detail the plan
 * leaves open); otherwise the fragment is answered alone. The words are data
 * (`knowledge/follow-ups.json`, the glossary), not rules here.
 */

import { cleanText } from '../input.ts';
import {
  type Clause,
  type FollowUpVocabulary,
  type KnowledgeBase,
  loadFollowUpVocabulary,
  loadKnowledge,
} from '../knowledge-base/index.ts';
import { loadSectionsVocabulary } from '../knowledge-base/sections.ts';
import type { ChatRef, Clock, Store, UserRef } from '../ports.ts';
import { type AskJson, toAskJson } from './ask-json.ts';
import { createContextStore, type QaContext } from './context.ts';
import { type DetailKind, detailAsked, holdsDetail, isYesNo } from './detail.ts';
import { createQaEngine, type QaEngine, type QaResult, type ScoredClause } from './engine.ts';
import { isEnglish } from './english.ts';
import { extractLead } from './lead.ts';
import { normalize } from './text.ts';

type Lang = 'zh' | 'en';
type Subject = FollowUpVocabulary['subjects'][number];

/** How a follow-up was read. */
export type FollowUpForm =
  /** A new topic without a question (那研发经费呢): asked as the last turn asked. */
  | 'topic'
  /** A new subject only (那牵头单位呢, and for the lead unit?): the last question, of that subject. */
  | 'subject'
  /** A question without a topic of its own, or with a pronoun (多少？ 它要多久): about the last topic. */
  | 'question'
  /** A question with a topic of its own after an opener (那设备能算进去吗): within the last topic. */
  | 'within';

/** What the form of a message says about it. */
export interface Ellipsis {
  form: FollowUpForm;
  lang: Lang;
  /** The message without its opener, closer and pronouns. */
  core: string;
  /** The subject it names (牵头单位), if any. */
  subject?: Subject;
}

/** One answered turn, as a conversation reads it. */
export interface ConversationTurn {
  /** The engine's answer; `question` is what the user typed. */
  result: QaResult;
  /** The text the engine answered, when the message was read against the last turn. */
  reading?: string;
  /** The context this turn leaves, when it answered; `undefined` keeps the previous one. */
  context?: Omit<QaContext, 'v' | 'at'>;
}

/** Answers messages of a conversation, each against the turn before it. */
export interface ConversationalQa {
  /** How a message reads as a follow-up; `undefined` for a self-contained one. */
  ellipsis(question: string): Ellipsis | undefined;
  /** Answers `question`, read against `context` when it is elliptical. */
  ask(question: string, context?: QaContext): ConversationTurn;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;
/** Trailing punctuation and white space. */
const TRAILING_PUNCTUATION = /[\s?？!！。.,，~～…]+$/u;
const CJK = /[\u3400-\u9fff]/g;
/** A number written in a message, in digits or in Chinese with a unit (四十个, 九百万, 三成). */
const FIGURE = /\d|百分之|[一二两三四五六七八九十百千]+[万亿个人名成]/;

/** Kinds of detail a clause answers in words, not by a figure a lead would state. */
const WORDED_KINDS = new Set<DetailKind>(['list', 'contact', 'form', 'definition', 'body']);

/** A clause of the last section is preferred when it scores at least this share of the first. */
const SAME_SECTION = 0.75;

/** The section of a clause: `3.2` for `3.2.7`, the clause itself at the top. */
function sectionOf(id: string): string {
  const parts = id.split('.');
  return parts.length > 1 ? parts.slice(0, -1).join('.') : id;
}

/** True when clause `id` lies in one of `sections` (an id or a prefix of one). */
function inSections(id: string, sections: readonly string[]): boolean {
  return sections.some((s) => id === s || id.startsWith(`${s}.`));
}

/** Builds the follow-up reader over an engine. */
export function createConversationalQa(
  kb: KnowledgeBase,
  engine: QaEngine,
  vocabulary: FollowUpVocabulary,
): ConversationalQa {
  const words = {
    zh: {
      leading: [...vocabulary.zh.leading].sort(byLength),
      pronouns: [...vocabulary.zh.pronouns].sort(byLength),
      questionWords: [...vocabulary.zh.questionWords, ...vocabulary.zh.fillers].sort(byLength),
    },
    en: {
      leading: [...vocabulary.en.leading].map((w) => w.toLowerCase()).sort(byLength),
      pronouns: vocabulary.en.pronouns.map((w) => w.toLowerCase()),
      questionWords: [...vocabulary.en.questionWords, ...vocabulary.en.fillers].map((w) => w.toLowerCase()),
    },
  };
  const fillers = {
    zh: new Set(vocabulary.zh.fillers),
    en: new Set(vocabulary.en.fillers.map((w) => w.toLowerCase())),
  };
  const subjectTerms = vocabulary.subjects
    .flatMap((s) => [
      ...s.zh.map((t) => ({ s, t, lang: 'zh' as const })),
      ...s.en.map((t) => ({ s, t: t.toLowerCase(), lang: 'en' as const })),
    ])
    .sort((a, b) => byLength(a.t, b.t));
  const allSubjectWords = new Set(subjectTerms.map((x) => x.t));
  // Glossary groups that name a subject are the subject, and groups that name a kind of detail
  // (比例, 要求) are how a question asks: neither is a key term of its topic.
  const asks = Object.values(vocabulary.askKind);
  const asksWith = (t: string) =>
    asks.some((a) => a.zh.includes(t) || new RegExp(`\\b${escapeRegExp(t)}\\b`, 'i').test(a.en));
  const groups = kb.glossary.filter(
    (g) =>
      !g.zh.some((t) => allSubjectWords.has(t) || (t.length >= 2 && asksWith(t))) &&
      !g.en.some((t) => allSubjectWords.has(t) || asksWith(t)),
  );
  const glossaryTerms = {
    zh: groups
      .flatMap((g) => g.zh.filter((t) => t.length >= 2).map((t) => ({ g, t })))
      .sort((a, b) => byLength(a.t, b.t)),
    en: groups.flatMap((g) => g.en.map((t) => ({ g, t }))).sort((a, b) => byLength(a.t, b.t)),
  };

  /** Finds `term` as a word (English) or anywhere (Chinese). */
  const find = (term: string, lang: Lang): RegExp =>
    lang === 'en' ? new RegExp(`\\b${escapeRegExp(term)}\\b`, 'i') : new RegExp(escapeRegExp(term));

  /** `text` with every occurrence of each term blanked out (longest first). */
  const without = (text: string, terms: readonly string[], lang: Lang): string =>
    terms.reduce(
      (t, term) => t.replace(new RegExp(lang === 'en' ? `\\b${escapeRegExp(term)}\\b` : escapeRegExp(term), 'gi'), ' '),
      text,
    );

  const subjectIn = (text: string, lang: Lang): Subject | undefined =>
    subjectTerms.find((x) => x.lang === lang && find(x.t, lang).test(text))?.s;

  /** The glossary terms of a text, longest first and not overlapping, in the plan's wording. */
  const keyTerms = (text: string, lang: Lang): string[] => {
    let rest = lang === 'en' ? text.toLowerCase() : text;
    const out: string[] = [];
    for (const { g, t } of glossaryTerms[lang]) {
      const re = find(t, lang);
      if (!re.test(rest)) continue;
      rest = rest.replace(re, ' ');
      // Chinese keeps the asker's own word; English keeps the plan's, which maps back to English.
      const canonical = lang === 'zh' ? t : (g.zh[0] ?? t);
      if (!out.includes(canonical)) out.push(canonical);
    }
    return out.slice(0, 20);
  };

  /** A key term (kept in the plan's wording) in the language of the message. */
  const termIn = (term: string, lang: Lang): string | undefined => {
    if (lang === 'zh') return term;
    return groups.find((g) => g.zh.includes(term))?.en[0];
  };

  const subjectName = (id: string | undefined, lang: Lang): string | undefined => {
    const s = vocabulary.subjects.find((x) => x.id === id);
    return s ? s[lang][0] : undefined;
  };

  /** Whether a message is no longer than a follow-up may be (characters of Chinese, words of English). */
  const isShort = (question: string): boolean => {
    const text = question.trim().replace(TRAILING_PUNCTUATION, '');
    return isEnglish(text)
      ? text.split(/\s+/).filter(Boolean).length <= vocabulary.maxLength.en
      : text.length <= vocabulary.maxLength.zh;
  };

  const ellipsis = (question: string): Ellipsis | undefined => {
    const lang: Lang = isEnglish(question) ? 'en' : 'zh';
    const w = words[lang];
    let core = question.trim().replace(TRAILING_PUNCTUATION, '');
    // Dialect question words are read as the standard ones (好多钱 is 多少钱, a bare question).
    core = lang === 'en' ? core.toLowerCase() : normalize(core);
    if (!core || !isShort(core)) return undefined;

    const opener = w.leading.find((m) =>
      lang === 'en'
        ? core === m || core.startsWith(`${m} `)
        : core.startsWith(m) &&
          core.length > m.length &&
          !vocabulary.zh.leadingNotBefore.some((c) => core.slice(m.length).startsWith(c)),
    );
    if (opener) core = core.slice(opener.length).trim();
    const closer = vocabulary[lang].trailing.find((m) => core.endsWith(m) && core.length > m.length);
    if (closer) core = core.slice(0, -closer.length).trim();
    // A pronoun inside a glossary term (这个方案 is the plan) names that term, not the last subject.
    const plain = without(
      core,
      glossaryTerms[lang].map((x) => x.t),
      lang,
    );
    const pronoun = w.pronouns.find((p) => find(p, lang).test(plain));
    if (pronoun) core = core.replace(find(pronoun, lang), ' ').replace(/\s+/g, ' ').trim();
    if (!core && !pronoun) return undefined;

    const subject = subjectIn(core, lang);
    const rest = without(
      without(
        core,
        subjectTerms.filter((x) => x.lang === lang).map((x) => x.t),
        lang,
      ),
      w.questionWords,
      lang,
    );
    const topic =
      lang === 'en'
        ? rest.split(/[^a-z&]+/).some((x) => x.length >= 3 && !fillers.en.has(x))
        : (rest.match(CJK) ?? []).length >= 2;
    const asking = without(core, lang === 'en' ? [...fillers.en] : [...fillers.zh], lang);
    const predicate =
      detailAsked(core) !== undefined ||
      isYesNo(core) ||
      w.questionWords.some((q) => !fillers[lang].has(q) && find(q, lang).test(asking));

    // A full question of its own: its subject, its topic and what it asks.
    if (!pronoun && subject && topic && predicate) return undefined;
    // "算进去吗", "does … count?": what it counts toward is the last turn's topic.
    const implicit = vocabulary[lang].implicitObject.some((v) => find(v.toLowerCase(), lang).test(core));
    if (!opener && !pronoun && !implicit) {
      // Without an opener or a pronoun: 研发经费呢 (a closer and no question), or only question words.
      const bare = !topic && !subject && predicate;
      if (!(closer && !predicate) && !bare) return undefined;
    }
    const form: FollowUpForm = predicate
      ? topic && !pronoun
        ? 'within'
        : 'question'
      : topic
        ? 'topic'
        : subject
          ? 'subject'
          : 'question';
    return { form, lang, core, ...(subject ? { subject } : {}) };
  };

  /** The message rewritten as a full question from the fragment and the last turn. */
  const merge = (e: Ellipsis, context: QaContext): string => {
    const lang = e.lang;
    const join = (parts: (string | undefined)[]) =>
      parts.filter((p): p is string => Boolean(p)).join(lang === 'en' ? ' ' : '');
    const ask = vocabulary.askKind[context.kind ?? 'other'][lang];
    const terms = context.terms
      .map((t) => termIn(t, lang))
      .filter((t): t is string => Boolean(t) && !ask.includes(t as string));
    const lastSubject = e.subject ? undefined : subjectName(context.subject, lang);
    switch (e.form) {
      case 'topic':
        return join([lastSubject, e.core, ask]);
      case 'subject':
        return terms.length ? join([e.core, ...terms, ask]) : join([e.core, context.question]);
      case 'within':
      case 'question':
        return join([lastSubject, ...terms, e.core || ask]);
    }
  };

  /**
   * The result limited to a subject's sections: a follow-up switching to the lead unit is answered
   * by a clause about the lead unit, and a figure another subject's clause states is not its figure.
   * `undefined` when no clause of those sections is among the answers or suggestions.
   */
  const forSubject = (result: QaResult, subject: Subject, question: string): QaResult | undefined => {
    const fits = (c: Clause) => inSections(c.id, subject.sections);
    if (result.abstained) {
      const own = result.suggestions.filter(fits);
      if (!own.length) return undefined;
      return { ...result, suggestions: [...own, ...result.suggestions.filter((c) => !fits(c))] };
    }
    const top = result.answers[0];
    if (!top || fits(top.clause)) return result;
    const own = result.answers.find((a) => fits(a.clause));
    if (!own) return undefined;
    const answers: ScoredClause[] = [own, ...result.answers.filter((a) => a !== own)];
    const { lead: _lead, items: _items, check: _check, notPaid: _notPaid, history: _history, ...rest } = result;
    const asked = result.asked;
    if (asked && !WORDED_KINDS.has(asked.kind)) {
      if (!holdsDetail(own.clause.text, asked)) {
        // The plan states that figure for another subject only: name the clause, give no figure.
        return {
          ...rest,
          abstained: true,
          reason: 'detail_missing',
          answers: [],
          suggestions: answers.map((a) => a.clause).slice(0, 3),
        };
      }
      const lead = extractLead(question, own.clause.text, asked, () => 1);
      return { ...rest, answers, ...(lead ? { lead } : {}) };
    }
    return { ...rest, answers };
  };

  /**
   * A new topic asked of the same subject (那研发经费呢 after the share of R&D staff) stays in the last
   * section when a clause there ranks close to the first (三（二）7, not the lead unit's 三（三）4).
   */
  const withinSection = (result: QaResult, section: string): QaResult =>
    preferring(result, (c) => sectionOf(c.id) === section);

  /** The result with the first answer that `fits` first, when it ranks close to the top. */
  const preferring = (result: QaResult, fits: (c: Clause) => boolean): QaResult => {
    const [top] = result.answers;
    if (result.abstained || !top || fits(top.clause)) return result;
    const own = result.answers.find((a) => fits(a.clause) && a.score >= top.score * SAME_SECTION);
    if (!own) return result;
    const { lead: _lead, items: _items, check: _check, notPaid: _notPaid, history: _history, ...rest } = result;
    const answers = [own, ...result.answers.filter((a) => a !== own)];
    const asked = result.asked;
    if (asked && !WORDED_KINDS.has(asked.kind)) {
      if (!holdsDetail(own.clause.text, asked)) return result;
      const lead = extractLead(result.question, own.clause.text, asked, () => 1);
      return { ...rest, answers, ...(lead ? { lead } : {}) };
    }
    return { ...rest, answers };
  };

  const stepLists = loadSectionsVocabulary(kb).sections.flatMap((x) => (x.steps ? [x.steps] : []));
  const nextWords = {
    zh: [...vocabulary.zh.next].sort(byLength),
    en: vocabulary.en.next.map((w) => w.toLowerCase()).sort(byLength),
  };
  /** The step after the last turn's clause when the message asks what comes next (然后呢, what happens next?). */
  const nextStep = (question: string, context: QaContext): Clause | undefined => {
    const lang: Lang = isEnglish(question) ? 'en' : 'zh';
    let core = question.trim().replace(TRAILING_PUNCTUATION, '');
    if (lang === 'en') core = core.toLowerCase();
    const term = nextWords[lang].find((t) => find(t, lang).test(core));
    if (!term) return undefined;
    // Nothing else of substance: "然后呢", "and what happens after that?", not "然后专项资金给多少";
    // a step named in two characters (认定以后呢, 三年过后呢) is the one just answered.
    const rest = without(without(core, [term], lang), [...words[lang].leading, ...words[lang].questionWords], lang);
    const more = lang === 'en' ? rest.split(/[^a-z]+/).some((x) => x.length >= 3) : (rest.match(CJK) ?? []).length >= 3;
    if (more) return undefined;
    for (const steps of stepLists) {
      const at = steps.indexOf(context.clause);
      const id = at >= 0 ? steps[at + 1] : undefined;
      if (id) return kb.clause(`${context.doc}/${id}`);
    }
    return undefined;
  };

  /** The context an answered turn leaves. */
  const contextOf = (read: string, result: QaResult): Omit<QaContext, 'v' | 'at'> | undefined => {
    const top = result.answers[0]?.clause;
    if (result.abstained || !top || result.lookup) return undefined;
    const lang: Lang = isEnglish(read) ? 'en' : 'zh';
    // A consequence is asked only of an abstention, which leaves no context.
    const asked = result.asked?.kind === 'consequence' ? undefined : result.asked?.kind;
    const kind = asked ?? result.check?.type;
    const subject = subjectIn(lang === 'en' ? read.toLowerCase() : read, lang);
    return {
      question: read.slice(0, 600),
      lang,
      doc: top.doc,
      clause: top.id,
      section: sectionOf(top.id),
      ...(kind ? { kind } : {}),
      ...(subject ? { subject: subject.id } : {}),
      terms: keyTerms(read, lang),
    };
  };

  /**
   * The asker's figures for the last turn's threshold without naming its quantity ("我们40个，总共150
   * 人，够不够", "We have 50 out of 200, does that pass?"): read with the last question, which names
   * it. Only when neither message alone gets a verdict and the pair gets one on the last clause.
   */
  const ownFiguresInContext = (question: string, context: QaContext): ConversationTurn | undefined => {
    if (!FIGURE.test(question)) return undefined;
    const own = engine.ask(question);
    // The last question's own figures are already judged; these must be the message's.
    if (own.check || engine.ask(context.question).check) return undefined;
    const reading = `${context.question}${isEnglish(question) ? ' ' : '，'}${question}`;
    const merged = engine.ask(reading);
    const check = merged.check?.clause;
    if (!check || check.doc !== context.doc || check.id !== context.clause) return undefined;
    const next = contextOf(reading, merged);
    return { result: { ...merged, question }, reading, ...(next ? { context: next } : {}) };
  };

  const NEAR_MISS = new Set(['detail_missing', 'unanswered_example']);
  /** Abstentions for a message too thin to rank, which the last topic may fill in. */
  const RETRY = new Set(['low_confidence', 'english_unknown']);
  const ask = (question: string, context?: QaContext): ConversationTurn => {
    const alone = (): ConversationTurn => {
      const result = engine.ask(question);
      const next = contextOf(question, result);
      return { result, ...(next ? { context: next } : {}) };
    };
    if (!context) return alone();
    const step = nextStep(question, context);
    if (step) {
      // The next step is looked up as its number is: quoted whole, without a ranking.
      const result = engine.ask(step.label);
      if (!result.abstained && result.answers[0]?.clause === step) {
        const lang: Lang = isEnglish(question) ? 'en' : 'zh';
        return {
          result: { ...result, question },
          reading: step.label,
          context: {
            question: `${step.label}${step.title}`,
            lang,
            doc: step.doc,
            clause: step.id,
            section: sectionOf(step.id),
            terms: keyTerms(step.title, 'zh'),
          },
        };
      }
    }
    const figures = ownFiguresInContext(question, context);
    if (figures) return figures;
    const e = ellipsis(question);
    if (!e) {
      // A short message the plan answers nowhere on its own (多久一次？ 最后谁定？) is read as a question
      // about the last topic; an abstention for a reason of its own (税收, another document) stands.
      const own = alone();
      const short = e === undefined && isShort(question);
      if (!short || !own.result.abstained || !RETRY.has(own.result.reason ?? '')) return own;
      const lang: Lang = isEnglish(question) ? 'en' : 'zh';
      const core = question.trim().replace(TRAILING_PUNCTUATION, '');
      const reading = merge({ form: 'question', lang, core: lang === 'en' ? core.toLowerCase() : core }, context);
      // Only a question asking a kind of detail (几年一回, 谁来组织) the last topic's clause states.
      const asked = detailAsked(question);
      if (!asked) return own;
      const merged = engine.ask(reading);
      const top = merged.answers[0]?.clause;
      if (merged.abstained || !top || sectionOf(top.id) !== context.section || !holdsDetail(top.text, asked))
        return own;
      const next = contextOf(reading, merged);
      return { result: { ...merged, question }, reading, ...(next ? { context: next } : {}) };
    }
    let reading = merge(e, context);
    let merged: QaResult | undefined = engine.ask(reading);
    if (e.subject && e.subject.id !== context.subject) merged = forSubject(merged, e.subject, reading);
    const usable = (r: QaResult | undefined): r is QaResult =>
      r !== undefined && (!r.abstained || NEAR_MISS.has(r.reason ?? ''));
    if (!usable(merged) && e.form === 'topic' && !e.subject) {
      // Too thin as a new topic ("and if one fails?"): a question within the last one, its terms kept.
      const within = merge({ ...e, form: 'within' }, context);
      const again = engine.ask(within);
      if (!again.abstained && sectionOf(again.answers[0]?.clause.id ?? '') === context.section) {
        reading = within;
        merged = again;
      }
    }
    if (!usable(merged)) return alone();
    if (e.form === 'topic' && !e.subject) merged = withinSection(merged, context.section);
    // A question about the last topic (报给哪个？) is answered by its clause when that ranks close.
    if (e.form === 'question' && !e.subject) merged = preferring(merged, (c) => c.id === context.clause);
    if (e.form === 'within') {
      // A topic of its own is read within the last one only when it stays there (设备 within 组建资金);
      // otherwise the message is a new question (还有专项支持给几年).
      const top = merged.answers[0]?.clause;
      if (!top || sectionOf(top.id) !== context.section) {
        const own = alone();
        if (!own.result.abstained || merged.abstained) return own;
      }
    }
    const result: QaResult = { ...merged, question };
    const next = contextOf(reading, merged);
    return { result, reading, ...(next ? { context: next } : {}) };
  };

  return { ellipsis, ask };
}

/** Options for {@link createQaConversation}. */
export interface QaConversationOptions {
  knowledge: KnowledgeBase;
  engine: QaEngine;
  store: Store;
  clock: Clock;
  /**
   * Minutes the last answered turn is kept (QA_CONTEXT_MINUTES).
   * @default 30
   */
  minutes?: number;
  /** @default the vocabulary of `knowledge/follow-ups.json` */
  vocabulary?: FollowUpVocabulary;
}

/** Q&A over a store of contexts: what the chat and `ask --json --conversation` both use. */
export interface QaConversation {
  /** Answers one message of `user` in `chat`, read against their last answered turn there. */
  ask(question: string, chat: ChatRef, user: UserRef): Promise<ConversationTurn>;
}

/**
 * Builds a conversation: loads the context before answering and keeps it after; only answered turns
 * set it, an abstention leaves the previous one.
 *
 * @example
 * const qa = createQaConversation({ knowledge, engine, store: new MemoryStore(), clock });
 * await qa.ask('研发人员要占多少比例', 'console:cli', 'console:cli');
 * (await qa.ask('那研发经费呢？', 'console:cli', 'console:cli')).result.answers[0]?.clause.id; // '3.2.7'
 */
export function createQaConversation(options: QaConversationOptions): QaConversation {
  const { knowledge, engine, store, clock, minutes } = options;
  const reader = createConversationalQa(knowledge, engine, options.vocabulary ?? loadFollowUpVocabulary(knowledge));
  const contexts = createContextStore({ store, clock, ...(minutes ? { minutes } : {}) });
  return {
    async ask(question, chat, user) {
      const turn = reader.ask(question, await contexts.load(chat, user));
      if (turn.context) await contexts.save(chat, user, turn.context);
      return turn;
    },
  };
}

let shared: { kb: KnowledgeBase; reader: ConversationalQa } | undefined;

/**
 * Answers one user's consecutive messages as one conversation, one `ask --json` document each: what
 * `ask --json --conversation` prints for its stdin, for benchmarks and tests that hold the lines in
 * memory. The context lives in memory for the call; no time passes between the lines.
 *
 * @param options the knowledge and engine to use; the shipped knowledge and a default engine otherwise
 */
export function answerConversation(
  lines: readonly string[],
  options: { knowledge?: KnowledgeBase; engine?: QaEngine } = {},
): AskJson[] {
  let kb: KnowledgeBase;
  let reader: ConversationalQa;
  if (options.knowledge || options.engine) {
    kb = options.knowledge ?? loadKnowledge();
    reader = createConversationalQa(kb, options.engine ?? createQaEngine(kb), loadFollowUpVocabulary(kb));
  } else {
    if (!shared) {
      const base = loadKnowledge();
      shared = { kb: base, reader: createConversationalQa(base, createQaEngine(base), loadFollowUpVocabulary(base)) };
    }
    ({ kb, reader } = shared);
  }
  const at = new Date().toISOString();
  let context: QaContext | undefined;
  return lines.map((line) => {
    const turn = reader.ask(cleanText(line), context);
    if (turn.context) context = { v: 1, ...turn.context, at };
    return toAskJson(turn.result, kb.documents.length > 1);
  });
}
