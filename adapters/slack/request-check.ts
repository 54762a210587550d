/**
 * @module adapters/slack/request-check
 * The check in front of Bolt's own verification on `POST /slack/events`: a request without both
 * signature headers, or stamped more than five minutes in the future, gets 401 and goes no further.
 * Bolt then refuses a timestamp more than five minutes old and checks the HMAC-SHA256 signature
 * over `v0:timestamp:body` in constant time; only its verification decides that a request is Slack's.
 */
import type { IncomingMessage } from 'node:http';

/** The largest clock difference allowed either way, in seconds (Slack's and Bolt's five minutes). */
export const MAX_SKEW_SECONDS = 300;

/** Why a request is refused before Bolt sees it, or `undefined` to let Bolt verify it. */
export function refuseEarly(
  req: Pick<IncomingMessage, 'headers'>,
  nowMs: number,
  maxSkewSeconds: number = MAX_SKEW_SECONDS,
): 'missing_signature' | 'bad_timestamp' | 'future_timestamp' | undefined {
  const signature = req.headers['x-slack-signature'];
  const stamp = req.headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof stamp !== 'string' || !signature || !stamp) return 'missing_signature';
  if (!/^\d{1,12}$/.test(stamp.trim())) return 'bad_timestamp';
  if (Number(stamp) > Math.floor(nowMs / 1000) + maxSkewSeconds) return 'future_timestamp';
  return undefined;
}
