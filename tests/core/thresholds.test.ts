import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/errors.ts';
import {
  loadThresholds,
  measureStrength,
  meetsThreshold,
  namesOtherQuantity,
  readFigure,
  type Threshold,
} from '../../src/thresholds/index.ts';
import { knowledge } from '../helpers/conversation.ts';

const kb = knowledge();
const thresholds = loadThresholds(kb);
const byClause = (id: string): Threshold => {
  const t = thresholds.find((x) => x.clause === id);
  if (!t) throw new Error(id);
  return t;
};
const capital = byClause('3.1.4');
const staff = byClause('3.2.6');
const spending = byClause('3.2.7');
const shipped = fileURLToPath(new URL('../../knowledge/', import.meta.url));

describe('thresholds (shared by the self-check and the Q&A)', () => {
  it("should read the plan's thresholds and their words from eligibility.json", () => {
    expect(capital).toMatchObject({ type: 'amount', threshold: 10_000_000, doc: 'yjxf-2017-139' });
    expect(staff).toMatchObject({ type: 'ratio', threshold: 30, measure: { unit: 'people' } });
    expect(spending).toMatchObject({ type: 'ratio', threshold: 30, measure: { unit: 'yuan' } });
    if (staff.type === 'ratio') expect(staff.hints.part).toContain('科技人员');
    if (capital.type === 'amount') expect(capital.basis?.notPaidWords).toContain('认缴');
  });

  it('should read amounts paid in, and refuse subscribed ones', () => {
    expect(readFigure(capital, '实缴1200万')).toMatchObject({ kind: 'amount', value: 12_000_000, met: true });
    expect(readFigure(capital, '0.09亿')).toMatchObject({ kind: 'amount', value: 9_000_000, met: false });
    expect(readFigure(capital, '壹仟万元')).toMatchObject({ kind: 'amount', value: 10_000_000, met: true });
    expect(readFigure(capital, '认缴1200万')).toEqual({ kind: 'problem', problem: 'not_paid' });
    expect(readFigure(capital, '1200')).toEqual({ kind: 'problem', problem: 'no_unit' });
    expect(readFigure(capital, '没有数字')).toEqual({ kind: 'none' });
  });

  it('should compute shares with the part/whole hints, exactly at the boundary', () => {
    expect(readFigure(staff, '一共150个人，搞研发的40个')).toMatchObject({
      kind: 'ratio',
      value: 26.67,
      shown: 26.7,
      exact: false,
      met: false,
      from: { part: 40, whole: 150, unit: 'people' },
    });
    expect(readFigure(spending, '研发费用900万，成本费用3000万')).toMatchObject({ value: 30, exact: true, met: true });
    // 29.999 rounds to 30.00 but does not reach 30: the value shown never crosses the threshold.
    const below = readFigure(staff, '科技人员29999人，职工总数100000人');
    expect(below).toMatchObject({ kind: 'ratio', met: false });
    if (below.kind === 'ratio') expect(below.value).toBeLessThan(30);
    expect(readFigure(staff, '0.3')).toEqual({ kind: 'problem', problem: 'bare_fraction' });
    expect(readFigure(staff, '120%')).toEqual({ kind: 'problem', problem: 'over_100' });
  });

  it('should judge values as the dialog stores them', () => {
    expect(meetsThreshold(capital, 10_000_000)).toBe(true);
    expect(meetsThreshold(capital, 9_999_999)).toBe(false);
    expect(meetsThreshold(staff, 30)).toBe(true);
    expect(meetsThreshold(staff, 29.99)).toBe(false);
  });

  it('should tell which quantity a text speaks of', () => {
    expect(measureStrength(staff, '研发人员占35%')).toBeGreaterThan(measureStrength(spending, '研发人员占35%'));
    expect(measureStrength(spending, '研发费用占35%')).toBeGreaterThan(measureStrength(staff, '研发费用占35%'));
    expect(measureStrength(staff, '女职工占40%')).toBe(0);
    expect(namesOtherQuantity(staff, '研发人员中女性占40%')).toBe(true);
    expect(namesOtherQuantity(spending, '研发费用占营收的35%')).toBe(true);
    expect(measureStrength(capital, '股东凑了900万')).toBeGreaterThan(0);
    // A share computed from sums is not a share of staff.
    const sums = readFigure(staff, '研发900万，总共3000万');
    expect(measureStrength(staff, '研发900万，总共3000万', sums)).toBe(0);
  });

  it('should stop the load naming the file when a threshold is malformed or cites a missing clause', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mic-thresholds-'));
    cpSync(shipped, dir, { recursive: true });
    const file = join(dir, 'eligibility.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    const ratio = data.criteria.find((c: { id: string }) => c.id === '3.2.6');
    ratio.threshold = 130;
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadThresholds(kb, dir)).toThrow(KnowledgeError);
    expect(() => loadThresholds(kb, dir)).toThrow(/eligibility\.json: criteria\.\d+\.threshold/);
    ratio.threshold = 30;
    ratio.clause = '9.9.9';
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadThresholds(kb, dir)).toThrow(/clause 9\.9\.9 does not exist/);
  });
});
