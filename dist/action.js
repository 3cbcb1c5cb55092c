import { createRequire as __kgCreateRequire } from 'node:module';
const require = __kgCreateRequire(import.meta.url);

// src/action.ts
console.log("kaizen-gate");
