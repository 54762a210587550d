import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../src/index.ts';
import { DEFAULT_KNOWLEDGE_DIR } from '../../../src/knowledge-base/index.ts';
import { loadDuties } from '../../../src/reminders/index.ts';
import { knowledge } from '../../helpers/conversation.ts';

/** A copy of the knowledge folder whose duties.json `edit` changed. */
function editedDuties(edit: (data: { doc?: string; duties: Record<string, unknown>[] }) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'mic-duties-'));
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  const file = join(dir, 'duties.json');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  edit(data);
  writeFileSync(file, JSON.stringify(data));
  return dir;
}

describe('duties', () => {
  it('should load the three duties, each citing the clause it comes from', () => {
    const duties = loadDuties(knowledge());
    expect(duties.map((d) => [d.id, d.clause, d.kind, d.statuses])).toEqual([
      ['annual-summary', '4.3', 'task', ['recognised', 'pilot']],
      ['evaluation', '4.3', 'notice', ['recognised', 'pilot']],
      ['support-ends', '4.2', 'notice', ['recognised']],
    ]);
  });

  it('should name the document each duty comes from, and refuse one that is not listed with its text', () => {
    expect(new Set(loadDuties(knowledge()).map((d) => d.doc))).toEqual(new Set(['yjxf-2017-139']));
    const unknown = editedDuties((data) => {
      data.doc = 'no-such-document';
    });
    expect(() => loadDuties(knowledge(), unknown)).toThrow(/duties\.json: duties\.0\.doc: "no-such-document"/);
  });

  it('should say the plan gives no date and the date is this system’s setting', () => {
    for (const d of loadDuties(knowledge())) {
      expect(d.dateSource['zh-CN'], d.id).toContain('本系统');
      expect(d.dateSource['zh-CN'], d.id).toContain('以主管部门通知为准');
      expect(d.dateSource.en, d.id).toContain("commission's notice prevails");
    }
  });

  it('should tell support-ends readers what 四（三） says about support after the evaluation', () => {
    const support = loadDuties(knowledge()).find((d) => d.id === 'support-ends');
    const plan43 = knowledge().clause('4.3')?.text ?? '';
    expect(plan43).toContain('三年内不再纳入创新中心支持范围');
    expect(support?.message['zh-CN']).toContain('前三年连续给予专项支持');
    expect(support?.message['zh-CN']).toContain('考核评估合格的，对其创新项目给予专项支持');
    expect(support?.message['zh-CN']).toContain('三年内不再纳入创新中心支持范围');
  });

  it('should reject a duty citing a clause the plan does not have, naming the file', () => {
    const dir = editedDuties((data) => {
      (data.duties[0] as { clause: string }).clause = '9.9';
    });
    expect(() => loadDuties(knowledge(), dir)).toThrow(KnowledgeError);
    expect(() => loadDuties(knowledge(), dir)).toThrow(/duties\.json: duties\.0\.clause: 9\.9/);
    try {
      loadDuties(knowledge(), dir);
    } catch (error) {
      expect((error as KnowledgeError).code).toBe('knowledge_clause_missing');
    }
  });

  it('should reject an unknown duty, a duty twice and overdue reminders on a notice', () => {
    const unknown = editedDuties((data) => {
      (data.duties[0] as { id: string }).id = 'tax-return';
    });
    expect(() => loadDuties(knowledge(), unknown)).toThrow(/duties\.json: duties\.0\.id/);
    const twice = editedDuties((data) => {
      data.duties.push(data.duties[0] as Record<string, unknown>);
    });
    expect(() => loadDuties(knowledge(), twice)).toThrow(/appears twice/);
    const overdueNotice = editedDuties((data) => {
      (data.duties[1] as { overdue: boolean }).overdue = true;
    });
    expect(() => loadDuties(knowledge(), overdueNotice)).toThrow(/only a task has overdue reminders/);
  });
});
