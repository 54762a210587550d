import { describe, expect, it } from 'vitest';
import {
  addCenter,
  bindChat,
  centersOfChat,
  findCenterByName,
  listCenters,
  normalizeCenterName,
  readCenter,
  unbindChat,
} from '../../../src/centers/index.ts';
import { StateError } from '../../../src/errors.ts';
import { MemoryStore } from '../../../src/state/index.ts';

const base = { recognized: '2024-03-15', registeredBy: 'telegram:42' };

describe('centers registry: names and chats', () => {
  it('should compare names ignoring width, white space and case', () => {
    expect(normalizeCenterName(' 重庆市 ＡＢＣ 创新中心 ')).toBe(normalizeCenterName('重庆市abc创新中心'));
  });

  it('should find a center by a differently typed name, also one registered under an explicit id', async () => {
    const store = new MemoryStore();
    const a = await addCenter(store, { ...base, name: '重庆市ABC创新中心' });
    const b = await addCenter(store, { ...base, id: 'cq-ic', name: '集成电路 创新中心' });
    expect((await findCenterByName(store, '重庆市 ａｂｃ 创新中心'))?.id).toBe(a.id);
    expect((await findCenterByName(store, '集成电路创新中心'))?.id).toBe(b.id);
    expect(await findCenterByName(store, '没有的中心')).toBeUndefined();
    expect(await findCenterByName(store, '  ')).toBeUndefined();
  });

  it('should bind a chat once, list the chat’s centers, and unbind it', async () => {
    const store = new MemoryStore();
    const a = await addCenter(store, { ...base, name: 'A', chats: ['telegram:1'] });
    await addCenter(store, { ...base, name: 'B' });
    expect((await bindChat(store, a.id, 'slack:C1'))?.changed).toBe(true);
    expect((await bindChat(store, a.id, 'slack:C1'))?.changed).toBe(false);
    expect((await readCenter(store, a.id))?.chats).toEqual(['telegram:1', 'slack:C1']);
    expect((await centersOfChat(store, 'slack:C1')).map((c) => c.name)).toEqual(['A']);
    expect((await unbindChat(store, a.id, 'slack:C1'))?.changed).toBe(true);
    expect((await unbindChat(store, a.id, 'slack:C1'))?.changed).toBe(false);
    expect(await centersOfChat(store, 'slack:C1')).toEqual([]);
    expect(await bindChat(store, 'c-missing', 'slack:C1')).toBeUndefined();
    await expect(bindChat(store, a.id, 'irc:#x')).rejects.toThrow(/chat/);
    expect((await listCenters(store)).length).toBe(2);
  });

  it('should keep registeredBy and registeredAt', async () => {
    const store = new MemoryStore();
    const c = await addCenter(store, { ...base, name: 'A', registeredAt: '2026-01-01T02:00:00.000Z' });
    expect(await readCenter(store, c.id)).toMatchObject({
      registeredBy: 'telegram:42',
      registeredAt: '2026-01-01T02:00:00.000Z',
      verified: false,
    });
  });

  it('should validate a record read back', async () => {
    const store = new MemoryStore();
    await store.set('center:bad', { id: 'bad', name: 'x', chats: 'telegram:1' });
    await expect(readCenter(store, 'bad')).rejects.toBeInstanceOf(StateError);
  });
});
