import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCriteria, questionsForJson } from '../../../src/eligibility/criteria.ts';
import { eligibilityEn, eligibilityZhCN } from '../../../src/eligibility/messages.ts';
import { KnowledgeError } from '../../../src/errors.ts';
import { knowledge } from '../../helpers/conversation.ts';

const shipped = fileURLToPath(new URL('../../../knowledge/', import.meta.url));

/** A copy of the knowledge folder whose eligibility.json was changed by `edit`. */
function withEdited(edit: (data: { criteria: Record<string, unknown>[] }) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'mic-elig-'));
  cpSync(shipped, dir, { recursive: true });
  const file = join(dir, 'eligibility.json');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  edit(data);
  writeFileSync(file, JSON.stringify(data));
  return dir;
}

const SUBJECT_WORDS = { center: '创新中心', 'backing-company': '依托', alliance: '联盟', 'lead-unit': '牵头单位' };

describe('eligibility criteria', () => {
  const kb = knowledge();
  const criteria = loadCriteria(kb);

  it('should hold the conditions of issue 8 in the plan’s order, required and advisory as listed', () => {
    expect(criteria.map((c) => `${c.id}:${c.severity}`)).toEqual([
      '3.1.1:required',
      '3.1.2-legal-person:required',
      '3.1.2-capital:required',
      '3.1.2-shareholders:required',
      '3.1.3:required',
      '3.1.4:required',
      '3.2.1:required',
      '3.2.5:required',
      '3.2.6:required',
      '3.2.7:required',
      '3.2.8:required',
      '3.2.9:required',
      '3.2.10:required',
      '3.3.1:advisory',
      '3.3.2:advisory',
      '3.3.3:advisory',
      '3.3.4:advisory',
      '3.4:advisory',
      '5.2:advisory',
    ]);
  });

  it('should cite only clauses that exist in the plan', () => {
    for (const c of criteria) expect(kb.clause(c.clause), c.id).toBeDefined();
  });

  it('should keep the plan’s thresholds as data', () => {
    const byId = new Map(criteria.map((c) => [c.id, c]));
    expect(byId.get('3.1.4')).toMatchObject({ type: 'amount', threshold: 10_000_000 });
    expect(byId.get('3.2.6')).toMatchObject({ type: 'ratio', threshold: 30 });
    expect(byId.get('3.2.7')).toMatchObject({ type: 'ratio', threshold: 30 });
    expect(byId.get('3.1.3')).toMatchObject({
      type: 'multichoice',
      required: ['users-enterprises', 'research-institutes', 'universities', 'platforms'],
    });
  });

  it('should name each question’s subject in its prompt', () => {
    for (const c of criteria) expect(c.prompt['zh-CN'], c.id).toContain(SUBJECT_WORDS[c.subject]);
  });

  it('should give advice holding no figure the plan’s clause does not hold', () => {
    for (const c of criteria) {
      const clauseText = kb.clause(c.clause)?.text ?? '';
      // Clause citations such as （三（一）4） are references, not figures.
      const advice = c.advice['zh-CN'].replace(/（[一二三四五六七八九十]+（[一二三四五六七八九十]+）\d*）/g, '');
      for (const figure of advice.match(/\d+(\.\d+)?/g) ?? [])
        expect(clauseText, `${c.id}: ${figure}`).toContain(figure);
    }
  });

  it('should offer the 14 priority fields of 三（四） verbatim, the four transformation areas and 其他', () => {
    const field = criteria.find((c) => c.id === '3.4');
    if (field?.type !== 'field') throw new Error('3.4 is a field question');
    const text = kb.clause('3.4')?.text ?? '';
    const listed = field.options.filter((o) => o.listed).map((o) => o.value);
    expect(listed).toHaveLength(18);
    for (const v of listed) expect(text, v).toContain(v);
    expect(field.options.at(-1)).toMatchObject({ value: '其他', listed: false });
    const fiveTwo = criteria.find((c) => c.id === '5.2');
    expect(fiveTwo).toMatchObject({ type: 'field', answerFrom: '3.4', options: field.options });
  });

  it('should print the questions with exactly the spec’s fields', () => {
    const questions = questionsForJson(criteria);
    expect(questions).toHaveLength(criteria.length);
    for (const q of questions) {
      const keys = Object.keys(q).sort();
      const choice = q.type === 'field' || q.type === 'multichoice';
      expect(keys).toEqual(
        ['clause', 'id', 'prompt', 'severity', 'subject', 'type', ...(choice ? ['options'] : [])].sort(),
      );
      for (const o of q.options ?? []) expect(Object.keys(o).sort()).toEqual(['label', 'value']);
    }
  });

  it('should quote the plan verbatim in the zh-CN next steps, and translate each one', () => {
    expect(eligibilityZhCN.nextSteps.map((s) => s.clause)).toEqual(['4.1', '4.2', '4.3']);
    eligibilityZhCN.nextSteps.forEach((step, i) => {
      const text = kb.clause(step.clause)?.text ?? '';
      expect(step.title).toBe(kb.clause(step.clause)?.title);
      for (const point of step.points) expect(text).toContain(point);
      expect(eligibilityEn.nextSteps[i]?.clause).toBe(step.clause);
      expect(eligibilityEn.nextSteps[i]?.points).toHaveLength(step.points.length);
    });
  });

  it('should reject a criterion citing a clause the plan does not have, naming the file and field', () => {
    const dir = withEdited((d) => {
      Object.assign(d.criteria[0] ?? {}, { id: '9.9', clause: '9.9' });
    });
    expect(() => loadCriteria(kb, dir)).toThrow(KnowledgeError);
    expect(() => loadCriteria(kb, dir)).toThrow(/eligibility\.json: criteria\.0\.clause: clause 9\.9/);
    try {
      loadCriteria(kb, dir);
    } catch (e) {
      expect((e as KnowledgeError).code).toBe('knowledge_clause_missing');
    }
  });

  it('should reject a malformed criterion with the file and field named', () => {
    const dir = withEdited((d) => {
      const third = d.criteria[2] as { prompt: Record<string, unknown> };
      delete third.prompt.en;
    });
    expect(() => loadCriteria(kb, dir)).toThrow(/eligibility\.json: criteria\.2\.prompt\.en/);
  });

  it('should reject one word naming two options', () => {
    const dir = withEdited((d) => {
      const field = d.criteria.find((c) => c.id === '3.4') as { options: { synonyms: string[] }[] };
      field.options[1]?.synonyms.push('芯片');
    });
    expect(() => loadCriteria(kb, dir)).toThrow(/"芯片" names both 轻量化材料及成型技术与装备 and 集成电路/);
  });

  it('should reject an id that does not belong to its clause, and a duplicate id', () => {
    const wrongId = withEdited((d) => {
      Object.assign(d.criteria[0] ?? {}, { id: '3.1.2' });
    });
    expect(() => loadCriteria(kb, wrongId)).toThrow(/criteria\.0\.id/);
    const twice = withEdited((d) => {
      Object.assign(d.criteria[1] ?? {}, { id: '3.1.1', clause: '3.1.1' });
    });
    expect(() => loadCriteria(kb, twice)).toThrow(/"3\.1\.1" appears twice/);
  });

  it('should reject a missing or unreadable file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mic-elig-empty-'));
    expect(() => loadCriteria(kb, dir)).toThrow(/eligibility\.json: cannot read/);
  });
});
