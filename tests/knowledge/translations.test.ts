/**
 * The English reading of the plan (`knowledge/yjxf-2017-139.en.json`): complete, sentence for
 * sentence, every figure of the original kept, and checked at load.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseNumeral } from '../../src/figures/index.ts';
import { KnowledgeError } from '../../src/index.ts';
import { loadKnowledge } from '../../src/knowledge-base/index.ts';
import { sentences } from '../../src/qa/reply-en.ts';

const shipped = fileURLToPath(new URL('../../knowledge/', import.meta.url));
const FILE = 'yjxf-2017-139.en.json';
const kb = loadKnowledge();

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/**
 * The figures of a Chinese text and how an English reading may write each: dates (2017年12月5日 →
 * 5 December 2017), sums in 万元/亿元 (1000万元 → RMB 10 million), percentages, Arabic numbers and
 * ranges (10-15, 2016-2020), and Chinese numerals counting years, items or congresses (三年 → three
 * years, 十九大 → 19th).
 */
function figuresOf(text: string): { figure: string; forms: RegExp[] }[] {
  const out: { figure: string; forms: RegExp[] }[] = [];
  let rest = text.replace(/(\d{4})年(\d{1,2})月(\d{1,2})日/g, (figure, y, mo, d) => {
    out.push({ figure, forms: [new RegExp(`\\b${d} ${MONTHS[Number(mo) - 1]} ${y}\\b`)] });
    return ' ';
  });
  rest = rest.replace(/(\d+(?:\.\d+)?)(万|亿)元/g, (figure, n, unit) => {
    const yuan = Number(n) * (unit === '万' ? 1e4 : 1e8);
    const million = yuan / 1e6;
    out.push({
      figure,
      forms: [new RegExp(`RMB ${million} million\\b`), new RegExp(`RMB ${yuan.toLocaleString('en-US')}\\b`)],
    });
    return ' ';
  });
  rest = rest.replace(/\d+(?:\.\d+)?%/g, (figure) => {
    out.push({ figure, forms: [new RegExp(`(?<![\\d.])${figure.replace('.', '\\.')}`)] });
    return ' ';
  });
  rest = rest.replace(/\d+(?:-\d+)?/g, (figure) => {
    out.push({ figure, forms: [new RegExp(`(?<![\\d-])${figure}(?![\\d-])`)] });
    return ' ';
  });
  for (const m of rest.matchAll(/[一二两三四五六七八九十]+(?=年|个|家|次|大)/g)) {
    const n = parseNumeral(m[0]);
    if (n === undefined) continue;
    const forms = [new RegExp(`\\b${n}(st|nd|rd|th)?\\b`)];
    if (WORDS[n]) forms.push(new RegExp(`\\b${WORDS[n]}\\b`, 'i'));
    out.push({ figure: m[0], forms });
  }
  return out;
}

describe('the English reading of the plan', () => {
  it('should give every clause of the plan an English reading, path and title', () => {
    expect(kb.clauses).toHaveLength(38);
    for (const c of kb.clauses) {
      const r = kb.reading(c, 'en');
      expect(r?.text, c.id).toBeTruthy();
      expect(Boolean(r?.path), c.id).toBe(Boolean(c.path));
      expect(Boolean(r?.title), c.id).toBe(Boolean(c.title));
    }
    expect(kb.reading(kb.clause('3.1.4') as never, 'en')?.path).toBe('Formation and operation › Basic conditions');
    expect(kb.reading(kb.clause('1.1') as never, 'en')?.path).toBe('General requirements');
  });

  it('should keep every figure of each clause in its reading', () => {
    for (const c of kb.clauses) {
      const reading = kb.reading(c, 'en')?.text ?? '';
      for (const { figure, forms } of figuresOf(c.text)) {
        expect(
          forms.some((f) => f.test(reading)),
          `${c.id}: ${figure} is not in the reading`,
        ).toBe(true);
      }
    }
  });

  it('should read each clause sentence for sentence, so a lead finds its sentence', () => {
    for (const c of kb.clauses) {
      expect(sentences(kb.reading(c, 'en')?.text ?? '').length, c.id).toBe(sentences(c.text).length);
    }
  });

  it('should mark the file as an unofficial translation', () => {
    const data = JSON.parse(readFileSync(join(shipped, FILE), 'utf8'));
    expect(data.note).toMatch(/unofficial/i);
  });
});

describe('checking a reading at load', () => {
  const withReading = (
    change: (data: { clauses: Record<string, unknown>; sections: Record<string, string> }) => void,
  ) => {
    const dir = mkdtempSync(join(tmpdir(), 'mic-reading-'));
    cpSync(shipped, dir, { recursive: true });
    const file = join(dir, FILE);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    change(data);
    writeFileSync(file, JSON.stringify(data));
    return dir;
  };

  it('should stop the start naming the file and the clause that has no reading', () => {
    const dir = withReading((d) => {
      delete d.clauses['3.1.4'];
    });
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
    expect(() => loadKnowledge(dir)).toThrow(
      /yjxf-2017-139\.en\.json: clauses\.3\.1\.4: clause 3\.1\.4 has no en reading/,
    );
  });

  it('should reject a reading of a clause or heading the plan does not have', () => {
    const clause = withReading((d) => {
      d.clauses['9.9'] = { text: 'No such clause.' };
    });
    expect(() => loadKnowledge(clause)).toThrow(/yjxf-2017-139\.en\.json: clauses\.9\.9: clause 9\.9 does not exist/);
    const heading = withReading((d) => {
      d.sections['3.9'] = 'No such heading';
    });
    expect(() => loadKnowledge(heading)).toThrow(/yjxf-2017-139\.en\.json: sections\.3\.9/);
  });

  it('should reject a clause reading without the title the original has', () => {
    const dir = withReading((d) => {
      d.clauses['4.1'] = { text: 'Text only.' };
    });
    expect(() => loadKnowledge(dir)).toThrow(/clauses\.4\.1\.title/);
  });
});
