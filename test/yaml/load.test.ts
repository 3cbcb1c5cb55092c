import { describe, expect, it } from 'vitest';
import { DEFAULT_LOAD_LIMITS, fieldOf, loadYaml } from '../../src/yaml/load.ts';
import { loadManifest } from '../../src/manifest/manifest.ts';
import { formatProblem } from '../../src/problem.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytesOf = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)));

/** Loads and returns the formatted problems, failing the test if the loader throws. */
function problemsOf(input: string | Uint8Array, file = 'm.yaml'): string[] {
  const { problems } = loadYaml(typeof input === 'string' ? utf8(input) : input, file);
  return problems.map(formatProblem);
}

/** Nine levels of nine-fold aliases: 9^9 (387 million) strings once expanded. */
const BILLION_LAUGHS = [
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  ...'bcdefghi'.split('').map((name, i) => {
    const previous = 'abcdefgh'[i]!;
    return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`;
  }),
].join('\n');

describe('loadYaml: hostile input gives located problems, never a throw', () => {
  // Each row: the file, then every problem expected, exactly as the CLI prints it.
  it.each<[string, string | Uint8Array, string[]]>([
    [
      'duplicate top-level key',
      'apiVersion: kaizen-gate/v1\nkind: Package\nkind: Package\n',
      ['m.yaml:3:1: duplicate key kind; each key may appear only once in a mapping'],
    ],
    [
      'duplicate nested key',
      'model:\n  version: "1"\n  version: "2"\n',
      ['m.yaml:3:3: duplicate key version; each key may appear only once in a mapping'],
    ],
    [
      'duplicate key, quoted and plain',
      'a: 1\n"a": 2\n',
      ['m.yaml:2:1: duplicate key "a"; each key may appear only once in a mapping'],
    ],
    [
      '__proto__ key',
      'a: 1\n__proto__: {polluted: yes}\n',
      ['m.yaml:2:1 __proto__: key "__proto__" is not allowed (it could alter object prototypes)'],
    ],
    [
      'quoted __proto__ key',
      '"__proto__": 1\n',
      ['m.yaml:1:1 __proto__: key "__proto__" is not allowed (it could alter object prototypes)'],
    ],
    [
      'nested __proto__ key',
      'a:\n  b:\n    __proto__:\n      polluted: 1\n',
      ['m.yaml:3:5 a.b.__proto__: key "__proto__" is not allowed (it could alter object prototypes)'],
    ],
    [
      '__proto__ in a flow mapping',
      'a: {__proto__: {x: 1}}\n',
      ['m.yaml:1:5 a.__proto__: key "__proto__" is not allowed (it could alter object prototypes)'],
    ],
    [
      '__proto__ bound to an alias',
      'a: &p {polluted: 1}\n__proto__: *p\n',
      ['m.yaml:2:1 __proto__: key "__proto__" is not allowed (it could alter object prototypes)'],
    ],
    [
      'constructor key',
      'x:\n  constructor: 1\n',
      ['m.yaml:2:3 x.constructor: key "constructor" is not allowed (it could alter object prototypes)'],
    ],
    [
      'prototype key',
      'x:\n  - prototype: 1\n',
      ['m.yaml:2:5 x[0].prototype: key "prototype" is not allowed (it could alter object prototypes)'],
    ],
    ['integer key', '1: x\n', ['m.yaml:1:1: key 1 is a number, not a string; quote it ("1") if it is meant as text']],
    [
      'float key',
      'a:\n  1.5: x\n',
      ['m.yaml:2:3 a: key 1.5 is a number, not a string; quote it ("1.5") if it is meant as text'],
    ],
    ['null key', 'null: x\n', ['m.yaml:1:1: key null is null, not a string; quote it ("null") if it is meant as text']],
    ['tilde key', '~: x\n', ['m.yaml:1:1: key ~ is null, not a string; quote it ("~") if it is meant as text']],
    [
      'boolean key',
      'true: y\n',
      ['m.yaml:1:1: key true is a boolean, not a string; quote it ("true") if it is meant as text'],
    ],
    ['empty key', ': x\n', ['m.yaml:1:1: a key is empty (null); keys must be plain strings']],
    ['sequence key', '? [a]\n: x\n', ['m.yaml:1:3: a sequence cannot be a key; keys must be plain strings']],
    ['mapping key', '? {a: 1}\n: x\n', ['m.yaml:1:3: a mapping cannot be a key; keys must be plain strings']],
    [
      'several bad keys at once',
      '1: a\ntrue: b\n__proto__: c\n',
      [
        'm.yaml:1:1: key 1 is a number, not a string; quote it ("1") if it is meant as text',
        'm.yaml:2:1: key true is a boolean, not a string; quote it ("true") if it is meant as text',
        'm.yaml:3:1 __proto__: key "__proto__" is not allowed (it could alter object prototypes)',
      ],
    ],
    [
      'two documents',
      'a: 1\n---\nb: 2\n',
      ['m.yaml:2:1: expected one YAML document, found 2; put each package in its own file'],
    ],
    [
      'three documents',
      '---\na: 1\n---\nb: 2\n---\nc: 3\n',
      ['m.yaml:3:1: expected one YAML document, found 3; put each package in its own file'],
    ],
    [
      'empty second document',
      'a: 1\n---\n',
      ['m.yaml:2:1: expected one YAML document, found 2; put each package in its own file'],
    ],
    ['empty file', '', ['m.yaml:1:1: file is empty (no YAML content); expected a mapping']],
    ['whitespace only', '  \n\n\t\n', ['m.yaml:1:1: file is empty (no YAML content); expected a mapping']],
    [
      'comments only',
      '# yaml-language-server: $schema=./schema/package.schema.json\n# nothing else\n',
      ['m.yaml:1:1: file is empty (no YAML content); expected a mapping'],
    ],
    [
      'comments only, CRLF',
      '# one\r\n  # two\r\n',
      ['m.yaml:1:1: file is empty (no YAML content); expected a mapping'],
    ],
    [
      'NUL byte',
      'a: 1\nb: x\0y\n',
      ['m.yaml:2:5: binary content (control character U+0000); expected a UTF-8 YAML text file'],
    ],
    [
      'bell character',
      'a: "x\x07"\n',
      ['m.yaml:1:6: binary content (control character U+0007); expected a UTF-8 YAML text file'],
    ],
    [
      'PNG header',
      bytesOf([0x89], 'PNG\r\n', [0x1a], '\n'),
      ['m.yaml:1:1: not valid UTF-8 (byte 0x89); expected a UTF-8 YAML text file, not binary data'],
    ],
    [
      'Latin-1 text',
      bytesOf('a: 1\nname: caf', [0xe9], '\n'),
      ['m.yaml:2:10: not valid UTF-8 (byte 0xE9); expected a UTF-8 YAML text file, not binary data'],
    ],
    [
      'truncated sequence at end',
      bytesOf('a: \u00e9', [0xe2, 0x82]),
      ['m.yaml:1:5: not valid UTF-8 (byte 0xE2); expected a UTF-8 YAML text file, not binary data'],
    ],
    [
      'overlong encoding',
      bytesOf('a: ', [0xc0, 0xaf], '\n'),
      ['m.yaml:1:4: not valid UTF-8 (byte 0xC0); expected a UTF-8 YAML text file, not binary data'],
    ],
    [
      'UTF-16 surrogate',
      bytesOf('a: 1\nb: ', [0xed, 0xa0, 0x80], '\n'),
      ['m.yaml:2:4: not valid UTF-8 (byte 0xED); expected a UTF-8 YAML text file, not binary data'],
    ],
    [
      'UTF-16 file',
      bytesOf([0xff, 0xfe], 'a\0:\0'),
      ['m.yaml:1:1: not valid UTF-8 (byte 0xFF); expected a UTF-8 YAML text file, not binary data'],
    ],
    [
      'bare CR line ends',
      'a: 1\rb: 2\r',
      ['m.yaml:1:5: line ends with a bare CR (old Mac line ending); use LF or CRLF'],
    ],
    ['tab indentation', 'model:\n\tversion: 1\n', ['m.yaml:2:1: tab used for indentation; YAML indents with spaces']],
    [
      'flow nesting 100 deep',
      `a: ${'['.repeat(100)}${']'.repeat(100)}\n`,
      ['m.yaml:1:68: nesting deeper than 64 levels'],
    ],
    [
      'unclosed flow sequence',
      'a: [1, 2\nb: 3\n',
      ['m.yaml:2:1: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ],
    ['unterminated string', 'a: "open\n', ['m.yaml:2:1: Missing closing "quote']],
    [
      'alias to no anchor',
      'a: 1\nb: *nowhere\n',
      ['m.yaml:2:4 b: alias *nowhere refers to no anchor &nowhere before it'],
    ],
    [
      'custom tag',
      'a: !shell rm -rf /\n',
      ['m.yaml:1:4: Unresolved tag: !shell; custom tags are not supported in manifests'],
    ],
    ['binary scalar', 'a: !!binary aGVsbG8=\n', ['m.yaml:1:13 a: !!binary values are not supported; use a string']],
  ])('%s', (_name, input, expected) => {
    expect(problemsOf(input)).toEqual(expected);
  });

  // No timers below (a busy machine is slow, not wrong): where a problem is located shows how far the
  // loader went, and inputs are sized so that a super-linear loader would run for minutes, not ms.
  it('stops a billion-laughs alias bomb at an alias, before expanding it', () => {
    const problems = problemsOf(BILLION_LAUGHS);
    expect(problems).toEqual([
      'm.yaml:3:8 d[0][0]: more than 100 alias expansions (an alias bomb?); write the values out',
    ]);
  });

  it('stops a wide alias fan-out at the value limit', () => {
    const fan = `a: &a [${Array(50).fill('x').join(', ')}]\nb: [${Array(20).fill('*a').join(', ')}]\n`;
    const { problems } = loadYaml(utf8(fan), 'm.yaml', { ...DEFAULT_LOAD_LIMITS, maxNodes: 500 });
    expect(problems.map(formatProblem)).toEqual(['m.yaml:1:95 b[8][29]: more than 500 values after alias expansion']);
  });

  it('accepts a few aliases under the limit and expands them', () => {
    const { loaded, problems } = loadYaml(utf8('base: &p {temperature: 0}\nmodel:\n  params: *p\n'), 'm.yaml');
    expect(problems).toEqual([]);
    expect(loaded?.value).toEqual({ base: { temperature: 0 }, model: { params: { temperature: 0 } } });
  });

  it('stops a megabyte of nested brackets at the nesting limit', () => {
    const problems = problemsOf('['.repeat(500_000) + ']'.repeat(500_000));
    expect(problems).toEqual(['m.yaml:1:65: nesting deeper than 64 levels']);
  });

  it('rejects block nesting deeper than the limit', () => {
    const text = `${Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n')} 1\n`;
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^m\.yaml:66:131 k(\.k){64}: nesting deeper than 64 levels$/);
  });

  it('refuses files over the size limit before parsing', () => {
    const problems = problemsOf(`a: "${'x'.repeat(DEFAULT_LOAD_LIMITS.maxBytes)}"\n`);
    expect(problems).toEqual([
      `m.yaml:1:1: file is ${DEFAULT_LOAD_LIMITS.maxBytes + 6} bytes; expected at most 1048576 for a YAML file`,
    ]);
  });

  it('reads long runs of comment characters without backtracking (quadratic work here would take minutes)', () => {
    const { loaded, problems } = loadYaml(utf8(`${'#'.repeat(500_000)}\na: 1\n`), 'm.yaml');
    expect(problems).toEqual([]);
    expect(loaded?.value).toEqual({ a: 1 });
  });

  it('never throws on pseudo-random bytes and always locates the problem', () => {
    // xorshift32 with fixed seeds: the same "random" junk on every run.
    for (let seed = 1; seed <= 200; seed++) {
      let x = seed * 2654435761;
      const bytes = new Uint8Array(512).map(() => {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return x & 0xff;
      });
      const { loaded, problems } = loadYaml(bytes, 'junk.bin');
      expect(loaded).toBeUndefined();
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) {
        expect(problem.line).toBeGreaterThanOrEqual(1);
        expect(problem.column).toBeGreaterThanOrEqual(1);
      }
    }
  });
});

