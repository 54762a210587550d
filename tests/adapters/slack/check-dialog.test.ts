import { afterEach, describe, expect, it } from 'vitest';
import { loadCriteria } from '../../../src/eligibility/criteria.ts';
import { dialogQuestions } from '../../../src/eligibility/dialog.ts';
import { ALL_MET } from '../../core/eligibility/answers.ts';
import { knowledge } from '../../helpers/conversation.ts';
import { buttonsOf, shown } from './fake-slack-api.ts';
import {
  blockAction,
  FORM_TYPE,
  post,
  postedMessage,
  type SlackStack,
  say,
  slashCommand,
  startStack,
} from './harness.ts';

let stack: SlackStack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

const asked = dialogQuestions(loadCriteria(knowledge()));

describe('slack adapter: /mic check in a DM', { timeout: 60_000 }, () => {
  it('should run the whole self-check with buttons and typed answers to its verdict and report file', async () => {
    stack = await startStack();
    const s = stack;
    const [user, channel] = ['U0CHK', 'D0CHK'];
    // `/mic check` typed in the DM starts the dialog there (no note: it is already the DM).
    const url = s.api.responseUrl();
    await post(s.url, slashCommand(user, channel, 'check', url), FORM_TYPE);
    await s.api.waitFor(() => s.api.postedTo(channel).length === 1);
    expect(shown(s.api.postedTo(channel)[0]?.params)).toContain(`（1/${asked.length}）`);

    // The first question by its 是 button: the pressed message loses its buttons (chat.update).
    const question = postedMessage(s, channel);
    const yes = buttonsOf(question).find((b) => b.label === '是');
    if (!yes) throw new Error('no 是 button');
    expect(yes.actionId).toMatch(/^mic:\d+$/);
    const before = s.api.postedTo(channel).length;
    await post(s.url, blockAction(user, yes, { channel, message: question }), FORM_TYPE);
    await s.api.waitFor(() => s.api.postedTo(channel).length > before);
    const update = s.api.callsOf('chat.update')[0]?.params;
    expect(update?.ts).toBe(question.ts);
    expect(buttonsOf(update)).toEqual([]);
    expect(shown(update)).toContain('✓ 是');
    expect(shown(s.api.postedTo(channel).at(-1)?.params)).toContain(`（2/${asked.length}）`);

    // The same button pressed again (a double click) does nothing more.
    await post(s.url, blockAction(user, yes, { channel, message: question }), FORM_TYPE);
    await s.slack.drain();
    expect(s.api.callsOf('chat.update')).toHaveLength(1);

    // The rest typed.
    for (const c of asked.slice(1)) await say(s, user, channel, ALL_MET[c.id] ?? '');
    const summary = s.api.postedTo(channel).at(-1)?.params;
    expect(shown(summary)).toContain('结论：符合基本条件');
    const word = buttonsOf(summary).find((b) => b.label === '下载 Word 报告');
    if (!word) throw new Error('no report button');

    await post(s.url, blockAction(user, word, { channel, message: postedMessage(s, channel) }), FORM_TYPE);
    await s.api.waitFor(() => s.api.callsOf('files.completeUploadExternal').length === 1);
    const [requested] = s.api.callsOf('files.getUploadURLExternal');
    expect(String(requested?.params.filename)).toMatch(/\.docx$/);
    const [upload] = s.api.callsOf('upload');
    expect(upload?.raw?.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(Number(requested?.params.length)).toBe(upload?.raw?.length);
    const complete = s.api.callsOf('files.completeUploadExternal')[0]?.params;
    expect(complete?.channel_id).toBe(channel);
    expect(s.api.responsesTo(url)).toEqual([]);
  });
});
