// `kaizen-gate init` as a plan: from the files of a repository, the first package manifest (locked),
// the release-gate workflow that runs the eval with `eval-command`, optionally a key pair, and the
// commands that come next. Pure: the edge lists and reads the files, makes the keys and writes.
import posix from 'node:path/posix';
import { lockManifest } from '../manifest/lock.ts';
import type { ReadFile } from '../manifest/verify.ts';
import { DEFAULT_KEYS_DIR } from '../audit/keyring.ts';
import type { Problem } from '../problem.ts';
import { readPromptfooConfig } from './promptfoo-config.ts';
import type { PromptfooConfigFacts } from './promptfoo-config.ts';
import { workflowText } from './workflow.ts';

/** What init knows about the repository. */
export interface InitInput {
  /** Repository paths of its files (tracked and untracked, not ignored). */
  readonly files: readonly string[];
  readonly read: (path: string) => Uint8Array | undefined;
  /** The application name (an identifier); default from `repoName`. */
  readonly application?: string;
  /** The repository folder's name. */
  readonly repoName: string;
  /** A GitHub user or team owning the package. */
  readonly owner: string;
  /** The default branch, whose pushes record decisions and store evidence. */
  readonly branch: string;
  /** A fresh key pair, when asked for. */
  readonly keys?: { readonly publicKeyPem: string; readonly privateKeyPem: string; readonly keyid: string };
}

/** A file init writes. */
export interface PlannedFile {
  readonly path: string;
  readonly content: string;
  /** File mode; 0600 for a private key. */
  readonly mode?: number;
}

/** What init writes and says. */
export interface InitPlan {
  readonly files: readonly PlannedFile[];
  /** The manifest's repository path. */
  readonly manifest: string;
  readonly evalCommand: string;
  /** What the manifest is made of, and what init could not use. */
  readonly notes: readonly string[];
  /** The three commands that come next. */
  readonly next: readonly string[];
}

/** The private key's path; the .gitignore beside it keeps it out of commits. */
export const PRIVATE_KEY_PATH = '.kaizen-gate/kaizen-gate.key';
/** The workflow init writes. */
export const WORKFLOW_PATH = '.github/workflows/release-gate.yml';

const PROMPTFOO_CONFIG = /(^|\/)promptfooconfig\.(ya?ml|json)$/;
const EVAL_FILE = /\.eval\.(ts|mts|js|mjs)$/;
const PROMPT_FILE = /(^|\/)prompts?\/[^/]+\.(txt|md|j2|jinja|hbs|mustache|prompt|json|ya?ml)$|\.prompt(\.(txt|md))?$/;
const IGNORED = /(^|\/)(node_modules|\.git|dist|build|coverage|\.promptfoo)\//;

/**
 * Plans the files of a first release gate. A promptfoo config (the shallowest, when there are
 * several) gives the prompts, the suites (its tests files) and the model; without one, prompt
 * files and `*.eval.ts` files (evalite, vitest-evals) are used. The manifest is locked: every
 * digest is the file's.
 *
 * @returns problems when there is nothing to gate (no prompt, no suite) or a config cannot be read.
 */
