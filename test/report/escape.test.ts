import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  escapeTableCell,
  MAX_CELL_LENGTH,
  MAX_TEXT_LENGTH,
  toPlainText,
  truncateText,
} from '../../src/report/escape.ts';
import { controlCharacters, countCellSeparators } from '../fixtures/reports/checks.ts';
import { HOSTILE } from '../fixtures/reports/hostile.ts';

const ZWJ = '\u200d';

/** Characters GFM would read as markup unless backslash-escaped. */
const SPECIALS = new Set(['[', ']', '`', '*', '~', '|', '$']);

/** Markup characters in `text` that are not preceded by an odd number of backslashes. */
function unescaped(text: string): string[] {
  const found: string[] = [];
  let backslashes = 0;
  for (const char of text) {
    if (char === '\\') {
      backslashes++;
      continue;
    }
    if (SPECIALS.has(char) && backslashes % 2 === 0) found.push(char);
    backslashes = 0;
  }
  return found;
}

/** What a reader sees: entities decoded, backslash escapes and the inserted joiners removed. */
function displayed(markdown: string): string {
  return markdown
    .replace(/\\([\\`*_~[\]|$:.#+=\-!)])/g, '$1')
    .replaceAll(`@${ZWJ}`, '@')
    .replaceAll(`#${ZWJ}`, '#')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

describe('escapeMarkdown', () => {
  it.each([
    { name: 'script tag', text: '<script>alert(1)</script>', expected: '&lt;script&gt;alert(1)&lt;/script&gt;' },
    { name: 'sticky marker', text: '<!-- kaizen-gate:sticky -->', expected: '&lt;!-- kaizen-gate:sticky --&gt;' },
    { name: 'javascript link', text: '[x](javascript:alert(1))', expected: '\\[x\\](javascript:alert(1))' },
    { name: 'dangling link target', text: '](javascript:alert(1))', expected: '\\](javascript:alert(1))' },
    { name: 'image', text: '![a](https://evil.example/p.png)', expected: '!\\[a\\](https\\://evil.example/p.png)' },
    { name: 'team mention', text: '@org/team', expected: `@${ZWJ}org/team` },
    { name: 'email autolink', text: 'mail x@y.com', expected: `mail x@${ZWJ}y.com` },
    { name: 'issue reference', text: 'fixes #12 and org/repo#3', expected: `fixes #${ZWJ}12 and org/repo#${ZWJ}3` },
    { name: 'bare URL', text: 'see https://evil.example/x', expected: 'see https\\://evil.example/x' },
    { name: 'www link', text: 'www.evil.example', expected: 'www\\.evil.example' },
    { name: 'pipes', text: 'a|b', expected: 'a\\|b' },
    { name: 'backticks', text: '`rm -rf /`', expected: '\\`rm -rf /\\`' },
    { name: 'code fence', text: '```js', expected: '\\`\\`\\`js' },
    { name: 'backslash before pipe', text: 'a\\|b', expected: 'a\\\\\\|b' },
    { name: 'entity smuggling', text: '&lt;b&gt; &#124;', expected: `&amp;lt;b&amp;gt; &amp;#${ZWJ}124;` },
    { name: 'GitHub math', text: '$x$ and $$y$$', expected: '\\$x\\$ and \\$\\$y\\$\\$' },
    { name: 'emphasis', text: '**b** _i_ ~~s~~', expected: '\\*\\*b\\*\\* \\_i\\_ \\~\\~s\\~\\~' },
    { name: 'underscore inside a word stays readable', text: 'prompt_patch', expected: 'prompt_patch' },
    { name: 'leading heading', text: '# Approved', expected: '\\# Approved' },
    { name: 'leading list item', text: '- item', expected: '\\- item' },
    { name: 'leading plus item', text: '+ item', expected: '\\+ item' },
    { name: 'thematic break', text: '---', expected: '\\---' },
    { name: 'setext underline', text: '===', expected: '\\===' },
    { name: 'leading ordered item', text: '1. step', expected: '1\\. step' },
    { name: 'leading quote', text: '> quoted', expected: '&gt; quoted' },
    { name: 'a version is not a list', text: '0.1.0', expected: '0.1.0' },
    { name: 'a negative number is not a list', text: '-1.2 pp', expected: '-1.2 pp' },
    {
      name: 'newlines become spaces',
      text: 'one\n# two\r\n- three\rfour\u2028five',
      expected: 'one \\# two \\- three four five',
    },
    { name: 'terminal escapes shown, not obeyed', text: '\u001b[31mred', expected: '\ufffd\\[31mred' },
    { name: 'direction override', text: 'safe\u202Eexe.txt', expected: 'safe\ufffdexe.txt' },
    { name: 'NUL', text: 'a\u0000b', expected: 'a\ufffdb' },
    {
      name: 'plain text unchanged',
      text: 'Pass rate changed −3.4 pp (95% CI −5.1 to −1.8 pp, n = 432).',
      expected: 'Pass rate changed −3.4 pp (95% CI −5.1 to −1.8 pp, n = 432).',
    },
  ])('$name', ({ text, expected }) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });

  it.each(Object.entries(HOSTILE))('neutralises the hostile %s string', (_name, text) => {
    const escaped = escapeMarkdown(text);
    expect(escaped).not.toMatch(/[<\n\r]/);
    expect(unescaped(escaped)).toEqual([]);
    expect(escaped).not.toMatch(/@[A-Za-z0-9]/);
    expect(escaped).not.toMatch(/#\d/);
    expect(escaped).not.toMatch(/(?<!\\):\/\//);
    expect(escaped).not.toMatch(/^(?:[#>]|[-+*] |\d+[.)] )/);
    expect(escaped).not.toContain('\u001b');
  });

  it('shows the reader the same text it was given', () => {
    for (const text of Object.values(HOSTILE)) {
      const oneLine = text
        .replace(/\r\n|[\n\r]/g, ' ')
        .replaceAll('\t', ' ')
        .trim();
      if (oneLine.length > MAX_TEXT_LENGTH || controlCharacters(oneLine).length > 0) continue;
      expect(displayed(escapeMarkdown(text))).toBe(oneLine);
    }
  });

  it('keeps seeded random mixes of markup characters literal', () => {
    const alphabet = [
      '\\',
      '`',
      '*',
      '_',
      '~',
      '[',
      ']',
      '(',
      ')',
      '|',
      '$',
      '<',
      '>',
      '&',
      '@',
      '#',
      '1',
      '.',
      '-',
      '+',
      ':',
      '/',
      'a',
      'w',
      ' ',
      '!',
    ];
    let seed = 12_345;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: 1 + (next() % 24) }, () => alphabet[next() % alphabet.length])
        .join('')
        .trim();
      const escaped = escapeMarkdown(text);
      expect(unescaped(escaped), text).toEqual([]);
      expect(escaped, text).not.toMatch(/<|@[A-Za-z0-9]|#\d/);
      expect(displayed(escaped), text).toBe(text);
    }
  });

  it('cuts very long text, never inside a surrogate pair', () => {
    expect(escapeMarkdown('x'.repeat(100_000))).toHaveLength(MAX_TEXT_LENGTH);
    expect(escapeMarkdown('x'.repeat(100_000)).endsWith('…')).toBe(true);
    expect(escapeMarkdown('abcdef', 4)).toBe('abc…');
    const cut = escapeMarkdown('😀'.repeat(10), 5);
    expect(cut).toBe(`${'😀'.repeat(4)}…`);
    expect(cut.isWellFormed()).toBe(true);
  });
});

describe('escapeTableCell', () => {
  it.each([
    { name: 'pipes cannot split the row', text: 'a|b||c', expected: 'a\\|b\\|\\|c' },
    { name: 'newlines become <br>', text: 'one\ntwo\r\n\nthree', expected: 'one<br>two<br>three' },
    { name: 'HTML stays text', text: '</td><td>x', expected: '&lt;/td&gt;&lt;td&gt;x' },
    { name: 'a heading inside a cell line', text: 'x\n# y', expected: 'x<br>\\# y' },
    { name: 'empty', text: '', expected: '' },
  ])('$name', ({ text, expected }) => {
    expect(escapeTableCell(text)).toBe(expected);
  });

  it('keeps a table row at its number of cells whatever the content', () => {
    for (const text of Object.values(HOSTILE)) {
      const row = `| ${escapeTableCell(text)} | ${escapeTableCell(text)} |`;
      expect(row).not.toContain('\n');
      expect(countCellSeparators(row), text.slice(0, 40)).toBe(3);
    }
  });

  it('cuts long cells shorter than prose', () => {
    expect(escapeTableCell('y'.repeat(10_000))).toHaveLength(MAX_CELL_LENGTH);
  });
});

describe('toPlainText', () => {
  it.each([
    { text: '\u001b[31mred\u001b[0m', keep: false, expected: '\ufffd[31mred\ufffd[0m' },
    { text: 'a\nb\tc', keep: false, expected: 'a b c' },
    { text: 'a\r\nb', keep: true, expected: 'a\nb' },
    { text: '\u0007bell\u009b', keep: false, expected: '\ufffdbell\ufffd' },
    { text: '<b>kept</b> @org', keep: false, expected: '<b>kept</b> @org' },
  ])('$text', ({ text, keep, expected }) => {
    expect(toPlainText(text, 100, keep)).toBe(expected);
  });
});

describe('invisible characters', () => {
  // One of each kind a reader cannot see: they could make two different ids look the same, or
  // reorder what is shown (Trojan Source).
  const invisible: readonly [string, string][] = [
    ['zero-width space', '\u200b'],
    ['zero-width non-joiner', '\u200c'],
    ['zero-width joiner between letters', '\u200d'],
    ['left-to-right mark', '\u200e'],
    ['right-to-left mark', '\u200f'],
    ['LRE', '\u202a'],
    ['RLE', '\u202b'],
    ['PDF', '\u202c'],
    ['LRO', '\u202d'],
    ['RLO', '\u202e'],
    ['LRI', '\u2066'],
    ['RLI', '\u2067'],
    ['FSI', '\u2068'],
    ['PDI', '\u2069'],
    ['word joiner', '\u2060'],
    ['invisible times', '\u2062'],
    ['byte order mark', '\ufeff'],
    ['soft hyphen', '\u00ad'],
    ['Arabic letter mark', '\u061c'],
    ['Mongolian vowel separator', '\u180e'],
    ['combining grapheme joiner', '\u034f'],
    ['Hangul filler', '\u3164'],
    ['variation selector after a letter', '\ufe0f'],
    ['tag character', '\u{e0041}'],
    ['interlinear annotation anchor', '\ufff9'],
  ];

  it.each(invisible)('%s is made visible everywhere', (_name, char) => {
    const text = `case${char}-1`;
    for (const rendered of [escapeMarkdown(text), escapeTableCell(text), toPlainText(text)]) {
      expect(rendered).not.toContain(char);
      expect(rendered).toContain('case\ufffd');
    }
  });

  it('two ids that differ only in an invisible character render differently', () => {
    expect(escapeMarkdown('refund-policy')).not.toBe(escapeMarkdown('refund\u200b-policy'));
    expect(toPlainText('ad\u00admin')).toBe('ad\ufffdmin');
  });

  it.each([
    ['family (joiners between pictographs)', '👨\u200d👩\u200d👧'],
    ['red heart (variation selector)', '❤\ufe0f'],
    ['keycap', '1\ufe0f\u20e3'],
    ['skin tone and joiner', '🧑🏽\u200d💻'],
    ['flag of Scotland (tag characters)', '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}'],
  ])('keeps the emoji %s intact', (_name, emoji) => {
    expect(toPlainText(`ok ${emoji}`)).toBe(`ok ${emoji}`);
    expect(escapeMarkdown(`ok ${emoji}`)).toBe(`ok ${emoji}`);
  });
});

describe('truncateText', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly10!', 10, 'exactly10!'],
    ['eleven chars', 10, 'eleven ch…'],
    ['👍🏽👍🏽👍🏽', 3, '👍🏽…'],
  ])('%j to %i', (text, max, expected) => {
    expect(truncateText(text, max)).toBe(expected);
  });
});
