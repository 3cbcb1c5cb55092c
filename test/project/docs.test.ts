import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: a plain .mjs script without types, shared with `npm run docs`.
import { GENERATED } from '../../scripts/gen-docs.mjs';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

describe('README and docs/', () => {
  it('have reference tables equal to action.yml and the manifest schema (run `npm run docs`)', () => {
    for (const { path, generate } of GENERATED as { path: string; generate: (text: string) => string }[]) {
      const text = read(path);
      expect(generate(text) === text, `${path} is stale: run \`npm run docs\``).toBe(true);
    }
  });

  it('document every action input and output, and the Action sets every output', () => {
    const action = parse(read('action.yml')) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
      runs: { using: string; main: string };
    };
    const readme = read('docs/action.md');
    const source = read('src/action/main.ts');
    for (const name of Object.keys(action.inputs)) {
      expect(readme).toContain(`| \`${name}\` |`);
    }
    for (const name of Object.keys(action.outputs)) {
      expect(readme).toContain(`| \`${name}\` |`);
      expect(source, `src/action/main.ts never sets output ${name}`).toMatch(new RegExp(`setOutput\\(\\s*'${name}'`));
    }
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
  });

  it('gives a quick start of exactly two commands', () => {
    const readme = read('README.md');
    const quickStart = readme.split('## Quick start')[1]!.split('```sh')[1]!.split('```')[0]!;
    const commands = quickStart.split('\n').filter((line) => line.trim() !== '');
    expect(commands).toHaveLength(2);
    expect(commands[0]).toMatch(/^npm ci && npm run example\b/);
    expect(commands[1]).toMatch(/^npm test\b/);
  });

  it('keeps the README short, with reference material in docs/', () => {
    expect(Buffer.byteLength(read('README.md'))).toBeLessThanOrEqual(12_288);
  });

  it('links only to files that exist', () => {
    const pages = [
      'README.md',
      ...readdirSync(new URL('docs/', root))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    for (const page of pages) {
      for (const [, target] of read(page).matchAll(/\]\(((?!https?:|#|mailto:)[^)\s]+)\)/g)) {
        const path = target!.split('#')[0]!;
        expect(existsSync(new URL(path, new URL(page, root))), `${page} links to ${target}, which does not exist`).toBe(
          true,
        );
      }
    }
  });
});
