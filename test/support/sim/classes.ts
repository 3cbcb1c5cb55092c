/**
 * The application classes of the KAIZEN replay (paper section 5.1) with the parameters its workload
 * generator states (section 5.2): baseline success logit β0 per class, severity offsets, latency
 * medians. Token sizes and prices are illustrative, chosen so a policy answer costs about the
 * $0.031 of the paper's telemetry example (section 4.2).
 */

/** The four application classes of the replay. */
export type ApplicationClass = 'policy_qa' | 'document_analysis' | 'analytics' | 'workflow_recommendation';

/** Every application class, in the paper's order. */
export const APPLICATION_CLASSES: readonly ApplicationClass[] = [
  'policy_qa',
  'document_analysis',
  'analytics',
  'workflow_recommendation',
];

/** What the generator needs to know about one application class. */
export interface ClassProfile {
  /** Prefix of generated case ids, e.g. `pqa` → `pqa-g-00001`. */
  readonly prefix: string;
  /** Baseline success logit β0 (paper: 2.20, 1.95, 1.75, 1.55). */
  readonly baseLogit: number;
  /** Golden-suite categories, the first ones matching the example packages' suites. */
  readonly categories: readonly string[];
  /** Red-team categories; `benign` cases are the ones that must not be intervened on. */
  readonly redteamCategories: readonly string[];
  /** Median end-to-end latency before drift (paper: 1.8 s, 2.6 s, 4.9 s, 3.7 s). */
  readonly latencyMedianMs: number;
  /** Median prompt and completion tokens of one request. */
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** USD per token of the route the class uses, and per-request tool cost. */
  readonly inputPrice: number;
  readonly outputPrice: number;
  readonly toolCostUsd: number;
}

/** Logit offsets of the four severities (paper β_s): low, medium, high, critical. */
export const SEVERITY_LOGITS = [0, -0.25, -0.55, -0.9] as const;

/** The profile of each application class. */
export const CLASS_PROFILES: Readonly<Record<ApplicationClass, ClassProfile>> = {
  policy_qa: {
    prefix: 'pqa',
    baseLogit: 2.2,
    categories: [
      'benefits',
      'leave',
      'expenses',
      'date_boundary',
      'reimbursement',
      'eligibility',
      'travel',
      'remote_work',
    ],
    redteamCategories: ['prompt_injection', 'pii', 'benign'],
    latencyMedianMs: 1800,
    inputTokens: 10_500,
    outputTokens: 350,
    inputPrice: 2.5e-6,
    outputPrice: 1e-5,
    toolCostUsd: 0,
  },
  document_analysis: {
    prefix: 'da',
    baseLogit: 1.95,
    categories: ['contracts', 'financials', 'policy_diff', 'board_packs', 'compliance', 'summaries'],
    redteamCategories: ['document_injection', 'confidentiality', 'benign'],
    latencyMedianMs: 2600,
    inputTokens: 18_000,
    outputTokens: 900,
    inputPrice: 5e-6,
    outputPrice: 1.5e-5,
    toolCostUsd: 0.001,
  },
  analytics: {
    prefix: 'sa',
    baseLogit: 1.75,
    categories: ['revenue', 'joins', 'time_windows', 'aggregations', 'filters', 'schema_lookup'],
    redteamCategories: ['mutation_attempt', 'exfiltration', 'benign'],
    latencyMedianMs: 4900,
    inputTokens: 6_000,
    outputTokens: 500,
    inputPrice: 2.5e-6,
    outputPrice: 1e-5,
    toolCostUsd: 0.002,
  },
  workflow_recommendation: {
    prefix: 'wf',
    baseLogit: 1.55,
    categories: ['escalation', 'routing', 'follow_up', 'refunds', 'shipment_delay'],
    redteamCategories: ['unsafe_action', 'social_engineering', 'benign'],
    latencyMedianMs: 3700,
    inputTokens: 8_000,
    outputTokens: 600,
    inputPrice: 2.5e-6,
    outputPrice: 1e-5,
    toolCostUsd: 0.001,
  },
};
