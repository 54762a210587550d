import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createConversation } from '../../helpers/conversation.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

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

describe('mixed questions', { timeout: 60_000 }, () => {
  it('should answer the part the plan settles and name the part it leaves open', async () => {
    const chat = createConversation();
    await chat.send('认定了有钱拿没，给好多');
    expect(chat.text).toContain('对经认定的制造业创新中心，前三年连续给予专项支持');
    expect(chat.text).toContain('具体金额方案未规定');
    expect(chat.text).toContain('依据：四（二）');
    expect(chat.text).not.toContain('相关条款（仅供参考，并非答案）');
  });

  it('should name the open part of a question in two parts as well', async () => {
    const chat = createConversation();
    await chat.send('专项支持给几年，每年多少钱？');
    expect(chat.text).toContain('前三年');
    expect(chat.text).toContain('具体金额方案未规定');
  });

  it('should answer a what-question beside an open figure and name the figure', async () => {
    const chat = createConversation();
    await chat.send('创新中心要采取什么组织形式？成员单位最少要有几家？');
    expect(chat.text).toContain('依据：三（一）1');
    expect(chat.text).toContain('方案未规定');
    expect(chat.text).not.toContain('相关条款（仅供参考，并非答案）');
  });

  it('should name a template asked for beside a settled detail, even asked as yes or no', () => {
    const [form, first] = askJson([
      '工作总结多久报一次？有没有统一的模板',
      '成员单位最少要有几家？创新中心要采取什么组织形式？',
    ]);
    expect(form).toMatchObject({ abstained: false, open: ['form'] });
    expect(form.answers[0].clause).toBe('4.3');
    // The open part asked first, as a question of its own, is named too.
    expect(first).toMatchObject({ abstained: false, open: ['count'] });
    expect(first.answers[0].clause).toBe('3.1.1');
  });

  it('should answer the first of several questions and name a date or contact the plan cannot give', () => {
    const [date, contact, nearMiss, uncovered] = askJson([
      // 今年什么时候开始申报 alone is about this year: the plan of 2017 cannot say.
      '建设方案由谁来编制？今年什么时候开始申报？',
      '工程由哪个部门牵头实施？办公电话是多少？',
      // The open figure comes first: a near miss of its own, not a half of a question answered.
      '公示期有多长？公示期间谁可以提异议？',
      // A second question on a topic the plan never touches is quoted as left open.
      '创新中心由谁牵头实施？今年的税率是多少？',
    ]);
    expect(date).toMatchObject({ abstained: false, open: ['date'] });
    expect(date.answers[0].clause).toBe('4.1');
    expect(contact).toMatchObject({ abstained: false, open: ['contact'] });
    expect(contact.answers[0].clause).toBe('4');
    expect(nearMiss).toMatchObject({ abstained: true, reason: 'detail_missing' });
    expect(uncovered).toMatchObject({ abstained: false, openParts: ['今年的税率是多少？'] });
    expect(uncovered.answers[0].clause).toBe('4');
  });

  it('should quote a question about another programme beside the answer to the first', async () => {
    const q = '创新中心必须是企业法人吗？那个联盟要不要按高新技术企业的认定条件去申请？';
    const [json] = askJson([q]);
    expect(json).toMatchObject({ abstained: false, openParts: ['那个联盟要不要按高新技术企业的认定条件去申请？'] });
    expect(json.answers[0].clause).toBe('3.1.1');
    const chat = createConversation();
    await chat.send(q);
    // The answer comes first, the question left open after its basis line.
    expect(chat.text.indexOf('依据：三（一）1')).toBeLessThan(chat.text.indexOf('另外，您问的“那个联盟要不要'));
    expect(chat.text).toContain('方案未作规定');
    // A single question about another programme is still an abstention.
    expect(askJson(['高新技术企业的认定条件是什么？'])[0]).toMatchObject({ abstained: true, reason: 'other_document' });
  });

  it('should answer and name the open part of an English question in two parts', () => {
    const [years, phone, tax] = askJson([
      'How many years of support do recognised centers get, and how much money per year?',
      'Who leads the program? Is there a phone number to call?',
      'Must the center be a legal entity? What tax breaks do we get?',
    ]);
    expect(years).toMatchObject({ abstained: false, open: ['amount'], presented: ['4.2'] });
    expect(years.lead).toBe('前三年连续给予专项支持');
    expect(phone).toMatchObject({ abstained: false, open: ['contact'], presented: ['4'] });
    expect(tax).toMatchObject({ abstained: false, openParts: ['What tax breaks do we get?'], presented: ['3.1.1'] });
    // Alone, the subject the plan never touches is named as such.
    expect(askJson(['What tax breaks do we get?'])[0]).toMatchObject({ abstained: true, reason: 'uncovered_topic' });
  });

  it('should answer every question of a message when each is answered, though one asked a figure in passing', () => {
    const [both] = askJson(['考核不合格的话三年内还能不能拿到支持？认定了以后专项支持是不是前几年连续给？']);
    expect(both.abstained).toBe(false);
    expect(both.answers.slice(0, 2).map((a: { clause: string }) => a.clause)).toEqual(['4.3', '4.2']);
  });

  it('should name a detail asked as yes or no in dialect (有没得最低人数) as open', () => {
    const [staff, issued] = askJson([
      '依托公司的科技人员占比要求是好多？研发人员有没得最低人数？',
      '这个实施方案是哪天印发的？有效期到哪一年为止？',
    ]);
    expect(staff).toMatchObject({ abstained: false, open: ['count'] });
    expect(staff.answers[0].clause).toBe('3.2.6');
    // 哪一年 asks a date.
    expect(issued).toMatchObject({ abstained: false, open: ['date'] });
    expect(issued.answers[0].clause).toBe('notice');
  });

  it('should name a deadline asked as yes or no beside a settled figure', () => {
    // 有没有截止时间 asks whether the plan sets a date, which no clause does.
    const [capital] = askJson(['组建资金最低多少？有没有到位的截止时间？']);
    expect(capital).toMatchObject({ abstained: false, open: ['date'] });
    expect(capital.answers[0].clause).toBe('3.1.4');
  });

  it('should name the kind of the open part as it is asked: 截止是好久 a date, 多少个工作日 a duration, 收入要好多 an amount', () => {
    const [deadline, days, income, age] = askJson([
      '智能网联汽车在不在重点布局领域里头？今年申报截止是好久？',
      '请问方案评定需经过哪些程序？公示期为多少个工作日？',
      '创新中心靠啥子获得稳定收入？每年收入至少要好多？',
      '创新中心要是啥子法人形态？公司成立要满好久才能申报？',
    ]);
    expect(deadline).toMatchObject({ abstained: false, open: ['date'] });
    expect(deadline.answers[0].clause).toBe('3.4');
    expect(days).toMatchObject({ abstained: false, open: ['duration'] });
    expect(income).toMatchObject({ abstained: false, open: ['amount'] });
    expect(income.answers[0].clause).toBe('3.2.4');
    expect(age).toMatchObject({ abstained: false, open: ['duration'] });
  });

  it('should answer the figure and name whether part-time staff count as open, when both are asked', () => {
    const [staff] = askJson(['研发人员占比的要求是好多？兼职的、外聘的专家算不算“科技人员”？']);
    expect(staff).toMatchObject({ abstained: false, open: ['definition'] });
    expect(staff.answers[0].clause).toBe('3.2.6');
    expect(staff.lead).toContain('30%');
  });

  it('should name a matching share the districts give as open, not answer it with a staff or spending share', () => {
    const [districts] = askJson(['区县会不会给创新中心资金支持？要给的话区里按好大比例配套？']);
    expect(districts).toMatchObject({ abstained: false, open: ['ratio'] });
    expect(districts.answers[0].clause).toBe('5.2');
    expect(districts.lead ?? '').not.toContain('30%');
  });

  it('should still abstain when no part is settled', async () => {
    const chat = createConversation();
    for (const q of ['专项支持给多少钱', '公示几天，期间有没有异议处理的时限？']) {
      await chat.send(q);
      expect(chat.text, q).toContain('没有规定');
      expect(chat.text, q).toContain('相关条款（仅供参考，并非答案）');
    }
  });

  it('should report open in ask --json beside an answer, and abstain on a single near miss', () => {
    const [mixed, two, near, dialect] = askJson([
      '认定了有钱拿没，给好多',
      '专项支持给几年，每年多少钱',
      '专项支持给多少钱',
      // …没得 (没有) closing a piece asks yes or no.
      '认定了有专项支持没得，一年给好多钱？',
    ]);
    expect(dialect).toMatchObject({ abstained: false, open: ['amount'], presented: ['4.2'] });
    expect(mixed).toMatchObject({ abstained: false, open: ['amount'], presented: ['4.2'] });
    expect(mixed.answers[0].clause).toBe('4.2');
    expect(two).toMatchObject({ abstained: false, open: ['amount'] });
    expect(near).toMatchObject({ abstained: true, presented: [] });
    expect(near.open).toBeUndefined();
  });
});
