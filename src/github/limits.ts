/**
 * GitHub's size limits, enforced before a request is sent. GitHub measures the check-run summary and
 * text in UTF-8 bytes ("summary exceeds a maximum bytesize of 65535", github/docs#35252) although
 * its documentation says characters; every length here is therefore UTF-8 bytes, which is never less
 * than the UTF-16 or code-point count, so a fitted string passes whichever unit GitHub applies.
 */

/** A titled block of Markdown that {@link fitMarkdown} may shorten or drop; higher priority survives longer. */
export interface MarkdownSection {
  /** Rendered as a `##` heading; empty for a section without heading (e.g. the verdict line). */
  readonly title: string;
  readonly body: string;
  /** Optional detail, usually a collapsible `<details>` block; the first thing dropped when space runs out. */
  readonly details?: string;
  readonly priority: number;
}

/** Appended where text was cut. */
export const TRUNCATION_MARKER = '\n\n_… truncated to fit GitHub’s size limit (see report.json / full report)_';

/** Stands in for dropped content; short, so that dropping always saves space. */
const OMITTED = 'omitted (see report.json / full report)';

/** UTF-8 byte length of `text`, the unit GitHub enforces (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Fits sections of Markdown into `limit` UTF-8 bytes, shortening in stages so the most important
 * content survives: drop `details` from the lowest-priority sections first, then replace whole
 * sections (lowest priority first, never the most important one) by a one-line note, and finally
 * cut at a safe boundary with {@link truncateMarkdown}. Sections keep their order.
 *
 * @throws {RangeError} when `limit` is not a non-negative integer.
 * @example fitMarkdown([{ title: 'Gates', body: '…', details: '<details>…</details>', priority: 2 }], 65_535)
 */
export function fitMarkdown(sections: readonly MarkdownSection[], limit: number): string {
  assertLimit(limit);
  const levels: Level[] = sections.map(() => 'full');
  const render = (): string => sections.map((section, i) => renderSection(section, levels[i] ?? 'full')).join('\n\n');
  let text = render();
  if (utf8Length(text) <= limit) return text;

  // Least important first; among equals the later section goes first, so the top of the page stays.
  const order = sections
    .map((section, index) => ({ index, priority: section.priority }))
    .toSorted((a, b) => a.priority - b.priority || b.index - a.index)
    .map((entry) => entry.index);

  for (const index of order) {
    if (sections[index]?.details === undefined) continue;
    levels[index] = 'no-details';
    text = render();
    if (utf8Length(text) <= limit) return text;
  }
  for (const index of order.slice(0, -1)) {
    levels[index] = 'omitted';
    text = render();
    if (utf8Length(text) <= limit) return text;
  }
  return truncateMarkdown(text, limit);
}

/**
 * Cuts `text` to at most `limit` UTF-8 bytes including `marker`, never inside a surrogate pair or a
 * grapheme cluster (a flag or skin-toned emoji stays whole), an HTML tag, comment or entity; closes
 * a code fence and `<details>` blocks left open, so the marker is visible rather than swallowed.
 * Text that fits is returned unchanged; when not even the marker fits, the text is cut without it.
 *
 * @throws {RangeError} when `limit` is not a non-negative integer.
 */
export function truncateMarkdown(text: string, limit: number, marker: string = TRUNCATION_MARKER): string {
  assertLimit(limit);
  if (utf8Length(text) <= limit) return text;
  const suffix = utf8Length(marker) <= limit ? marker : '';
  let budget = limit - utf8Length(suffix);
  for (;;) {
    const prefix = text.slice(0, safeCut(text, budget));
    const closers = closeOpenBlocks(prefix);
    const result = `${prefix}${closers}${suffix}`;
    if (utf8Length(result) <= limit) return result;
    // The closers did not fit: cut further back by their size and close again.
    budget -= Math.max(1, utf8Length(result) - limit);
    if (budget <= 0) return suffix === '' ? '' : truncateMarkdown(text, limit, '');
  }
}

/** Splits `items` into consecutive chunks of at most `size` (GitHub takes 50 annotations a request). */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(`Expected \`size\` to be a positive integer, got ${size}.`);
  }
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

type Level = 'full' | 'no-details' | 'omitted';

function renderSection(section: MarkdownSection, level: Level): string {
  if (level === 'omitted') return `_… ${section.title === '' ? 'a section' : section.title} ${OMITTED}_`;
  const parts = section.title === '' ? [] : [`## ${section.title}`];
  if (section.body !== '') parts.push(section.body);
  if (section.details !== undefined) parts.push(level === 'full' ? section.details : `_… details ${OMITTED}_`);
  return parts.join('\n\n');
}

/** Largest index ≤ the byte budget at which `text` may be cut without breaking a character or markup. */
function safeCut(text: string, budget: number): number {
  let bytes = 0;
  let cut = 0;
  while (cut < text.length) {
    const unit = text.charCodeAt(cut);
    const pair = isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(cut + 1));
    const size = unit < 0x80 ? 1 : unit < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > budget) break;
    bytes += size;
    cut += pair ? 2 : 1;
  }
  cut = graphemeBoundaryAtOrBefore(text, cut);
  const prefix = text.slice(0, cut);

  const commentStart = prefix.lastIndexOf('<!--');
  if (commentStart > prefix.lastIndexOf('-->')) return commentStart;
  const tagStart = prefix.search(/<[A-Za-z/!?][^<>]*$/);
  if (tagStart !== -1) return tagStart;
  const entityStart = prefix.search(/&(?:#[0-9]{0,7}|#[xX][0-9A-Fa-f]{0,6}|[A-Za-z][A-Za-z0-9]{0,31})$/);
  if (entityStart !== -1) return entityStart;
  return cut;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function graphemeBoundaryAtOrBefore(text: string, index: number): number {
  if (index >= text.length || index === 0) return index;
  // Clusters are short: 64 code units before the cut hold its start, 16 after decide whether it continues.
  const windowStart = Math.max(0, index - 64);
  let boundary = windowStart;
  for (const { index: start } of graphemes.segment(text.slice(windowStart, index + 16))) {
    if (windowStart + start > index) break;
    boundary = windowStart + start;
  }
  return boundary;
}

/** Closers for a code fence and `<details>` blocks still open at the end of `prefix`. */
function closeOpenBlocks(prefix: string): string {
  let fence: string | undefined;
  let openDetails = 0;
  for (const line of prefix.split('\n')) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined && marker !== undefined) fence = marker;
    else if (
      fence !== undefined &&
      marker !== undefined &&
      marker[0] === fence[0] &&
      marker.length >= fence.length &&
      line.trim() === marker
    )
      fence = undefined;
    else if (fence === undefined) {
      openDetails += (line.match(/<details[\s>]/gi) ?? []).length - (line.match(/<\/details\s*>/gi) ?? []).length;
    }
  }
  return (fence === undefined ? '' : `\n${fence}`) + '\n</details>'.repeat(Math.max(0, openDetails));
}

function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 0) {
    throw new RangeError(`Expected \`limit\` to be a non-negative integer, got ${limit}.`);
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
