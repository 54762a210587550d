/**
 * @module config
 * The environment, validated once at start. `loadConfig` takes the env object as a parameter so
 * only the composition files read the process environment; an error names the variable and what to do.
 */
import { z } from 'zod';
import { ConfigError } from './errors.ts';

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v?.trim() ? v.trim() : undefined));

/** True for `MM-DD` naming a day some year has (`02-29` yes, `02-30` no). */
function isMonthDay(value: string): boolean {
  const [month = 0, day = 0] = value.split('-').map(Number);
  // 2024 is a leap year, so every day that exists in some year exists in it.
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(2024, month, 0)).getUTCDate();
}

/** A comma-separated list of `<platform>:<id>` references, each checked; `[]` when unset. */
function refList(kind: 'chat' | 'user') {
  return z
    .string()
    .default('')
    .transform((v, ctx) => {
      const refs = v
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== '');
      const bad = refs.find((r) => !/^(telegram|slack|console):[^\s,]+$/.test(r));
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `${JSON.stringify(bad.slice(0, 40))} is not a ${kind} reference` });
        return z.NEVER;
      }
      return [...new Set(refs)] as `${'telegram' | 'slack' | 'console'}:${string}`[];
    });
}

const envSchema = z.object({
  STORE_URL: z
    .string()
    .trim()
    .min(1)
    .default('sqlite://./data/bot.sqlite')
    .describe('sqlite://<path> (redis:// and postgresql:// come later)'),
  PORT: z.coerce.number().int().min(1).max(65535).default(8080).describe('a TCP port, 1–65535'),
  LANG_DEFAULT: z.enum(['zh-CN', 'en']).default('zh-CN').describe('zh-CN or en'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .optional()
    .describe('a pino level: error, warn, info, debug …'),
  DIALOG_TTL_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(90)
    .describe('a whole number of days, 1–3650: how long an untouched self-check dialog is kept'),
  QA_CONTEXT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(30)
    .describe(
      'a whole number of minutes, 1–1440: how long a follow-up (那研发经费呢？) is read against the last answer',
    ),
  ANNUAL_SUMMARY_DUE: z
    .string()
    .trim()
    .regex(/^\d{2}-\d{2}$/, 'MM-DD')
    .refine(isMonthDay, 'no such day in any year')
    .default('01-31')
    .describe('MM-DD, a day that exists in some year (02-29 is allowed, 02-30 is not): when the annual summary is due'),
  EVALUATION_EVERY_YEARS: z.coerce
    .number()
    .int()
    .min(1)
    .max(10)
    .default(3)
    .describe('a whole number of years, 1–10: the evaluation cycle counted from 认定日期'),
  REMINDER_TIME: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM')
    .default('09:00')
    .describe('HH:MM (00:00–23:59), the local time in Asia/Shanghai at which reminders are sent'),
  REMINDER_STAGES_DAYS: z
    .string()
    .trim()
    .default('30,7,1,0')
    .transform((v, ctx) => {
      const parts = v.split(',').map((p) => p.trim());
      if (parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 366)) {
        ctx.addIssue({ code: 'custom', message: 'not a list of whole days' });
        return z.NEVER;
      }
      return [...new Set(parts.map(Number))].sort((a, b) => b - a);
    })
    .describe('comma-separated whole days before the due day, 0–366 (0 = on the day), e.g. 30,7,1,0'),
  REMINDER_OVERDUE_EVERY_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(90)
    .default(7)
    .describe('a whole number of days, 1–90, between overdue annual-summary reminders'),
  REMINDER_OVERDUE_MAX: z.coerce
    .number()
    .int()
    .min(0)
    .max(52)
    .default(4)
    .describe('a whole number, 0–52: how many overdue annual-summary reminders at most'),
  STAFF_CHATS: refList('chat').describe(
    'a comma-separated list of chats such as telegram:-1001234,slack:C0123,console:local: where staff notices go',
  ),
  ADMINS: refList('user').describe(
    'a comma-separated list of users such as telegram:42,slack:U0ABC,console:local: city-level staff',
  ),
  TELEGRAM_BOT_TOKEN: optionalSecret,
  SLACK_BOT_TOKEN: optionalSecret,
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_APP_TOKEN: optionalSecret,
  TELEGRAM_API_ROOT: z
    .url({ protocol: /^https?$/ })
    .trim()
    .transform((v) => v.replace(/\/+$/, ''))
    .optional()
    .describe('an http(s) URL of a Bot API server without the /bot<token> part, e.g. http://127.0.0.1:8081'),
  TELEGRAM_WEBHOOK_URL: z
    .url({ protocol: /^https?$/ })
    .trim()
    .optional()
    .describe(
      'the public https URL Telegram posts updates to, e.g. https://bot.example.cn/telegram/hook; its path is served on PORT',
    ),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, '1–256 characters A–Z, a–z, 0–9, _ and -')
    .optional()
    .describe(
      '1–256 characters of A–Z, a–z, 0–9, _ and -, required with TELEGRAM_WEBHOOK_URL (e.g. openssl rand -hex 32)',
    ),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/ })
    .trim()
    .transform((v) => (v.endsWith('/') ? v : `${v}/`))
    .optional()
    .describe(
      "an http(s) URL of Slack's Web API, ending in /api/, e.g. https://slack.com/api/ (Bolt's clientOptions.slackApiUrl)",
    ),
  SLACK_COMMAND: z
    .string()
    .trim()
    .regex(/^\/[a-z0-9_-]{1,31}$/, 'a slash and 1–31 characters a–z, 0–9, _ and -')
    .default('/mic')
    .describe('the slash command as created in the Slack app (Features → Slash Commands), e.g. /mic'),
  DEDUPE_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(720)
    .default(24)
    .describe('a whole number of hours, 1–720: how long an update or event ID is remembered'),
});

