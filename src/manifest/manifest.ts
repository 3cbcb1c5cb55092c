import packageSchema from '../../manifests/schema/package.schema.json' with { type: 'json' };
import type { Problem } from '../problem.ts';
import { validateAgainstSchema } from '../schema/validate.ts';
import { loadYaml } from './load.ts';
import type { LoadedYaml } from './load.ts';
import { digestOf } from './model.ts';
import type { Manifest } from './model.ts';
import { locate, verifyArtifacts } from './verify.ts';
import type { ReadFile, VerifiedArtifact } from './verify.ts';

/** A manifest read from a file: its value if valid, where its fields are, and every problem found. */
export interface LoadedManifest {
  readonly file: string;
  /** `sha256:` digest of the manifest file's bytes. */
  readonly digest: string;
  readonly manifest?: Manifest;
  readonly yaml?: LoadedYaml;
  readonly artifacts: readonly VerifiedArtifact[];
  readonly problems: readonly Problem[];
}

/** Options for {@link loadManifest}. */
export interface LoadManifestOptions {
  /** Reads artifacts; when omitted, artifacts are not verified (schema only). */
  readonly readFile?: ReadFile;
}

/**
 * Loads one manifest file: YAML with positions, JSON Schema, and (given a reader) the artifacts'
 * existence and digests. Problems are collected, never thrown.
 */
export function loadManifest(bytes: Uint8Array, file: string, options: LoadManifestOptions = {}): LoadedManifest {
  const digest = digestOf(bytes);
  const { loaded, problems } = loadYaml(bytes, file);
  if (!loaded) return { file, digest, artifacts: [], problems };
  const value = loaded.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { file, digest, yaml: loaded, artifacts: [], problems: [locate(loaded, '', 'expected a mapping with the fields of a kaizen-gate Package')] };
  }
  const schemaProblems = validateAgainstSchema(packageSchema, value, loaded);
  const { artifacts, problems: artifactProblems } = options.readFile
    ? verifyArtifacts(loaded, options.readFile)
    : { artifacts: [], problems: [] };
  const all = [...schemaProblems, ...artifactProblems];
  return {
    file,
    digest,
    yaml: loaded,
    artifacts,
    problems: all,
    ...(schemaProblems.length === 0 ? { manifest: value as Manifest } : {}),
  };
}

/** True when a YAML value looks like it means to be a kaizen-gate manifest (for directory scans). */
export function looksLikeManifest(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  return /^\s*(apiVersion:\s*["']?kaizen-gate\/|kind:\s*["']?Package\b)/m.test(head);
}
