/**
 * @module adapters/logger
 * The process logger: pino JSON lines on stderr, so stdout stays the chat or the CLI's output.
 */
import pino from 'pino';
import type { Logger } from '../src/index.ts';

/** Creates the stderr JSON logger. */
export function createLogger(level: string = 'info'): Logger {
  const log = pino({ level, base: { app: 'mic-policy-assistant' } }, pino.destination(2));
  return {
    debug: (o, msg) => log.debug(o, msg),
    info: (o, msg) => log.info(o, msg),
    warn: (o, msg) => log.warn(o, msg),
    error: (o, msg) => log.error(o, msg),
  };
}
