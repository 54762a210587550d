import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { composeCore } from '../../../adapters/compose.ts';
import { runConsoleChat } from '../../../adapters/console/index.ts';
import { KeyvStore } from '../../../adapters/storage/keyv-store.ts';
import { loadCriteria } from '../../../src/eligibility/criteria.ts';
import { dialogQuestions } from '../../../src/eligibility/dialog.ts';
import { ALL_MET } from '../../core/eligibility/answers.ts';
import { createRecordingLogger, knowledge } from '../../helpers/conversation.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const all = loadCriteria(knowledge());
const asked = dialogQuestions(all);

/** One run of the terminal chat over a SQLite file, as `npm start` runs it: lines in, text out. */
async function session(file: string, filesDir: string, lines: string[]): Promise<string> {
  const store = await KeyvStore.open({ path: file });
  const core = composeCore({ knowledge: knowledge(), store, logger: createRecordingLogger() });
  await core.start();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  await runConsoleChat({ core, input: Readable.from([`${lines.join('\n')}\n`]), output, interactive: false, filesDir });
  await core.stop();
  await store.close();
  return out;
}

/** The number shown before an option of the last reply in a console transcript. */
function optionNumber(out: string, label: string): string {
  const last = out.slice(out.lastIndexOf('\n\n  [1]'));
  const m = new RegExp(`\\[(\\d+)\\] ${label}`).exec(last);
  if (!m?.[1]) throw new Error(`no option ${label} in:\n${last}`);
  return m[1];
}

/** Per clause label, the status marks of the summary's item list, in order. */
function marksShown(text: string): string[] {
  const items = text.slice(text.indexOf('逐项结果'), text.indexOf('下一步'));
  return [...items.matchAll(/^\d+\. (✅|❌|❔|⚠️)/gmu)].map((m) => m[1] ?? '');
}

const MARK: Record<string, string> = { met: '✅', unmet: '❌', unknown: '❔', warning: '⚠️' };

describe('self-check in the terminal chat', { timeout: 60_000 }, () => {
  it('should resume after a restart with no answer lost, and save a .docx report holding every criterion', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mic-console-check-'));
    const file = join(dir, 'bot.sqlite');
    const filesDir = join(dir, 'files');
    const half = Math.floor(asked.length / 2);

    const first = await session(file, filesDir, [
      '/start',
      '1', // the 资格自测 button under the welcome
      ...asked.slice(0, half).map((c) => ALL_MET[c.id] ?? ''),
    ]);
    expect(first).toContain(`（${half + 1}/${asked.length}）`);

    // A new process on the same file: /check resumes where the first one stopped.
    const second = await session(file, filesDir, ['/check', ...asked.slice(half).map((c) => ALL_MET[c.id] ?? '')]);
    expect(second).toContain(`继续上次未完成的自测（已回答 ${half}/${asked.length} 题）`);
    expect(second).toContain(`（${half + 1}/${asked.length}）`);
    expect(second).toContain('结论：符合基本条件');

    const third = await session(file, filesDir, ['/check', optionNumber(second, '下载 Word 报告')]);
    expect(third).toContain('📄');
    const [docx] = readdirSync(filesDir).filter((f) => f.endsWith('.docx'));
    expect(docx).toBeDefined();
    const zip = await JSZip.loadAsync(readFileSync(join(filesDir, docx ?? '')));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const body = xml.replace(/<[^>]+>/g, '');
    expect(body).toContain('符合基本条件');
    expect(body).toContain('自测结果仅供参考，不代表认定结论');
    for (const c of all) expect(body, c.id).toContain(knowledge().clause(c.clause)?.label ?? c.clause);
  });

  it('should reach the same result in the dialog as check --json with the same answers', async () => {
    const answers: Record<string, string> = {
      ...ALL_MET,
      '3.1.4': '实缴999.99万',
      '3.2.6': '一共150个人，搞研发的40个',
      '3.2.7': '研发费用890万，成本费用3000万',
      '3.3.4': '否',
      '3.2.9': '不清楚',
    };
    const dir = mkdtempSync(join(tmpdir(), 'mic-console-same-'));
    const chat = await session(join(dir, 'bot.sqlite'), join(dir, 'files'), [
      '/check',
      ...asked.map((c) => answers[c.id] ?? '跳过'),
    ]);
    const file = join(dir, 'answers.json');
    writeFileSync(file, JSON.stringify(answers));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/main.ts', 'check', '--json', file], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, STORE_URL: `sqlite://${join(dir, 'cli.sqlite')}` },
    });
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { verdict: string; criteria: { id: string; status: string }[] };
    expect(json.verdict).toBe('not_yet');
    expect(chat).toContain('结论：暂不符合');
    expect(marksShown(chat)).toEqual(json.criteria.map((c) => MARK[c.status]));
    expect(json.criteria.filter((c) => c.status === 'unmet').map((c) => c.id)).toEqual(['3.1.4', '3.2.6', '3.2.7']);
    // All three are cited in what the user reads.
    expect(chat).toContain('❌ 不符合：三（一）4、三（二）6、三（二）7');
  });

  it('should go back, skip, quote the clause, answer a question mid-dialog, edit from the summary and restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mic-console-nav-'));
    const file = join(dir, 'bot.sqlite');
    const files = join(dir, 'files');
    const [q1, q2] = asked;
    const out = await session(file, files, [
      '/check',
      ALL_MET[q1?.id ?? ''] ?? '',
      '上一步',
      '上一步',
      '跳过',
      '原文',
      '研发人员要占多少比例？',
      ...asked.slice(1).map((c) => (c.id === '3.2.6' ? '20%' : (ALL_MET[c.id] ?? ''))),
    ]);
    expect(out).toContain('已经是第一题了');
    expect(out).toContain('已跳过');
    expect(out).toContain(`“${knowledge().clause(q2?.clause ?? '')?.text}”`);
    expect(out).toContain('依据：三（二）6（组建和运行 › 运行要求）');
    expect(out).toContain('回到自测');
    expect(out).toContain('结论：暂不符合');
    // Change the failed answer from the summary: 修改回答, then the question by its number.
    const edit = await session(file, files, ['/check', optionNumber(out, '修改回答')]);
    const item = /\[(\d+)\] \d+\. 三（二）6/.exec(edit)?.[1];
    expect(item).toBeDefined();
    const fixed = await session(file, files, ['/check', optionNumber(out, '修改回答'), item ?? '', '35%']);
    expect(fixed).toContain('结论：信息不足');
    const again = await session(file, files, ['/check restart']);
    expect(again).toContain('已清空回答');
    expect(again).toContain(`（1/${asked.length}）`);
  });
});
