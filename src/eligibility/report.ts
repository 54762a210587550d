/**
 * @module eligibility/report
 * The gap report of a self-check, as Markdown and as a Word file (`.docx`, which Word and WPS
 * open). Both render one model: the verdict with the line 自测结果仅供参考，不代表认定结论, each
 * criterion with its status, what was understood, the clause it rests on and, when it is not met,
 * what to do; then the next steps of 四、组织实施, quoting the plan and citing each clause.
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { KnowledgeBase } from '../knowledge-base/index.ts';
import type { Locale } from '../ports.ts';
import type { Criterion } from './criteria.ts';
import { eligibilityMessages } from './messages.ts';
import type { CriterionResult, CriterionStatus, Evaluation } from './types.ts';

/** One line under a criterion: `情况：…`, `依据：…`, `建议：…`. */
interface ReportLine {
  label?: string;
  text: string;
}

/** The report's content, independent of how it is rendered. */
interface ReportModel {
  title: string;
  verdictLine: string;
  disclaimer: string;
  against?: string;
  /** One line per status that is not met: `❌ 不符合：三（一）3、三（二）6`. */
  shortfall: string[];
  resultsHeading: string;
  items: { heading: string; lines: ReportLine[] }[];
  nextStepsHeading: string;
  steps: { heading: string; basis: string; points: string[] }[];
}

function buildModel(evaluation: Evaluation, criteria: readonly Criterion[], kb: KnowledgeBase, locale: Locale) {
  const m = eligibilityMessages(locale);
  const label = (clause: string) => kb.clause(clause)?.label ?? clause;
  const byId = new Map<string, CriterionResult>(evaluation.criteria.map((r) => [r.id, r]));
  const items: ReportModel['items'] = [];
  const attention: Record<CriterionStatus, string[]> = { met: [], unmet: [], unknown: [], warning: [] };
  for (const c of criteria) {
    const r = byId.get(c.id) ?? { id: c.id, clause: c.clause, status: 'unknown', value: null, reason: m.unanswered };
    const lines: ReportLine[] = [{ text: r.reason }, { text: m.basis(label(c.clause)) }];
    if (r.status !== 'met') lines.push({ label: m.adviceLabel, text: c.advice[locale] });
    const seen = attention[r.status];
    if (!seen.includes(label(c.clause))) seen.push(label(c.clause));
    items.push({ heading: `${m.statusIcon[r.status]} ${c.title[locale]}`, lines });
  }
  const doc = kb.documents[0];
  const model: ReportModel = {
    title: m.reportTitle,
    verdictLine: m.verdictLine(m.verdict[evaluation.verdict]),
    disclaimer: m.disclaimer,
    shortfall: (['unmet', 'unknown', 'warning'] as const)
      .filter((s) => attention[s].length > 0)
      .map((s) => m.shortfall(m.statusIcon[s], m.statusName[s], attention[s].join(m.listSeparator))),
    resultsHeading: m.resultsHeading,
    items,
    nextStepsHeading: m.nextStepsHeading,
    steps: m.nextSteps.map((s) => ({
      heading: `${label(s.clause)} ${s.title}`,
      basis: m.basis(label(s.clause)),
      points: s.points,
    })),
  };
  if (doc) model.against = m.against(doc.title, doc.number);
  return model;
}

/** Markdown that renders as plain text too: no HTML, and only text this module produced. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/**
 * The report as Markdown.
 *
 * @param evaluation from {@link evaluate}
 * @param criteria the criteria evaluated, in dialog order
 * @param kb the plan, for clause labels (`三（一）4`) and the document's title and number
 */
export function reportMarkdown(
  evaluation: Evaluation,
  criteria: readonly Criterion[],
  kb: KnowledgeBase,
  locale: Locale,
): string {
  const r = buildModel(evaluation, criteria, kb, locale);
  const e = escapeMarkdown;
  const out: string[] = [`# ${e(r.title)}`, '', `**${e(r.verdictLine)}**`, '', e(r.disclaimer), ''];
  if (r.against) out.push(e(r.against), '');
  if (r.shortfall.length > 0) out.push(...r.shortfall.map((line) => `- ${e(line)}`), '');
  out.push(`## ${e(r.resultsHeading)}`, '');
  r.items.forEach((item, i) => {
    out.push(`${i + 1}. **${e(item.heading)}**`);
    for (const line of item.lines) {
      const text = e(line.text).replace(/\n/g, ' ');
      out.push(`   - ${line.label ? `${e(line.label)}${locale === 'en' ? ': ' : '：'}` : ''}${text}`);
    }
  });
  out.push('', `## ${e(r.nextStepsHeading)}`, '');
  for (const s of r.steps) {
    out.push(`### ${e(s.heading)}`, '', e(s.basis), '');
    for (const p of s.points) out.push(`- ${e(p)}`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * The report as a Word document (`.docx`), the same content as {@link reportMarkdown}.
 *
 * @returns the file's bytes, to send as a {@link ReplyDocument} with the mime type
 * `application/vnd.openxmlformats-officedocument.wordprocessingml.document`
 */
export async function reportDocx(
  evaluation: Evaluation,
  criteria: readonly Criterion[],
  kb: KnowledgeBase,
  locale: Locale,
): Promise<Uint8Array> {
  const r = buildModel(evaluation, criteria, kb, locale);
  const colon = locale === 'en' ? ': ' : '：';
  const children: Paragraph[] = [
    new Paragraph({ text: r.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    new Paragraph({ children: [new TextRun({ text: r.verdictLine, bold: true, size: 28 })] }),
    new Paragraph({ children: [new TextRun({ text: r.disclaimer, italics: true })] }),
  ];
  if (r.against) children.push(new Paragraph({ text: r.against }));
  for (const line of r.shortfall) children.push(new Paragraph({ text: line }));
  children.push(new Paragraph({ text: r.resultsHeading, heading: HeadingLevel.HEADING_1 }));
  r.items.forEach((item, i) => {
    children.push(
      new Paragraph({
        children: [new TextRun({ text: `${i + 1}. ${item.heading}`, bold: true })],
        spacing: { before: 160 },
        keepNext: true,
      }),
    );
    for (const line of item.lines) {
      children.push(
        new Paragraph({
          children: [
            ...(line.label ? [new TextRun({ text: `${line.label}${colon}`, bold: true })] : []),
            new TextRun({ text: line.text }),
          ],
          indent: { left: 360 },
        }),
      );
    }
  });
  children.push(new Paragraph({ text: r.nextStepsHeading, heading: HeadingLevel.HEADING_1 }));
  for (const s of r.steps) {
    children.push(new Paragraph({ text: s.heading, heading: HeadingLevel.HEADING_2 }));
    children.push(new Paragraph({ children: [new TextRun({ text: s.basis, italics: true })] }));
    for (const p of s.points) children.push(new Paragraph({ text: p, bullet: { level: 0 } }));
  }
  const doc = new Document({
    title: r.title,
    creator: 'mic-policy-assistant',
    styles: {
      default: {
        document: { run: { font: { ascii: 'Calibri', hAnsi: 'Calibri', eastAsia: 'SimSun' }, size: 22 } },
      },
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

/** The mime type of {@link reportDocx}'s output. */
export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
