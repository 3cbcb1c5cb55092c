// The evaluation fingerprint: a digest of everything that decides a package's eval results, so
// evidence produced once can be found again by content. Pure: the caller reads the files.
import { behaviourFingerprint } from '../manifest/model.ts';
import type { Manifest } from '../manifest/model.ts';
import { stableJson } from '../stable-json.ts';
import { digestOf } from '../digest.ts';

/** Bumped whenever what goes into the fingerprint changes, so old stored evidence is never matched. */
const FINGERPRINT_VERSION = 'kaizen-gate/evaluation-fingerprint/v1';

/** What a package's eval results depend on, as read at one side's commit. */
export interface FingerprintInput {
  readonly manifest: Manifest;
  /** `sha256:` of the manifest file: package_id and anything a harness stamps on records. */
  readonly manifestDigest: string;
  /**
   * Every file the manifest references (prompts, tools, guardrails, retrieval, routing, suites,
   * rubric) by its stable key, with the digest of its content at the commit; undefined when it
   * cannot be read there.
   */
  readonly artifacts: readonly { readonly key: string; readonly actual: string | undefined }[];
  /** The eval command exactly as given. */
  readonly command: string;
  /** The output file name the command writes to (its extension can change what a harness writes). */
  readonly outputName: string;
}

/**
 * The evaluation fingerprint (`sha256:<hex>`): the manifest's behaviour fingerprint, the judge it
 * pins, the manifest file itself, the content of every file it references — suites and rubric
 * included — and the eval command. Undefined when a referenced file cannot be read: such a package
 * is never matched with stored evidence.
 *
 * @example
 * evaluationFingerprint({ manifest, manifestDigest, artifacts, command: 'npm run eval', outputName: 'x.json' })
 */
export function evaluationFingerprint(input: FingerprintInput): string | undefined {
  const files: [string, string][] = [];
  for (const artifact of input.artifacts) {
    if (artifact.actual === undefined) return undefined;
    files.push([artifact.key, artifact.actual]);
  }
  const judge = input.manifest.evaluation.judge;
  const shape = {
    version: FINGERPRINT_VERSION,
    behaviour: behaviourFingerprint(input.manifest),
    judge: { model: judge.model, version: judge.version },
    manifest: input.manifestDigest,
    files: files.toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    command: input.command,
    output: input.outputName,
  };
  return digestOf(new TextEncoder().encode(stableJson(shape)));
}

/** The hex part of a `sha256:` fingerprint, as it appears in ref names. */
export function fingerprintHex(fingerprint: string): string {
  return fingerprint.startsWith('sha256:') ? fingerprint.slice(7) : fingerprint;
}
