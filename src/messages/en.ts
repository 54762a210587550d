/**
 * @module messages/en
 * English strings. Clause quotations stay in Chinese: the plan exists only in Chinese.
 */
import type { Messages } from './types.ts';

const KIND: Record<string, string> = {
  amount: 'an amount of money',
  ratio: 'a ratio',
  date: 'a date or deadline',
  duration: 'a duration or period',
  count: 'a number',
  contact: 'an address, website or contact',
  form: 'a format or template for the documents',
  definition: 'a definition of this term',
  body: 'the body responsible',
  list: 'a list of names',
  consequence: 'what follows in this case',
};

/** How clauses without a number are labelled in English. */
const READING_LABELS: Record<string, string> = { notice: 'Covering notice', preamble: 'Preamble' };

/** English string table. */
export const en: Messages = {
  welcome:
    'Hello! I answer questions on the Chongqing plan for manufacturing innovation centers (渝经信发〔2017〕139号), quoting the plan and citing its clause.',
  helpIntro: [
    'Just type a question, for example:',
    '• What share of employees must be R&D staff?',
    '• What is the minimum capital to invest?',
    '• 3.2.6 (shows a clause)',
  ].join('\n'),
  commandsHeading: 'Commands:',
  helpAsk: '/ask <question>  ask',
  helpSource: '/source  the source document',
  helpLang: '/lang zh|en  switch language',
  helpHelp: '/help  this help',
  basis: (label, path) => `Basis: ${label}${path ? ` (${path})` : ''}`,
  footer: (s) => `Source: ${s.number} (${s.date}); the competent authority's latest notice prevails.`,
  // The English title and issuer where documents.json gives them, the Chinese ones beside them.
  source: (list) =>
    `${list
      .map((d) => {
        const title = d.en ? `${d.en.title} (${d.title})` : d.title;
        const issuer = d.en ? `${d.en.issuer} (${d.issuer})` : d.issuer;
        return d.status === 'text'
          ? `${title} (answered from, ${d.year})\nNo.: ${d.number ?? '—'}\nIssued by: ${issuer}\nDate: ${d.date ?? d.year}`
          : `${title} (${d.year}; its text is not in this assistant, which does not answer from it)\nIssued by: ${issuer}\nNo.: ${d.number ?? 'not verified'}`;
      })
      .join('\n\n')}\n\nThe competent authority's latest notice prevails.`,
  laterNotice: (d) =>
    d.en
      ? `Note: the ${d.en.title} (${d.title}), issued by ${d.en.issuerShort} in ${d.year}, may set newer rules on this; the document in force prevails.`
      : `Note: the ${d.title} issued by ${d.issuerShort} in ${d.year} may set newer rules on this; the document in force prevails.`,
  noDistinction: (terms, year, answered) =>
    `The ${year} plan does not divide centers into categories such as ${terms.join(', ')}${answered ? '; what it says for all centers:' : '.'}`,
  historyHeading: (year) => `The original plan (${year}) said:`,
  originalTextNote: '(original Chinese text)',
  readingLocale: 'en',
  readingLabel: (id, label) => `${READING_LABELS[id] ?? id} (${label})`,
  readingHeading: (label, path) => (path ? `${label} · ${path}` : label),
  readingNote: '(Unofficial translation; the Chinese original below is what counts.)',
  originalHeading: 'Chinese original:',
  relatedHeading: 'Related clauses:',
  clauseChoice: (label, title) => (title ? `${label} ${title}` : label),
  notCovered: 'The plan does not cover this question.',
  noSuchClause: (reference, numbering) =>
    `The plan has no clause numbered ${reference}. Its clauses are: ${numbering.join(', ')} (also written like 三（一）4).`,
  sectionHeading: (reference) =>
    `${reference} is the heading of a part of the plan, with no text of its own; its clauses:`,
  figureVerdict: (understood, met, threshold) =>
    `By your figures: ${understood}, ${met ? 'meets' : 'below'} “at least ${threshold}”. For reference only; the commission's assessment prevails.`,
  figureNotPaid:
    "The plan counts founding capital actually invested: a subscribed amount, registered capital or a planned investment is not that, so compare the amount actually paid in. For reference only; the commission's assessment prevails.",
  figureAmount: (yuan) => `${yuan.toLocaleString('en-US')} yuan`,
  figureAmountInRatio: (yuan) => yuan.toLocaleString('en-US'),
  detailNotGiven: (kind) => `The plan touches on this topic but does not state ${KIND[kind ?? ''] ?? 'this detail'}.`,
  otherQuantity: (figure, clause, measures) =>
    `The plan sets no figure for what you asked. The "${figure}" of ${clause} is ${measures.en}, not the quantity you asked about.`,
  otherDocument:
    'This asks about the rules of another policy, programme or document: the plan only mentions them and does not set them out.',
  currentState:
    "The plan dates from 2017 and holds no current lists, this year's rounds or deadlines; the competent authority's latest notice prevails.",
  taskRequest: 'I answer questions about what the plan says; I do not write, translate or edit texts.',
  nearestHeading: 'Nearest clauses (for reference, not an answer):',
  coverage:
    'The plan covers: general requirements (guiding idea, goals, principles), tasks, setting up and running a center (basic conditions, operating requirements, lead unit requirements, priority fields), implementation (proposal, review, evaluation) and support measures.',
  helpHint: 'Send /help for how to use me.',
  emptyQuestion: 'Please type your question, e.g. "What share of employees must be R&D staff?"',
  followUpReading: (reading) => `(Read with your previous question as: "${reading}")`,
  tooLong: (length, max) => `Your question is too long (${length} characters); please keep it under ${max}.`,
  noContent:
    'I could not read a question in that message: please describe it in words, or type a clause number such as 3.2.6.',
  askUsage: 'Usage: /ask <question>, e.g. /ask What is the minimum capital?',
  langUsage: 'Usage: /lang zh or /lang en',
  langSet: 'Switched to English.',
  unknownCommand: (c) => `Unknown command ${c}. Send /help for the commands.`,
  unknownChoice: 'That button has expired; please ask again.',
  internalError: 'Sorry, something went wrong handling your message. Please try again later.',
  sectionAnswer: (heading, count) => `${heading}: all ${count} clauses of this part of the plan, in its order:`,
  stepsAnswer: (heading, count) => `The ${count} steps of ${heading}, in the plan's order:`,
  sectionContinued: (heading, part, parts) => `${heading} (continued, ${part}/${parts})`,
  openQuestions: (questions) =>
    `As for ${questions.map((q) => `“${q.replace(/[？?！!。；;]+$/, '')}”`).join(' and ')}: the plan does not say.`,
  openDetails: (kinds) => `The plan does not state ${kinds.map((k) => KIND[k] ?? 'this detail').join(' or ')}.`,
  noSuchOption: (typed, count) =>
    `There is no option ${typed}: type ${count > 1 ? `1–${count}` : '1'} to pick one of the options above, or ask a question.`,
};
