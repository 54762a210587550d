/**
 * A fake Telegram Bot API server on 127.0.0.1 for the adapter's tests and the benchmark. The real
 * grammY client talks to it through `apiRoot` (`TELEGRAM_API_ROOT`): `getUpdates` long-polls a
 * queue the test pushes updates into, the send methods answer with messages shaped like Telegram's,
 * and every call is recorded with its time. `intercept` lets a test answer a call itself (429, 403).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update, UserFromGetMe } from 'grammy/types';

/** A token of the shape @BotFather issues. */
export const FAKE_TOKEN = '123456789:AAFakeTokenForTestsOnly_abcdefghijkl';

/** The bot the fake server is. */
export const FAKE_BOT: UserFromGetMe = {
  id: 123456789,
  is_bot: true,
  first_name: '创新中心政策助手',
  username: 'mic_policy_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
} as UserFromGetMe;

/** An uploaded file of a multipart call. */
export interface UploadedFile {
  field: string;
  filename: string;
  content: Buffer;
}

/** One call the server received. */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  files: UploadedFile[];
  /** `performance.now()` when the request arrived. */
  at: number;
}

/** A Bot API answer (what the server sends back). */
export interface ApiAnswer {
  ok: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

/** Splits a multipart/form-data body into fields and files. */
function parseMultipart(body: Buffer, boundary: string): { fields: Record<string, string>; files: UploadedFile[] } {
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    const quoted = /filename=(?:"([^"]*)"|([^\r\n;]*))/.exec(head);
    const filename = quoted ? (quoted[1] ?? quoted[2] ?? '') : undefined;
    if (filename !== undefined) files.push({ field: name, filename, content: Buffer.from(content) });
    else fields[name] = content.toString('utf8');
    start = next;
  }
  return { fields, files };
}

const readAll = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'blockquote',
  'tg-spoiler',
  'span',
]);

/**
 * Reads Telegram HTML as the Bot API does (the subset it accepts) and returns its plain text;
 * throws where Telegram answers "can't parse entities" (an unknown or unclosed tag, a bare `<`,
 * an `&` that starts no entity).
 */
export function parseTelegramHtml(html: string): string {
  let out = '';
  const open: string[] = [];
  for (let i = 0; i < html.length; ) {
    const c = html[i] ?? '';
    if (c === '<') {
      const m = /^<(\/?)([a-z-]+)(\s[^<>]*)?>/.exec(html.slice(i));
      if (!m || !TAGS.has(m[2] ?? '')) throw new Error(`can't parse entities: unsupported start tag at ${i}`);
      if (m[1]) {
        if (open.pop() !== m[2]) throw new Error(`can't parse entities: unmatched end tag at ${i}`);
      } else open.push(m[2] ?? '');
      i += m[0].length;
    } else if (c === '&') {
      const m = /^&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/i.exec(html.slice(i));
      if (!m) throw new Error(`can't parse entities: bad entity at ${i}`);
      out +=
        { lt: '<', gt: '>', amp: '&', quot: '"' }[m[1] ?? ''] ??
        String.fromCodePoint(Number(`0${(m[1] ?? '').slice(1)}`));
      i += m[0].length;
    } else if (c === '>') {
      throw new Error(`can't parse entities: bare > at ${i}`);
    } else {
      out += c;
      i += 1;
    }
  }
  if (open.length) throw new Error("can't parse entities: unclosed tag");
  return out;
}

/** Builders of updates shaped like Telegram's. */
export interface ChatSpec {
  chatId: number;
  userId: number;
  /** @default 'private' (a negative chat id defaults to 'supergroup') */
  type?: 'private' | 'group' | 'supergroup';
  languageCode?: string;
}

/** The fake server. */
export class FakeBotApi {
  readonly calls: RecordedCall[] = [];
  /**
   * Answers a call itself when it returns an answer (`error_code: -1` drops the connection instead);
   * otherwise the default answer is given.
   */
  intercept?: (call: RecordedCall) => ApiAnswer | undefined;
  private server: Server | undefined;
  private updates: Update[] = [];
  private waiting: (() => void)[] = [];
  private nextUpdateId = 1000;
  private nextMessageId = 1;
  private listeners: (() => void)[] = [];
  /** Messages the bot sent, by message id (their chat and text). */
  readonly sentMessages = new Map<number, { chatId: number; text: string }>();

