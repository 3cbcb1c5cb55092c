import { describe, expect, it } from 'vitest';
import {
  chunk,
  fitMarkdown,
  truncateMarkdown,
  TRUNCATION_MARKER,
  utf8Length,
  type MarkdownSection,
} from '../../src/github/limits.ts';

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['👍🏽', 8],
    ['\ud800', 3], // a lone surrogate is sent as U+FFFD
    ['a\ud83d', 4],
  ])('%j is %i bytes', (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    if (text.isWellFormed()) expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});

describe('truncateMarkdown', () => {
  it.each([
    { name: 'text that fits is unchanged', text: 'short', limit: 5, marker: '…', expected: 'short' },
    {
      name: 'ASCII is cut to leave room for the marker',
      text: 'abcdefghij'.repeat(3),
      limit: 10,
      marker: '…',
      expected: 'abcdefg…',
    },
    {
      name: 'an emoji that would straddle the limit is dropped whole',
      text: 'aaaa😀bbbb',
      limit: 6,
      marker: '',
      expected: 'aaaa',
    },
    { name: 'an emoji that fits exactly is kept', text: 'aaaa😀bbbb', limit: 8, marker: '', expected: 'aaaa😀' },
    { name: 'a skin-toned emoji is not split from its modifier', text: 'ab👍🏽cd', limit: 7, marker: '', expected: 'ab' },
    { name: 'a flag is not split into regional indicators', text: 'x🇯🇵y', limit: 6, marker: '', expected: 'x' },
    { name: 'a ZWJ family stays whole', text: 'hi 👨‍👩‍👧 there', limit: 20, marker: '', expected: 'hi ' },
    { name: 'no cut inside an HTML tag', text: 'see <a href="x">link</a>', limit: 9, marker: '', expected: 'see ' },
    { name: 'no cut inside a closing tag', text: 'a <b>bold</b> c', limit: 11, marker: '', expected: 'a <b>bold' },
    { name: 'no cut inside an entity', text: 'fish &amp; chips', limit: 8, marker: '', expected: 'fish ' },
    { name: 'no cut inside a numeric entity', text: 'x &#x1F600; y', limit: 6, marker: '', expected: 'x ' },
    { name: 'no cut inside an HTML comment', text: 'x <!-- note --> y', limit: 10, marker: '', expected: 'x ' },
    { name: 'a plain less-than is ordinary text', text: 'p < 0.05 holds', limit: 8, marker: '', expected: 'p < 0.05' },
    {
      name: 'an open code fence is closed before the marker',
      text: '```\nline one\nline two\n```\nafter',
      limit: 20,
      marker: '!',
      expected: '```\nline one\nli\n```!',
    },
    {
      name: 'an open details block is closed',
      text: '<details>\n\nlong body text\n</details>',
      limit: 30,
      marker: '',
      expected: '<details>\n\nlong bod\n</details>',
    },
    {
      name: 'a marker longer than the limit is left out',
      text: 'abcdef',
      limit: 3,
      marker: '[truncated]',
      expected: 'abc',
    },
    { name: 'limit zero gives the empty string', text: 'abc', limit: 0, marker: '…', expected: '' },
  ])('$name', ({ text, limit, marker, expected }) => {
    const result = truncateMarkdown(text, limit, marker);
    expect(result).toBe(expected);
    expect(utf8Length(result)).toBeLessThanOrEqual(limit);
  });

  it('uses the default marker', () => {
    const result = truncateMarkdown('x'.repeat(500), 200);
    expect(result.endsWith(TRUNCATION_MARKER)).toBe(true);
    expect(utf8Length(result)).toBe(200);
  });

  it('never exceeds the limit nor splits a surrogate pair, for any limit', () => {
    // Deterministic mix of ASCII, 2-, 3- and 4-byte characters, markup and fences.
    const pieces = [
      'a',
      'é',
      '€',
      '😀',
      '👍🏽',
      '🇯🇵',
      '<b>',
      '</b>',
      '&amp;',
      '\n```\n',
      '<details>',
      '</details>',
      '\n',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 40; round++) {
      const text = Array.from({ length: 60 }, () => pieces[next() % pieces.length]).join('');
      for (let limit = 0; limit <= utf8Length(text) + 1; limit++) {
        const result = truncateMarkdown(text, limit, '…');
        expect(utf8Length(result)).toBeLessThanOrEqual(limit);
        expect(result.isWellFormed()).toBe(true);
      }
    }
  });

  it.each([-1, 1.5, Number.NaN])('rejects the limit %d', (limit) => {
    expect(() => truncateMarkdown('abc', limit)).toThrow(RangeError);
  });
});

