/**
 * Content digests, in the two forms the project uses and nowhere else: `sha256:<hex>` where
 * manifests and reports record a digest, bare hex where in-toto subjects carry one.
 */
import { createHash } from 'node:crypto';

/** Lowercase hex sha256 of bytes (or of text as UTF-8): the bare form of in-toto subject digests. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** `sha256:<hex>` of bytes (or of text as UTF-8): the form manifests and reports record. */
export function digestOf(data: Uint8Array | string): string {
  return `sha256:${sha256Hex(data)}`;
}

/** The hex of a `sha256:` digest; bare hex is returned as it is. */
export function hexOf(digest: string): string {
  return digest.startsWith('sha256:') ? digest.slice('sha256:'.length) : digest;
}

/** `sha256:8a1c2f9e…`: enough of a digest to recognise it in prose. */
export function shortDigest(digest: string): string {
  return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest;
}
