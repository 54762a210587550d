import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { itemNumber, readSetLines, splitHalves } from '../bench/question-set.ts';
import { knowledge } from '../helpers/conversation.ts';

const dir = fileURLToPath(new URL('../qa/', import.meta.url));
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.jsonl'));

describe('the project question sets', () => {
  const ids = new Set(knowledge().clauses.map((c) => c.id));

  it('should find the sets', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s should fit a line format, with unique ids and clauses that exist', (file) => {
    const { lines } = readSetLines(join(dir, file));
    const items = lines.map((l) => l.item);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const exist = (list: string[], id: string) => {
      for (const clause of list) expect(ids.has(clause), `${id}: ${clause}`).toBe(true);
    };
    for (const line of lines) {
      if (line.shape === 'question') {
        const item = line.item;
        exist(item.gold, item.id);
        // Out of scope means the plan answers nothing; in scope means it answers something.
        expect(item.gold.length === 0, item.id).toBe(item.type === 'oos' || item.type === 'oos_near');
      } else if (line.shape === 'broad') {
        exist(line.item.presented, line.item.id);
      } else {
        for (const turn of line.item.turns) exist(turn.gold, line.item.id);
      }
    }
  });

  it('should split a set into halves by the last number of an id', () => {
    expect(itemNumber('m7-006')).toBe(6);
    expect(itemNumber('q013')).toBe(13);
    expect(itemNumber('x')).toBe(0);
    const { tune, check } = splitHalves(['m7-001', 'm7-002', 'm7-003', 'm7-004'].map((id) => ({ id })));
    expect(tune.map((i) => i.id)).toEqual(['m7-001', 'm7-003']);
    expect(check.map((i) => i.id)).toEqual(['m7-002', 'm7-004']);
  });
});
