// What a promptfoo config tells `kaizen-gate init`: the prompt files it evaluates, the files its
// tests come from, its provider and grader. Pure: the repository's files are passed in.
import posix from 'node:path/posix';
import { loadYaml } from '../yaml/load.ts';
import type { Problem } from '../problem.ts';

/** A promptfoo config as init uses it; paths are repository paths of files that exist. */
export interface PromptfooConfigFacts {
  readonly config: string;
  /** Prompt files (`file://…`), in the order the config lists them. */
  readonly promptFiles: readonly string[];
  /** Prompts written inline in the config (they cannot be tied to a file). */
  readonly inlinePrompts: number;
  /** Files the tests come from; the config itself when tests are inline. */
  readonly testFiles: readonly string[];
  /** Files among testFiles whose tests are marked `suite: safety`. */
  readonly safetyFiles: readonly string[];
  /** The first provider: its id (e.g. `openai:chat:gpt-4.1-mini`, `file://provider.js`) and label. */
  readonly provider?: { readonly id: string; readonly label?: string; readonly file?: string };
  /** The grading provider of model-graded assertions, when the config names one. */
  readonly grader?: string;
  /** What init could not use, as sentences for the user. */
  readonly notes: readonly string[];
}

/**
 * Reads a promptfoo config (YAML or JSON). `files` lists the repository's files (for `file://`
 * paths and globs); `read` gives a file's text.
 *
 * @returns problems when the config is not YAML or not a mapping.
 */
export function readPromptfooConfig(
  path: string,
  bytes: Uint8Array,
  files: readonly string[],
  read: (path: string) => string | undefined,
): { facts?: PromptfooConfigFacts; problems: Problem[] } {
  const { loaded, problems } = loadYaml(bytes, path);
  if (loaded === undefined) return { problems };
  const value = loaded.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      problems: [{ file: path, line: 1, message: 'a promptfoo config is a mapping with prompts, providers and tests' }],
    };
  }
  const config = value as Record<string, unknown>;
  const dir = posix.dirname(path);
  const notes: string[] = [];
  const existing = new Set(files);
  const resolveRef = (ref: string, what: string): string[] => {
    const bare = ref.replace(/^file:\/\//, '').replace(/:[A-Za-z_$][\w$]*$/, '');
    const joined = posix.normalize(posix.join(dir, bare));
    if (/[*?[{]/.test(bare)) {
      const matches = files.filter((file) => posix.matchesGlob(file, joined)).toSorted();
      if (matches.length === 0) notes.push(`${path}: the ${what} glob ${ref} matches no file of the repository`);
      return matches;
    }
    if (!existing.has(joined)) {
      notes.push(`${path}: the ${what} file ${ref} is not in the repository, so the manifest leaves it out`);
      return [];
    }
    return [joined];
  };

  const promptFiles: string[] = [];
  let inlinePrompts = 0;
  const prompts = config['prompts'];
  const promptEntries: unknown[] = Array.isArray(prompts)
    ? prompts
    : typeof prompts === 'string'
      ? [prompts]
      : isRecord(prompts)
        ? Object.keys(prompts)
        : [];
  for (const entry of promptEntries) {
    const ref =
      typeof entry === 'string' ? entry : isRecord(entry) && typeof entry['id'] === 'string' ? entry['id'] : undefined;
    if (ref !== undefined && ref.startsWith('file://')) promptFiles.push(...resolveRef(ref, 'prompt'));
    else inlinePrompts += 1;
  }

  const testFiles: string[] = [];
  let inlineTests = false;
  const tests = config['tests'];
  const testEntries: unknown[] = Array.isArray(tests) ? tests : tests === undefined ? [] : [tests];
  for (const entry of testEntries) {
    const ref =
      typeof entry === 'string'
        ? entry
        : isRecord(entry) && typeof entry['path'] === 'string'
          ? entry['path']
          : undefined;
    if (ref === undefined) inlineTests = true;
    else if (/^https?:\/\//.test(ref)) {
      notes.push(`${path}: tests from ${ref} live outside the repository; the manifest cannot pin them`);
    } else testFiles.push(...resolveRef(ref.startsWith('file://') ? ref : `file://${ref}`, 'tests'));
  }
  if (inlineTests) testFiles.unshift(path);
  const suiteFiles = [...new Set(testFiles)];
  const safetyFiles = suiteFiles.filter((file) =>
    SAFETY.test(file === path ? new TextDecoder().decode(bytes) : (read(file) ?? '')),
  );

  const providers = config['providers'];
  const first: unknown = Array.isArray(providers) ? providers[0] : providers;
  const providerId =
    typeof first === 'string' ? first : isRecord(first) && typeof first['id'] === 'string' ? first['id'] : undefined;
  const label =
    isRecord(first) && typeof first['label'] === 'string' && first['label'] !== '' ? first['label'] : undefined;
  const providerFile = providerId?.startsWith('file://') ? resolveRef(providerId, 'provider')[0] : undefined;
  const defaultTest = config['defaultTest'];
  const options = isRecord(defaultTest) ? defaultTest['options'] : undefined;
  const grading = isRecord(options) ? options['provider'] : undefined;
  const grader =
    typeof grading === 'string'
      ? grading
      : isRecord(grading) && typeof grading['id'] === 'string'
        ? grading['id']
        : undefined;
  return {
    facts: {
      config: path,
      promptFiles: [...new Set(promptFiles)],
      inlinePrompts,
      testFiles: suiteFiles,
      safetyFiles,
      ...(providerId === undefined
        ? {}
        : {
            provider: {
              id: providerId,
              ...(label === undefined ? {} : { label }),
              ...(providerFile === undefined ? {} : { file: providerFile }),
            },
          }),
      ...(grader === undefined ? {} : { grader }),
      notes,
    },
    problems: [],
  };
}

// A test marked as a red-team case: `suite: safety` in YAML metadata, `"suite": "safety"` in JSON,
// or a `__metadata:suite` CSV column holding `safety`.
const SAFETY = /(?:["']?suite["']?\s*:\s*["']?safety\b)|(?:__metadata:suite[\s\S]*\bsafety\b)/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
