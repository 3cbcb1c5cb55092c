import { isMap, isScalar } from 'yaml';
import type { Scalar } from 'yaml';
import type { Problem } from '../problem.ts';
import { loadYaml } from '../yaml/load.ts';
import { listArtifacts } from './model.ts';
import { locate, readArtifact } from './verify.ts';
import type { ReadFile } from './verify.ts';

/** What `lock` did to one manifest. */
export interface LockResult {
  /** The new file text; equal to the input when nothing changed. */
  readonly text: string;
  readonly changed: boolean;
  /** One line per digest written: `prompts[0].sha256 sha256:… → sha256:…`. */
  readonly updates: readonly {
    readonly field: string;
    readonly path: string;
    readonly old?: string;
    readonly new: string;
  }[];
  readonly problems: readonly Problem[];
}

/**
 * Rewrites the recorded digests of a manifest to match the files, like a lockfile update.
 * Every change is a splice into the source text — an existing digest is replaced at its source
 * range, a missing `sha256` key is inserted beside its `path` — so comments, key order, quoting,
 * blank lines, CRLF and a BOM stay exactly as the author wrote them. Idempotent: a second run
 * returns the same text.
 */
export function lockManifest(bytes: Uint8Array, file: string, readFile: ReadFile): LockResult {
  const { loaded, problems } = loadYaml(bytes, file);
  const original = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  if (!loaded) return { text: original, changed: false, updates: [], problems };

  // Offsets index the decoded text, which is what the parser saw (without the BOM, if any).
  const source = loaded.text;
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  const edits: Edit[] = [];
  const updates: { field: string; path: string; old?: string; new: string }[] = [];
  const lockProblems: Problem[] = [];
  const doc = loaded.document;

  for (const entry of listArtifacts(loaded.value)) {
    const { actual, problem } = readArtifact(entry, readFile);
    if (problem || actual === undefined) {
      lockProblems.push(locate(loaded, entry.pathPointer, problem ?? 'cannot be read'));
      continue;
    }
    if (entry.recorded === actual) continue;
    const segments = toSegments(entry.digestPointer);
    const edit = isScalar(doc.getIn(segments, true))
      ? replaceValue(doc.getIn(segments, true) as Scalar, source, actual, newline)
      : insertDigest(
          doc.getIn(segments.slice(0, -1), true),
          toSegments(entry.pathPointer).at(-1),
          source,
          actual,
          newline,
        );
    if (!edit) {
      lockProblems.push(
        locate(loaded, entry.digestPointer, `cannot write the digest here; add \`sha256: ${actual}\` by hand`),
      );
      continue;
    }
    edits.push(edit);
    const field = locate(loaded, entry.digestPointer, '').field ?? entry.digestPointer;
    updates.push({
      field,
      path: entry.path,
      ...(entry.recorded !== undefined ? { old: entry.recorded } : {}),
      new: actual,
    });
  }
  if (lockProblems.length > 0) return { text: original, changed: false, updates: [], problems: lockProblems };
  if (updates.length === 0) return { text: original, changed: false, updates, problems: [] };

  // Splice from the end so earlier offsets stay valid.
  let text = source;
  for (const edit of edits.toSorted((a, b) => b.start - a.start)) {
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  }
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (hadBom) text = `\uFEFF${text}`;

  // The splices are text surgery; prove the result says what we meant before anyone writes it.
  const { loaded: again } = loadYaml(new TextEncoder().encode(text), file);
  const expected = new Map(updates.map((u) => [u.field, u.new]));
  const wrong =
    !again ||
    listArtifacts(again.value).some((a) => {
      const field = locate(again, a.digestPointer, '').field ?? a.digestPointer;
      return expected.has(field) && a.recorded !== expected.get(field);
    });
  if (wrong)
    return {
      text: original,
      changed: false,
      updates: [],
      problems: [
        {
          file,
          message: 'internal error: lock could not rewrite the digests safely; edit them by hand and report this',
        },
      ],
    };
  return { text, changed: text !== original, updates, problems: [] };
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function toSegments(pointer: string): (string | number)[] {
  return pointer
    .slice(1)
    .split('/')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Replaces an existing digest value, keeping its quoting style. */
function replaceValue(node: Scalar, source: string, digest: string, newline: string): Edit | undefined {
  if (!node.range) return undefined;
  const [start, end] = node.range;
  const quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : '';
  // `sha256:` with no value has an empty range right after the colon; a block scalar ends in a newline.
  const lead = start === end && !/\s/.test(source[start - 1] ?? ' ') ? ' ' : '';
  const trail = source.slice(start, end).endsWith('\n') ? newline : '';
  return { start, end, text: `${lead}${quote}${digest}${quote}${trail}` };
}

/**
 * Adds `sha256: <digest>` to the mapping that holds the artifact's path: in a flow mapping right
 * after the path value, in a block mapping on the line after it, indented like the path key.
 */
function insertDigest(
  map: unknown,
  pathKey: string | number | undefined,
  source: string,
  digest: string,
  newline: string,
): Edit | undefined {
  if (!isMap(map)) return undefined;
  // A `sha256` that is there but not a plain value (an alias, a list) is the author's to fix.
  if (map.items.some((p) => isScalar(p.key) && p.key.value === 'sha256')) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === pathKey);
  const key = pair?.key;
  const value = pair?.value;
  if (!isScalar(key) || !key.range || !isScalar(value) || !value.range) return undefined;
  const valueEnd = value.range[1];
  if (map.flow) return { start: valueEnd, end: valueEnd, text: `, sha256: ${digest}` };
  const keyColumn = key.range[0] - (source.lastIndexOf('\n', key.range[0] - 1) + 1);
  const lineEnd = source.indexOf('\n', valueEnd);
  const line = `${' '.repeat(keyColumn)}sha256: ${digest}`;
  if (lineEnd === -1) return { start: source.length, end: source.length, text: `${newline}${line}` };
  return { start: lineEnd + 1, end: lineEnd + 1, text: `${line}${newline}` };
}