describe('fitMarkdown', () => {
  const verdict: MarkdownSection = {
    title: 'Verdict',
    body: 'Reject: quality dropped 3.1 pp.',
    details: `<details>${'w'.repeat(60)}</details>`,
    priority: 3,
  };
  const cases: MarkdownSection = {
    title: 'Worst cases',
    body: 'case-17, case-4',
    details: `<details>${'c'.repeat(80)}</details>`,
    priority: 1,
  };
  const costs: MarkdownSection = { title: 'Costs', body: `cost table ${'$'.repeat(40)}`, priority: 2 };
  const sections = [verdict, cases, costs];

  const full = [
    '## Verdict',
    verdict.body,
    verdict.details,
    '## Worst cases',
    cases.body,
    cases.details,
    '## Costs',
    costs.body,
  ].join('\n\n');
  const casesWithoutDetails = full.replace(cases.details ?? '', '_… details omitted (see report.json / full report)_');
  const noDetails = casesWithoutDetails.replace(
    verdict.details ?? '',
    '_… details omitted (see report.json / full report)_',
  );
  const casesOmitted = [
    '## Verdict',
    verdict.body,
    '_… details omitted (see report.json / full report)_',
    '_… Worst cases omitted (see report.json / full report)_',
    '## Costs',
    costs.body,
  ].join('\n\n');
  const onlyVerdict = [
    '## Verdict',
    verdict.body,
    '_… details omitted (see report.json / full report)_',
    '_… Worst cases omitted (see report.json / full report)_',
    '_… Costs omitted (see report.json / full report)_',
  ].join('\n\n');

  it.each([
    { stage: 'everything fits', limit: utf8Length(full), expected: full },
    {
      stage: 'details of the least important section go first',
      limit: utf8Length(full) - 1,
      expected: casesWithoutDetails,
    },
    { stage: 'then details of the next', limit: utf8Length(casesWithoutDetails) - 1, expected: noDetails },
    { stage: 'then the least important section', limit: utf8Length(noDetails) - 1, expected: casesOmitted },
    { stage: 'then the next, never the most important', limit: utf8Length(casesOmitted) - 1, expected: onlyVerdict },
  ])('$stage (limit $limit)', ({ limit, expected }) => {
    const result = fitMarkdown(sections, limit);
    expect(result).toBe(expected);
    expect(utf8Length(result)).toBeLessThanOrEqual(limit);
  });

  it('finally truncates, keeping the top of the most important section', () => {
    const limit = utf8Length(onlyVerdict) - 1;
    const result = fitMarkdown(sections, limit);
    expect(utf8Length(result)).toBeLessThanOrEqual(limit);
    expect(result.startsWith('## Verdict\n\nReject')).toBe(true);
    expect(result.endsWith(TRUNCATION_MARKER)).toBe(true);
  });

  it('drops equal-priority sections from the bottom up and keeps section order', () => {
    const a = { title: 'A', body: 'a'.repeat(50), priority: 1 };
    const b = { title: 'B', body: 'b'.repeat(50), priority: 1 };
    const top = { title: 'Top', body: 'top', priority: 9 };
    const result = fitMarkdown([a, top, b], 120);
    expect(result).toBe(`## A\n\n${a.body}\n\n## Top\n\ntop\n\n_… B omitted (see report.json / full report)_`);
  });

  it('stays within tiny limits, emoji included', () => {
    const emoji = [{ title: '', body: '🚦'.repeat(40), priority: 1 }];
    for (let limit = 0; limit < 60; limit++) {
      const result = fitMarkdown(emoji, limit);
      expect(utf8Length(result)).toBeLessThanOrEqual(limit);
      expect(result.isWellFormed()).toBe(true);
    }
  });
});

describe('chunk', () => {
  it.each([
    { items: [], size: 50, sizes: [] },
    { items: [1, 2, 3, 4, 5], size: 2, sizes: [2, 2, 1] },
    { items: Array.from({ length: 120 }, (_, i) => i), size: 50, sizes: [50, 50, 20] },
    { items: Array.from({ length: 100 }, (_, i) => i), size: 50, sizes: [50, 50] },
  ])('$items.length items by $size', ({ items, size, sizes }) => {
    const chunks = chunk(items, size);
    expect(chunks.map((c) => c.length)).toEqual(sizes);
    expect(chunks.flat()).toEqual(items);
  });

  it.each([0, -1, 1.5])('rejects size %d', (size) => {
    expect(() => chunk([1], size)).toThrow(RangeError);
  });
});
