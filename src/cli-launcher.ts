/**
 * The `kaizen-gate` command (dist/cli.js): turns on Node's compile cache, then runs the CLI, which
 * is bundled beside it as dist/cli-main.js. The cache keeps V8's compiled code of the CLI between
 * runs, in the system's temp directory, checked against the file's content and the Node version,
 * so a run after the first does not compile the bundle again (about 30 ms of its start on a 2-CPU
 * machine). `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
// Not bundled into this file: the cache applies to modules loaded after it is turned on.
const cli = (await import(new URL('./cli-main.js', import.meta.url).href)) as { main(): Promise<void> };
await cli.main();
