/**
 * A worker thread for the gates' bootstraps, so that the second core computes one while this
 * thread does the rest (the latency gate's bootstrap during the other gates). The gates stay
 * synchronous: asking for a result blocks until the worker has answered (Atomics.wait, then the
 * answer is taken off the port with receiveMessageOnPort). Whatever goes wrong with the worker —
 * it cannot start, it does not answer, it fails — the bootstrap is computed here instead, and the
 * result is the same: the seed is part of the request.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { BootstrapResult } from '../stats/bootstrap-summary.ts';
import { type BootstrapRunner, type QuantileRatioRequest, RUN_HERE, runQuantileRatio } from '../stats/offload.ts';

/** A `BootstrapRunner` on a worker thread; `close` stops the thread. */
export interface BootstrapWorker extends BootstrapRunner {
  /** How many results the worker computed (the rest were computed on this thread). */
  answered(): number;
  close(): void;
}

// Slots of the shared state: answers posted so far, and whether the worker has started.
const ANSWERS = 0;
const READY = 1;

/** How long to wait for a worker that has not started before computing here: it is not coming. */
const START_WAIT_MS = 3_000;

/**
 * How long to wait for an answer from a started worker before computing here: far longer than any
 * bootstrap of evidence within the size limits takes, so only a worker that died (its exit cannot
 * be seen while this thread waits) ever reaches it.
 */
const ANSWER_WAIT_MS = 60_000;

// The worker's entry beside this module: bootstrap-worker.ts from source (tests, Node's type
// stripping), bootstrap-worker.js beside the bundle (dist/).
const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './bootstrap-worker.ts' : './bootstrap-worker.js',
  import.meta.url,
);

/**
 * Starts the worker. Start it early: it loads while this thread reads the evidence, so it is
 * ready by the time the gates run.
 */
export function startBootstrapWorker(url: URL = WORKER_URL): BootstrapWorker {
  const { port1, port2 } = new MessageChannel();
  const state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  let worker: Worker;
  try {
    worker = new Worker(url, { workerData: { port: port2, state }, transferList: [port2] });
  } catch {
    port1.close();
    return { ...RUN_HERE, answered: () => 0, close: () => {} };
  }
  // Neither keeps the process alive: a run that is done exits without closing them.
  worker.unref();
  port1.unref();
  let broken = false;
  // Seen only when this thread's event loop runs (between checks); waiting has its own limit.
  worker.on('error', () => {
    broken = true;
  });
  let next = 0;
  let answered = 0;
  const answers = new Map<number, BootstrapResult | undefined>();

  const wait = (id: number): BootstrapResult | undefined => {
    const started = performance.now();
    for (;;) {
      const seen = Atomics.load(state, ANSWERS);
      for (let message = receiveMessageOnPort(port1); message !== undefined; message = receiveMessageOnPort(port1)) {
        const answer = message.message as { id: number; result?: BootstrapResult };
        answers.set(answer.id, answer.result);
      }
      if (answers.has(id)) {
        const result = answers.get(id);
        answers.delete(id);
        if (result !== undefined) answered++;
        return result;
      }
      const waited = performance.now() - started;
      if (broken || waited > ANSWER_WAIT_MS || (Atomics.load(state, READY) === 0 && waited > START_WAIT_MS)) {
        broken = true;
        return undefined;
      }
      Atomics.wait(state, ANSWERS, seen, 100);
    }
  };

  return {
    start(request: QuantileRatioRequest) {
      if (broken) return () => runQuantileRatio(request);
      const id = next++;
      port1.postMessage({ id, request });
      return () => wait(id) ?? runQuantileRatio(request);
    },
    answered: () => answered,
    close() {
      broken = true;
      port1.close();
      void worker.terminate();
    },
  };
}