/** The validated configuration. */
export type Config = z.infer<typeof envSchema>;

/**
 * Validates the environment.
 *
 * @throws ConfigError naming the first bad variable and the accepted values
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const field = envSchema.shape[name as keyof typeof envSchema.shape];
    const hint = field?.description ? `; expected ${field.description}` : '';
    throw new ConfigError(`${name} is invalid: ${issue?.message ?? 'bad value'}${hint}`, { cause: parsed.error });
  }
  if (parsed.data.TELEGRAM_WEBHOOK_URL && !parsed.data.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(
      `TELEGRAM_WEBHOOK_SECRET is required with TELEGRAM_WEBHOOK_URL; expected ${envSchema.shape.TELEGRAM_WEBHOOK_SECRET.description}`,
    );
  }
  const slack = parsed.data;
  if (slack.SLACK_APP_TOKEN && !slack.SLACK_APP_TOKEN.startsWith('xapp-')) {
    throw new ConfigError(
      'SLACK_APP_TOKEN is invalid: expected an app-level token xapp-… with the connections:write scope (Slack app → Basic Information → App-Level Tokens)',
    );
  }
  if (slack.SLACK_BOT_TOKEN && !slack.SLACK_BOT_TOKEN.startsWith('xoxb-')) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN is invalid: expected a bot token xoxb-… (Slack app → OAuth & Permissions → Bot User OAuth Token)',
    );
  }
  if ((slack.SLACK_SIGNING_SECRET || slack.SLACK_APP_TOKEN) && !slack.SLACK_BOT_TOKEN) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN is required with SLACK_SIGNING_SECRET or SLACK_APP_TOKEN: expected a bot token xoxb-… (Slack app → OAuth & Permissions → Bot User OAuth Token)',
    );
  }
  if (slack.SLACK_BOT_TOKEN && !slack.SLACK_APP_TOKEN && !slack.SLACK_SIGNING_SECRET) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET is required with SLACK_BOT_TOKEN over HTTP (Slack app → Basic Information → App Credentials → Signing Secret); or set SLACK_APP_TOKEN for Socket Mode',
    );
  }
  return parsed.data;
}

/** True when any chat platform has a token, i.e. the console chat should not run. */
export function hasPlatformToken(config: Config): boolean {
  return Boolean(config.TELEGRAM_BOT_TOKEN || config.SLACK_BOT_TOKEN || config.SLACK_APP_TOKEN);
}
