/**
 * Server-sent events to the open pages (`text/event-stream`): a named event and one line of JSON
 * each. A comment every 20 seconds keeps idle connections open through proxies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface EventHub {
  /** Takes a request to the events path and keeps its response open; `hello` is sent first. */
  connect(request: IncomingMessage, response: ServerResponse, hello: unknown): void;
  /** Sends an event to every open page. */
  send(name: 'built' | 'problems', data: unknown): void;
  /** How many pages listen. */
  readonly size: number;
  /** Ends every stream. */
  close(): void;
}

const HEARTBEAT_MS = 20_000;

export function createEventHub(): EventHub {
  const clients = new Set<ServerResponse>();
  const frame = (name: string, data: unknown): string => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    connect(request, response, hello) {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      // Reconnect soon after the server restarts (the default wait is about 3 s in browsers).
      response.write(`retry: 500\n${frame('hello', hello)}`);
      clients.add(response);
      request.on('close', () => clients.delete(response));
    },
    send(name, data) {
      const text = frame(name, data);
      for (const client of clients) client.write(text);
    },
    get size() {
      return clients.size;
    },
    close() {
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
    },
  };
}
