/**
 * @module qa/other-documents
 * Recognises questions about another programme (高新技术企业, 企业技术中心 …, listed in
 * `knowledge/other-programmes.json`) or about another document the plan only names: 《省级制造业创新中心升级为国家
 * 制造业创新中心条件的通知》, 渝委发〔2016〕29号 … The plan cites them but does not hold their
 * rules, so "what does it require" must be an abstention; "which document is it" is answered by
 * the clause that names it. The same file lists subjects the plan never touches (税收, 社保 …).
 */
import type { KnowledgeBase } from '../knowledge-base/index.ts';
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
  const programmeRules = programmes.length
    ? new RegExp(
        `(${programmes.map(escapeRegExp).join('|')})[^，。？?]{0,8}?(认定|申报|申请|评审|评定|备案|条件|标准|要求|门槛|资格|办法|流程|程序|政策|补贴|奖励|待遇)`,
      )
    : undefined;

  // English topics ("tax") are whole words; Chinese ones are found anywhere.
  const uncovered = kb.uncoveredTopics.length
    ? new RegExp(kb.uncoveredTopics.map((t) => (/^[a-z\s]+$/i.test(t) ? `\\b${t}\\b` : escapeRegExp(t))).join('|'), 'i')
    : undefined;

  return {
    touchesUncoveredTopic: (question) => uncovered?.test(normalize(question)) ?? false,
    asksAboutOther(question) {
      const q = normalize(question);
      // "Does the plan refer to that notice?" asks about the plan, whatever the notice is about.
      if (IDENTITY.test(q) && DOCUMENT_WORD.test(q)) return false;
      // A name inside a quoted title (《…条件的通知》) is the document's name, handled below.
      if (programmeRules?.test(q.replace(TITLE, ' '))) return true;
      if (IDENTITY.test(q)) return false;
      if (own.some((o) => q.includes(o))) return false;
      const numbers = q.match(DOC_NUMBER) ?? [];
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
