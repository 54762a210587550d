/**
 * @module knowledge-base/parse-plan
 * Splits the plan's text into the clauses of the clause-ID table. The plan numbers its parts
 * 一、 / （一） / 1. ; a heading with no text of its own is not a clause, only the path of its
 * children.
 */
import { KnowledgeError } from '../errors.ts';
import { parseNumeral } from '../figures/index.ts';
import type { Clause } from './types.ts';

const CN_DIGITS = '一二三四五六七八九十';
const TOP = new RegExp(`^([${CN_DIGITS}]+)、(.+)$`);
const SUB = new RegExp(`^（([${CN_DIGITS}]+)）(.+)$`);
const ITEM = /^(\d+)\.(.*)$/;
const NOTICE_END = '（此件公开发布）';

/** Conversion artefacts that are not part of the text (left by .docx → .txt). */
const ARTEFACTS = [/\[bookmark: [^\]]*\]/g];

/** Removes conversion artefacts such as `[bookmark: _GoBack]`. */
export function stripArtefacts(text: string): string {
  return ARTEFACTS.reduce((t, re) => t.replace(re, ''), text);
}

function headingTitle(s: string): string {
  return s.trim().replace(/。$/, '');
}

interface Draft {
  id: string;
  label: string;
  title: string;
  path: string;
  lines: string[];
}

/**
 * Parses the plan text (with its covering notice) into clauses.
 *
 * @param source the document text, artefacts already stripped or not
 * @param doc the document id the clauses belong to
 * @throws KnowledgeError when the notice or the plan's title cannot be found
 */
export function parsePlan(source: string, doc: string): Clause[] {
  const text = stripArtefacts(source).replace(/\r\n?/g, '\n');
  const noticeEndAt = text.indexOf(NOTICE_END);
  if (noticeEndAt < 0) {
    throw new KnowledgeError(`${doc}: the covering notice does not end with ${NOTICE_END}`);
  }
  const noticeText = text.slice(0, noticeEndAt + NOTICE_END.length).trim();
  const rest = text.slice(noticeEndAt + NOTICE_END.length).split('\n');

  const drafts: Draft[] = [
    {
      id: 'notice',
      label: '印发通知',
      title: '',
      path: '',
      lines: [noticeText],
    },
  ];
  let top: { n: number; label: string; title: string } | undefined;
  let sub: { n: number; label: string; title: string } | undefined;
  let current: Draft | undefined;
  let sawTitle = false;

  for (const raw of rest) {
    const line = raw.trim();
    if (line === '') continue;
    if (!sawTitle) {
      // The first non-empty line after the notice is the plan's own title.
      sawTitle = true;
      current = {
        id: 'preamble',
        label: '方案前言',
        title: '',
        path: '',
        lines: [],
      };
      drafts.push(current);
      continue;
    }
    let m = TOP.exec(line);
    // A run such as 十三五、 is no heading number, so its line stays text.
    const topNumber = m?.[1] ? parseNumeral(m[1]) : undefined;
    if (m?.[1] && m[2] && topNumber !== undefined) {
      top = { n: topNumber, label: m[1], title: headingTitle(m[2]) };
      sub = undefined;
      // A top-level section's own opening paragraph (四、组织实施) is a clause; empty ones drop out.
      current = {
        id: String(top.n),
        label: top.label,
        title: top.title,
        path: '',
        lines: [],
      };
      drafts.push(current);
      continue;
    }
    m = SUB.exec(line);
    const subNumber = m?.[1] ? parseNumeral(m[1]) : undefined;
    if (m?.[1] && m[2] && top && subNumber !== undefined) {
      sub = { n: subNumber, label: m[1], title: headingTitle(m[2]) };
      current = {
        id: `${top.n}.${sub.n}`,
        label: `${top.label}（${sub.label}）`,
        title: sub.title,
        path: top.title,
        lines: [],
      };
      drafts.push(current);
      continue;
    }
    m = ITEM.exec(line);
    if (m?.[1] && m[2] !== undefined && top && sub) {
      current = {
        id: `${top.n}.${sub.n}.${m[1]}`,
        label: `${top.label}（${sub.label}）${m[1]}`,
        title: '',
        path: `${top.title} › ${sub.title}`,
        lines: [m[2]],
      };
      drafts.push(current);
      continue;
    }
    if (!current) throw new KnowledgeError(`${doc}: text before the plan's title: ${line.slice(0, 20)}`);
    current.lines.push(line);
  }

  return drafts
    .map((d) => ({ ...d, text: d.lines.join('\n').trim() }))
    .filter((d) => d.text !== '')
    .map(({ id, label, title, path, text: body }) => ({
      doc,
      id,
      label,
      title,
      path,
      text: body,
    }));
}
