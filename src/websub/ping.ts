/**
 * Tells each WebSub hub of the topics that changed since it last took a ping for them: a form
 * POST of `hub.mode=publish` and `hub.url=<topic>` per topic (the publish request the hubs in use
 * take: Google's, Superfeedr, WebSub.rocks). A request that times out, cannot connect, or gets a
 * 5xx or 429 is tried again after a wait that doubles; any other answer but a 2xx is a refusal.
 * Nothing is sent for a build that failed.
 */
import { type PingedTopics, readPinged, readPublished, savePinged } from './state.js';

export interface PingOptions {
  /** The output folder whose last build is told of. */
  outDir: string;
  /** Says what would be sent, and sends nothing. Default false. */
  dryRun?: boolean;
  /** How long one request may take. Default 10 s. */
  timeoutMs?: number;
  /** How many times a request is tried again after a failure that may pass. Default 3. */
  retries?: number;
  /** The wait before the first retry, doubled before each next one. Default 1 s. */
  backoffMs?: number;
}

/** What came of one topic at one hub. */
export interface PingResult {
  hub: string;
  topic: string;
  /**
   * `accepted`: the hub answered 2xx; `refused`: it answered something else, or could not be
   * reached in any try; `unchanged`: the topic is as the hub was last told; `planned`: `dryRun`.
   */
  outcome: 'accepted' | 'refused' | 'unchanged' | 'planned';
  /** The hub's last HTTP status, when it answered. */
  status?: number;
  /** The start of its answer's body, or why it could not be reached. */
  detail?: string;
  /** How many requests were sent. */
  attempts: number;
}

export interface PingReport {
  /** True when every hub took every changed topic. */
  ok: boolean;
  /** Why nothing was sent, when nothing could be: no build, a failed build, no hubs. */
  reason?: 'no-build' | 'failed-build' | 'no-hubs';
  results: PingResult[];
}

const DETAIL_LENGTH = 300;

export async function ping(options: PingOptions): Promise<PingReport> {
  const published = readPublished(options.outDir);
  if (published === undefined) return { ok: false, reason: 'no-build', results: [] };
  if (!published.ok) return { ok: false, reason: 'failed-build', results: [] };
  if (published.hubs.length === 0) return { ok: true, reason: 'no-hubs', results: [] };
  const before = readPinged(options.outDir);
  const pinged: PingedTopics = {};
  const results: PingResult[] = [];
  for (const hub of published.hubs) {
    const told = { ...before[hub] };
    for (const topic of published.topics) {
      if (told[topic.url] === topic.sha256) {
        results.push({ hub, topic: topic.url, outcome: 'unchanged', attempts: 0 });
        continue;
      }
      if (options.dryRun === true) {
        results.push({ hub, topic: topic.url, outcome: 'planned', attempts: 0 });
        continue;
      }
      const result = await publish(hub, topic.url, options);
      results.push(result);
      if (result.outcome === 'accepted') told[topic.url] = topic.sha256;
    }
    // Only the topics of this build: a topic the site no longer has is forgotten.
    pinged[hub] = Object.fromEntries(
      published.topics.flatMap((topic) => {
        const hash = told[topic.url];
        return hash === undefined ? [] : [[topic.url, hash] as const];
      }),
    );
  }
  if (options.dryRun !== true) savePinged(options.outDir, pinged);
  return { ok: results.every((result) => result.outcome !== 'refused'), results };
}

/** One publish request, tried again while its failure may pass. */
async function publish(hub: string, topic: string, options: PingOptions): Promise<PingResult> {
  const retries = options.retries ?? 3;
  let wait = options.backoffMs ?? 1000;
  let last: { status?: number; detail: string } = { detail: 'not sent' };
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    const answer = await send(hub, topic, options.timeoutMs ?? 10_000);
    if (answer.status !== undefined && answer.status >= 200 && answer.status < 300)
      return { hub, topic, outcome: 'accepted', status: answer.status, attempts: attempt };
    last = answer;
    const mayPass = answer.status === undefined || answer.status >= 500 || answer.status === 429;
    if (!mayPass || attempt > retries) {
      return {
        hub,
        topic,
        outcome: 'refused',
        ...(answer.status === undefined ? {} : { status: answer.status }),
        detail: answer.detail,
        attempts: attempt,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait *= 2;
  }
  return { hub, topic, outcome: 'refused', detail: last.detail, attempts: retries + 1 };
}

async function send(hub: string, topic: string, timeoutMs: number): Promise<{ status?: number; detail: string }> {
  try {
    const response = await fetch(hub, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'depeche (WebSub publisher)' },
      body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': topic }).toString(),
      // A redirect is an answer to report: followed, a POST would become a GET.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    return { status: response.status, detail: body.slice(0, DETAIL_LENGTH).trim() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if ((error as Error).name === 'TimeoutError') return { detail: `no answer within ${timeoutMs} ms` };
    return { detail: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}
