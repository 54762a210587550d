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
  TELEGRAM_BOT_TOKEN: optionalSecret,
  SLACK_BOT_TOKEN: optionalSecret,
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_APP_TOKEN: optionalSecret,
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
  return parsed.data;
}

/** True when any chat platform has a token, i.e. the console chat should not run. */
export function hasPlatformToken(config: Config): boolean {
  return Boolean(config.TELEGRAM_BOT_TOKEN || config.SLACK_BOT_TOKEN || config.SLACK_APP_TOKEN);
}
