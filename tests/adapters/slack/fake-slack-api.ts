/**
 * A fake Slack Web API on 127.0.0.1 for the adapter's tests and the benchmark. The real Web API
 * client (Bolt's) talks to it through `slackApiUrl` (`SLACK_API_URL`): it answers `auth.test`,
 * `chat.postMessage`, `chat.update`, `conversations.open`, `views.publish` and the three steps of
 * `files.uploadV2` (`files.getUploadURLExternal`, the upload POST, `files.completeUploadExternal`),
 * and hands out `response_url`s that record what is posted to them. Every call is recorded;
 * `intercept` lets a test answer a call itself (a 429, `channel_not_found`).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The bot the fake workspace has. */
export const FAKE_BOT = { userId: 'UBOT0001', botId: 'BBOT0001', teamId: 'T0TEST01' } as const;
/** The bot token the fake server accepts. */
export const FAKE_SLACK_TOKEN = 'xoxb-0000-test-token';

/** One call the server received. */
export interface SlackCall {
  /** A Web API method (`chat.postMessage`), `upload` for a file upload POST, `respond` for a response_url. */
  method: string;
  params: Record<string, unknown>;
  /** The raw body of an upload. */
  raw?: Buffer;
  /** `performance.now()` when it arrived. */
  at: number;
}

/** An answer of the fake server. */
export interface SlackAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: Record<string, unknown> | string;
}

const readAll = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** The first file part of a multipart/form-data body (the Web API client uploads files so). */
function fileOfMultipart(body: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const delimiter = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ''}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (/filename=/.test(part.subarray(0, split).toString('utf8'))) return Buffer.from(part.subarray(split + 4));
    start = next;
  }
  return body;
}

/** Fields the Web API client sends as JSON strings inside a form body. */
const JSON_FIELDS = new Set(['blocks', 'view', 'files', 'attachments']);

/** Every text a Slack message or view shows: its `text` and every text object in its blocks. */
export function textsOf(params: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof params.text === 'string') out.push(params.text);
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'text' && typeof x === 'string') out.push(x);
        else walk(x);
      }
    }
  };
  walk(params.blocks);
  walk(params.view);
  return out;
}

/** Reads Slack mrkdwn as a user sees it: entities decoded (the tests compare against plain text). */
export const shown = (params: Record<string, unknown> | undefined): string =>
  textsOf(params ?? {})
    .slice(params?.blocks || params?.view ? 1 : 0)
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The buttons of a message: label, action_id and value. */
export function buttonsOf(
  params: Record<string, unknown> | undefined,
): { label: string; actionId: string; value: string }[] {
  const blocks = (params?.blocks ?? (params?.view as { blocks?: unknown[] } | undefined)?.blocks ?? []) as {
    type: string;
    elements?: { type: string; action_id: string; value: string; text: { text: string } }[];
  }[];
  return blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({ label: e.text.text, actionId: e.action_id, value: e.value }));
}

/** The fake server. */
export class FakeSlackApi {
  readonly calls: SlackCall[] = [];
  /** Answers a call itself when it returns an answer; otherwise the default answer is given. */
  intercept?: (call: SlackCall) => SlackAnswer | undefined;
  /** Messages posted, by `channel:ts`, as last posted or updated. */
  readonly messages = new Map<string, Record<string, unknown>>();
  private server: Server | undefined;
  private nextTs = 1_700_000_000_000_000;
  private nextFile = 1;
  private nextResponse = 1;
  private listeners: (() => void)[] = [];

