/**
 * A second document with its text, answered from beside the plan. The document below is FICTIONAL:
 * written for this test only, with made-up figures (2000万元, 7天), a made-up issuer and number.
 * It is created in a temporary copy of `knowledge/` and never shipped.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCriteria } from '../../../src/eligibility/criteria.ts';
import { loadKnowledge } from '../../../src/knowledge-base/index.ts';
import { messagesFor } from '../../../src/messages/index.ts';
import { createQaEngine, toAskJson } from '../../../src/qa/index.ts';
import { qaReply } from '../../../src/qa/reply.ts';
import { knowledge } from '../../helpers/conversation.ts';

const FICTIONAL_ID = 'fictional-test-2099';

/** FICTIONAL text in the plan's shape (covering notice, title, numbered parts). Not a real policy. */
const FICTIONAL_TEXT = `虚构测试委员会
关于印发虚构制造业创新中心测试办法的通知
虚构〔2099〕1号

各有关单位：
    【虚构文本，仅供自动化测试，并非真实政策】现将《虚构制造业创新中心测试办法》印发你们。

虚构测试委员会
2099年1月1日
    （此件公开发布）

虚构制造业创新中心测试办法

本办法为虚构文本，仅用于自动化测试，不是任何真实政策。
一、认定条件
（一）组建资金。
1.虚构规定：创新中心全部组建资金实际投入不低于2000万元（含研发设备投入）。
2.虚构规定：创新中心应当具有独立法人资格。
（二）公示。
虚构规定：拟认定名单公示期为7天。
二、考核
（一）年度考核。
虚构规定：每年对创新中心进行年度考核，考核结果分为优秀、合格、不合格。
`;

const FICTIONAL_EXAMPLES: Record<string, string[]> = {
  [`${FICTIONAL_ID}/preamble`]: [
    '这个虚构办法是什么',
    '测试办法的目的',
    '虚构办法为什么制定',
    '测试办法说明',
    '办法性质',
  ],
  [`${FICTIONAL_ID}/1.1.1`]: [
    '组建资金最少要投入多少',
    '组建资金要求多少钱',
    '资金投入门槛是多少',
    '至少要投多少钱',
    '组建资金实际投入不低于多少',
  ],
  [`${FICTIONAL_ID}/1.1.2`]: ['要独立法人吗', '法人资格有什么要求', '必须是独立法人吗', '法人要求', '独立法人资格'],
  [`${FICTIONAL_ID}/1.2`]: ['公示期是几天', '公示多久', '名单要公示几天', '公示期多长', '公示时间多长'],
  [`${FICTIONAL_ID}/2.1`]: [
    '年度考核结果分几档',
    '每年考核吗',
    '年度考核怎么评',
    '考核结果有哪些等级',
    '每年都要考核吗',
  ],
};

const shipped = fileURLToPath(new URL('../../../knowledge/', import.meta.url));

/** A temporary knowledge folder: the shipped one plus the FICTIONAL document. */
function withFictionalDocument(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mic-second-doc-'));
  cpSync(shipped, dir, { recursive: true });
  writeFileSync(join(dir, `${FICTIONAL_ID}.txt`), FICTIONAL_TEXT);
  const docsFile = join(dir, 'documents.json');
  const docs = JSON.parse(readFileSync(docsFile, 'utf8'));
  docs.documents.push({
    id: FICTIONAL_ID,
    status: 'text',
    file: `${FICTIONAL_ID}.txt`,
    title: '虚构制造业创新中心测试办法',
    number: '虚构〔2099〕1号',
    date: '2099-01-01',
    issuer: '虚构测试委员会',
    clauseCount: 6,
    topics: { clauses: ['3.1.4', '4.2', '4.3'] },
    relations: [{ type: 'supersedes', doc: 'yjxf-2017-139' }],
  });
  writeFileSync(docsFile, JSON.stringify(docs));
  const examplesFile = join(dir, 'examples.json');
  const examples = JSON.parse(readFileSync(examplesFile, 'utf8'));
  for (const [key, answered] of Object.entries(FICTIONAL_EXAMPLES)) examples.clauses[key] = { answered };
  writeFileSync(examplesFile, JSON.stringify(examples));
  return dir;
}

