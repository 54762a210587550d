import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../adapters/storage/index.ts';
import { addCenter } from '../../../src/centers/index.ts';
import { loadCriteria } from '../../../src/eligibility/criteria.ts';
import { evaluate, evaluationForJson } from '../../../src/eligibility/evaluate.ts';
import { ALL_MET } from '../../core/eligibility/answers.ts';
import { knowledge } from '../../helpers/conversation.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const criteria = loadCriteria(knowledge());

function freshStoreUrl(): string {
  return `sqlite://${join(mkdtempSync(join(tmpdir(), 'mic-check-')), 'bot.sqlite')}`;
}

function cli(args: string[], storeUrl = freshStoreUrl()) {
  // As `npm run cli` runs it, without npm in between; a fresh store so no real registry is read.
  return spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn', STORE_URL: storeUrl },
  });
}

function answersFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'mic-answers-')), 'answers.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

// Each test starts real processes; on a busy machine that takes seconds, not milliseconds.
describe('CLI check', { timeout: 60_000 }, () => {
  it('should print every question in dialog order with the spec’s fields', () => {
    const r = cli(['check', '--questions', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const questions = JSON.parse(r.stdout);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(questions.map((q: { id: string }) => q.id)).toEqual(criteria.map((c) => c.id));
    for (const q of questions) {
      expect(['amount', 'ratio', 'yesno', 'field', 'multichoice']).toContain(q.type);
      expect(['required', 'advisory']).toContain(q.severity);
      expect(['center', 'backing-company', 'alliance', 'lead-unit']).toContain(q.subject);
      expect(typeof q.prompt['zh-CN']).toBe('string');
      expect(typeof q.prompt.en).toBe('string');
      const choice = q.type === 'field' || q.type === 'multichoice';
      expect(q.options !== undefined, q.id).toBe(choice);
      for (const o of q.options ?? []) {
        expect(Object.keys(o).sort()).toEqual(['label', 'value']);
        expect(Object.keys(o.label).sort()).toEqual(['en', 'zh-CN']);
      }
    }
    const field = questions.find((q: { id: string }) => q.id === '3.4');
    expect(field.options[2]).toEqual({ value: '集成电路', label: { 'zh-CN': '集成电路', en: 'Integrated circuits' } });
  });

  it('should evaluate an answers file as one JSON document, the same as the core evaluates it', () => {
    const answers = { ...ALL_MET, '3.1.4': '999.99万', '3.2.7': '研发费用900万，成本费用3000万', '3.2.8': '筹建中' };
    const r = cli(['check', '--json', answersFile(answers)]);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toEqual(evaluationForJson(evaluate(criteria, answers, { verifiedFields: [], locale: 'zh-CN' })));
    expect(doc.verdict).toBe('not_yet');
    expect(doc.criteria).toHaveLength(criteria.length);
    const byId = (id: string) => doc.criteria.find((c: { id: string }) => c.id === id);
    expect(byId('3.1.4')).toMatchObject({ clause: '3.1.4', status: 'unmet', value: 9_999_900 });
    expect(byId('3.2.7')).toMatchObject({ status: 'met', value: 30 });
    expect(byId('3.2.8')).toMatchObject({ status: 'unknown', value: null, reason: '尚在筹建' });
  });

  it('should warn under 五（二） when the store holds a verified center in the answered field', async () => {
    const url = freshStoreUrl();
    const store = await createStore(url);
    await addCenter(store, {
      name: '已认定中心',
      field: '芯片',
      recognized: '2024-01-01',
      verified: true,
      registeredBy: 'cli',
    });
    await store.close();
    const r = cli(['check', '--json', answersFile(ALL_MET)], url);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.verdict).toBe('eligible');
    expect(doc.criteria.find((c: { id: string }) => c.id === '5.2')).toMatchObject({
      status: 'warning',
      value: '集成电路',
    });
  });

  it('should give reasons in English with --lang en, and mark missing answers unknown', () => {
    const r = cli(['check', '--json', answersFile({ '3.1.4': '0.3' }), '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.verdict).toBe('undetermined');
    expect(doc.criteria.every((c: { status: string }) => c.status === 'unknown')).toBe(true);
    expect(doc.criteria[0].reason).toBe('not answered');
  });

  it('should print the Markdown report without --json', () => {
    const r = cli(['check', answersFile(ALL_MET)]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('**结论：符合基本条件**');
    expect(r.stdout).toContain('自测结果仅供参考，不代表认定结论');
  });

  it('should exit 2 with a clear message for a missing, unreadable or invalid answers file', () => {
    const cases: [string[], RegExp][] = [
      [['check', '--json', join(tmpdir(), 'no-such-answers.json')], /cannot read the answers file .*ENOENT/],
      [['check', '--json', answersFile('{not json')], /is not valid JSON/],
      [['check', '--json', answersFile(['是'])], /must hold one JSON object/],
      [['check', '--json', answersFile({ '3.1.1': { text: '是' } })], /answer to 3\.1\.1 must be text/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  });

  it('should exit 2 on usage errors, keeping stdout empty', () => {
    for (const args of [
      ['check'],
      ['check', '--json'],
      ['check', '--questions'],
      ['check', '--json', 'a.json', 'b.json'],
      ['check', '--json', '--lang', 'fr', 'a.json'],
      ['check', '--bogus'],
    ]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('usage');
    }
  });
});
