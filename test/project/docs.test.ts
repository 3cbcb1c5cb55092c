import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// @ts-expect-error: a plain .mjs script without types, shared with `npm run docs`.
import { generateReadme } from '../../scripts/gen-docs.mjs';

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');

describe('README', () => {
  it('has reference tables equal to action.yml and the manifest schema (run `npm run docs`)', () => {
    const readme = read('README.md');
    expect(generateReadme(readme) === readme, 'README.md is stale: run `npm run docs`').toBe(true);
  });

  it('documents every action input and output, and the Action sets every output', () => {
    const action = parse(read('action.yml')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown>; runs: { using: string; main: string } };
    const readme = read('README.md');
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
});
