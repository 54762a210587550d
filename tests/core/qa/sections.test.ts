import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createConversation } from '../../helpers/conversation.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** `ask --json` over stdin, one document per question. */
function askJson(questions: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'adapters/cli/main.ts', 'ask', '--json'], {
    cwd: root,
    input: `${questions.join('\n')}\n`,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'warn' },
  });
  expect(r.status).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

/** Where each quoted clause's 依据 line stands in a text, in order of appearance. */
function citedInOrder(text: string): string[] {
  const label = /依据：([一二三四五六七八九十]+(?:（[一二三四五六七八九十]+）)?\d*)/g;
  return [...text.matchAll(label)].map((m) => m[1] as string);
}

describe('broad questions get the whole section', { timeout: 60_000 }, () => {
  it('should answer 申请需要满足哪些条件 with every clause of 三（一）, quoted and cited in order', async () => {
    const chat = createConversation();
    await chat.send('申请需要满足哪些条件');
    expect(chat.replies).toHaveLength(1);
    expect(chat.text).toContain('三（一）基本条件');
    expect(citedInOrder(chat.text)).toEqual(['三（一）1', '三（一）2', '三（一）3', '三（一）4']);
    expect(chat.text).toContain('“创新中心成员单位通过资金、知识产权等入股方式投入');
    expect(chat.replies[0]?.choices).toBeUndefined();
  });

  it('should answer the lead unit, the tasks and the operating requirements with their sections', async () => {
    const chat = createConversation();
    await chat.send('牵头单位要具备什么条件');
    expect(citedInOrder(chat.text)).toEqual(['三（三）1', '三（三）2', '三（三）3', '三（三）4']);
    await chat.send('创新中心主要承担哪些任务');
    expect(citedInOrder(chat.text)).toEqual(['二（一）', '二（二）', '二（三）', '二（四）', '二（五）']);
    await chat.send('创新中心运行有哪些要求');
    expect(citedInOrder(chat.text)).toHaveLength(10);
  });

  it('should split a long section into messages under Telegram’s limit, the footer under the last', async () => {
    const chat = createConversation();
    await chat.send('三（二）');
    expect(chat.replies.length).toBeGreaterThanOrEqual(2);
    for (const r of chat.replies) expect(r.text.length).toBeLessThan(4096);
    expect(citedInOrder(chat.text)).toEqual(Array.from({ length: 10 }, (_, i) => `三（二）${i + 1}`));
    expect(chat.replies.at(-1)?.text).toContain('以主管部门最新通知为准');
    expect(chat.replies[0]?.text).not.toContain('以主管部门最新通知为准');
  });

  it('should answer a process question with the steps 四（一）→ 四（二）→ 四（三）', async () => {
    const chat = createConversation();
    for (const q of ['认定流程是怎样的', '怎么申报']) {
      await chat.send(q);
      expect(citedInOrder(chat.text), q).toEqual(['四（一）', '四（二）', '四（三）']);
    }
  });

  it('should show the section for a typed section number in each form', async () => {
    const chat = createConversation();
    for (const q of ['三（一）', '3.1', '三(一)']) {
      await chat.send(q);
      expect(citedInOrder(chat.text), q).toEqual(['三（一）1', '三（一）2', '三（一）3', '三（一）4']);
    }
    await chat.send('第五部分');
    expect(citedInOrder(chat.text)).toEqual(['五（一）', '五（二）', '五（三）', '五（四）', '五（五）']);
    // 四 alone is the clause 四; 四、 is the part.
    await chat.send('四');
    expect(citedInOrder(chat.text)).toEqual(['四']);
    await chat.send('四、');
    expect(citedInOrder(chat.text)).toEqual(['四', '四（一）', '四（二）', '四（三）']);
  });

  it('should answer a question about one detail of a part with that clause only', async () => {
    const chat = createConversation();
    for (const [q, label] of [
      ['研发费用比例有什么要求', '三（二）7'],
      ['组建资金有什么条件', '三（一）4'],
      ['牵头单位研发投入有什么要求', '三（三）4'],
    ] as const) {
      await chat.send(q);
      expect(citedInOrder(chat.text)[0], q).toBe(label);
      expect(citedInOrder(chat.text), q).toHaveLength(1);
    }
  });

  it('should show the section whose number a question writes inside a sentence', async () => {
    const chat = createConversation();
    for (const [q, first, count] of [
      ['三（一）写了些什么', '三（一）1', 4],
      ['请把3.2那一块的要求一条一条列出来', '三（二）1', 10],
      ['文件第五部分讲了什么内容', '五（一）', 5],
      ['方案的二、里都有哪几项', '二（一）', 5],
    ] as const) {
      await chat.send(q);
      expect(citedInOrder(chat.text)[0], q).toBe(first);
      expect(citedInOrder(chat.text), q).toHaveLength(count);
    }
  });

  it('should not take a written number for the part asked about when it is only background', async () => {
    const chat = createConversation();
    // A leaf clause written with its item (三（一）4) and a number before another part's heading.
    await chat.send('三（一）4讲的啥');
    expect(citedInOrder(chat.text)).toEqual(['三（一）4']);
    await chat.send('第四部分讲了市里负责组建，那保障措施里区县要做什么？');
    expect(citedInOrder(chat.text)).toContain('五（二）');
    expect(citedInOrder(chat.text)).not.toContain('四（一）');
  });

  it('should answer a question asking for all of a part even when it names some of its clauses', async () => {
    const chat = createConversation();
    // Three of the part's titles listed one by one ask for all of them.
    await chat.send('总体要求那部分，思想、目标、原则分别怎么写的');
    expect(citedInOrder(chat.text)).toEqual(['一（一）', '一（二）', '一（三）']);
    // From the first step to the last: the whole procedure.
    await chat.send('从写建设方案到评定，再到后面的评估，整个程序是怎样的');
    expect(citedInOrder(chat.text)).toEqual(['四（一）', '四（二）', '四（三）']);
    // Asking words dilute the ranking below the bar; asking for each one still shows the part.
    await chat.send('基本条件帮我逐条讲一下');
    expect(citedInOrder(chat.text)).toEqual(['三（一）1', '三（一）2', '三（一）3', '三（一）4']);
  });

  it('should answer a question naming only the part with it, whichever clause ranks first', async () => {
    const chat = createConversation();
    // 五（一） ranks first (创新中心的组织领导), yet the question names the tasks and nothing else of the plan.
    await chat.send('创新中心建起来以后主要要干哪些活？');
    expect(citedInOrder(chat.text)).toEqual(['二（一）', '二（二）', '二（三）', '二（四）', '二（五）']);
    await chat.send('认定后平时运作有什么规矩？');
    expect(citedInOrder(chat.text)[0]).toBe('三（二）1');
    expect(citedInOrder(chat.text)).toHaveLength(10);
    // A question that says more than the part's name is still answered by the clause it points at.
    await chat.send('专项资金主要起什么作用');
    expect(chat.text).not.toContain('二、具体任务');
  });

  it('should answer a question naming only the part even below the bar, and nothing else', async () => {
    const chat = createConversation();
    // Too few words to rank, but they name the tasks and nothing else.
    await chat.send('中心建好以后主要干些啥子');
    expect(citedInOrder(chat.text)).toEqual(['二（一）', '二（二）', '二（三）', '二（四）', '二（五）']);
    // Words besides the part's name that the plan never uses are no question about the part.
    const [customs] = askJson(['港口集装箱通关要走哪些手续']);
    expect(customs).toMatchObject({ abstained: true, presented: [] });
  });

  it('should give presented and section in ask --json, and presented [] when abstaining', () => {
    const [broad, steps, single, lookup, abstained] = askJson([
      '申请需要满足哪些条件',
      '认定流程是怎样的',
      '研发人员要占多少比例',
      '三（三）',
      '专项支持给多少钱',
    ]);
    expect(broad).toMatchObject({ abstained: false, section: '3.1', presented: ['3.1.1', '3.1.2', '3.1.3', '3.1.4'] });
    // The ranking is unchanged by the section.
    expect(broad.answers[0].clause).toBe('3.1.2');
    expect(steps.presented).toEqual(['4.1', '4.2', '4.3']);
    expect(single.presented).toEqual(['3.2.6']);
    expect(single.section).toBeUndefined();
    expect(lookup).toMatchObject({ section: '3.3', presented: ['3.3.1', '3.3.2', '3.3.3', '3.3.4'] });
    expect(abstained).toMatchObject({ abstained: true, presented: [] });
  });
});

