// Stored evidence as values: the metadata written beside an eval's output under its evaluation
// fingerprint, and the checks a stored copy must pass before it is used. Pure; the git edge
// (src/git/evidence-store.ts) reads and writes the bytes.
import { fingerprintHex } from './fingerprint.ts';
import { digestOf } from '../digest.ts';

/** The refs evidence is stored under: one per evaluation fingerprint (its hex digest). */
export const EVIDENCE_REF_PREFIX = 'refs/kaizen-gate/evidence/';

/** The metadata file of a stored evidence commit. */
export const METADATA_FILE = 'metadata.json';

/** The schema tag of the metadata. */
export const STORED_SCHEMA = 'kaizen-gate/stored-evidence/v1';

/** What is stored beside the evidence: where, when and how it was produced, and its digest. */
export interface StoredMetadata {
  readonly schema: typeof STORED_SCHEMA;
  /** `sha256:<hex>` evaluation fingerprint; the ref is named by its hex part. */
  readonly fingerprint: string;
  readonly package_id: string;
  /** Repository path of the manifest at `commit`. */
  readonly manifest: string;
  /** The commit the eval ran at. */
  readonly commit: string;
  /** ISO 8601 time the eval run started. */
  readonly produced_at: string;
  readonly command: string;
  /** The evidence file in the stored tree, its `sha256:` digest and size in bytes. */
  readonly evidence: { readonly file: string; readonly sha256: string; readonly bytes: number };
}

/** The ref evidence with this fingerprint is stored under. */
export function evidenceRef(fingerprint: string): string {
  return `${EVIDENCE_REF_PREFIX}${fingerprintHex(fingerprint)}`;
}

/**
 * How reports and signed statements name a stored evidence file: git's `<ref>:<path>`, which
 * `git show` resolves, so an auditor can hash exactly what was used.
 */
export function storedEvidenceName(fingerprint: string, file: string): string {
  return `${evidenceRef(fingerprint)}:${file}`;
}

/** The name a stored file keeps: `evidence` with the extension the eval's output had. */
export function storedFileName(outputName: string): string {
  return outputName.endsWith('.jsonl') ? 'evidence.jsonl' : 'evidence.json';
}

/** The metadata for evidence bytes produced by one run. */
export function storedMetadataOf(
  run: Omit<StoredMetadata, 'schema' | 'evidence'>,
  file: string,
  bytes: Uint8Array,
): StoredMetadata {
  return { schema: STORED_SCHEMA, ...run, evidence: { file, sha256: digestOf(bytes), bytes: bytes.length } };
}

/** A stored copy that passed every check. */
export interface VerifiedStored {
  readonly metadata: StoredMetadata;
  readonly bytes: Uint8Array;
}

/**
 * Checks a stored copy read from `ref`: metadata that parses and has every field, the fingerprint
 * the ref is named for, and evidence bytes whose size and sha256 are the ones recorded. Returns
 * the sentence saying what is wrong otherwise: a stored copy that fails is never used.
 */
export function verifyStored(
  ref: string,
  fingerprint: string,
  files: ReadonlyMap<string, Uint8Array>,
): VerifiedStored | { problem: string } {
  const advice = `delete it (\`git push origin :${ref}\` and \`git update-ref -d ${ref}\`) so the parent is run again`;
  const metaBytes = files.get(METADATA_FILE);
  if (metaBytes === undefined) return { problem: `stored evidence ${ref} has no ${METADATA_FILE}; ${advice}` };
  const metadata = parseMetadata(new TextDecoder().decode(metaBytes));
  if (typeof metadata === 'string') {
    return { problem: `stored evidence ${ref}: ${METADATA_FILE} ${metadata}; ${advice}` };
  }
  if (metadata.fingerprint !== fingerprint) {
    return {
      problem: `stored evidence ${ref} says it is for fingerprint ${metadata.fingerprint}, not ${fingerprint}; ${advice}`,
    };
  }
  const bytes = files.get(metadata.evidence.file);
  if (bytes === undefined) {
    return { problem: `stored evidence ${ref} has no ${metadata.evidence.file}, which its metadata names; ${advice}` };
  }
  const actual = digestOf(bytes);
  if (actual !== metadata.evidence.sha256 || bytes.length !== metadata.evidence.bytes) {
    return {
      problem:
        `stored evidence ${ref}:${metadata.evidence.file} has sha256 ${actual} (${bytes.length} bytes), but its ` +
        `metadata records ` +
        `${metadata.evidence.sha256} (${metadata.evidence.bytes} bytes): the stored file was changed after it was ` +
        `written, so it is not used; ${advice}`,
    };
  }
  return { metadata, bytes };
}

const SHA256 = /^sha256:[0-9a-f]{64}$/;

/** Parses metadata text, or says in a few words why it is not metadata. */
export function parseMetadata(text: string): StoredMetadata | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'is not JSON';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a JSON object';
  const v = value as Record<string, unknown>;
  if (v['schema'] !== STORED_SCHEMA) return `has schema ${JSON.stringify(v['schema'])}, expected "${STORED_SCHEMA}"`;
  for (const field of ['fingerprint', 'package_id', 'manifest', 'commit', 'produced_at', 'command'] as const) {
    if (typeof v[field] !== 'string' || v[field] === '') return `has no ${field}`;
  }
  if (!SHA256.test(v['fingerprint'] as string)) return 'has a fingerprint that is not sha256:<hex>';
  if (Number.isNaN(Date.parse(v['produced_at'] as string))) return 'has a produced_at that is not a time';
  const evidence = v['evidence'] as Record<string, unknown> | undefined;
  if (
    typeof evidence !== 'object' ||
    evidence === null ||
    typeof evidence['file'] !== 'string' ||
    !/^[\w.-]+$/.test(evidence['file'])
  )
    return 'has no evidence file name';
  if (typeof evidence['sha256'] !== 'string' || !SHA256.test(evidence['sha256'])) return 'has no evidence sha256';
  if (!Number.isSafeInteger(evidence['bytes'])) return 'has no evidence size';
  return value as StoredMetadata;
}

/** Metadata as stored: one JSON document, keys in a fixed order, ending in a newline. */
export function metadataText(metadata: StoredMetadata): string {
  return `${JSON.stringify(metadata, null, 2)}\n`;
}
