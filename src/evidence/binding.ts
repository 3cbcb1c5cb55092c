// Whether each side's evidence provably belongs to its package. promptfoo output names no package,
// so its prompt template is compared with the package's prompt files (and a Vitest report's system
// message likewise); JSONL names its package and
// may carry the digests of the manifest and prompt it was made with. Evidence made for the other
// side is a mismatch (a manifest-gate failure); evidence that cannot be tied to any package is
// unbound, and the decision then needs an owner.
import type { Decision } from '../gates/decide.ts';
import type { PackageFiles, PromptFile, SideFiles } from './package-files.ts';
import type { PairedEvidence } from './pair.ts';
import type { EvidenceBinding, SideBinding, SuiteCoverage } from './evidence-facts.ts';
import { type PromptfooColumn, trimNewlines } from './promptfoo.ts';
import { type EvidenceRecord, formatSource } from './record.ts';
import type { SideName } from './side.ts';

/** What one side of the evidence is made of: its records, and the promptfoo columns of each promptfoo file. */
export interface SideEvidence {
  /** The side's records, or the tally of its JSONL records when they were let go as they were paired. */
  readonly records: readonly EvidenceRecord[] | JsonlTally;
  /** By file: the columns a promptfoo file (or a Vitest report's system message) gave this side. Files not listed are JSONL. */
  readonly columns: ReadonlyMap<string, readonly PromptfooColumn[]>;
  /** The package the side's records must name (JSONL). */
  readonly packageId: string | undefined;
}

/** Binds both sides; `files` is undefined when the package files were not read (then only package ids are compared). */
export function bindEvidence(
  parent: SideEvidence,
  candidate: SideEvidence,
  files: PackageFiles | undefined,
): EvidenceBinding {
  return {
    parent: bindSide('parent', parent, files?.parent, files?.candidate, files !== undefined),
    candidate: bindSide('candidate', candidate, files?.candidate, files?.parent, files !== undefined),
  };
}

function bindSide(
  side: SideName,
  evidence: SideEvidence,
  own: SideFiles | undefined,
  other: SideFiles | undefined,
  haveFiles: boolean,
): SideBinding {
  const otherSide: SideName = side === 'parent' ? 'candidate' : 'parent';
  const mismatches: string[] = [];
  const unbound: string[] = [];
  const by = new Set<string>();
  const ties: string[] = [];

  for (const [file, columns] of evidence.columns) {
    for (const column of columns) {
      const name = `${file} (${describeColumn(column)})`;
      if (column.inconsistency !== undefined) {
        mismatches.push(`${file}:${column.inconsistency.line}: ${column.inconsistency.message}`);
        continue;
      }
      if (column.template === undefined) {
        const where = column.where === undefined ? `results.prompts[${column.promptIdx}].raw` : column.where;
        unbound.push(`${name} holds no prompt text (${where}) to compare with the package's prompt files`);
        continue;
      }
      if (own === undefined) {
        unbound.push(
          haveFiles
            ? `there is no ${side} manifest to compare the prompt of ${name} with`
            : `the ${side} package's prompt files were not available to compare the prompt of ${name} with`,
        );
        continue;
      }
      const template = trimNewlines(column.template);
      const mine = own.prompts.find((prompt) => sameText(prompt, template));
      const theirs = other?.prompts.find((prompt) => sameText(prompt, template));
      if (mine !== undefined) {
        by.add('prompt');
        ties.push(`the prompt of ${name} is ${own.packageId}'s prompt ${mine.id} (${mine.path} ${at(own)})`);
        const contradiction = providerContradiction(column, own, other, side, otherSide);
        if (contradiction !== undefined) mismatches.push(`${name}: ${contradiction}`);
        else if (mentionsModel(column, own)) by.add('provider');
      } else if (theirs !== undefined && other !== undefined) {
        mismatches.push(
          `the ${side} evidence ${name} was made with the ${otherSide}'s prompt ${theirs.id} (${theirs.path} ${at(other)}, package ${other.packageId}), which is none of the ${side} package ${own.packageId}'s prompts: it is the ${otherSide}'s evidence, not the ${side}'s (swapped files, or side selectors that pick the wrong column)`,
        );
      } else {
        unbound.push(
          `the prompt of ${name} is none of ${own.packageId}'s prompt files (${own.prompts.map((p) => p.path).join(', ') || 'none'}) ${at(own)}: an inline prompt the manifest does not carry cannot be tied to the package (${column.where === undefined ? 'keep the prompt in a file the manifest lists and point promptfoo at it with file://' : 'keep the system prompt in a file the manifest lists and have the harness send that file’s text'})`,
        );
      }
    }
  }

  const { records } = evidence;
  const jsonl = isTally(records)
    ? records
    : tallyJsonl(records.filter((record) => !evidence.columns.has(record.source.file)));
  if (jsonl.count > 0)
    bindJsonl(jsonl, side, otherSide, evidence.packageId, own, other, haveFiles, { mismatches, unbound, by, ties });
  const count = isTally(records) ? records.count : records.length;
  if (count === 0 && evidence.columns.size === 0) unbound.push(`there is no ${side} evidence`);

  if (mismatches.length > 0) return { status: 'mismatched', by: [...by], reason: sentences(mismatches) };
  if (unbound.length > 0) return { status: 'unbound', by: [...by], reason: sentences(unbound) };
  return { status: 'bound', by: [...by], reason: sentences(ties) };
}

