import { createRequire as __kgCreateRequire } from 'node:module';
const require = __kgCreateRequire(import.meta.url);

// src/action/launcher.ts
import { isMainThread as isMainThread2 } from "node:worker_threads";

// src/io/entry-worker.ts
import { isMainThread, Worker, workerData } from "node:worker_threads";
var YOUNG_GENERATION_MB = 16;
var WORKER_INPUT_BYTES = 16 * 1024 * 1024;
function runOnWorker(script, options = {}) {
  const data = {
    kaizenGateTerminal: options.terminal ?? { stdout: process.stdout.isTTY === true }
  };
  return new Promise((settle) => {
    const worker = new Worker(script, {
      argv: [...options.args ?? process.argv.slice(2)],
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }
    });
    worker.on("error", (error) => {
      process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    });
    worker.on("exit", settle);
  });
}

// src/action/launcher.ts
if (isMainThread2) {
  process.exitCode = await runOnWorker(new URL(import.meta.url));
} else {
  const action = await import(new URL("./action-main.js", import.meta.url).href);
  await action.start();
}
