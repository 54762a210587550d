import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readQuestionSet } from '../bench/question-set.ts';
import { knowledge } from '../helpers/conversation.ts';

const dir = fileURLToPath(new URL('../qa/', import.meta.url));
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.jsonl'));

describe('the project question sets', () => {
  const ids = new Set(knowledge().clauses.map((c) => c.id));

  it('should find the sets', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s should fit the line format, with unique ids and gold clauses that exist', (file) => {
    const items = readQuestionSet(join(dir, file));
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const item of items) {
      for (const id of item.gold) expect(ids.has(id), `${item.id}: ${id}`).toBe(true);
      // Out of scope means the plan answers nothing; in scope means it answers something.
      expect(item.gold.length === 0, item.id).toBe(item.type === 'oos' || item.type === 'oos_near');
    }
  });
});