interface Findings {
  readonly mismatches: string[];
  readonly unbound: string[];
  readonly by: Set<string>;
  readonly ties: string[];
}

interface Tally {
  count: number;
  readonly first: EvidenceRecord;
}

/** What binding reads from a side's JSONL records: the packages and digests they carry, counted. */
export interface JsonlTally {
  count: number;
  readonly packages: Map<string, Tally>;
  readonly manifests: Map<string, Tally>;
  readonly prompts: Map<string, Tally>;
  withoutManifest: EvidenceRecord | undefined;
  withoutPrompt: EvidenceRecord | undefined;
}

/** Tallies records for binding; `into` goes on counting an earlier tally (records read a batch at a time). */
export function tallyJsonl(records: readonly EvidenceRecord[], into?: JsonlTally): JsonlTally {
  const tallied = into ?? {
    count: 0,
    packages: new Map(),
    manifests: new Map(),
    prompts: new Map(),
    withoutManifest: undefined,
    withoutPrompt: undefined,
  };
  for (const record of records) {
    tally(tallied.packages, record.package_id, record);
    if (record.manifest_sha256 === undefined) tallied.withoutManifest ??= record;
    else tally(tallied.manifests, record.manifest_sha256, record);
    if (record.prompt_sha256 === undefined) tallied.withoutPrompt ??= record;
    else tally(tallied.prompts, record.prompt_sha256, record);
  }
  tallied.count += records.length;
  return tallied;
}

function isTally(records: readonly EvidenceRecord[] | JsonlTally): records is JsonlTally {
  return !Array.isArray(records);
}

/** JSONL records: the package they name, and the manifest and prompt digests they carry. */
function bindJsonl(
  records: JsonlTally,
  side: SideName,
  otherSide: SideName,
  expected: string | undefined,
  own: SideFiles | undefined,
  other: SideFiles | undefined,
  haveFiles: boolean,
  found: Findings,
): void {
  const { packages, manifests, prompts, withoutManifest, withoutPrompt } = records;

  const wanted = own?.packageId ?? expected;
  if (wanted === undefined) {
    found.unbound.push(`there is no ${side} package at the base to bind the ${side} evidence to`);
    return;
  }
  for (const [id, { count, first }] of packages) {
    if (id === wanted) continue;
    const whose = id === other?.packageId ? `the ${otherSide} package` : 'package';
    found.mismatches.push(
      `${count} ${side} record${count === 1 ? '' : 's'} (first at ${formatSource(first.source)}) name ${whose} ${id}, but the ${side} is ${wanted}${id === other?.packageId ? ': the evidence files are swapped' : ''}`,
    );
  }
  if (packages.size === 1 && packages.has(wanted)) {
    found.by.add('package_id');
    found.ties.push(`the ${side} records name package ${wanted}`);
  }

  checkDigests('manifest_sha256', manifests, withoutManifest, records.count, found, side, (digest) => {
    if (own === undefined) return undefined;
    if (digest === own.manifestDigest) return 'own';
    return digest === other?.manifestDigest
      ? `the ${otherSide}'s manifest ${other.manifest} ${at(other)}`
      : `neither ${own.manifest} ${at(own)} (${short(own.manifestDigest)}) nor the ${otherSide}'s manifest`;
  });
  checkDigests('prompt_sha256', prompts, withoutPrompt, records.count, found, side, (digest) => {
    if (own === undefined) return undefined;
    if (own.prompts.some((prompt) => prompt.digest === digest)) return 'own';
    const theirs = other?.prompts.find((prompt) => prompt.digest === digest);
    return theirs !== undefined && other !== undefined
      ? `the ${otherSide}'s prompt ${theirs.id} (${theirs.path} ${at(other)})`
      : `none of ${own.packageId}'s prompts (${own.prompts.map((p) => `${p.id} ${p.digest === undefined ? 'unreadable' : short(p.digest)}`).join(', ')})`;
  });
  if (!haveFiles && (manifests.size > 0 || prompts.size > 0))
    found.ties.push('manifest_sha256 and prompt_sha256 were not compared (no package files were read)');
}

function checkDigests(
  field: 'manifest_sha256' | 'prompt_sha256',
  values: ReadonlyMap<string, Tally>,
  without: EvidenceRecord | undefined,
  total: number,
  found: Findings,
  side: SideName,
  judge: (digest: string) => string | undefined,
): void {
  if (values.size === 0) return;
  let ok = true;
  for (const [digest, { count, first }] of values) {
    const verdict = judge(digest);
    if (verdict === undefined) return;
    if (verdict === 'own') continue;
    ok = false;
    found.mismatches.push(
      `${count} ${side} record${count === 1 ? '' : 's'} (first at ${formatSource(first.source)}) carry ${field} ${short(digest)}, which is ${verdict}`,
    );
  }
  if (without !== undefined) {
    ok = false;
    let carried = 0;
    for (const { count } of values.values()) carried += count;
    found.mismatches.push(
      `${total - carried} ${side} record${total - carried === 1 ? '' : 's'} (first at ${formatSource(without.source)}) carry no ${field} while ${carried} do: write it on every record or on none`,
    );
  }
  if (ok) {
    found.by.add(field);
    found.ties.push(`every ${side} record's ${field} matches`);
  }
}

