import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/index.ts';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../../src/knowledge-base/index.ts';

const shipped = fileURLToPath(new URL('../../knowledge/', import.meta.url));

function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mic-kb-'));
  cpSync(shipped, dir, { recursive: true });
  return dir;
}

describe('knowledge integrity', () => {
  it('should keep example questions for every clause, each citing a clause that exists', () => {
    const kb = loadKnowledge();
    for (const c of kb.clauses) {
      const ex = kb.examples.get(`${c.doc}/${c.id}`);
      expect(ex?.answered.length ?? 0, c.id).toBeGreaterThanOrEqual(5);
    }
  });

  it('should ship the plan text without conversion artefacts', () => {
    const kept = readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'yjxf-2017-139.txt'), 'utf8');
    expect(kept).not.toMatch(/\[bookmark:/);
    expect(kept).toContain('渝经信发〔2017〕139号');
  });

  it('should reject an example that cites a clause the plan does not have, naming the file', () => {
    const dir = copyKnowledge();
    const file = join(dir, 'examples.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.clauses['9.9'] = { answered: ['x'], unanswered: [] };
    writeFileSync(file, JSON.stringify(data));
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
    expect(() => loadKnowledge(dir)).toThrow(/examples\.json/);
  });

  it('should reject an "other programme" that the plan itself names', () => {
    const dir = copyKnowledge();
    writeFileSync(join(dir, 'other-programmes.json'), JSON.stringify({ version: 1, programmes: ['产业技术创新联盟'] }));
    expect(() => loadKnowledge(dir)).toThrow(/other-programmes\.json: 产业技术创新联盟 is named by clause 2\.4/);
  });

  it('should reject an uncovered topic that the plan itself names', () => {
    const dir = copyKnowledge();
    const file = { version: 1, programmes: [], uncoveredTopics: ['税收', '专项支持'] };
    writeFileSync(join(dir, 'other-programmes.json'), JSON.stringify(file));
    expect(() => loadKnowledge(dir)).toThrow(/other-programmes\.json: 专项支持 is named by clause/);
  });

  it('should reject an English name that the plan’s English reading uses for its own programme', () => {
    const dir = copyKnowledge();
    // The reading calls the plan's alliances "industrial technology innovation alliances".
    const file = {
      version: 1,
      programmes: [],
      en: { programmes: ['little giant', 'industrial technology innovation alliance'] },
    };
    writeFileSync(join(dir, 'other-programmes.json'), JSON.stringify(file));
    expect(() => loadKnowledge(dir)).toThrow(
      /other-programmes\.json: en industrial technology innovation alliance is used by the plan's English reading/,
    );
  });

  it('should reject a malformed glossary with the file and field named', () => {
    const dir = copyKnowledge();
    writeFileSync(join(dir, 'glossary.json'), JSON.stringify({ version: 1, groups: [{ zh: [] }] }));
    expect(() => loadKnowledge(dir)).toThrow(/glossary\.json: groups\.0\.zh/);
  });

  it('should reject a glossary term listed in two groups, naming where', () => {
    const dir = copyKnowledge();
    const groups = [
      { id: 'funding', zh: ['资金', '钱'] },
      { id: 'subsidies', zh: ['专项支持', '钱'] },
    ];
    writeFileSync(join(dir, 'glossary.json'), JSON.stringify({ version: 1, groups }));
    expect(() => loadKnowledge(dir)).toThrow(/glossary\.json: groups\.1\.zh\.1.*钱.*group 0/s);
  });

  it('should require every glossary group to have an id of its own, naming where', () => {
    const dir = copyKnowledge();
    const write = (groups: unknown) =>
      writeFileSync(join(dir, 'glossary.json'), JSON.stringify({ version: 1, groups }));
    write([{ zh: ['资金'] }]);
    expect(() => loadKnowledge(dir)).toThrow(/glossary\.json: groups\.0\.id/);
    write([
      { id: 'funding', zh: ['资金'] },
      { id: 'funding', zh: ['专项支持'] },
    ]);
    expect(() => loadKnowledge(dir)).toThrow(/glossary\.json: groups\.1\.id.*funding.*group 0/s);
  });

  it('should reject a lone character in two groups, or one that is not a single Chinese character', () => {
    const dir = copyKnowledge();
    const write = (groups: unknown) =>
      writeFileSync(join(dir, 'glossary.json'), JSON.stringify({ version: 1, groups }));
    write([
      { id: 'funding', zh: ['资金'], alone: ['投'] },
      { id: 'vote', zh: ['投票'], alone: ['投'] },
    ]);
    expect(() => loadKnowledge(dir)).toThrow(/glossary\.json: groups\.1\.alone\.0.*投.*group 0/s);
    write([{ id: 'funding', zh: ['资金'], alone: ['投入'] }]);
    expect(() => loadKnowledge(dir)).toThrow(/glossary\.json: groups\.0\.alone\.0.*one Chinese character/s);
  });

  it('should reject a plan text that no longer parses into the expected number of clauses', () => {
    const dir = copyKnowledge();
    const file = join(dir, 'yjxf-2017-139.txt');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('（五）加大宣传力度。', '')
        .replace(/结合制造业创新中心的创建.*\n/, ''),
    );
    expect(() => loadKnowledge(dir)).toThrow(/parsed 37 clauses/);
  });

  it('should load a second document of the same shape without code changes and cite it by doc', () => {
    const dir = copyKnowledge();
    cpSync(join(dir, 'yjxf-2017-139.txt'), join(dir, 'copy.txt'));
    const docs = JSON.parse(readFileSync(join(dir, 'documents.json'), 'utf8'));
    docs.documents.push({ ...docs.documents[0], id: 'copy-doc', file: 'copy.txt', number: '测试〔2099〕1号' });
    writeFileSync(join(dir, 'documents.json'), JSON.stringify(docs));
    const kb = loadKnowledge(dir);
    expect(kb.clauses).toHaveLength(76);
    expect(kb.clause('copy-doc/3.2.6')?.doc).toBe('copy-doc');
    expect(kb.clause('3.2.6')?.doc).toBe('yjxf-2017-139');
  });
});