  /** Starts the server on a free loopback port; resolves with the API root to give grammY. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then((answer) => {
        // error_code -1: the connection drops without an answer (a network error at the client).
        if (answer.error_code === -1) {
          res.socket?.destroy();
          return;
        }
        const body = JSON.stringify(answer);
        res.writeHead(answer.ok ? 200 : (answer.error_code ?? 400), {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this.apiRoot;
  }

  get apiRoot(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('the fake Bot API is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** Stops the server, releasing long polls. */
  async close(): Promise<void> {
    for (const w of this.waiting.splice(0)) w();
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Queues an update for `getUpdates`; returns it with its `update_id`. */
  push(update: Omit<Update, 'update_id'> & { update_id?: number }): Update {
    const u = { ...update, update_id: update.update_id ?? this.nextUpdateId++ } as Update;
    this.updates.push(u);
    for (const w of this.waiting.splice(0)) w();
    return u;
  }

  /** A text message update (not queued). */
  text(spec: ChatSpec, text: string, extra: Record<string, unknown> = {}): Omit<Update, 'update_id'> {
    const type = spec.type ?? (spec.chatId < 0 ? 'supergroup' : 'private');
    const command = /^\/[A-Za-z0-9_@]+/.exec(text);
    return {
      message: {
        message_id: this.nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat:
          type === 'private'
            ? { id: spec.chatId, type, first_name: '用户' }
            : { id: spec.chatId, type, title: '测试群' },
        from: {
          id: spec.userId,
          is_bot: false,
          first_name: '用户',
          ...(spec.languageCode ? { language_code: spec.languageCode } : {}),
        },
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
        ...extra,
      },
    } as Omit<Update, 'update_id'>;
  }

  /** A button press on a message the bot sent (not queued). */
  press(spec: ChatSpec, messageId: number, data: string): Omit<Update, 'update_id'> {
    const type = spec.type ?? (spec.chatId < 0 ? 'supergroup' : 'private');
    const sent = this.sentMessages.get(messageId);
    return {
      callback_query: {
        id: `cq${this.nextMessageId++}`,
        from: {
          id: spec.userId,
          is_bot: false,
          first_name: '用户',
          ...(spec.languageCode ? { language_code: spec.languageCode } : {}),
        },
        chat_instance: `ci${spec.chatId}`,
        data,
        message: {
          message_id: messageId,
          date: Math.floor(Date.now() / 1000),
          chat:
            type === 'private'
              ? { id: spec.chatId, type, first_name: '用户' }
              : { id: spec.chatId, type, title: '测试群' },
          from: { id: FAKE_BOT.id, is_bot: true, first_name: FAKE_BOT.first_name, username: FAKE_BOT.username },
          text: sent?.text ?? '',
        },
      },
    } as Omit<Update, 'update_id'>;
  }

  /** Calls of one method. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages (`sendMessage` and `sendDocument`) sent to one chat, in order. */
  sentTo(chatId: number): RecordedCall[] {
    return this.calls.filter(
      (c) => (c.method === 'sendMessage' || c.method === 'sendDocument') && Number(c.params.chat_id) === chatId,
    );
  }

  /** Resolves once `predicate` holds (checked after every call), or rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        reject(new Error('waitFor: timed out'));
      }, timeoutMs);
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve();
      };
      this.listeners.push(check);
    });
  }

  private async handle(req: IncomingMessage): Promise<ApiAnswer> {
    const at = performance.now();
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const body = await readAll(req);
    if (!m || m[1] !== FAKE_TOKEN) return { ok: false, error_code: 401, description: 'Unauthorized' };
    const method = m[2] ?? '';
    const type = req.headers['content-type'] ?? '';
    let params: Record<string, unknown> = {};
    let files: UploadedFile[] = [];
    if (type.startsWith('multipart/form-data')) {
      const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
      const parsed = parseMultipart(body, boundary?.[1] ?? boundary?.[2] ?? '');
      params = Object.fromEntries(
        Object.entries(parsed.fields).map(([k, v]) => {
          try {
            return [k, JSON.parse(v)];
          } catch {
            return [k, v];
          }
        }),
      );
      files = parsed.files;
    } else if (body.length) {
      params = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    }
    const call: RecordedCall = { method, params, files, at };
    if (method === 'getUpdates') return this.getUpdates(params);
    this.calls.push(call);
    const answer = this.intercept?.(call) ?? this.answer(call);
    for (const l of [...this.listeners]) l();
    return answer;
  }

  private async getUpdates(params: Record<string, unknown>): Promise<ApiAnswer> {
    const offset = Number(params.offset ?? 0);
    const limit = Number(params.limit ?? 100);
    this.updates = this.updates.filter((u) => u.update_id >= offset);
    if (!this.updates.length) {
      const timeout = Number(params.timeout ?? 0) * 1000;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(timeout, 30_000));
        this.waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return { ok: true, result: this.updates.slice(0, limit) };
  }

  private answer(call: RecordedCall): ApiAnswer {
    const { method, params } = call;
    const chatId = Number(params.chat_id);
    const message = (extra: Record<string, unknown>) => {
      const id = this.nextMessageId++;
      const text = typeof params.text === 'string' ? params.text : '';
      this.sentMessages.set(id, { chatId, text });
      return {
        ok: true,
        result: {
          message_id: id,
          date: Math.floor(Date.now() / 1000),
          chat:
            chatId < 0
              ? { id: chatId, type: 'supergroup', title: '测试群' }
              : { id: chatId, type: 'private', first_name: '用户' },
          from: { id: FAKE_BOT.id, is_bot: true, first_name: FAKE_BOT.first_name, username: FAKE_BOT.username },
          ...extra,
        },
      };
    };
    switch (method) {
      case 'getMe':
        return { ok: true, result: FAKE_BOT };
      case 'sendMessage': {
        let text = String(params.text ?? '');
        if (params.parse_mode === 'HTML') {
          try {
            text = parseTelegramHtml(text);
          } catch (error) {
            return { ok: false, error_code: 400, description: `Bad Request: ${(error as Error).message}` };
          }
        }
        if (!text.trim()) return { ok: false, error_code: 400, description: 'Bad Request: message text is empty' };
        if (text.length > 4096) return { ok: false, error_code: 400, description: 'Bad Request: message is too long' };
        return message({ text });
      }
      case 'sendDocument':
        return message({
          document: { file_id: `f${this.nextMessageId}`, file_unique_id: 'u', file_name: call.files[0]?.filename },
        });
      case 'editMessageReplyMarkup':
        return { ok: true, result: true };
      default:
        return { ok: true, result: true };
    }
  }
}
