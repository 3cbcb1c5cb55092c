import packageSchema from '../../manifests/schema/package.schema.json' with { type: 'json' };
import type { Problem } from '../problem.ts';
import { validateAgainstSchema } from '../schema/validate.ts';
import { loadYaml } from '../yaml/load.ts';
import type { LoadedYaml } from '../yaml/load.ts';
import type { Manifest } from './model.ts';
import { locate, verifyArtifacts } from './verify.ts';
import type { ReadFile, VerifiedArtifact } from './verify.ts';
import { digestOf } from '../digest.ts';

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
    const found =
      value === null ? 'nothing (an empty document)' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
    const message = `expected a mapping with the fields of a kaizen-gate Package (apiVersion, kind, package_id, ...), found ${found}`;
    return { file, digest, yaml: loaded, artifacts: [], problems: [locate(loaded, '', message)] };
  }
  const schemaProblems = validateAgainstSchema(packageSchema, value, loaded);
  const { artifacts, problems: artifactProblems } = options.readFile
    ? verifyArtifacts(loaded, options.readFile)
    : { artifacts: [], problems: [] };
  // A path or digest the schema already rejected (`..`, bad format) is one fault, reported once.
  const rejected = new Set(schemaProblems.map((p) => p.field));
  const all = [...schemaProblems, ...artifactProblems.filter((p) => !rejected.has(p.field))];
  return {
    file,
    digest,
    yaml: loaded,
    artifacts,
    problems: all,
    ...(schemaProblems.length === 0 ? { manifest: value as Manifest } : {}),
  };
}
