/**
 * @module qa/other-documents
 * Recognises questions about another programme (高新技术企业, 企业技术中心 …, listed in
 * `knowledge/other-programmes.json`) or about another document the plan only names: 《省级制造业创新中心升级为国家
 * 制造业创新中心条件的通知》, 渝委发〔2016〕29号 … The plan cites them but does not hold their
 * rules, so "what does it require" must be an abstention; "which document is it" is answered by
 * the clause that names it. The same file lists subjects the plan never touches (税收, 社保 …).
 */
import { englishWordPattern, type KnowledgeBase } from '../knowledge-base/index.ts';
import { isEnglish } from './english.ts';
import { charPairs, normalize, segment } from './text.ts';

// Global, for matchAll and replace; tests use the sticky-free `cites` below.
const TITLE = /《[^》]*》/g;
const DOC_NUMBER = /[\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号/g;

/** True when a text cites a document by title or number. */
function cites(text: string): boolean {
  return /《[^》]*》|〔\d{4}〕\d+号/.test(text);
}

/** Questions about a document's identity or about the plan's own basis, not about its content. */
const IDENTITY =
  /(什么文件|哪个文件|哪份文件|哪些文件|啥文件|文件名|全称|名称|依据|根据|引用|提到|援引|参照|上位|贯彻|落实|推进|哪些政策)/;

const DOCUMENT_WORD = /(通知|文件|办法|意见|指南|规划|方案)/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const pairs = (text: string): Set<string> => charPairs(text, true);

/** Words of one English clause: no punctuation in between. */
const EN_GAP = (n: number): string => `(?:[^\\s.,;:!?()]+\\s+){0,${n}}`;

/**
 * The plan's own programme named as what one applies for or is recognised as ("recognized as an
 * innovation center", "apply to become a manufacturing innovation center"): the question is about
 * this plan, whatever programme the asker already holds.
 */
const EN_OWN_GOAL =
  /^\s*(?:[a-z-]+\s+){0,2}?(as|to become|to be|for|into)\s+(an?\s+|the\s+|our\s+)?(municipal\s+|city\s+|chongqing\s+)?(manufacturing\s+)?innovation\s+cent(er|re)/i;

/**
 * English questions about another programme's own rules, mirroring the Chinese: its name followed
 * within a few words by a word asking about its rules ("high-tech enterprise certification", "does
 * the Shenzhen government subsidize"), or such a word followed by its name ("certified as a
 * high-tech enterprise", "requirements of the little giant program"). A requirement for its holder
 * to do something here ("requirements for a high-tech enterprise to lead a center") and this plan's
 * programme as the goal ("a high-tech enterprise recognized as an innovation center") are not.
 */
function englishProgrammeRules(en: KnowledgeBase['otherProgrammesEn']): ((question: string) => boolean) | undefined {
  if (!en.names.length) return undefined;
  const alt = (words: readonly string[]): string => words.map(englishWordPattern).join('|');
  const names = alt([...en.names].sort((a, b) => b.length - a.length));
  const after = en.askingAfter.length
    ? new RegExp(`(?:${names})\\s+${EN_GAP(3)}(?:${alt(en.askingAfter)})`, 'gi')
    : undefined;
  const before = en.askingBefore.length
    ? new RegExp(`(?:${alt(en.askingBefore)})\\s+${EN_GAP(4)}(?:${names})`, 'gi')
    : undefined;
  return (question) => {
    const q = question.toLowerCase().replace(/[’]/g, "'");
    for (const m of after ? q.matchAll(after) : []) {
      if (!EN_OWN_GOAL.test(q.slice(m.index + m[0].length))) return true;
    }
    for (const m of before ? q.matchAll(before) : []) {
      const rest = q.slice(m.index + m[0].length);
      if (/^\s*(program(me)?s?\s+)?to\s+(?!be\s+(recogni|certif|accredit))[a-z]/.test(rest)) continue;
      if (!EN_OWN_GOAL.test(rest)) return true;
    }
    return false;
  };
}

/** Finds, for a question, whether it asks about the content of another document. */
export interface OtherDocumentDetector {
  /** True when the question asks what another (only cited) document says. */
  asksAboutOther(question: string): boolean;
  /** True when the question is on a subject the plan never touches (税收, 社保 …). */
  touchesUncoveredTopic(question: string): boolean;
}

/** Builds the detector from the titles and numbers the knowledge base's clauses cite. */
export function createOtherDocumentDetector(kb: KnowledgeBase): OtherDocumentDetector {
  const own = kb.documents.flatMap((d) => [normalize(d.title), normalize(d.number)]);
  const inTitles = new Set<string>();
  const outside = new Set<string>();
  for (const c of kb.clauses) {
    const text = normalize(c.text);
    for (const m of text.matchAll(TITLE)) {
      if (own.some((o) => m[0].includes(o))) continue;
      for (const p of pairs(m[0])) inTitles.add(p);
    }
    const rest = text.replace(TITLE, ' ').replace(DOC_NUMBER, ' ');
    for (const p of pairs(`${normalize(c.path)} ${normalize(c.title)} ${rest}`)) outside.add(p);
  }
  // Words people use in ordinary questions about this plan are not another document's.
  // (Examples of the clauses that cite documents do name them: those are left out.)
  for (const c of kb.clauses) {
    if (cites(c.text)) continue;
    for (const q of kb.examples.get(`${c.doc}/${c.id}`)?.answered ?? [])
      for (const p of pairs(normalize(q))) outside.add(p);
  }
  const titleOnly = new Set([...inTitles].filter((p) => !outside.has(p)));

  // "高新技术企业认定需要什么条件": another programme's own procedure or requirements. "国家重点实验室
  // 能算联盟的平台吗" asks about this plan and is not matched.
  const programmes = kb.otherProgrammes.map(normalize).sort((a, b) => b.length - a.length);
  const asking = kb.programmeAsking.map(normalize).filter(Boolean);
  const programmeRules =
    programmes.length && asking.length
      ? new RegExp(`(${programmes.map(escapeRegExp).join('|')})[^，。？?]{0,8}?(${asking.map(escapeRegExp).join('|')})`)
      : undefined;
  // "同时申报市科技局的技术创新中心": asking to join another programme, the verb before its name.
  const before = kb.programmeAskedBefore;
  const joining =
    before.names.length && before.asking.length
      ? new RegExp(
          `(${before.asking.map(normalize).map(escapeRegExp).join('|')})[^，。？?]{0,10}?(${before.names.map(normalize).map(escapeRegExp).join('|')})`,
        )
      : undefined;
  const englishRules = englishProgrammeRules(kb.otherProgrammesEn);
  const cited = kb.clauses.filter((c) => cites(c.text)).map((c) => normalize(c.text));

  // English topics ("tax") are whole words; Chinese ones are found anywhere, read as the question is
  // (同一家企业 as 同1家企业).
  const uncovered = kb.uncoveredTopics.length
    ? new RegExp(
        kb.uncoveredTopics.map((t) => (/^[a-z\s]+$/i.test(t) ? `\\b${t}\\b` : escapeRegExp(normalize(t)))).join('|'),
        'i',
      )
    : undefined;

  return {
    touchesUncoveredTopic: (question) => uncovered?.test(normalize(question)) ?? false,
    asksAboutOther(question) {
      const q = normalize(question);
      // "Does the plan refer to that notice?" asks about the plan, whatever the notice is about.
      if (IDENTITY.test(q) && DOCUMENT_WORD.test(q)) return false;
      // A name inside a quoted title (《…条件的通知》) is the document's name, handled below.
      const untitled = q.replace(TITLE, ' ');
      if (programmeRules?.test(untitled) || joining?.test(untitled)) return true;
      if (englishRules && isEnglish(question) && englishRules(question)) return true;
      if (IDENTITY.test(q)) return false;
      if (own.some((o) => q.includes(o))) return false;
      const numbers = q.match(DOC_NUMBER) ?? [];
      // A number typed alone ("工信厅科〔2017〕64号") looks up where the plan cites it.
      const alone = !q.replace(DOC_NUMBER, '').replace(/[\s\p{P}]/gu, '');
      if (alone && numbers.every((n) => cited.some((t) => t.includes(n)))) return false;
      if (numbers.some((n) => !own.includes(n))) return true;
      // Only pairs inside the question's own content words: "的意" or "家重" across words mean nothing.
      for (const w of segment(q)) {
        if (w.stop || w.word.length < 2) continue;
        for (const p of pairs(w.word)) if (titleOnly.has(p)) return true;
      }
      return false;
    },
  };
}
