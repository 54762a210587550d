import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../src/errors.ts';
import { DEFAULT_KNOWLEDGE_DIR, lexicon, loadLexicon } from '../../src/knowledge-base/index.ts';
import { normalize } from '../../src/qa/index.ts';

function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mic-lexicon-'));
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

describe('knowledge/lexicon.json', () => {
  it('should hold the function words, dialect forms and the vocabulary of the kinds of detail', () => {
    const lex = lexicon();
    expect(lex.functionWords.zh).toContain('请问');
    expect(lex.dialect.map((d) => d.word)).toContain('啷个');
    expect(lex.detail.contact).toContain('联系方式');
  });

  it('should read a dialect form as its standard word, in the contexts the lexicon gives', () => {
    expect(normalize('啷个申请')).toBe('怎么申请');
    expect(normalize('给好多钱？')).toBe('给多少钱?');
    // 好多 before a noun means "many".
    expect(normalize('好多企业')).toBe('好多企业');
    expect(normalize('哪个来评')).toBe('谁来评');
  });

  it('should reject a malformed lexicon, naming the file and field', () => {
    const dir = copyKnowledge();
    const file = JSON.parse(readFileSync(join(dir, 'lexicon.json'), 'utf8'));
    file.functionWords.zh = [];
    writeFileSync(join(dir, 'lexicon.json'), JSON.stringify(file));
    expect(() => loadLexicon(dir)).toThrow(KnowledgeError);
    expect(() => loadLexicon(dir)).toThrow(/lexicon\.json: functionWords\.zh/);
  });
});
