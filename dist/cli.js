#!/usr/bin/env node

// src/cli-launcher.ts
import { enableCompileCache } from "node:module";
enableCompileCache();
var cli = await import(new URL("./cli-main.js", import.meta.url).href);
await cli.main();
