/**
 * English answers through the terminal chat: after /lang en, a clause comes with its English path
 * and label, its reading marked as an unofficial translation, and the Chinese original quoted with
 * its Basis line; verdicts, notices and abstentions read in English.
 */
import { describe, expect, it } from 'vitest';
import { createConversation } from '../../helpers/conversation.ts';

async function englishChat() {
  const chat = createConversation({ user: 'telegram:501' });
  await chat.send('/lang en');
  return chat;
}

describe('an English answer', () => {
  it('should show the English path and label, the reading marked unofficial, then the Chinese original with its basis', async () => {
    const chat = await englishChat();
    await chat.send('What share of our employees must be R&D staff?');
    const text = chat.text;
    expect(text).toContain('3.2.6 (三（二）6) · Formation and operation › Operating requirements');
    expect(text).toContain('shall account for no less than 30% of the enterprise');
    expect(text).toContain('Unofficial translation');
    expect(text).toContain('Chinese original:');
    expect(text).toContain('“创新中心依托公司应有固定的研发队伍');
    expect(text).toContain('Basis: 三（二）6');
    // The reading stands above the original, which comes last before its basis.
    expect(text.indexOf('no less than 30%')).toBeLessThan(text.indexOf('不低于30%'));
  });

  it('should give the English lead where the Chinese reply has one, cut from the matching sentence', async () => {
    const chat = await englishChat();
    await chat.send('/ask 研发人员占比不低于多少');
    const [first] = chat.text.split('\n');
    expect(first).toMatch(/^The scientific and technical personnel .* no less than 30%/);
    expect(first).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('should name related clauses in English on their buttons', async () => {
    const chat = await englishChat();
    await chat.send('We have 150 staff, 40 in R&D — enough?');
    const labels = (chat.replies[0]?.choices ?? []).map((c) => c.label);
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) expect(label).toMatch(/^\d[\d.]* \(.+\) [A-Z]/);
  });

  it('should give a figure verdict in English above the English reading', async () => {
    const chat = await englishChat();
    await chat.send('Our shareholders put in 8 million yuan. Enough?');
    const text = chat.text;
    expect(text.split('\n')[0]).toContain('8,000,000 yuan, below “at least 10,000,000 yuan”');
    expect(text).toContain('no less than RMB 10 million');
    expect(text).toContain('Basis: 三（一）4');
  });

  it('should name a later document by its English title, the Chinese one beside it', async () => {
    const chat = await englishChat();
    await chat.send('What is the minimum capital to invest?');
    expect(chat.text).toContain(
      'Note: the Measures for the Construction and Management of Chongqing Manufacturing Innovation Centers (Interim) (重庆市制造业创新中心建设管理办法（暂行）), issued by the Municipal Commission of Economy and Information Technology in 2022',
    );
  });

  it('should abstain in English, with the nearest clauses named in English', async () => {
    const chat = await englishChat();
    await chat.send('What is the corporate tax rate for centers?');
    expect(chat.text).toContain('The plan does not cover this question.');
    expect(chat.text).not.toMatch(/[\u4e00-\u9fff]/);
    await chat.send('How much money does a center get each year?');
    expect(chat.text).toContain('does not state an amount of money');
    for (const c of chat.replies[0]?.choices ?? []) expect(c.label).not.toMatch(/[\u4e00-\u9fff]{4}/);
  });

  it('should open a clause button in English', async () => {
    const chat = await englishChat();
    await chat.press('clause:yjxf-2017-139/4.3');
    expect(chat.text).toContain('4.3 (四（三）) · Organization and implementation › Follow-up evaluation');
    expect(chat.text).toContain('every three years');
    expect(chat.text).toContain('Basis: 四（三）');
  });

  it('should show a section with its English heading and each clause read in English above its original', async () => {
    const chat = await englishChat();
    await chat.send('3.1');
    const text = chat.text;
    expect(text.split('\n')[0]).toContain('3.1 Basic conditions (三（一）基本条件)');
    expect(text).toContain('Unofficial translation');
    expect(text).toContain('3.1.4 (三（一）4)');
    expect(text).toContain('no less than RMB 10 million');
    expect(text.indexOf('no less than RMB 10 million')).toBeLessThan(text.indexOf('不低于1000万元'));
    expect(text).toContain('Basis: 三（一）4');
  });

  it('should keep each message of a long English section within Telegram’s 4 096 characters', async () => {
    const chat = await englishChat();
    await chat.send('三、');
    expect(chat.replies.length).toBeGreaterThan(1);
    for (const r of chat.replies) expect(r.text.length).toBeLessThanOrEqual(4096);
    expect(chat.replies[1]?.text).toContain('3 Formation and operation (三、组建和运行) (continued');
  });

  it('should list the sources by their English titles, the Chinese ones beside them', async () => {
    const chat = await englishChat();
    await chat.send('/source');
    expect(chat.text).toContain(
      'Implementation Plan for the Chongqing Manufacturing Innovation Center Construction Project (重庆市制造业创新中心建设工程实施方案)',
    );
    expect(chat.text).toContain(
      'Measures for the Construction and Management of Chongqing Manufacturing Innovation Centers (Interim) (',
    );
  });

  it('should leave the Chinese reply as it was', async () => {
    const chat = createConversation({ user: 'telegram:502' });
    await chat.send('研发人员占比不低于多少');
    expect(chat.text).not.toContain('Unofficial');
    expect(chat.text).not.toContain('原文：');
    expect(chat.text).toContain('“创新中心依托公司应有固定的研发队伍');
    expect(chat.text).toContain('依据：三（二）6');
  });
});
