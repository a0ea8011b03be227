/**
 * The worker thread of write/spare-listing.ts: lists the spare it is given, answers once, and
 * ends. It imports nothing of the build (write/spare-listing.ts imports only Node's own modules),
 * so that it starts in a few tens of milliseconds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { listEntries, type ListingAnswer } from './spare-listing.js';

let answer: ListingAnswer;
try {
  answer = listEntries(workerData as string);
} catch (error) {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  answer = {
    error: error instanceof Error ? error.message : String(error),
    ...(typeof code === 'string' ? { code } : {}),
  };
}
parentPort?.postMessage(answer);
