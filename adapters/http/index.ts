/**
 * @module adapters/http
 * The one HTTP server of the process, on `PORT`: `GET /healthz` (the process is up), `GET /readyz`
 * (the store answers) and the handlers platforms mount on it (Telegram's webhook path, later Slack's
 * `POST /slack/events`). Mounting is one call: `server.mount('POST', '/slack/events', handler)`.
 *
 * @example
 * const http = createHttpServer({ ready: () => storeReachable(store) });
 * http.mount('POST', '/telegram/hook', telegramWebhook);
 * await http.listen(config.PORT);
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger, Store } from '../../src/index.ts';

/** A request handler mounted on the server; it owns the response. */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Options for {@link createHttpServer}. */
export interface HttpServerOptions {
  /** Whether the process can serve (`/readyz`); a throw counts as not ready. @default always ready */
  ready?: () => Promise<boolean>;
  /** @default no logging */
  logger?: Logger;
}

/** The process's HTTP server. */
export interface HttpServer {
  /** Routes `method path` (exact path, no query) to `handler`; a later mount of the same route replaces it. */
  mount(method: string, path: string, handler: HttpHandler): void;
  /** Starts listening; resolves with the port (pass 0 for any free one). @default host '0.0.0.0' */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections and closes idle ones; resolves when the server has closed. */
  close(): Promise<void>;
  /** The node server (tests). */
  readonly server: Server;
}

/** Sends a small plain-text or JSON answer. */
export function respond(res: ServerResponse, status: number, body: string | object = ''): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * Reads a request body up to `limit` bytes; rejects (with `code: 'too_large'`) beyond it, so a
 * client cannot make the server buffer without bound.
 */
export function readBody(req: IncomingMessage, limit = 1_000_000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(Object.assign(new Error('request body too large'), { code: 'too_large' }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** `/readyz` for a store: reachable when a read completes. */
export function storeReachable(store: Store): () => Promise<boolean> {
  return async () => {
    await store.get('readyz:probe');
    return true;
  };
}

/** Builds the server with `/healthz` and `/readyz` mounted. */
export function createHttpServer(options: HttpServerOptions = {}): HttpServer {
  const { ready = async () => true, logger } = options;
  const routes = new Map<string, HttpHandler>();
  const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handler = routes.get(key(req.method ?? 'GET', path));
    if (!handler) {
      const known = [...routes.keys()].some((k) => k.endsWith(` ${path}`));
      respond(res, known ? 405 : 404, known ? 'method not allowed' : 'not found');
      return;
    }
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        logger?.error({ path, err: error instanceof Error ? error.message : String(error) }, 'http handler failed');
        if (!res.headersSent) respond(res, 500, 'internal error');
        else res.end();
      });
  });
  server.keepAliveTimeout = 65_000;

  const mount = (method: string, path: string, handler: HttpHandler): void => {
    routes.set(key(method, path), handler);
  };
  mount('GET', '/healthz', (_req, res) => respond(res, 200, { status: 'ok' }));
  mount('GET', '/readyz', async (_req, res) => {
    let ok = false;
    try {
      ok = await ready();
    } catch (error) {
      logger?.warn({ err: error instanceof Error ? error.message : String(error) }, 'readyz: not ready');
    }
    respond(res, ok ? 200 : 503, { status: ok ? 'ready' : 'unavailable' });
  });

  return {
    server,
    mount,
    listen(port, host = '0.0.0.0') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}