const dir = withFictionalDocument();
const kb = loadKnowledge(dir);
const qa = createQaEngine(kb);
const zh = messagesFor('zh-CN');

describe('a second document with its text (FICTIONAL test document)', () => {
  it('should parse its clauses and cite them with its doc', () => {
    expect(kb.documents.map((d) => d.id)).toEqual(['yjxf-2017-139', FICTIONAL_ID]);
    expect(kb.clauses.filter((c) => c.doc === FICTIONAL_ID).map((c) => c.id)).toEqual([
      'notice',
      'preamble',
      '1.1.1',
      '1.1.2',
      '1.2',
      '2.1',
    ]);
    const json = toAskJson(qa.ask('组建资金最少要投入多少'), kb.documents.length > 1);
    expect(json.answers[0]).toMatchObject({ doc: FICTIONAL_ID, clause: '1.1.1', label: '一（一）1' });
    expect(json.answers.find((a) => a.clause === '3.1.4')?.doc).toBe('yjxf-2017-139');
  });

  it('should lead with the newer rule where both speak and show the plan as history', () => {
    const r = qa.ask('组建资金最少要投入多少');
    expect(r.answers[0]?.clause.doc).toBe(FICTIONAL_ID);
    expect(r.lead).toContain('2000万元');
    expect(r.history?.map((c) => `${c.doc}/${c.id}`)).toEqual(['yjxf-2017-139/3.1.4']);
    const text = qaReply(kb, zh, r).text;
    expect(text.indexOf('“虚构规定：创新中心全部组建资金')).toBeLessThan(text.indexOf('原方案（2017）规定：'));
    expect(text).toContain('原方案（2017）规定：\n“创新中心成员单位通过资金');
    expect(text).toContain('来源：虚构〔2099〕1号');
  });

  it('should answer from the newer document a detail the plan does not give', () => {
    const r = qa.ask('公示期是几天');
    expect(r.abstained).toBe(false);
    expect(r.answers[0]?.clause.doc).toBe(FICTIONAL_ID);
    expect(r.lead).toContain('7天');
    // The known 2022 document is older than this one: no notice of it under this answer.
    expect(r.later).toBeUndefined();
  });

  it('should change nothing on the topics the newer document does not speak to', () => {
    const plain = createQaEngine(knowledge());
    for (const q of [
      '研发人员要占多少比例',
      '指导思想是什么',
      '重点领域有哪些',
      '方案是哪天发的',
      '专家委员会由谁担任主任',
    ]) {
      const before = plain.ask(q);
      const after = qa.ask(q);
      expect(after.abstained, q).toBe(before.abstained);
      expect(`${after.answers[0]?.clause.doc}/${after.answers[0]?.clause.id}`, q).toBe(
        `${before.answers[0]?.clause.doc}/${before.answers[0]?.clause.id}`,
      );
      expect(after.history, q).toBeUndefined();
    }
  });

  it('should let an eligibility criterion name the document it comes from, the plan by default', () => {
    const criteria = loadCriteria(kb, dir);
    expect(new Set(criteria.map((c) => c.doc))).toEqual(new Set(['yjxf-2017-139']));
    const file = join(dir, 'eligibility.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    const capital = data.criteria.find((c: { clause: string }) => c.clause === '3.1.4');
    Object.assign(capital, { doc: FICTIONAL_ID, clause: '1.1.1', id: '1.1.1', threshold: 20_000_000 });
    writeFileSync(file, JSON.stringify(data));
    const changed = loadCriteria(kb, dir).find((c) => c.id === '1.1.1');
    expect(changed).toMatchObject({ doc: FICTIONAL_ID, clause: '1.1.1', threshold: 20_000_000 });
    capital.clause = '3.2.6';
    capital.id = '3.2.6';
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadCriteria(kb, dir)).toThrow(/clause 3\.2\.6 does not exist in fictional-test-2099/);
  });

  it('should list it in /source beside the plan, with its status and year', () => {
    const text = zh.source(kb.catalogue);
    expect(text).toContain('《虚构制造业创新中心测试办法》（现行解答依据，2099年）');
    expect(text).toContain('《重庆市制造业创新中心建设工程实施方案》（现行解答依据，2017年）');
  });
});
