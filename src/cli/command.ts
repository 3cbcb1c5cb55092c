import type { ParseArgsConfig } from 'node:util';
import type { CommandContext } from './manifest-commands.ts';

/** One CLI command: its help and how to run it with parsed flags. */
export interface Command {
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly help: string;
  readonly run: (
    ctx: CommandContext,
    values: Record<string, unknown>,
    positionals: string[],
  ) => number | Promise<number>;
}

/** `--repo DIR`, shared by every command that reads the repository. */
export const repoOption = { repo: { type: 'string' } } as const;
