/**
 * @module basics
 * The commands every deployment has: `/start` (welcome, help and the features' menu buttons),
 * `/help` (built from the help lines of every composed feature), `/source` and `/lang`. The core
 * builds this feature itself, first, because help and the menu list the other features. `/source`
 * lists every document of `knowledge/documents.json` with its status and year.
 */
import { type Feature, type FeatureDeps, inEachLocale, type Localized } from '../feature.ts';
import { messagesFor } from '../messages/index.ts';
import type { Choice, Locale } from '../ports.ts';
import { writeLocale } from '../preferences.ts';

/** What the basics read from the rest of the composition. */
export interface BasicsRegistry {
  /** Every composed feature's command help lines, in one language. */
  helpLines(locale: Locale): string[];
  /** The buttons the features add under the welcome. */
  menu(locale: Locale): Choice[];
}

const both = (pick: (m: ReturnType<typeof messagesFor>) => string): Localized =>
  inEachLocale((locale) => pick(messagesFor(locale)));

/** Builds the basics feature. */
export function createBasicsFeature(deps: FeatureDeps, registry: BasicsRegistry): Feature {
  const { knowledge, store } = deps;
  const help = (locale: Locale): string => {
    const m = messagesFor(locale);
    return [m.helpIntro, '', m.commandsHeading, ...registry.helpLines(locale)].join('\n');
  };
  return {
    name: 'basics',
    commands: [
      {
        name: 'start',
        async handle(turn) {
          const menu = registry.menu(turn.locale);
          const text = `${messagesFor(turn.locale).welcome}\n\n${help(turn.locale)}`;
          return [menu.length ? { text, choices: menu } : { text }];
        },
      },
      {
        name: 'source',
        help: both((m) => m.helpSource),
        async handle(turn) {
          return [{ text: messagesFor(turn.locale).source(knowledge.catalogue) }];
        },
      },
      {
        name: 'lang',
        help: both((m) => m.helpLang),
        async handle(turn) {
          const arg = turn.command.arg;
          const locale: Locale | undefined = /^zh(-cn)?$|^中文$/i.test(arg)
            ? 'zh-CN'
            : /^en(glish)?$/i.test(arg)
              ? 'en'
              : undefined;
          if (!locale) return [{ text: messagesFor(turn.locale).langUsage }];
          await writeLocale(store, turn.user, locale);
          return [{ text: messagesFor(locale).langSet }];
        },
      },
      {
        name: 'help',
        help: both((m) => m.helpHelp),
        async handle(turn) {
          return [{ text: help(turn.locale) }];
        },
      },
    ],
  };
}
