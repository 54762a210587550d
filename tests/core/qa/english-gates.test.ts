/**
 * English questions go through the same checks as Chinese ones: a question made mostly of words
 * neither the glossary nor the plan's English reading has abstains (`unknown_terms`), subjects the
 * plan never touches abstain in English as in Chinese, and the kind of detail asked in English
 * (how much money, what share, how many, how often, how long, when, who, which) is read, so that
 * a near miss abstains and a stated figure leads. The questions are written from general
 * knowledge, not from any question set.
 */
import { describe, expect, it } from 'vitest';
import { detailAsked } from '../../../src/qa/detail.ts';
import { createQaEngine, toAskJson } from '../../../src/qa/index.ts';
import { knowledge } from '../../helpers/conversation.ts';

const kb = knowledge();
const qa = createQaEngine(kb);
const json = (q: string) => toAskJson(qa.ask(q), false);

describe('English out-of-scope questions', () => {
  it.each([
    // Taxes
    'What is the enterprise income tax rate for high-tech firms?',
    'How much VAT does a center pay on technology transfer income?',
    // Visas and permits
    'Which visa category do visiting foreign professors need?',
    'How do I apply for a residence permit for my foreign engineers?',
    // Weather
    'What will the weather be like during the expert review?',
    'What is the humidity in Chongqing in summer?',
    // Everyday matters
    'Which airline flies from Chongqing to Munich?',
    'How do I renew the business license of our center’s host company?',
  ])('should abstain on %s', (q) => {
    expect(json(q)).toMatchObject({ abstained: true, answers: [] });
  });

  it('should abstain with unknown_terms when most content words are neither the glossary’s nor the plan’s', () => {
    const q = 'How do I apply for a residence permit for my foreign engineers?';
    expect(json(q)).toMatchObject({ abstained: true, reason: 'unknown_terms' });
    // The gate decides: without it, the known words alone would rank a clause.
    const open = createQaEngine(kb, { maxEnglishUnknownShare: 1 });
    expect(open.ask(q).abstained).toBe(false);
  });

  it('should still answer English questions in the plan’s words, typos and contractions included', () => {
    expect(json('What share of our employees must be R&D staff?').answers[0]?.clause).toBe('3.2.6');
    expect(json('We’re a recognised center. How often is the evaluaton?').abstained).toBe(false);
    expect(json('How is IP income split among the center’s members?').answers[0]?.clause).toBe('3.2.9');
    // A document number names the notice; it counts nothing.
    expect(json('What is the document number of the notice that issued the plan?').answers[0]?.clause).toBe('notice');
  });
});

describe('the kind of detail asked in English', () => {
  it.each([
    ['How much money does the government give each center?', 'amount'],
    ['How large a subsidy does a recognised center get?', 'amount'],
    ['What percentage of staff must be researchers?', 'ratio'],
    ['What share of income goes to R&D?', 'ratio'],
    // "How much of" a total is a share of it.
    ['How much of total costs must go on R&D each year?', 'ratio'],
    ['How many centers will be recognized?', 'count'],
    ['What is the number of centers to be built by 2020?', 'count'],
    ['How long does the support last?', 'duration'],
    ['When is the application deadline?', 'date'],
    ['When do we submit the plan?', 'date'],
    ['Who reviews the construction plans?', 'body'],
    ['Which fields does the plan focus on?', 'list'],
    ['Where do we submit the application form?', 'contact'],
  ])('should read %s as asking for %s', (q, kind) => {
    expect(detailAsked(q)?.kind).toBe(kind);
  });

  it('should read how often as a frequency, and a when inside a clause as no date', () => {
    expect(detailAsked('How often is a center evaluated?')).toMatchObject({ kind: 'duration', frequency: true });
    expect(detailAsked('What must be invested when setting up a center?')?.kind).not.toBe('date');
  });

  it('should lead with the plan’s frequency, and abstain on an amount the plan does not give', () => {
    const often = qa.ask('How often is a recognised center evaluated?');
    expect(often.abstained).toBe(false);
    expect(often.lead).toContain('每三年');
    expect(json('How much money does the government give each center?')).toMatchObject({
      abstained: true,
      reason: 'detail_missing',
      gate: 'no_holder',
    });
  });
});

describe('other programmes named in English', () => {
  it.each([
    'How do we get certified as a national high-tech enterprise?',
    'What are the requirements of the specialized and sophisticated little giant program?',
    'Does the Shenzhen government subsidize innovation centers?',
    'What is the application procedure for a key laboratory?',
    'What are the conditions for becoming a single champion enterprise?',
    'What subsidies does an incubator get?',
    'What are the criteria for upgrading to a national manufacturing innovation center?',
  ])('should abstain on another programme’s own rules: %s', (q) => {
    expect(json(q)).toMatchObject({ abstained: true, reason: 'other_document', answers: [] });
  });

  it.each([
    // The asker holds another title and asks about this plan: answered by the plan's own clauses.
    ['Can a high-tech enterprise be recognized as an innovation center?', '4.2'],
    ['Can a high-tech enterprise apply to become an innovation center?', '4.2'],
    ['What are the requirements for the lead unit?', '3.3.1'],
    ['How are innovation centers recognized?', '4.2'],
  ])('should still answer a question about this plan: %s', (q, clause) => {
    const r = json(q);
    expect(r.abstained).toBe(false);
    expect(r.answers.slice(0, 3).map((a) => a.clause)).toContain(clause);
  });
});
