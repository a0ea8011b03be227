/**
 * A WebSub hub on loopback for tests: it records every request (method, content type, the form
 * fields as a form parser reads them) and answers each as the test says: a status and body, or
 * never (a hub that hangs).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HubRequest {
  method: string;
  contentType: string | undefined;
  /** The body's fields, read by `URLSearchParams` (the WHATWG form parser). */
  form: Record<string, string[]>;
}

/** How the hub answers one request: a status (and body), or `hang` to never answer. */
export type HubAnswer = { status: number; body?: string } | 'hang';

export interface LoopbackHub {
  url: string;
  requests: HubRequest[];
  /** Sets how the next requests are answered: one answer each, then the last one for every request after. */
  answer(...answers: HubAnswer[]): void;
  close(): Promise<void>;
}

export async function startHub(): Promise<LoopbackHub> {
  const requests: HubRequest[] = [];
  let answers: HubAnswer[] = [{ status: 202 }];
  const hanging: ServerResponse[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const form: Record<string, string[]> = {};
      for (const [name, value] of new URLSearchParams(Buffer.concat(chunks).toString('utf8'))) {
        form[name] = [...(form[name] ?? []), value];
      }
      requests.push({ method: request.method ?? '', contentType: request.headers['content-type'], form });
      const answer = (answers.length > 1 ? answers.shift() : answers[0]) ?? { status: 202 };
      if (answer === 'hang') {
        hanging.push(response);
        return;
      }
      response.writeHead(answer.status, { 'content-type': 'text/plain' });
      response.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hub`,
    requests,
    answer: (...next) => {
      answers = next;
    },
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