/** The 4.1-style ids of the Basis lines in an English reply, in order of appearance. */
function basesInOrder(text: string): string[] {
  return [...text.matchAll(/^([\d.]+) \(/gm)].map((m) => m[1] as string);
}

describe('broad questions in English get the whole section', { timeout: 60_000 }, () => {
  it('should answer the tasks, the basic conditions, the lead unit and the support measures with their parts, in English', async () => {
    const chat = createConversation({ user: 'telegram:502' });
    await chat.send('/lang en');
    for (const [q, heading, ids] of [
      ['What are the specific tasks of a center?', '2 Specific tasks', ['2.1', '2.2', '2.3', '2.4', '2.5']],
      ['What are the tasks?', '2 Specific tasks', ['2.1', '2.2', '2.3', '2.4', '2.5']],
      [
        'What are the basic conditions for setting up a center?',
        'Basic conditions',
        ['3.1.1', '3.1.2', '3.1.3', '3.1.4'],
      ],
      ['What does the lead unit need?', 'Requirements for the lead unit', ['3.3.1', '3.3.2', '3.3.3', '3.3.4']],
      ['What support measures does the plan offer?', '5 Safeguard measures', ['5.1', '5.2', '5.3', '5.4', '5.5']],
    ] as const) {
      await chat.send(q);
      expect(chat.text, q).toContain(heading);
      expect(basesInOrder(chat.text), q).toEqual(ids);
    }
  });

  it('should answer an English process question with the steps 4.1 → 4.2 → 4.3', async () => {
    const chat = createConversation({ user: 'telegram:503' });
    await chat.send('/lang en');
    for (const q of ['What is the application process?', 'What are the steps?', 'How do we apply?']) {
      await chat.send(q);
      expect(basesInOrder(chat.text), q).toEqual(['4.1', '4.2', '4.3']);
    }
  });

  it('should answer an English question about one detail of a part with that clause only', () => {
    const [share, invest, staff, broad, steps] = askJson([
      'What is the minimum share of R&D staff?',
      'What does the lead unit need to invest in R&D?',
      'What are the requirements for R&D staff?',
      'What are the operating requirements?',
      'What are the steps?',
    ]);
    expect(share.presented).toEqual(['3.2.6']);
    expect(share.section).toBeUndefined();
    expect(invest.presented).toEqual(['3.3.4']);
    expect(staff.presented).toEqual(['3.2.6']);
    expect(broad).toMatchObject({ abstained: false, section: '3.2' });
    expect(broad.presented).toHaveLength(10);
    expect(steps).toMatchObject({ abstained: false, presented: ['4.1', '4.2', '4.3'] });
  });
});
