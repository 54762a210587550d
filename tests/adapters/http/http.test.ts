import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer, readBody, respond, storeReachable } from '../../../adapters/http/index.ts';
import { MemoryStore } from '../../../src/index.ts';

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('http server', () => {
  it('should serve /healthz, /readyz from the store, and a mounted handler; 404 and 405 otherwise', async () => {
    const store = new MemoryStore();
    server = createHttpServer({ ready: storeReachable(store) });
    server.mount('POST', '/slack/events', async (req, res) => {
      respond(res, 200, { got: (await readBody(req)).toString('utf8') });
    });
    const port = await server.listen(0, '127.0.0.1');
    const url = (path: string) => `http://127.0.0.1:${port}${path}`;
    expect(await (await fetch(url('/healthz'))).json()).toEqual({ status: 'ok' });
    expect((await fetch(url('/readyz'))).status).toBe(200);
    const posted = await fetch(url('/slack/events?x=1'), { method: 'POST', body: 'hello' });
    expect(await posted.json()).toEqual({ got: 'hello' });
    expect((await fetch(url('/slack/events'))).status).toBe(405);
    expect((await fetch(url('/nowhere'))).status).toBe(404);

    await store.close();
    const ready = await fetch(url('/readyz'));
    expect(ready.status).toBe(503);
  });

  it('should answer 500 when a handler throws, and refuse a body over the limit', async () => {
    server = createHttpServer();
    server.mount('GET', '/boom', () => {
      throw new Error('boom');
    });
    server.mount('POST', '/small', async (req, res) => {
      try {
        await readBody(req, 10);
        respond(res, 200);
      } catch {
        respond(res, 413);
      }
    });
    const port = await server.listen(0, '127.0.0.1');
    expect((await fetch(`http://127.0.0.1:${port}/boom`)).status).toBe(500);
    const big = await fetch(`http://127.0.0.1:${port}/small`, { method: 'POST', body: 'x'.repeat(100) }).catch(
      () => undefined,
    );
    // The server answers 413 or drops the connection once the limit is passed; either way nothing is buffered.
    expect(big === undefined || big.status === 413).toBe(true);
  });
});
