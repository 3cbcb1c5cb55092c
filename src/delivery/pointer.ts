/**
 * The GitOps pointer: a small YAML file (default `deploy/<application>.yaml`) naming the live
 * package of an application — its id, manifest, the commit to read it at, and the manifest's
 * digest. A deploy publishes it to the config store or feature flag; rollback rewrites it. Its
 * apiVersion is not `kaizen-gate/…` on purpose, so manifest discovery never mistakes it for a Package.
 */
import { parse } from 'yaml';
import { InputError } from '../problem.ts';
import type { Problem } from '../problem.ts';

/** The pointer's format version. */
export const POINTER_API_VERSION = 'pointer.kaizen-gate/v1';

/** The live package of one application. */
export interface Pointer {
  readonly application: string;
  readonly package_id: string;
  readonly manifest: string;
  readonly commit: string;
  readonly manifest_sha256: string;
}

/** Where an application's pointer lives unless configured otherwise. */
export function defaultPointerPath(application: string): string {
  return `deploy/${application}.yaml`;
}

/**
 * Reads a pointer file, reporting every missing or malformed field.
 *
 * @throws InputError naming the file and each field.
 */
export function parsePointer(text: string, file: string): Pointer {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error: unknown) {
    throw new InputError([
      { file, message: `is not YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` },
    ]);
  }
  const problems: Problem[] = [];
  const record =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (record['apiVersion'] !== POINTER_API_VERSION)
    problems.push({
      file,
      field: 'apiVersion',
      message: `expected "${POINTER_API_VERSION}", got ${JSON.stringify(record['apiVersion']) ?? 'nothing'}`,
    });
  const field = (name: string, pattern?: RegExp, expected?: string): string => {
    const v = record[name];
    if (typeof v !== 'string' || v === '') {
      problems.push({ file, field: name, message: 'is required (a non-empty string)' });
      return '';
    }
    if (pattern && !pattern.test(v))
      problems.push({ file, field: name, message: `expected ${expected}, got ${JSON.stringify(v.slice(0, 80))}` });
    return v;
  };
  const pointer: Pointer = {
    application: field('application'),
    package_id: field('package_id'),
    manifest: field('manifest'),
    commit: field('commit', /^[0-9a-f]{40}([0-9a-f]{24})?$/, 'a full commit id (40 or 64 lowercase hex)'),
    manifest_sha256: field('manifest_sha256', /^sha256:[0-9a-f]{64}$/, 'sha256:<64 hex>'),
  };
  if (problems.length > 0) throw new InputError(problems);
  return pointer;
}

/** The pointer file's text: fixed key order, so a rollback's diff is the fields that changed. */
export function renderPointer(pointer: Pointer): string {
  return [
    `# Live package of ${pointer.application}: the deploy reads this file; \`kaizen-gate rollback\` rewrites it.`,
    `apiVersion: ${POINTER_API_VERSION}`,
    'kind: LivePackage',
    `application: ${JSON.stringify(pointer.application)}`,
    `package_id: ${JSON.stringify(pointer.package_id)}`,
    `manifest: ${JSON.stringify(pointer.manifest)}`,
    `commit: ${pointer.commit}`,
    `manifest_sha256: ${pointer.manifest_sha256}`,
    '',
  ].join('\n');
}

/** A line diff of two small texts: `-` old lines, `+` new ones, unchanged lines with two spaces. */
export function diffLines(before: string | null, after: string): string[] {
  const a = before === null ? [] : before.replace(/\n$/, '').split('\n');
  const b = after.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  const max = Math.max(a.length, b.length);
  for (let i = 0; i < max; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) out.push(`  ${x}`);
    else {
      if (x !== undefined) out.push(`- ${x}`);
      if (y !== undefined) out.push(`+ ${y}`);
    }
  }
  return out;
}
