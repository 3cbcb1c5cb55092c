// Command-line parse errors in the CLI's own words: Node's parseArgs messages name no alternative
// and explain positional arguments nobody asked about.
import { didYouMean } from '../suggest.ts';

/**
 * A sentence for a parseArgs error: an unknown flag with the closest known one
 * (`unknown option --parent-evidenc (did you mean --parent-evidence?)`), a missing value, or
 * Node's own message without its code prefix.
 */
export function describeArgsError(error: unknown, flags: readonly string[]): string {
  const message = error instanceof Error ? error.message.replace(/^TypeError \[[A-Z_]+\]: /, '') : String(error);
  const code = (error as { code?: string }).code;
  const unknown = /^Unknown option '(-{1,2})([^']*)'/.exec(message);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
    const [, dashes, name = ''] = unknown;
    const hint = didYouMean(name.split('=')[0] ?? name, flags, (flag) => `--${flag}`);
    return `unknown option ${dashes}${name}${hint || `; options: ${flags.map((flag) => `--${flag}`).join(', ')}`}`;
  }
  const missing = /^Option '(--[^ ']+)[^']*' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  return message;
}
