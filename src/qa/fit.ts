/**
 * @module qa/fit
 * A yes/no question whether the asker's own kind of business or organisation fits the plan
 * (我们是做火锅底料的食品企业，能不能搞个创新中心？ We are a university, can we lead a center?) names
 * an industry or a kind of body the plan never mentions, so the ranking finds nothing. The plan still
 * answers it: the clause governing the role asked about (to lead: 三（三）1; to set up or apply for a
 * center: 三（四）, the fields it is laid out in; to be the center as a body that is no company: 三（一）1).
 * The words are data (`knowledge/fits.json`).
 */

import type { FitVocabulary } from '../knowledge-base/fits.ts';
import { alternation, type Clause } from '../knowledge-base/index.ts';
import { isYesNo } from './detail.ts';
import { isEnglish } from './english.ts';

/** The clause governing a fit question. */
export interface FitAnswer {
  clause: Clause;
  /** The question names a kind of asker the clause rules on by name (事业单位 → 三（一）1). */
  named: boolean;
}

/** Finds the clause governing a fit question. */
export interface FitQuestions {
  /** The clause governing the role a fit question asks about; `undefined` for any other question. */
  governing(question: string): FitAnswer | undefined;
}

/**
 * Builds the matcher over the vocabulary.
 *
 * @example
 * const fits = createFitQuestions(loadFitVocabulary(kb));
 * fits.governing('我们是做火锅底料的食品企业，能不能搞个创新中心？')?.clause.id; // '3.4'
 */
export function createFitQuestions(vocabulary: FitVocabulary): FitQuestions {
  // Chinese terms anywhere; English ones as whole words (`lead`, not `leadership`).
  const any = (list: readonly string[], english: boolean): RegExp =>
    new RegExp(english ? `\\b(${alternation(list)})\\b` : `(${alternation(list)})`, english ? 'i' : '');
  const build = (english: boolean) => {
    const lang = english ? 'en' : 'zh';
    return {
      self: any(vocabulary.self[lang], english),
      center: any(vocabulary.center[lang], english),
      roles: vocabulary.roles.map((r) => ({
        clause: r.clause,
        asks: any(r.asks[lang], english),
        names: r.names ? any(r.names[lang], english) : undefined,
      })),
    };
  };
  const zh = build(false);
  const en = build(true);
  return {
    governing(question) {
      const english = isEnglish(question);
      const words = english ? en : zh;
      // The yes/no question may follow the self-description as a sentence of its own.
      const asksYesNo = question.split(/[.?!。？！；;]/).some((piece) => piece.trim() && isYesNo(piece));
      if (!words.self.test(question) || !words.center.test(question) || !asksYesNo) return undefined;
      const role = words.roles.find((r) => r.asks.test(question) && (!r.names || r.names.test(question)));
      return role ? { clause: role.clause, named: role.names !== undefined } : undefined;
    },
  };
}
