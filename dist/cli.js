#!/usr/bin/env node

// src/cli-launcher.ts
import { enableCompileCache } from "node:module";
import { isMainThread as isMainThread2 } from "node:worker_threads";

// src/entry-worker.ts
import { isMainThread, Worker, workerData } from "node:worker_threads";
var YOUNG_GENERATION_MB = 16;
function runOnWorker(script, options = {}) {
  const data = {
    kaizenGateTerminal: options.terminal ?? {
      stdout: process.stdout.isTTY === true,
      stderr: process.stderr.isTTY === true
    }
  };
  return new Promise((resolve) => {
    const worker = new Worker(script, {
      argv: [...options.args ?? process.argv.slice(2)],
      workerData: data,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB }
    });
    worker.on("error", (error) => {
      process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}
`);
    });
    worker.on("exit", resolve);
  });
}
function entryTerminal() {
  if (isMainThread) return void 0;
  const data = workerData;
  return data?.kaizenGateTerminal;
}

// src/cli-launcher.ts
enableCompileCache();
if (isMainThread2) {
  process.exitCode = await runOnWorker(new URL(import.meta.url));
} else {
  const cli = await import(new URL("./cli-main.js", import.meta.url).href);
  const terminal = entryTerminal();
  await cli.main(terminal === void 0 ? {} : { stdoutIsTTY: terminal.stdout });
}