export function planInit(input: InitInput): { plan?: InitPlan; problems: Problem[] } {
  const files = input.files.filter((file) => !IGNORED.test(file)).toSorted();
  const text = (path: string): string | undefined => {
    const bytes = input.read(path);
    return bytes === undefined ? undefined : new TextDecoder().decode(bytes);
  };
  const notes: string[] = [];
  const configs = files
    .filter((file) => PROMPTFOO_CONFIG.test(file))
    .toSorted((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
  let facts: PromptfooConfigFacts | undefined;
  if (configs.length > 0) {
    const config = configs[0]!;
    const read = readPromptfooConfig(config, input.read(config) ?? new Uint8Array(), files, text);
    if (read.facts === undefined) return { problems: read.problems };
    facts = read.facts;
    notes.push(...facts.notes);
    if (configs.length > 1) {
      notes.push(
        `${configs.length} promptfoo configs found; the manifest is for ${config} (copy it for ` +
          `${configs.slice(1).join(', ')})`,
      );
    }
    if (facts.inlinePrompts > 0) {
      notes.push(
        `${config} writes ${facts.inlinePrompts} prompt(s) inline: the config itself is pinned as a prompt, but ` +
          `evidence binds to a prompt only when it is a file (prompts: [file://prompts/x.txt])`,
      );
    }
  }
  const evalFiles = files.filter((file) => EVAL_FILE.test(file));
  const promptFiles = facts !== undefined ? [...facts.promptFiles] : files.filter((file) => PROMPT_FILE.test(file));
  if (facts !== undefined && facts.inlinePrompts > 0) promptFiles.push(facts.config);
  const golden =
    facts !== undefined
      ? facts.testFiles.filter(
          (f) => !facts.safetyFiles.includes(f) || facts.testFiles.length === facts.safetyFiles.length,
        )
      : evalFiles;
  const safety = facts?.safetyFiles ?? [];
  const problems: Problem[] = [];
  if (promptFiles.length === 0) {
    problems.push({
      file: '.',
      message:
        'no prompt found: init looks for a promptfoo config (promptfooconfig.yaml) with file:// prompts, else files ' +
        'under prompts/ or named *.prompt(.txt|.md)',
    });
  }
  if (golden.length === 0) {
    problems.push({
      file: '.',
      message:
        'no evaluation suite found: init looks for the tests of a promptfoo config, else *.eval.ts files (evalite, ' +
        'vitest-evals)',
    });
  }
  if (problems.length > 0) return { problems };

  const application = input.application ?? identifierOf(input.repoName);
  const manifestPath = `manifests/${application}.yaml`;
  const evalCommand =
    facts !== undefined
      ? `npx --yes promptfoo eval -c ${shellWord(facts.config)} -o "$KAIZEN_GATE_OUTPUT" --no-progress-bar ` +
        `--no-table --no-share`
      : 'npm run eval -- --output "$KAIZEN_GATE_OUTPUT"';
  if (facts === undefined) {
    notes.push(
      `no promptfoo config: ${evalFiles.length} *.eval.ts file(s) are pinned as the golden suite; set eval-command ` +
        `in ${WORKFLOW_PATH} to a command that writes promptfoo output or JSON Lines evidence records to ` +
        `$KAIZEN_GATE_OUTPUT`,
    );
  }
  const unlocked = manifestText({ input, application, facts, promptFiles, golden, safety });
  const read: ReadFile = (path) => {
    const bytes = input.read(path);
    return bytes === undefined ? { kind: 'missing' } : { kind: 'file', bytes };
  };
  const locked = lockManifest(new TextEncoder().encode(unlocked), manifestPath, read);
  if (locked.problems.length > 0) return { problems: [...locked.problems] };

  const planned: PlannedFile[] = [
    { path: manifestPath, content: locked.text },
    {
      path: WORKFLOW_PATH,
      content: workflowText({ evalCommand, branch: input.branch, npmCi: files.includes('package-lock.json') }),
    },
  ];
  if (input.keys !== undefined) {
    planned.push(
      { path: `${DEFAULT_KEYS_DIR}/kaizen-gate.pub`, content: input.keys.publicKeyPem },
      { path: PRIVATE_KEY_PATH, content: input.keys.privateKeyPem, mode: 0o600 },
      {
        path: '.kaizen-gate/.gitignore',
        content:
          '# The private signing key: store it as the KAIZEN_GATE_SIGNING_KEY secret, never commit ' +
          'it.\nkaizen-gate.key\n',
      },
    );
  }
  const committed = planned
    .filter((file) => file.path !== PRIVATE_KEY_PATH)
    .map((file) => shellWord(file.path))
    .join(' ');
  const next = [
    `git add ${committed} && git commit -m "Release gate: first kaizen-gate manifest and workflow"`,
    input.keys !== undefined
      ? `gh secret set KAIZEN_GATE_SIGNING_KEY < ${PRIVATE_KEY_PATH} && rm ${PRIVATE_KEY_PATH}`
      : `npx kaizen-gate keygen --out ~/.kaizen-gate-key && gh secret set KAIZEN_GATE_SIGNING_KEY < ` +
        `~/.kaizen-gate-key/kaizen-gate.key`,
    `npx kaizen-gate eval --command ${shellWord(evalCommand)} --store --push`,
  ];
  notes.unshift(
    `${manifestPath}: package ${application}-r1 with ${promptFiles.length} prompt file(s), ` +
      `${golden.length + safety.length} suite file(s)${facts === undefined ? '' : ` from ${facts.config}`}; review ` +
      `owners, model and side_effect_level`,
  );
  return { plan: { files: planned, manifest: manifestPath, evalCommand, notes, next }, problems: [] };
}

interface ManifestParts {
  readonly input: InitInput;
  readonly application: string;
  readonly facts: PromptfooConfigFacts | undefined;
  readonly promptFiles: readonly string[];
  readonly golden: readonly string[];
  readonly safety: readonly string[];
}

/** The manifest before locking: every artifact with its path, digests filled in by lock. */
function manifestText(parts: ManifestParts): string {
  const { input, application, facts } = parts;
  const model = modelOf(facts);
  const ids = new Set<string>();
  const idFor = (path: string, suffix = ''): string => {
    const stem = identifierOf(
      posix
        .basename(path)
        .replace(/\.[^.]+$/, '')
        .replace(/\.(eval|prompt)$/, ''),
    );
    let id = `${stem}${suffix}`;
    for (let n = 2; ids.has(id); n++) id = `${stem}${suffix}-${n}`;
    ids.add(id);
    return id;
  };
  const rubric = facts?.config ?? parts.golden[0]!;
  const lines = [
    `# Written by \`kaizen-gate init\`${facts === undefined ? '' : ` from ${facts.config}`}. Digests are filled in ` +
      `by \`kaizen-gate lock\`;`,
    '# change package_id with every release.',
    'apiVersion: kaizen-gate/v1',
    'kind: Package',
    `package_id: ${application}-r1`,
    `application: ${application}`,
    '# 0 advisory, 1 read-only tools, 2 recommendation, 3 mutating (levels 2-3 need an owner to approve).',
    'side_effect_level: 0',
    `owners: [${yamlString(input.owner)}]`,
    'change:',
    '  type: initial',
    '  summary: First manifest of the package, written by kaizen-gate init',
    '  problem: Prompt and model changes shipped without a measured comparison with the running package',
    `  owner: ${yamlString(input.owner)}`,
    'model:',
    `  provider: ${yamlString(model.provider)}`,
    `  endpoint: ${yamlString(model.endpoint)}`,
    '  version: unpinned   # pin the model version your provider serves',
    'prompts:',
    ...parts.promptFiles.flatMap((path) => [`  - id: ${idFor(path)}`, `    path: ${yamlString(path)}`]),
    ...(facts?.provider?.file === undefined
      ? []
      : [
          '# The provider code promptfoo calls: it shapes behaviour like a routing rule.',
          'routing:',
          '  id: promptfoo-provider',
          `  path: ${yamlString(facts.provider.file)}`,
        ]),
    'evaluation:',
    '  suites:',
    ...parts.golden.flatMap((path) => [
      `    - id: ${idFor(path, '_golden')}`,
      '      suite: golden',
      `      path: ${yamlString(path)}`,
    ]),
    ...parts.safety.flatMap((path) => [
      `    - id: ${idFor(path, '_safety')}`,
      '      suite: safety',
      `      path: ${yamlString(path)}`,
    ]),
    '  judge:',
    `    model: ${yamlString(facts?.grader ?? (facts === undefined ? 'eval-scorers' : 'promptfoo-assertions'))}`,
    '    version: "1"',
    '    rubric:',
    `      path: ${yamlString(rubric)}`,
    'delivery:',
    '  rollback_metric: negative_feedback_rate',
    '',
  ];
  return lines.join('\n');
}

/** The model as a promptfoo provider names it: `openai:chat:gpt-4.1-mini` → openai / gpt-4.1-mini. */
function modelOf(facts: PromptfooConfigFacts | undefined): { provider: string; endpoint: string } {
  const id = facts?.provider?.id;
  if (id === undefined) return { provider: 'unknown', endpoint: 'unknown' };
  if (id.startsWith('file://')) {
    return { provider: 'file', endpoint: facts?.provider?.label ?? posix.basename(id).replace(/\.[^.]+$/, '') };
  }
  const parts = id.split(':');
  return {
    provider: parts[0] ?? id,
    endpoint:
      parts.length > 1
        ? parts
            .slice(1)
            .join(':')
            .replace(/^(chat|completion|messages|responses):/, '')
        : (facts?.provider?.label ?? id),
  };
}

/** A name fit for package_id and application: letters, digits, `.`, `_`, `-`, starting with a letter or digit. */
export function identifierOf(name: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100);
  return cleaned === '' ? 'app' : cleaned;
}

/** A YAML scalar: plain when safe, else double-quoted JSON. */
function yamlString(value: string): string {
  return /^[A-Za-z0-9][\w@./-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

/** A word for `sh`: bare when it has no special character, else single-quoted. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
