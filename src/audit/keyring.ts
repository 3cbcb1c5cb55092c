/**
 * Trusted public keys and the revocation list, as an auditor configures them: PEM files (given
 * with `--key`, or every `*.pem` / `*.pub` in a keys folder, by default `.kaizen-gate/keys/` in the
 * repository) and `revoked.txt` beside them. Pure: the CLI reads the files.
 */
import { keyIdOf } from '../report/keys.ts';
import type { TrustedKey } from '../report/verify-envelope.ts';
import { InputError } from '../problem.ts';
import type { Problem } from '../problem.ts';

/** Where public keys live in a repository unless told otherwise (the Action's `public-keys` default too). */
export const DEFAULT_KEYS_DIR = '.kaizen-gate/keys';

/** The revocation list's file name inside a keys folder. */
export const REVOKED_FILE = 'revoked.txt';

/** File names in a keys folder that hold public keys. */
export const KEY_FILE_PATTERN = /\.(pem|pub)$/i;

/** A public key file as read from disk. */
export interface KeyFile {
  readonly source: string;
  readonly pem: string;
}

/**
 * Parses a revocation list: one key id per line (`sha256:` and 64 lowercase hex digits, as
 * `kaizen-gate keygen` prints it), optionally followed by whitespace and a free-text note; blank
 * lines and lines starting with `#` are ignored.
 *
 * @throws InputError listing every line that is not a key id, with its line number.
 * @example parseRevokedList('# leaked 2026-03-02\nsha256:ab…  laptop key\n', 'revoked.txt')
 */
export function parseRevokedList(text: string, file: string): Set<string> {
  const ids = new Set<string>();
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [id = ''] = line.split(/\s+/);
    if (/^sha256:[0-9a-f]{64}$/.test(id.toLowerCase())) ids.add(id.toLowerCase());
    else
      problems.push({
        file,
        line: index + 1,
        column: 1,
        message: `expected a key id such as sha256:<64 hex digits>, found "${id.slice(0, 80)}"`,
      });
  });
  if (problems.length > 0) throw new InputError(problems);
  return ids;
}

/**
 * The keys a verifier trusts, each marked revoked when its id is in `revoked`.
 *
 * @throws InputError listing every file that is not a supported public key (a private key is refused).
 */
export function trustedKeysFrom(files: readonly KeyFile[], revoked: ReadonlySet<string>): TrustedKey[] {
  const problems: Problem[] = [];
  const keys: TrustedKey[] = [];
  for (const file of files) {
    try {
      keys.push({ publicKeyPem: file.pem, source: file.source, revoked: revoked.has(keyIdOf(file.pem)) });
    } catch (error: unknown) {
      if (!(error instanceof InputError)) throw error;
      // keyIdOf names the key 'public key'; the file name is what the user can act on.
      problems.push(...error.problems.map((p) => ({ ...p, file: file.source })));
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return keys;
}
