// The thread `startBootstrapWorker` starts: it computes the bootstraps it is sent, in order, and
// answers each on the port it was given, counting its answers in shared memory so that a thread
// blocked waiting for one wakes up (see bootstrap-pool.ts).
import { type MessagePort, workerData } from 'node:worker_threads';
import { type QuantileRatioRequest, runQuantileRatio } from '../stats/offload.ts';

// Slots of the shared state, as bootstrap-pool.ts reads them.
const ANSWERS = 0;
const READY = 1;

const { port, state } = workerData as { port: MessagePort; state: Int32Array };

port.on('message', ({ id, request }: { id: number; request: QuantileRatioRequest }) => {
  try {
    port.postMessage({ id, result: runQuantileRatio(request) });
  } catch {
    // The thread that asked computes it again itself, and meets the same error there.
    port.postMessage({ id });
  }
  Atomics.add(state, ANSWERS, 1);
  Atomics.notify(state, ANSWERS);
});
Atomics.store(state, READY, 1);
Atomics.notify(state, READY);
