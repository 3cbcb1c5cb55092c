import { isMap, isScalar } from 'yaml';
import type { Problem } from '../problem.ts';
import { loadYaml } from './load.ts';
import { listArtifacts } from './model.ts';
import { locate, readArtifact } from './verify.ts';
import type { ReadFile } from './verify.ts';

/** What `lock` did to one manifest. */
export interface LockResult {
  /** The new file text; equal to the input when nothing changed. */
  readonly text: string;
  readonly changed: boolean;
  /** One line per digest written: `prompts[0].sha256 sha256:… → sha256:…`. */
  readonly updates: readonly { readonly field: string; readonly path: string; readonly old?: string; readonly new: string }[];
  readonly problems: readonly Problem[];
}

/**
 * Rewrites the recorded digests of a manifest to match the files, like a lockfile update.
 * Existing digest values are replaced byte for byte at their source range, so comments, key order,
 * quoting and layout stay as the author wrote them; a missing `sha256` key is added through the
 * yaml Document API. Idempotent: a second run returns the same text.
 */
export function lockManifest(bytes: Uint8Array, file: string, readFile: ReadFile): LockResult {
  const { loaded, problems } = loadYaml(bytes, file);
  const original = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  if (!loaded) return { text: original, changed: false, updates: [], problems };

  const edits: { start: number; end: number; text: string }[] = [];
  const additions: { path: (string | number)[]; value: string }[] = [];
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
    const segments = entry.digestPointer.slice(1).split('/').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const field = locate(loaded, entry.digestPointer, '').field ?? entry.digestPointer;
    updates.push({ field, path: entry.path, ...(entry.recorded !== undefined ? { old: entry.recorded } : {}), new: actual });
    const node = doc.getIn(segments, true);
    if (isScalar(node) && node.range) {
      const [start, end] = node.range;
      const quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : '';
      edits.push({ start, end, text: `${quote}${actual}${quote}` });
    } else if (isMap(doc.getIn(segments.slice(0, -1), true))) {
      additions.push({ path: segments, value: actual });
    } else {
      lockProblems.push(locate(loaded, entry.digestPointer, 'cannot write the digest here: expected a mapping'));
    }
  }
  if (lockProblems.length > 0) return { text: original, changed: false, updates: [], problems: lockProblems };
  if (updates.length === 0) return { text: original, changed: false, updates, problems: [] };

  // Replace from the end so earlier offsets stay valid. Offsets index the decoded text, which is
  // what the parser saw (the BOM, if any, is not part of it).
  const source = loaded.text;
  let text = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  }
  if (additions.length > 0) {
    const { loaded: again } = loadYaml(new TextEncoder().encode(text), file);
    if (!again) return { text: original, changed: false, updates: [], problems: [{ file, message: 'internal error: lock produced unparsable YAML' }] };
    for (const addition of additions) again.document.setIn(addition.path, addition.value);
    text = again.document.toString({ lineWidth: 0 });
    // The serializer writes LF; keep the author's CRLF.
    if (/\r\n/.test(source)) text = text.replace(/\r?\n/g, '\r\n');
  }
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (hadBom) text = `\uFEFF${text}`;
  return { text, changed: text !== original, updates, problems: [] };
}
