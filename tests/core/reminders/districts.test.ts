import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../src/errors.ts';
import { loadDistricts } from '../../../src/reminders/districts.ts';

describe('districts', () => {
  const districts = loadDistricts();

  it('should list the 38 districts and counties of Chongqing, plus the functional areas', () => {
    expect(districts.all.filter((d) => /[区县]$/.test(d.name)).length).toBeGreaterThanOrEqual(38);
    expect(new Set(districts.all.map((d) => d.name)).size).toBe(districts.all.length);
  });

  it.each([
    ['渝北区', '渝北区'],
    ['渝北', '渝北区'],
    ['重庆市渝北区', '渝北区'],
    ['Yubei', '渝北区'],
    ['yubei district', '渝北区'],
    ['石柱', '石柱土家族自治县'],
    ['忠县', '忠县'],
    ['两江新区', '两江新区'],
  ])('should read %s as %s', (text, name) => {
    expect(districts.match(text)?.name).toBe(name);
  });

  it('should not read an unknown place or an empty text', () => {
    expect(districts.match('成都市')).toBeUndefined();
    expect(districts.match('')).toBeUndefined();
    expect(districts.match('区')).toBeUndefined();
  });

  it('should reject a malformed file naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mic-districts-'));
    writeFileSync(join(dir, 'districts.json'), JSON.stringify({ version: 1, source: '', districts: [] }));
    expect(() => loadDistricts(dir)).toThrow(KnowledgeError);
    expect(() => loadDistricts(dir)).toThrow(/districts\.json: districts/);
  });
});
