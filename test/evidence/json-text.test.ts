import { describe, expect, it } from 'vitest';
import { stableJson } from '../../src/stable-json.ts';
import {
  countTopLevelMembers,
  locateArrayElements,
  parseJsonText,
  scanTopLevelMembers,
} from '../../src/evidence/json-text.ts';

describe('scanTopLevelMembers', () => {
  const cases: readonly [string, readonly [string, number][]][] = [
    ['{}', []],
    ['{"a":1}', [['a', 2]]],
    [
      ' { "a" : 1 , "b":[{"c":2},"}"] ,"d":{"a":3}}',
      [
        ['a', 4],
        ['b', 14],
        ['d', 33],
      ],
    ],
    [
      '{"k\\"ey":"va\\\\","x":"\\\\\\"{"}',
      [
        ['k"ey', 2],
        ['x', 17],
      ],
    ],
    [
      '{"\\u0061":1,"a":2}',
      [
        ['a', 2],
        ['a', 13],
      ],
    ],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      expect(scanTopLevelMembers(text).map((member) => [member.key, member.column])).toEqual(expected);
      expect(countTopLevelMembers(text)).toBe(expected.length);
      // The columns point at the key's opening quote.
      for (const member of scanTopLevelMembers(text)) expect(text[member.column - 1]).toBe('"');
    });
  }
});

describe('locateArrayElements', () => {
  it('finds the start line of each element of a nested array, ignoring look-alikes', () => {
    const text = [
      '{',
      '  "prompts": [{"results": [9]}],',
      '  "results": {',
      '    "note": "\\"results\\": [",',
      '    "results": [',
      '      {"a": [1, {"b": 2}]},',
      '      3,',
      '',
      '      "s",',
      '      [',
      '        {}',
      '      ], null, {"results": [0]}',
      '    ]',
      '  }',
      '}',
    ].join('\n');
    expect(JSON.parse(text)).toBeTruthy();
    expect(locateArrayElements(text, ['results', 'results'])).toEqual([6, 7, 9, 10, 12, 12]);
    expect(locateArrayElements(text, ['prompts'])).toEqual([2]);
    expect(locateArrayElements(text, ['missing'])).toEqual([]);
  });
});

describe('parseJsonText', () => {
  it('locates the error and drops the echo of the input', () => {
    expect(parseJsonText('{\n  "a": 1,\n  "b" 2\n}')).toEqual({
      ok: false,
      message: "Expected ':' after property name",
      line: 3,
      column: 7,
    });
    expect(parseJsonText('{"a":\n')).toEqual({
      ok: false,
      message: 'Unexpected end of JSON input',
      line: 2,
      column: 1,
    });
    expect(parseJsonText('[1]')).toEqual({ ok: true, value: [1] });
  });
});

describe('stableJson', () => {
  it('sorts keys at every depth by code unit and keeps array order', () => {
    expect(stableJson({ b: 1, a: [{ d: true, c: null }], B: 'x', ä: 2 })).toBe(
      '{"B":"x","a":[{"c":null,"d":true}],"b":1,"ä":2}',
    );
    expect(stableJson({ a: 1, b: undefined })).toBe('{"a":1}');
    expect(stableJson(['x', 1.5])).toBe('["x",1.5]');
  });
});
