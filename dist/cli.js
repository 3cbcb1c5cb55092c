#!/usr/bin/env node

// src/cli-launcher.ts
import { enableCompileCache } from "node:module";
enableCompileCache();
await import(new URL("./cli-main.js", import.meta.url).href);