describe('loadYaml: no prototype pollution', () => {
  it.each([
    '__proto__: {polluted: yes}\n',
    'a:\n  __proto__:\n    polluted: yes\n',
    'x: &p {polluted: yes}\ny: {__proto__: *p}\n',
    'constructor: {prototype: {polluted: yes}}\n',
    '"__proto__": {"polluted": "yes"}\n',
  ])('%j', (text) => {
    const { loaded, problems } = loadYaml(utf8(text), 'm.yaml');
    expect(loaded).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('loadYaml: accepted as documented', () => {
  it('strips a UTF-8 BOM; positions are as the editor shows them', () => {
    const { loaded, problems } = loadYaml(bytesOf([0xef, 0xbb, 0xbf], 'a: 1\nb:\n  c: x\n'), 'm.yaml');
    expect(problems).toEqual([]);
    expect(loaded?.value).toEqual({ a: 1, b: { c: 'x' } });
    expect(loaded?.positions.get('/a')).toEqual({ line: 1, column: 4 });
    expect(loaded?.keyPositions.get('/a')).toEqual({ line: 1, column: 1 });
    expect(loaded?.positions.get('/b/c')).toEqual({ line: 3, column: 6 });
  });

  it('reports problems in a BOM file at the right place', () => {
    expect(problemsOf(bytesOf([0xef, 0xbb, 0xbf], 'a: 1\nb: 2\nb: 3\n'))).toEqual([
      'm.yaml:3:1: duplicate key b; each key may appear only once in a mapping',
    ]);
  });

  it('reads CRLF files with LF positions and no stray CR in values', () => {
    const { loaded, problems } = loadYaml(utf8('a: one\r\nb:\r\n  c: two\r\n  d: [x, y]\r\n'), 'm.yaml');
    expect(problems).toEqual([]);
    expect(loaded?.value).toEqual({ a: 'one', b: { c: 'two', d: ['x', 'y'] } });
    expect(loaded?.positions.get('/b/c')).toEqual({ line: 3, column: 6 });
    expect(loaded?.positions.get('/b/d/1')).toEqual({ line: 4, column: 10 });
  });

  it('locates problems in CRLF files', () => {
    expect(problemsOf('a: 1\r\nb:\r\n  c: 2\r\n  c: 3\r\n')).toEqual([
      'm.yaml:4:3: duplicate key c; each key may appear only once in a mapping',
    ]);
  });

  it.each<[string, string, unknown]>([
    ['a leading document marker', '---\na: 1\n', { a: 1 }],
    ['a trailing document end marker', 'a: 1\n...\n', { a: 1 }],
    ['a tab before a comment', 'a: 1\t# note\n', { a: 1 }],
    ['a quoted numeric key', '"1": x\n', { '1': 'x' }],
    ['a date as plain text (YAML 1.2 core schema)', 'a: 2026-01-01\n', { a: '2026-01-01' }],
    ['an infinite number as text', 'a: .inf\n', { a: 'Infinity' }],
    ['a top-level scalar (the manifest check rejects it)', 'hello\n', 'hello'],
    ['a top-level list (the manifest check rejects it)', '- a\n- b\n', ['a', 'b']],
  ])('%s', (_name, text, value) => {
    const { loaded, problems } = loadYaml(utf8(text), 'm.yaml');
    expect(problems).toEqual([]);
    expect(loaded?.value).toEqual(value);
  });
});

describe('loadManifest: a document that is not a mapping', () => {
  it.each([
    [
      'hello\n',
      'm.yaml:1:1: expected a mapping with the fields of a kaizen-gate Package (apiVersion, kind, package_id, ...), found a string',
    ],
    [
      '# a comment\n- a\n- b\n',
      'm.yaml:2:1: expected a mapping with the fields of a kaizen-gate Package (apiVersion, kind, package_id, ...), found a list',
    ],
    [
      '42\n',
      'm.yaml:1:1: expected a mapping with the fields of a kaizen-gate Package (apiVersion, kind, package_id, ...), found a number',
    ],
    [
      '~\n',
      'm.yaml:1:1: expected a mapping with the fields of a kaizen-gate Package (apiVersion, kind, package_id, ...), found nothing (an empty document)',
    ],
  ])('%j', (text, expected) => {
    const loaded = loadManifest(utf8(text), 'm.yaml');
    expect(loaded.manifest).toBeUndefined();
    expect(loaded.problems.map(formatProblem)).toEqual([expected]);
  });
});

describe('fieldOf', () => {
  it.each([
    ['', ''],
    ['/prompts/0/sha256', 'prompts[0].sha256'],
    ['/a~1b/c~0d', 'a/b.c~d'],
    ['/0/x', '[0].x'],
  ])('%j → %j', (pointer, field) => {
    expect(fieldOf(pointer)).toBe(field);
  });
});
