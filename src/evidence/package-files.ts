// The files evidence is bound to: each gated package's manifest digest, prompts and pinned suites,
// as they are at that side's commit (the head for the candidate, the base for the parent). Built
// by the composition root from readers the git edge supplies; the binding itself is pure.
import type { ChangeSet } from '../manifest/change-set.ts';
import type { Manifest } from '../manifest/model.ts';
import type { ReadFile } from '../manifest/verify.ts';
import type { Suite } from './record.ts';
import { digestOf } from '../digest.ts';

/** A prompt artifact of a package, with its content at the side's commit. */
export interface PromptFile {
  readonly id: string;
  readonly path: string;
  /** Undefined when the file cannot be read there (a manifest problem reported elsewhere). */
  readonly content?: Uint8Array;
  /** `sha256:<hex>` of the content. */
  readonly digest?: string;
}

/** A pinned evaluation suite of a package, with its file's content at the side's commit. */
export interface SuiteFile {
  readonly id: string;
  readonly suite: Suite;
  readonly path: string;
  readonly content?: Uint8Array;
}

/** One side's package as evidence is checked against it. */
export interface SideFiles {
  readonly packageId: string;
  /** Repository path of the manifest. */
  readonly manifest: string;
  /** `sha256:<hex>` of the manifest file. */
  readonly manifestDigest: string;
  /** The commit the files were read at; null for the work tree. */
  readonly commit: string | null;
  readonly model: Manifest['model'];
  readonly prompts: readonly PromptFile[];
  readonly suites: readonly SuiteFile[];
}

/** Both sides of one gated package. */
export interface PackageFiles {
  readonly candidate: SideFiles;
  /** Absent for a new application (no parent at the base). */
  readonly parent?: SideFiles;
}

/**
 * Reads every gated package's prompts and suites through the readers: `readHead` at the change's
 * head (or work tree), `readBase` at the base commit, where parents live. Keyed by the candidate's
 * package_id, the key evidence collection looks packages up by.
 */
export function readPackageFiles(
  changeSet: ChangeSet,
  readHead: ReadFile,
  readBase: ReadFile,
): Map<string, PackageFiles> {
  const files = new Map<string, PackageFiles>();
  for (const diff of changeSet.packages) {
    const loaded = changeSet.loaded.get(diff.manifest);
    const candidate = loaded?.candidate.manifest;
    if (candidate === undefined) continue;
    const parent = loaded?.parent?.manifest;
    files.set(candidate.package_id, {
      candidate: sideFiles(candidate, diff.manifest, diff.digest, changeSet.head.commit, readHead),
      ...(parent === undefined || diff.parent === null
        ? {}
        : { parent: sideFiles(parent, diff.parent.manifest, diff.parent.digest, diff.parent.commit, readBase) }),
    });
  }
  return files;
}

function sideFiles(manifest: Manifest, path: string, digest: string, commit: string | null, read: ReadFile): SideFiles {
  const content = (file: string): Uint8Array | undefined => {
    const result = read(file);
    return result.kind === 'file' ? result.bytes : undefined;
  };
  return {
    packageId: manifest.package_id,
    manifest: path,
    manifestDigest: digest,
    commit,
    model: manifest.model,
    prompts: manifest.prompts.map((prompt) => {
      const bytes = content(prompt.path);
      return {
        id: prompt.id,
        path: prompt.path,
        ...(bytes === undefined ? {} : { content: bytes, digest: digestOf(bytes) }),
      };
    }),
    suites: manifest.evaluation.suites.map((suite) => {
      const bytes = content(suite.path);
      return { id: suite.id, suite: suite.suite, path: suite.path, ...(bytes === undefined ? {} : { content: bytes }) };
    }),
  };
}
