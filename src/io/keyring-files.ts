/**
 * Reading the trusted public keys from disk: key files named one by one and every `*.pem` / `*.pub`
 * of a keys folder, with the folder's revocation list. One reader for the CLI's `--key` /
 * `--keys-dir` and the Action's `public-keys`; the parsing is src/audit/keyring.ts.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  DEFAULT_KEYS_DIR,
  KEY_FILE_PATTERN,
  parseRevokedList,
  REVOKED_FILE,
  trustedKeysFrom,
} from '../audit/keyring.ts';
import type { KeyFile } from '../audit/keyring.ts';
import { InputError } from '../problem.ts';
import type { TrustedKey } from '../report/verify-envelope.ts';
import { readInputFile, toRepoPath } from './files.ts';

/** Where the keys are: paths are resolved against `cwd`. */
export interface KeyringSources {
  readonly cwd: string;
  readonly repo: string;
  /** Public key files given one by one. */
  readonly keyFiles?: readonly string[];
  /** A keys folder given explicitly: it must exist. */
  readonly keysDir?: string;
  /** How a problem with `keysDir` names it (a flag's value, `input public-keys`); default the folder itself. */
  readonly keysDirLabel?: string;
  /** Without `keysDir`, use the repository's `.kaizen-gate/keys/` when it exists. */
  readonly repoDefault: boolean;
  /** Key files found in a folder are named relative to this directory (absolute when outside it). */
  readonly namesRelativeTo: string;
}

/** The trusted keys, each marked revoked or not, and the revoked key ids. */
export interface Keyring {
  readonly trusted: TrustedKey[];
  readonly revoked: Set<string>;
}

/**
 * Reads the trusted keys and the revocation list beside them (`revoked.txt` in the folder, else in
 * the repository's keys folder; it applies to keys given one by one too).
 *
 * @throws InputError for a missing folder or file, a file that is not a public key, or a bad revocation line.
 */
export function loadKeyring(sources: KeyringSources): Keyring {
  const repoKeys = join(sources.repo, DEFAULT_KEYS_DIR);
  const given = sources.keysDir === undefined ? undefined : resolve(sources.cwd, sources.keysDir);
  const dir = given ?? (sources.repoDefault && existsSync(repoKeys) ? repoKeys : undefined);
  const files: KeyFile[] = (sources.keyFiles ?? []).map((path) => ({
    source: path,
    pem: readInputFile(resolve(sources.cwd, path), 'public key file').toString('utf8'),
  }));
  if (dir !== undefined) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      throw new InputError([
        { file: sources.keysDirLabel ?? sources.keysDir ?? dir, message: 'keys folder does not exist' },
      ]);
    }
    for (const name of readdirSync(dir)
      .filter((n) => KEY_FILE_PATTERN.test(n))
      .toSorted()) {
      const path = join(dir, name);
      const relative = toRepoPath(sources.namesRelativeTo, path);
      files.push({
        source: relative.startsWith('..') ? path : relative,
        pem: readInputFile(path, 'public key file').toString('utf8'),
      });
    }
  }
  const revokedPath = join(dir ?? repoKeys, REVOKED_FILE);
  const revoked = existsSync(revokedPath)
    ? parseRevokedList(readInputFile(revokedPath, 'revocation list').toString('utf8'), revokedPath)
    : new Set<string>();
  return { trusted: trustedKeysFrom(files, revoked), revoked };
}
