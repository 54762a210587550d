import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../src/index.ts';
import { loadKnowledge } from '../../../src/knowledge-base/index.ts';
import { messagesFor } from '../../../src/messages/index.ts';
import { createQaEngine, toAskJson } from '../../../src/qa/index.ts';
import { qaReply } from '../../../src/qa/reply.ts';
import { createConversation, knowledge } from '../../helpers/conversation.ts';

const kb = knowledge();
const qa = createQaEngine(kb);
const zh = messagesFor('zh-CN');
const NOTICE =
  '注意：市经济信息委2022年印发的《重庆市制造业创新中心建设管理办法（暂行）》对此可能有新的规定，请以现行文件为准';
const shipped = fileURLToPath(new URL('../../../knowledge/', import.meta.url));

function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mic-later-'));
  cpSync(shipped, dir, { recursive: true });
  return dir;
}

function editDocuments(dir: string, edit: (docs: { documents: Record<string, unknown>[] }) => void): void {
  const file = join(dir, 'documents.json');
  const docs = JSON.parse(readFileSync(file, 'utf8'));
  edit(docs);
  writeFileSync(file, JSON.stringify(docs));
}

describe('later documents as data', () => {
  it('should list the plan with its text and the two later documents as known, unverified, without a number', () => {
    expect(kb.catalogue.map((d) => [d.id, d.status, d.year])).toEqual([
      ['yjxf-2017-139', 'text', 2017],
      ['cq-mic-rules-2019', 'known', 2019],
      ['cq-mic-measures-2022', 'known', 2022],
    ]);
    // Only the plan is answered from; the known documents add no clauses.
    expect(kb.documents.map((d) => d.id)).toEqual(['yjxf-2017-139']);
    expect(new Set(kb.clauses.map((c) => c.doc))).toEqual(new Set(['yjxf-2017-139']));
    for (const d of kb.catalogue.filter((e) => e.status === 'known')) {
      expect(d.verified).toBe(false);
      expect(d).not.toHaveProperty('number');
      expect(d.issuer).toBe('重庆市经济和信息化委员会');
      expect(d.source).toMatch(/official text is not in this project/);
    }
  });

  it('should hold the relations: the 2019 细则 implements the plan for 2019–2022, the 2022 办法 supersedes it on its topics', () => {
    const rules = kb.catalogue.find((d) => d.id === 'cq-mic-rules-2019');
    expect(rules?.title).toBe('重庆市制造业创新中心建设工程实施细则（2019—2022年）');
    expect(rules?.relations).toEqual([{ type: 'implements', doc: 'yjxf-2017-139', from: 2019, to: 2022 }]);
    const measures = kb.catalogue.find((d) => d.id === 'cq-mic-measures-2022');
    expect(measures?.title).toBe('重庆市制造业创新中心建设管理办法（暂行）');
    expect(measures?.topics.distinctions).toEqual(expect.arrayContaining(['综合类', '行业类']));
    expect(measures?.topics.terms).toEqual(expect.arrayContaining(['注册资金', '公示', '年度考核']));
    expect(measures?.relations).toEqual([
      { type: 'supersedes', doc: 'yjxf-2017-139', clauses: measures?.topics.clauses },
    ]);
    for (const id of measures?.topics.clauses ?? []) expect(kb.clause(id), id).toBeDefined();
  });

  it('should reject a number on a document not verified against its text', () => {
    const dir = copyKnowledge();
    editDocuments(dir, (docs) => {
      const known = docs.documents[2] as Record<string, unknown>;
      known.number = '渝经信发〔2022〕1号';
    });
    expect(() => loadKnowledge(dir)).toThrow(
      /documents\.json: documents\.2\.number: a number is given only when verified/,
    );
  });

  it('should reject a relation to a document that is not listed and a topic clause the plan does not have', () => {
    const dir = copyKnowledge();
    editDocuments(dir, (docs) => {
      (docs.documents[2] as { relations: unknown[] }).relations = [{ type: 'supersedes', doc: 'nowhere' }];
    });
    expect(() => loadKnowledge(dir)).toThrow(/documents\.2\.relations\.0\.doc: "nowhere"/);
    const dir2 = copyKnowledge();
    editDocuments(dir2, (docs) => {
      (docs.documents[2] as { topics: { clauses: string[] } }).topics.clauses.push('9.9');
    });
    expect(() => loadKnowledge(dir2)).toThrow(KnowledgeError);
    expect(() => loadKnowledge(dir2)).toThrow(/topics\.clauses\.\d+: clause 9\.9 does not exist in yjxf-2017-139/);
  });

  it('should read an entry without a status as a document with its text, and require one such document', () => {
    const dir = copyKnowledge();
    editDocuments(dir, (docs) => {
      delete (docs.documents[0] as Record<string, unknown>).status;
    });
    expect(loadKnowledge(dir).documents.map((d) => d.id)).toEqual(['yjxf-2017-139']);
    editDocuments(dir, (docs) => {
      docs.documents = docs.documents.slice(1);
    });
    expect(() => loadKnowledge(dir)).toThrow(/at least one document with its text/);
  });
});

