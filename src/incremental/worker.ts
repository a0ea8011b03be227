/**
 * A worker thread of the build's pool (`incremental/pool.ts`): runs one shard (`incremental/shard.ts`) and
 * answers each call, in the order received.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ShardAnswer, ShardCall } from './pool.js';
import { createShard, type ShardSetup } from './shard.js';

const shard = createShard(workerData as ShardSetup);

function answer(call: ShardCall): unknown {
  switch (call.method) {
    case 'render':
      return shard.render(call.batch, call.write);
    case 'newest':
      return shard.newest();
  }
}

parentPort?.on('message', (call: ShardCall) => {
  let message: ShardAnswer;
  try {
    message = { id: call.id, value: answer(call) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    message = {
      id: call.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  parentPort?.postMessage(message);
});
