/**
 * @module errors
 * One error root with stable string codes. Unknown errors are wrapped at the boundary with
 * {@link asBotError} so logs always carry a code and the original `cause`.
 */

/** Stable codes operators can grep for. */
export type ErrorCode =
  | 'config_invalid'
  | 'knowledge_invalid'
  | 'knowledge_clause_missing'
  | 'state_unavailable'
  | 'state_corrupt'
  | 'usage'
  | 'internal';

/** The root of every error the bot raises on purpose. */
export class BotError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BotError';
    this.code = code;
  }
}

/** Configuration (environment) is missing or malformed; the message names the variable. */
export class ConfigError extends BotError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('config_invalid', message, options);
    this.name = 'ConfigError';
  }
}

/** A knowledge file does not match its schema or the plan text does not parse as expected. */
export class KnowledgeError extends BotError {
  constructor(
    message: string,
    options?: {
      cause?: unknown;
      code?: 'knowledge_invalid' | 'knowledge_clause_missing';
    },
  ) {
    super(options?.code ?? 'knowledge_invalid', message, options);
    this.name = 'KnowledgeError';
  }
}

/** The store failed or returned something that does not validate. */
export class StateError extends BotError {
  constructor(message: string, options?: { cause?: unknown; code?: 'state_unavailable' | 'state_corrupt' }) {
    super(options?.code ?? 'state_unavailable', message, options);
    this.name = 'StateError';
  }
}

/** Wraps anything thrown into a {@link BotError}, keeping the original as `cause`. */
export function asBotError(error: unknown): BotError {
  if (error instanceof BotError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BotError('internal', message, { cause: error });
}