describe('the notice of a later document', () => {
  const ON_TOPIC = [
    '公示期是几天',
    '认定以后要公示吗',
    '注册资金要多少',
    '组建资金最少要投入多少钱',
    '多久考核评估一次',
    '每年都要考核吗',
    '年度考核考什么',
    '什么时候可以申报',
    '申报截止时间是哪天',
    '区县经信委要推荐吗',
    '方案评定的流程是怎样的',
  ];
  const OFF_TOPIC = [
    '方案是哪天发的',
    '这个方案的文号是多少',
    '谁发的这个文件',
    '指导思想是什么',
    '基本原则有哪些',
    '建设目标是什么',
    '重点领域有哪些',
    '研发人员要占多少比例',
    '研发费用占比有什么要求',
    '专家委员会由谁担任主任',
    '创新中心要采取什么组织形式',
    '知识产权收益怎么分',
    '重庆明天会下雨吗？',
    '个人所得税怎么汇算',
  ];

  it('should name the 2022 办法 on the topics it changes, answered or not', () => {
    for (const q of ON_TOPIC) {
      const r = qa.ask(q);
      expect(
        r.later?.map((d) => d.id),
        q,
      ).toEqual(['cq-mic-measures-2022']);
      expect(qaReply(kb, zh, r).text, q).toContain(NOTICE);
    }
  });

  it('should carry no notice on any other topic', () => {
    for (const q of OFF_TOPIC) {
      const r = qa.ask(q);
      expect(r.later, q).toBeUndefined();
      expect(qaReply(kb, zh, r).text, q).not.toContain('可能有新的规定');
      expect(toAskJson(r, false), q).not.toHaveProperty('later');
    }
  });

  it('should put the notice after the quote and its 依据 line, above the footer', () => {
    const text = qaReply(kb, zh, qa.ask('多久考核评估一次')).text;
    const quote = text.indexOf('“经认定和培育试点的创新中心');
    const basis = text.indexOf('依据：四（三）');
    const notice = text.indexOf(NOTICE);
    const footer = text.indexOf('—— 来源：');
    expect(quote).toBeGreaterThanOrEqual(0);
    expect(basis).toBeGreaterThan(quote);
    expect(notice).toBeGreaterThan(basis);
    expect(footer).toBeGreaterThan(notice);
    expect(text.match(/可能有新的规定/g)).toHaveLength(1);
  });

  it('should add the notice without changing what is answered or abstained', () => {
    const r = qa.ask('公示期是几天');
    expect(r.abstained).toBe(true);
    expect(r.reason).toBe('detail_missing');
    expect(r.suggestions[0]?.id).toBe('4.2');
    expect(qaReply(kb, zh, r).text).toMatch(/^方案提到了相关内容，但没有规定具体时长或期限。\n注意：/);
    const a = qa.ask('组建资金最少要投入多少钱');
    expect(a.answers[0]?.clause.id).toBe('3.1.4');
    expect(a.lead).toContain('1000万元');
  });

  it('should give later in ask --json with title, issuer and year, and no unverified number', () => {
    const json = toAskJson(qa.ask('公示期是几天'), false);
    expect(json.later).toEqual([
      { title: '重庆市制造业创新中心建设管理办法（暂行）', issuer: '重庆市经济和信息化委员会', year: 2022 },
    ]);
  });

  it('should give the notice in English on an English question on such a topic', () => {
    const r = qa.ask('What is the publicity period?');
    expect(r.later?.map((d) => d.id)).toEqual(['cq-mic-measures-2022']);
    const text = qaReply(kb, messagesFor('en'), r).text;
    expect(text).toContain(
      'Note: the Measures for the Construction and Management of Chongqing Manufacturing Innovation Centers (Interim) (重庆市制造业创新中心建设管理办法（暂行）), issued by the Municipal Commission of Economy and Information Technology in 2022, may set newer rules',
    );
    expect(qa.ask('What are the guiding ideas of the plan?').later).toBeUndefined();
  });
});

describe('a term only the later document has', () => {
  it('should answer 综合类 with what the plan says for all centers, saying the plan makes no such distinction', () => {
    const r = qa.ask('综合类创新中心组建资金要求多少');
    expect(r.abstained).toBe(false);
    expect(r.distinctions).toEqual(['综合类']);
    expect(r.answers[0]?.clause.id).toBe('3.1.4');
    expect(r.later?.map((d) => d.id)).toEqual(['cq-mic-measures-2022']);
    const text = qaReply(kb, zh, r).text;
    expect(text.split('\n')[0]).toBe('2017年的方案没有把创新中心分为综合类等类别，以下是方案对所有创新中心的规定：');
    expect(text).toContain('“创新中心成员单位通过资金');
    expect(text).toContain(NOTICE);
  });

  it('should answer 行业类 likewise, and say so when the question is only about the distinction', () => {
    const r = qa.ask('行业类创新中心需要具备什么条件');
    expect(r.distinctions).toEqual(['行业类']);
    expect(r.later).toBeDefined();
    expect(qaReply(kb, zh, r).text).toMatch(/^2017年的方案没有把创新中心分为行业类等类别/);
    const both = qa.ask('综合类和行业类有什么区别');
    expect(both.abstained).toBe(true);
    const text = qaReply(kb, zh, both).text;
    expect(text).toMatch(/^2017年的方案没有把创新中心分为综合类、行业类等类别。\n注意：/);
    expect(text).not.toContain('方案没有涉及这个问题');
  });
});

describe('/source', () => {
  it('should list every document with its status and year', async () => {
    const c = createConversation();
    await c.send('/source');
    expect(c.text).toContain('《重庆市制造业创新中心建设工程实施方案》（现行解答依据，2017年）');
    expect(c.text).toContain('渝经信发〔2017〕139号');
    expect(c.text).toContain(
      '《重庆市制造业创新中心建设工程实施细则（2019—2022年）》（2019年，本助手未收录原文，不据此作答）',
    );
    expect(c.text).toContain('《重庆市制造业创新中心建设管理办法（暂行）》（2022年，本助手未收录原文，不据此作答）');
    expect(c.text).toContain('文号：未核实');
    await c.send('/lang en');
    await c.send('/source');
    expect(c.text).toContain(
      'Measures for the Construction and Management of Chongqing Manufacturing Innovation Centers (Interim) (重庆市制造业创新中心建设管理办法（暂行）) (2022; its text is not in this assistant',
    );
  });
});
