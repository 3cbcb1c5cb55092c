/**
 * Escaping of untrusted text (case ids, categories, reasons, paths, package ids) for GitHub-flavoured
 * Markdown that GitHub renders as HTML in check runs, job summaries and PR comments. Evidence and
 * manifests come from pull requests, so every string is treated as hostile: it must render as the
 * same literal text, never as markup, a link, an HTML tag or comment, a mention or an issue reference.
 */

/** Longest text {@link escapeMarkdown} keeps by default, in code points; a runaway string must not eat the size budget. */
export const MAX_TEXT_LENGTH = 2000;

/** Longest text {@link escapeTableCell} keeps by default, in code points. */
export const MAX_CELL_LENGTH = 500;

const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;
// Backslash first, so the escapes added for the others are not escaped again.
const PUNCTUATION = /[\\`*~[\]|$]/g;
// `_` between two letters or digits never opens or closes emphasis, so `prompt_patch` stays readable.
const UNDERSCORE = /(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g;
// GFM turns bare `https://…` and `www.…` into links; an escaped `:` or `.` keeps the text and drops the link.
const URL_SCHEME = /:(?=\/\/)/g;
const WWW = /\b(www)\./gi;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// U+200D between `@` and a name, or `#` and a number, stops GitHub's mention and issue-reference linkers.
const ZWJ = '\u200d';

/**
 * Escapes text for use inside a Markdown paragraph, list item or heading: line breaks become
 * spaces, so the result is always one line and can never start a block of its own; `<`, `>`, `&`
 * become entities (no HTML, no `<!-- -->` comment, no entity smuggling); backticks, emphasis
 * characters, brackets, `|` and `$` (GitHub math) are backslash-escaped, and so are the `:` of
 * `https://` and the `.` of `www.` (no autolinks); `@name` and `#123` are split with a zero-width
 * joiner so nobody is pinged and no issue is cross-referenced; block syntax at the start (`# `,
 * `- `, `+ `, `1. `, `---`, `===`) is escaped; control, direction-override and other invisible
 * characters (zero-width, soft hyphen …) become U+FFFD. Longer text is cut to `maxLength` code points with `…`.
 *
 * @example escapeMarkdown('[x](javascript:alert(1))') // '\\[x\\](javascript:alert(1))'
 */
export function escapeMarkdown(text: string, maxLength: number = MAX_TEXT_LENGTH): string {
  return escapeLines(text, maxLength).join(' ');
}

/**
 * Escapes text for one cell of a GFM table: everything {@link escapeMarkdown} does, with `|`
 * escaped so it cannot split the row, and line breaks kept as `<br>` so the row stays one line.
 */
export function escapeTableCell(text: string, maxLength: number = MAX_CELL_LENGTH): string {
  return escapeLines(text, maxLength)
    .filter((line) => line !== '')
    .join('<br>');
}

/** Cuts `text` to at most `maxLength` code points (never inside a surrogate pair), ending in `…` when cut. */
export function truncateText(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const points = Array.from(text);
  if (points.length <= maxLength) return text;
  return `${points.slice(0, Math.max(0, maxLength - 1)).join('')}…`;
}

/**
 * Plain text for places that show it literally (terminal, annotation messages): control,
 * direction-override and other invisible characters become U+FFFD so they are seen, not obeyed; line breaks and tabs
 * become spaces unless `keepLines`. Cut at `maxLength` code points.
 */
export function toPlainText(text: string, maxLength: number = MAX_TEXT_LENGTH, keepLines = false): string {
  const lines = truncateText(text, maxLength).replaceAll('\t', ' ').split(LINE_BREAK);
  return lines.map((line) => showInvisible(line)).join(keepLines ? '\n' : ' ');
}

function escapeLines(text: string, maxLength: number): string[] {
  const lines = truncateText(text, maxLength).replaceAll('\t', ' ').split(LINE_BREAK);
  return lines.map((line) => escapeLine(showInvisible(line).trim()));
}

/**
 * Characters a reader cannot see become U+FFFD: seen, never obeyed by a terminal or a
 * bidirectional renderer, and two ids that differ only in them no longer look alike. That is
 * control characters (C0, C1), format characters (direction marks, overrides and isolates of
 * "Trojan Source", zero-width space, joiners, word joiner, BOM, soft hyphen, interlinear
 * annotations, tag characters) and every other default-ignorable code point (variation
 * selectors, Hangul fillers, invisible operators). Emoji keep what they are made of: a joiner
 * between two pictographs, a variation selector after one, tag characters inside a flag. Line
 * breaks and tabs are handled before this.
 */
function showInvisible(line: string): string {
  const chars = Array.from(line);
  let out = '';
  let flag = false;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x1f3f4) flag = true;
    else if (!(code >= 0xe0020 && code <= 0xe007f)) flag = false;
    out += INVISIBLE.test(char) && !partOfEmoji(chars, i, code, flag) ? '\ufffd' : char;
  }
  return out;
}

const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const SKIN_TONE_OR_SELECTOR = /^(?:\ufe0f|[\u{1f3fb}-\u{1f3ff}])$/u;

/** Whether an invisible character at `i` is structure of an emoji sequence rather than hidden text. */
function partOfEmoji(chars: readonly string[], i: number, code: number, inFlag: boolean): boolean {
  const before = chars[i - 1] ?? '';
  const after = chars[i + 1] ?? '';
  if (code === 0xfe0f || code === 0xfe0e) return PICTOGRAPH.test(before) || /^[0-9#*]$/.test(before);
  // A joiner between pictographs, possibly after a variation selector or a skin tone.
  if (code === 0x200d) return PICTOGRAPH.test(after) && (PICTOGRAPH.test(before) || SKIN_TONE_OR_SELECTOR.test(before));
  // Tag characters spell a subdivision flag after U+1F3F4.
  return inFlag && code >= 0xe0020 && code <= 0xe007f;
}

function escapeLine(line: string): string {
  const escaped = line
    .replace(PUNCTUATION, (c) => `\\${c}`)
    .replace(UNDERSCORE, '\\_')
    .replace(URL_SCHEME, '\\:')
    .replace(WWW, '$1\\.')
    .replace(/[&<>]/g, (c) => ENTITIES[c] ?? c)
    .replaceAll('@', `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`);
  // Block syntax only matters at the start of a line; escaped text may be placed there.
  return escaped.replace(/^[#+=-](?=[\s#+=-]|$)/, (c) => `\\${c}`).replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}