function tally(map: Map<string, Tally>, key: string, record: EvidenceRecord): void {
  const seen = map.get(key);
  if (seen === undefined) map.set(key, { count: 1, first: record });
  else seen.count++;
}

/** The prompt file's content equals the template, both without trailing line ends. */
function sameText(prompt: PromptFile, template: string): boolean {
  if (prompt.content === undefined) return false;
  return trimNewlines(DECODER.decode(prompt.content)) === template;
}

const DECODER = new TextDecoder('utf-8', { ignoreBOM: false });

/**
 * A provider that names the other side's model endpoint and not this side's, when the two
 * manifests pin different endpoints: the column was run against the other package's model.
 */
function providerContradiction(
  column: PromptfooColumn,
  own: SideFiles,
  other: SideFiles | undefined,
  side: SideName,
  otherSide: SideName,
): string | undefined {
  if (other === undefined || own.model.endpoint === other.model.endpoint) return undefined;
  if (!mentionsModel(column, other) || mentionsModel(column, own)) return undefined;
  return `its provider ${JSON.stringify(column.provider ?? column.providerLabel ?? '')} names the ${otherSide}'s model endpoint ${other.model.endpoint}, not the ${side}'s ${own.model.endpoint}`;
}

function mentionsModel(column: PromptfooColumn, files: SideFiles): boolean {
  const endpoint = files.model.endpoint.toLowerCase();
  return endpoint !== '' && `${column.provider ?? ''} ${column.providerLabel ?? ''}`.toLowerCase().includes(endpoint);
}

function describeColumn(column: PromptfooColumn): string {
  if (column.where !== undefined) return column.template === undefined ? 'its tests' : column.where;
  const label =
    column.label === undefined
      ? ''
      : `, label ${JSON.stringify(column.label.length > 40 ? `${column.label.slice(0, 40)}…` : column.label)}`;
  return `promptIdx ${column.promptIdx}${label}`;
}

function at(files: SideFiles): string {
  return files.commit === null ? 'in the work tree' : `at ${files.commit.slice(0, 12)}`;
}

function short(digest: string): string {
  return `${digest.slice(0, 19)}…`;
}

function sentences(parts: readonly string[]): string {
  const shown = parts.slice(0, 3);
  const more = parts.length > shown.length ? ` (and ${parts.length - shown.length} more)` : '';
  // Capitalised only when it starts with a plain word: a file name keeps its case.
  const text = shown
    .map((part) => (/^[a-z]+[ ,']/.test(part) ? part.charAt(0).toUpperCase() + part.slice(1) : part))
    .join('. ');
  return text === '' ? '' : `${text}${more}.`;
}

/**
 * The decision once binding is known: evidence that cannot be tied to its package must not approve
 * a release on its own, so approve becomes needs_approval by an owner, with the reason. Other
 * outcomes stand (a mismatch already failed the manifest gate).
 */
export function requireOwnerWhenUnbound(
  decision: Decision,
  binding: EvidenceBinding | undefined,
  owners: readonly string[],
): Decision {
  if (binding === undefined || decision.outcome !== 'approve') return decision;
  const unbound = (['parent', 'candidate'] as const).filter((side) => binding[side].status === 'unbound');
  if (unbound.length === 0) return decision;
  const which = unbound.length === 2 ? 'neither side’s evidence can' : `the ${unbound[0]} evidence cannot`;
  return {
    outcome: 'needs_approval',
    summary: `Needs approval: every gate passed, but ${which} be tied to its package; an owner must confirm it is the right evidence.`,
    reasons: unbound.map((side) => `binding: ${side} evidence unbound: ${binding[side].reason}`),
    approvers: owners,
  };
}

/** The report's binding and suite coverage fields for one package's evidence (absent when there is none). */
export function bindingFields(evidence: PairedEvidence | undefined): {
  binding?: EvidenceBinding;
  suites?: readonly SuiteCoverage[];
} {
  return {
    ...(evidence?.binding === undefined ? {} : { binding: evidence.binding }),
    ...(evidence?.suites === undefined ? {} : { suites: evidence.suites }),
  };
}

/**
 * One side's binding in a few words: `parent bound by prompt`, `candidate UNBOUND: <why>`, or
 * `candidate MISMATCHED: made for another package` (the manifest gate's reason says which).
 */
export function describeSideBinding(side: SideName, binding: SideBinding): string {
  if (binding.status === 'bound') return `${side} bound by ${binding.by.join(' and ') || 'package'}`;
  if (binding.status === 'mismatched')
    return `${side} MISMATCHED: made for another package (the manifest gate says which)`;
  return `${side} UNBOUND: ${binding.reason}`;
}
