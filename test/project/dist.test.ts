import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

describe('dist/', () => {
  it('equals a fresh `npm run bundle` of the committed source', () => {
    const out = mkdtempSync(join(tmpdir(), 'kg-dist-'));
    try {
      execFileSync(process.execPath, [join(root, 'scripts/bundle.mjs'), out], { cwd: root });
      const fresh = readdirSync(out).toSorted();
      expect(readdirSync(join(root, 'dist')).toSorted()).toEqual(fresh);
      for (const file of fresh) {
        const committed = readFileSync(join(root, 'dist', file), 'utf8');
        // A stale dist/ is the bug this catches: rebuild with `npm run bundle` and commit it.
        expect(committed === readFileSync(join(out, file), 'utf8'), `dist/${file} is stale; run npm run bundle`).toBe(
          true,
        );
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('runs on the Node 24 the project installs', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });
});
