import { digestOf } from '../digest.ts';
import { stableJson } from '../stable-json.ts';

/** Side-effect level: 0 advisory, 1 read-only tools, 2 recommendation, 3 mutating. */
export type SideEffectLevel = 0 | 1 | 2 | 3;

/** A file an artifact entry points at, with the digest the manifest records for it. */
export interface FileRef {
  readonly path: string;
  readonly sha256: string;
}

/** An artifact with an id, a file and a digest (prompts, guardrails). */
export interface Artifact extends FileRef {
  readonly id: string;
}

/** A tool schema bound by id, version and digest. */
export interface ToolRef {
  readonly id: string;
  readonly version: string;
  readonly schema: string;
  readonly sha256: string;
  readonly mutating?: boolean;
}

/** A suite of evaluation cases. */
export interface SuiteRef extends Artifact {
  readonly suite: 'golden' | 'safety' | 'shadow';
}

/** A schema-valid Package manifest (see manifests/schema/package.schema.json). */
export interface Manifest {
  readonly apiVersion: 'kaizen-gate/v1';
  readonly kind: 'Package';
  readonly package_id: string;
  readonly application: string;
  readonly parent_package_id?: string;
  readonly side_effect_level: SideEffectLevel;
  readonly owners: readonly string[];
  readonly change: {
    readonly type: string;
    readonly summary: string;
    readonly problem: string;
    readonly owner: string;
    readonly issue?: string;
  };
  readonly model: {
    readonly provider: string;
    readonly endpoint: string;
    readonly version: string;
    readonly params?: Readonly<Record<string, unknown>>;
  };
  readonly prompts: readonly Artifact[];
  readonly retrieval?: {
    readonly corpus_snapshot: string;
    readonly embedding_model: string;
    readonly reranker?: string;
    readonly top_k: number;
    readonly manifest?: FileRef;
  };
  readonly tools?: readonly ToolRef[];
  readonly routing?: { readonly id: string; readonly path?: string; readonly sha256?: string };
  readonly guardrails?: readonly Artifact[];
  readonly evaluation: {
    readonly suites: readonly SuiteRef[];
    readonly judge: { readonly model: string; readonly version: string; readonly rubric: FileRef };
  };
  readonly delivery: {
    readonly strategy?: string;
    readonly rollback_metric: string;
    readonly slo?: { readonly p95_latency_ms?: number; readonly cost_per_success_usd?: number };
  };
}

/** The component of a package an artifact belongs to; each maps to one change class. */
export type Component = 'model' | 'prompt' | 'retrieval' | 'tool' | 'routing' | 'guardrail' | 'evaluation' | 'judge';

/** One file a manifest references, where the reference sits, and the digest it records. */
export interface ArtifactEntry {
  readonly component: Component;
  /** Stable identity within the package: `prompt:system`, `tool:sql_readonly`, `suite:golden_v12`. */
  readonly key: string;
  readonly id: string;
  readonly path: string;
  readonly recorded: string | undefined;
  /** JSON pointer of the `path` (or `schema`) field and of the digest field. */
  readonly pathPointer: string;
  readonly digestPointer: string;
}

/**
 * Lists every file the manifest references. Works on unvalidated values too (so `lock` can fill
 * missing digests): entries without a string path are skipped.
 */
export function listArtifacts(value: unknown): ArtifactEntry[] {
  const m = asRecord(value);
  const out: ArtifactEntry[] = [];
  const push = (
    component: Component,
    key: string,
    id: string,
    base: string,
    ref: unknown,
    pathField = 'path',
  ): void => {
    const r = asRecord(ref);
    const path = r[pathField];
    if (typeof path !== 'string') return;
    const digest = r.sha256;
    out.push({
      component,
      key,
      id,
      path,
      recorded: typeof digest === 'string' ? digest : undefined,
      pathPointer: `${base}/${pathField}`,
      digestPointer: `${base}/sha256`,
    });
  };
  asArray(m.prompts).forEach((p, i) => push('prompt', `prompt:${idOf(p, i)}`, idOf(p, i), `/prompts/${i}`, p));
  asArray(m.tools).forEach((t, i) => push('tool', `tool:${idOf(t, i)}`, idOf(t, i), `/tools/${i}`, t, 'schema'));
  asArray(m.guardrails).forEach((g, i) =>
    push('guardrail', `guardrail:${idOf(g, i)}`, idOf(g, i), `/guardrails/${i}`, g),
  );
  const retrieval = asRecord(m.retrieval);
  push('retrieval', 'retrieval:manifest', 'manifest', '/retrieval/manifest', retrieval.manifest);
  const routing = asRecord(m.routing);
  push('routing', `routing:${String(routing.id ?? 'rule')}`, String(routing.id ?? 'rule'), '/routing', routing);
  const evaluation = asRecord(m.evaluation);
  asArray(evaluation.suites).forEach((s, i) =>
    push('evaluation', `suite:${idOf(s, i)}`, idOf(s, i), `/evaluation/suites/${i}`, s),
  );
  push('judge', 'judge:rubric', 'rubric', '/evaluation/judge/rubric', asRecord(evaluation.judge).rubric);
  return out;
}

/**
 * A digest of everything that shapes behaviour (model, prompts, retrieval, tools, routing,
 * guardrails) and nothing that does not (ids, owners, change notes, evaluation). Two packages with
 * the same fingerprint behave the same, which is how a rollback is recognised.
 */
export function behaviourFingerprint(manifest: Manifest): string {
  const shape = {
    model: manifest.model,
    prompts: manifest.prompts.map((p) => [p.id, p.sha256]).toSorted(compareTuples),
    retrieval: manifest.retrieval ?? null,
    tools: (manifest.tools ?? []).map((t) => [t.id, t.version, t.sha256]).toSorted(compareTuples),
    routing: manifest.routing ?? null,
    guardrails: (manifest.guardrails ?? []).map((g) => [g.id, g.sha256]).toSorted(compareTuples),
  };
  return digestOf(stableJson(shape));
}

function compareTuples(a: readonly unknown[], b: readonly unknown[]): number {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function idOf(value: unknown, index: number): string {
  const id = asRecord(value).id;
  return typeof id === 'string' ? id : `#${index}`;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