  /** Starts the server on a free loopback port; resolves with the Web API root (`…/api/`). */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req).then((answer) => {
        const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        res.writeHead(answer.status ?? 200, {
          'content-type': typeof answer.body === 'string' ? 'text/plain' : 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          ...answer.headers,
        });
        res.end(body);
      });
    });
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this.apiUrl;
  }

  get root(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('the fake Slack API is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** The Web API root to give the client (`SLACK_API_URL`). */
  get apiUrl(): string {
    return `${this.root}/api/`;
  }

  /** A fresh `response_url` on this server. */
  responseUrl(): string {
    return `${this.root}/respond/${this.nextResponse++}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Calls of one method. */
  callsOf(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** `chat.postMessage` calls into one channel, in order. */
  postedTo(channel: string): SlackCall[] {
    return this.calls.filter((c) => c.method === 'chat.postMessage' && c.params.channel === channel);
  }

  /** What was posted to one `response_url`, in order. */
  responsesTo(url: string): SlackCall[] {
    return this.calls.filter((c) => c.method === 'respond' && c.params.url === url);
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

  private record(call: SlackCall): SlackAnswer {
    this.calls.push(call);
    const answer = this.intercept?.(call) ?? this.answer(call);
    for (const l of [...this.listeners]) l();
    return answer;
  }

  private async handle(req: IncomingMessage): Promise<SlackAnswer> {
    const at = performance.now();
    const url = req.url ?? '';
    const body = await readAll(req);
    const upload = /^\/upload\/(\w+)$/.exec(url);
    if (upload) {
      const type = req.headers['content-type'] ?? '';
      const raw = type.startsWith('multipart/form-data') ? fileOfMultipart(body, type) : body;
      return this.record({ method: 'upload', params: { file: upload[1], contentType: type }, raw, at });
    }
    if (url.startsWith('/respond/')) {
      const params = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
      return this.record({ method: 'respond', params: { ...params, url: `${this.root}${url}` }, at });
    }
    const m = /^\/api\/([\w.]+)$/.exec(url);
    if (!m) return { status: 404, body: 'not found' };
    const method = m[1] ?? '';
    if (req.headers.authorization !== `Bearer ${FAKE_SLACK_TOKEN}`) {
      return { body: { ok: false, error: 'invalid_auth' } };
    }
    const type = req.headers['content-type'] ?? '';
    let params: Record<string, unknown> = {};
    if (type.startsWith('application/json')) {
      params = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
    } else {
      for (const [k, v] of new URLSearchParams(body.toString('utf8'))) {
        params[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
      }
    }
    return this.record({ method, params, at });
  }

  private answer(call: SlackCall): SlackAnswer {
    const { method, params } = call;
    switch (method) {
      case 'auth.test':
        return {
          body: {
            ok: true,
            url: 'https://test.slack.com/',
            team: 'Test',
            user: 'mic',
            team_id: FAKE_BOT.teamId,
            user_id: FAKE_BOT.userId,
            bot_id: FAKE_BOT.botId,
          },
        };
      case 'chat.postMessage': {
        const channel = String(params.channel ?? '');
        if (!params.text && !params.blocks) return { body: { ok: false, error: 'no_text' } };
        const ts = `${Math.floor(this.nextTs / 1e6)}.${String(this.nextTs % 1e6).padStart(6, '0')}`;
        this.nextTs += 1;
        const message = { ...params, ts, type: 'message', bot_id: FAKE_BOT.botId, user: FAKE_BOT.userId };
        this.messages.set(`${channel}:${ts}`, message);
        return { body: { ok: true, channel, ts, message } };
      }
      case 'chat.update': {
        const key = `${String(params.channel)}:${String(params.ts)}`;
        const before = this.messages.get(key);
        if (!before) return { body: { ok: false, error: 'message_not_found' } };
        this.messages.set(key, { ...before, ...params });
        return { body: { ok: true, channel: params.channel, ts: params.ts } };
      }
      case 'conversations.open':
        return { body: { ok: true, channel: { id: `D${String(params.users ?? '').slice(1)}` } } };
      case 'views.publish':
        return { body: { ok: true, view: { id: 'V1', ...(params.view as object) } } };
      case 'files.getUploadURLExternal': {
        const id = `F${this.nextFile++}`;
        return { body: { ok: true, upload_url: `${this.root}/upload/${id}`, file_id: id } };
      }
      case 'files.completeUploadExternal':
        return {
          body: {
            ok: true,
            files: (params.files as { id: string; title?: string }[]).map((f) => ({ ...f, name: f.title })),
          },
        };
      case 'upload':
      case 'respond':
        return { body: 'OK' };
      default:
        return { body: { ok: true } };
    }
  }
}
