#!/usr/bin/env node

// src/cli/launcher.ts
import { enableCompileCache } from "node:module";
import { isMainThread as isMainThread2 } from "node:worker_threads";

// src/io/entry-worker.ts
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { isMainThread, Worker, workerData } from "node:worker_threads";
var YOUNG_GENERATION_MB = 16;
var WORKER_INPUT_BYTES = 16 * 1024 * 1024;
function useWorker(args, cwd, setting) {
  if (setting === "always") return { worker: true };
  if (setting === "never") return { worker: false };
  if (setting !== void 0 && setting !== "" && setting !== "auto")
    return {
      worker: false,
      problem: `KAIZEN_GATE_WORKER is ${JSON.stringify(setting)}; expected auto, always or never`
    };
  let bytes = 0;
  for (const arg of args) {
    const path = arg.startsWith("--") && arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : arg;
    if (path === "" || path.startsWith("-")) continue;
    bytes += fileSize(resolve(cwd, path));
  }
  return { worker: bytes >= WORKER_INPUT_BYTES };
}
function fileSize(path) {
  try {
    const stats = statSync(path, { throwIfNoEntry: false });
    return stats?.isFile() === true ? stats.size : 0;
  } catch {
    return 0;
  }
}
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
function entryTerminal() {
  if (isMainThread) return void 0;
  const data = workerData;
  return data?.kaizenGateTerminal;
}

// src/cli/launcher.ts
var loadCli = async () => await import(new URL("./cli-main.js", import.meta.url).href);
enableCompileCache();
if (isMainThread2) {
  const choice = useWorker(process.argv.slice(2), process.cwd(), process.env.KAIZEN_GATE_WORKER);
  if (choice.problem !== void 0) {
    process.stderr.write(`kaizen-gate: ${choice.problem}
`);
    process.exitCode = 2;
  } else if (choice.worker) {
    process.exitCode = await runOnWorker(new URL(import.meta.url));
  } else {
    await (await loadCli()).main();
  }
} else {
  const terminal = entryTerminal();
  await (await loadCli()).main(terminal === void 0 ? {} : { stdoutIsTTY: terminal.stdout });
}
