/**
 * Yes/no questions whether the asker's own business or organisation fits the plan are answered by
 * the clause governing the role asked about, even when the asker's industry is no word of the plan.
 * The questions are written from the plan's text, not from any question set.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KnowledgeError } from '../../../src/errors.ts';
import { DEFAULT_KNOWLEDGE_DIR, loadFitVocabulary } from '../../../src/knowledge-base/index.ts';
import { createQaEngine, toAskJson } from '../../../src/qa/index.ts';
import { createConversation, knowledge } from '../../helpers/conversation.ts';

const kb = knowledge();
const qa = createQaEngine(kb);
const json = (q: string) =>
  toAskJson(qa.ask(q), false) as { abstained: boolean; reason?: string; answers: { clause: string }[] };

const answeredBy = (q: string, clause: string): void => {
  const r = json(q);
  expect(r.abstained).toBe(false);
  expect(r.answers[0]?.clause).toBe(clause);
};

describe('fit questions', () => {
  it.each([
    // An industry the plan never names: the fields centers are laid out in (三（四）) govern it.
    ['我是开奶茶店的，我能搞个创新中心不', '3.4'],
    ['我们是做火锅底料的。能不能搞个创新中心？', '3.4'],
    ['We make hotpot seasoning. Can we set up an innovation center?', '3.4'],
    // 申报 alone ranks 四（二） just above the bar: a guess, not what the question asks.
    ['我们是做服装的，能申报创新中心吗', '3.4'],
    // A kind of body asking to lead: the lead unit's requirements (三（三）1) govern it.
    ['我们是一所理工科大学，能不能牵头组建市级制造业创新中心？', '3.3.1'],
  ])('should answer %s by %s instead of abstaining', answeredBy);

  it.each([
    // A body that is no company asking to be the center itself: 三（一）1 (企业法人形态) rules on it,
    // although the ranking guesses the alliance or the procedure from 高校, 研究所, 申报.
    ['我们单位是一家民办非企业，能不能直接当创新中心来申报？', '3.1.1'],
    ['我们是一家协会，可以直接作为创新中心吗', '3.1.1'],
    ['We are a non-profit. Can we be the center directly?', '3.1.1'],
    // District staff asking about a body in their district.
    ['辖区有家研究院是事业单位，想直接用事业单位的身份申报市级制造业创新中心，能不能？', '3.1.1'],
    // The same kind of body as the host company behind the center: 三（一）2 (独立企业法人) rules on it.
    ['我们打算用一个有限合伙企业来当创新中心的依托单位，符合要求吗？', '3.1.2'],
    // A kind of member the alliance is to gather (三（一）3).
    ['我们是理工大学下面的研究所，想参加创新中心的联盟，可以吗', '3.1.3'],
    ['We are a university. Can we join a center as a member?', '3.1.3'],
    // Where the asker is: the districts' part (五（二）).
    ['我们公司在偏远的区县，能不能申报创新中心？', '5.2'],
  ])('should answer %s by %s, the clause that rules on the kind of asker named', answeredBy);

  it('should leave a named kind of asker to the ranking without the named roles', () => {
    const vocabulary = loadFitVocabulary(kb);
    const plain = createQaEngine(kb, { fits: { ...vocabulary, roles: vocabulary.roles.filter((r) => !r.names) } });
    expect(plain.ask('我们是一家协会，可以直接作为创新中心吗').answers[0]?.clause.id).not.toBe('3.1.1');
  });

  it('should abstain as before without the vocabulary', () => {
    const none = createQaEngine(kb, {
      fits: { self: { zh: ['不会出现的词'], en: ['never'] }, center: { zh: ['中心'], en: ['center'] }, roles: [] },
    });
    expect(none.ask('我是开奶茶店的，我能搞个创新中心不').abstained).toBe(true);
  });

  it('should leave questions that are not about joining the plan alone', () => {
    // No center named: another programme's subsidy.
    expect(json('我们是做餐饮的，能申请稳岗补贴吗').abstained).toBe(true);
    // Not yes or no.
    expect(json('我们是做火锅底料的，今年的税率是多少').abstained).toBe(true);
  });

  it('should quote the governing clause in the chat', async () => {
    const chat = createConversation();
    await chat.send('我是开奶茶店的，我能搞个创新中心不');
    expect(chat.text).toContain('依据：三（四）');
  });

  it('should name the file and field when a role names a clause the plan lacks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fits-'));
    const raw = JSON.parse(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'fits.json'), 'utf8'));
    raw.roles[0].clause = '9.9.9';
    writeFileSync(join(dir, 'fits.json'), JSON.stringify(raw));
    expect(() => loadFitVocabulary(kb, dir)).toThrow(KnowledgeError);
    expect(() => loadFitVocabulary(kb, dir)).toThrow(/fits\.json: roles\.0\.clause: 9\.9\.9 does not exist/);
  });
});
