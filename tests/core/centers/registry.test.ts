import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCenter, importSeedOnce, listCenters, verifiedFields } from '../../../src/centers/index.ts';
import { BotError, KnowledgeError, StateError } from '../../../src/errors.ts';
import { MemoryStore } from '../../../src/state/index.ts';

function seedDir(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'mic-seed-'));
  writeFileSync(join(dir, 'centers.seed.json'), typeof content === 'string' ? content : JSON.stringify(content));
  return dir;
}

const base = { recognized: '2025-01-15', registeredBy: 'telegram:42' };

describe('centers registry', () => {
  it('should add a center with defaults and list it back', async () => {
    const store = new MemoryStore();
    const c = await addCenter(store, { ...base, name: '重庆市集成电路创新中心', field: '集成电路' });
    expect(c).toMatchObject({
      name: '重庆市集成电路创新中心',
      district: '',
      field: '集成电路',
      status: 'recognised',
      recognized: '2025-01-15',
      chats: [],
      verified: false,
      paused: false,
      registeredBy: 'telegram:42',
    });
    expect(c.id).toMatch(/^c-[0-9a-f]{12}$/);
    expect(await store.get(`center:${c.id}`)).toEqual(c);
    expect(await listCenters(store)).toEqual([c]);
  });

  it('should refuse the same center twice and an invalid input, naming the field', async () => {
    const store = new MemoryStore();
    await addCenter(store, { ...base, name: '甲中心' });
    await expect(addCenter(store, { ...base, name: ' 甲中心 ' })).rejects.toThrow(/already registered/);
    await expect(addCenter(store, { ...base, name: '乙中心', recognized: '2025-13-40' })).rejects.toThrow(/recognized/);
    await expect(addCenter(store, { ...base, name: '丙中心', chats: ['irc:#x'] })).rejects.toBeInstanceOf(BotError);
  });

  it('should count only verified centers’ fields for 五（二）', async () => {
    const store = new MemoryStore();
    await addCenter(store, { ...base, name: 'A', field: '集成电路', verified: true });
    await addCenter(store, { ...base, name: 'B', field: '物联网', verified: false });
    await addCenter(store, { ...base, name: 'C', field: '集成电路', verified: true, status: 'pilot' });
    await addCenter(store, { ...base, name: 'D', verified: true });
    expect(await verifiedFields(store)).toEqual(['集成电路']);
  });

  it('should report a stored record that does not validate as state_corrupt', async () => {
    const store = new MemoryStore();
    await store.set('center:bad', { id: 'bad', name: 42 });
    const error = await listCenters(store).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateError);
    expect((error as StateError).code).toBe('state_corrupt');
  });

  it('should import the seed file once, verified by default, keeping what is already there', async () => {
    const store = new MemoryStore();
    const dir = seedDir({
      version: 1,
      centers: [
        { name: '种子中心', field: '生物医药', recognized: '2024-06-01', chats: ['telegram:-100'] },
        { name: '试点中心', field: '物联网', recognized: '2024-06-01', status: 'pilot', verified: false },
      ],
    });
    expect(await importSeedOnce(store, dir)).toBe(2);
    expect(await importSeedOnce(store, dir)).toBe(0);
    const centers = await listCenters(store);
    expect(centers.map((c) => [c.name, c.verified, c.registeredBy])).toEqual([
      ['种子中心', true, 'seed'],
      ['试点中心', false, 'seed'],
    ]);
    expect(await verifiedFields(store)).toEqual(['生物医药']);
  });

  it('should import nothing when the seed file is absent, and reject a malformed one naming the file', async () => {
    const store = new MemoryStore();
    expect(await importSeedOnce(store, mkdtempSync(join(tmpdir(), 'mic-noseed-')))).toBe(0);
    await expect(importSeedOnce(store, seedDir('{'))).rejects.toThrow(/centers\.seed\.json: not valid JSON/);
    const bad = seedDir({ version: 1, centers: [{ name: 'x' }] });
    await expect(importSeedOnce(store, bad)).rejects.toBeInstanceOf(KnowledgeError);
    await expect(importSeedOnce(store, bad)).rejects.toThrow(/centers\.seed\.json: centers\.0\.recognized/);
  });

  it('should ship an empty seed file', async () => {
    const store = new MemoryStore();
    expect(await importSeedOnce(store)).toBe(0);
    expect(await listCenters(store)).toEqual([]);
  });
});
