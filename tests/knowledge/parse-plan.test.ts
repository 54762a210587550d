import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge, parsePlan, stripArtefacts } from '../../src/knowledge-base/index.ts';

const seed = readFileSync(new URL('../../knowledge/yjxf-2017-139.txt', import.meta.url), 'utf8');
const clauses = parsePlan(seed, 'yjxf-2017-139');

const EXPECTED_IDS = [
  'notice',
  'preamble',
  '1.1',
  '1.2',
  '1.3',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5',
  '3.1.1',
  '3.1.2',
  '3.1.3',
  '3.1.4',
  ...Array.from({ length: 10 }, (_, i) => `3.2.${i + 1}`),
  '3.3.1',
  '3.3.2',
  '3.3.3',
  '3.3.4',
  '3.4',
  '4',
  '4.1',
  '4.2',
  '4.3',
  '5.1',
  '5.2',
  '5.3',
  '5.4',
  '5.5',
];

describe('parsePlan', () => {
  it('should find exactly the 38 clauses of the clause-ID table, in order', () => {
    expect(clauses.map((c) => c.id)).toEqual(EXPECTED_IDS);
    expect(clauses).toHaveLength(38);
  });

  it('should keep every clause text verbatim from the source', () => {
    const source = stripArtefacts(seed);
    for (const c of clauses) {
      expect(c.text.length, c.id).toBeGreaterThan(0);
      expect(source.includes(c.text), c.id).toBe(true);
      expect(c.text).toBe(c.text.trim());
    }
  });

  it('should drop conversion artefacts such as [bookmark: _GoBack]', () => {
    const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
    expect(stripArtefacts(fixture('artefacts.txt'))).toBe(fixture('artefacts.expected.txt'));
    // The shipped text with the artefact where the original document has it parses to the same clauses.
    const raw = seed.replace('深入贯彻党的十九大精神', '[bookmark: _GoBack]深入贯彻党的十九大精神');
    expect(raw).not.toBe(seed);
    const fromRaw = parsePlan(raw, 'x');
    expect(fromRaw.map((c) => c.text)).toEqual(clauses.map((c) => c.text));
    expect(fromRaw.find((c) => c.id === '1.1')?.text.startsWith('深入贯彻党的十九大精神')).toBe(true);
    expect(fromRaw.some((c) => c.text.includes('[bookmark'))).toBe(false);
  });

  it('should give labels, titles and paths as the clause-ID table shows them', () => {
    const byId = new Map(clauses.map((c) => [c.id, c]));
    expect(byId.get('3.1.4')).toMatchObject({ label: '三（一）4', title: '', path: '组建和运行 › 基本条件' });
    expect(byId.get('4.1')).toMatchObject({ label: '四（一）', title: '方案编制', path: '组织实施' });
    expect(byId.get('2.1')).toMatchObject({ label: '二（一）', title: '开展产业共性、关键技术研发', path: '具体任务' });
    expect(byId.get('3.2.10')).toMatchObject({ label: '三（二）10', path: '组建和运行 › 运行要求' });
    expect(byId.get('3.3.1')?.path).toBe('组建和运行 › 牵头单位要求');
    expect(byId.get('4')?.label).toBe('四');
    expect(byId.get('4')?.text.startsWith('市经济信息委是重庆市制造业创新中心建设工程的牵头实施单位')).toBe(true);
    expect(byId.get('notice')?.label).toBe('印发通知');
    expect(byId.get('preamble')?.label).toBe('方案前言');
  });

  it('should start each numbered item after its number and keep no heading line in a text', () => {
    const byId = new Map(clauses.map((c) => [c.id, c]));
    expect(byId.get('3.1.4')?.text.startsWith('创新中心成员单位通过资金')).toBe(true);
    expect(byId.get('3.2.7')?.text).toBe('创新中心的年度研发费用总额占成本费用支出总额的比例应不低于30%。');
    for (const c of clauses) expect(c.text, c.id).not.toMatch(/^([一二三四五]、|（[一二三四五]）|\d+\.)/);
  });

  it('should span the notice from the issuer line to （此件公开发布） and keep the preamble one paragraph', () => {
    const byId = new Map(clauses.map((c) => [c.id, c]));
    const notice = byId.get('notice')?.text ?? '';
    expect(notice.startsWith('重庆市经济和信息化委员会')).toBe(true);
    expect(notice.endsWith('（此件公开发布）')).toBe(true);
    expect(notice).toContain('2017年12月5日');
    const preamble = byId.get('preamble')?.text ?? '';
    expect(preamble.startsWith('为加快推进我市制造业创新中心建设')).toBe(true);
    expect(preamble).not.toContain('\n');
    expect(preamble).not.toContain('总体要求');
  });
});

describe('loadKnowledge', () => {
  it('should load the shipped knowledge folder with one document and 38 clauses', () => {
    const kb = loadKnowledge();
    expect(kb.documents).toHaveLength(1);
    expect(kb.documents[0]?.number).toBe('渝经信发〔2017〕139号');
    expect(kb.clauses).toHaveLength(38);
    expect(kb.clause('3.2.6')?.label).toBe('三（二）6');
    expect(kb.clause('yjxf-2017-139/3.2.6')?.label).toBe('三（二）6');
    expect(kb.clause('9.9')).toBeUndefined();
  });
});
