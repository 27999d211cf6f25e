import { plural } from '../plural.js';
import { colourEnabled } from './terminal.js';

/** Exit codes, the same for every command; documented in the README and each command's help. */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 3 } as const;

/** What a command may do to the world besides files: print, and learn when to stop. */
export interface CliIO {
  readonly cwd: string;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Whether `out` and `err` may be coloured; none when left out (tests, pipes). */
  readonly colour?: { readonly out: boolean; readonly err: boolean } | undefined;
  /** Resolves when a long-running command (`mock`, `generate --watch`) should stop; SIGINT or SIGTERM by default. */
  readonly stopped?: Promise<void> | undefined;
}

export function processIO(): CliIO {
  return {
    cwd: process.cwd(),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    colour: { out: colourEnabled(process.stdout, process.env), err: colourEnabled(process.stderr, process.env) },
  };
}

/** How every command's summary ends: `3 warnings`, or `no warnings`. */
export function warningCount(count: number): string {
  return count === 0 ? 'no warnings' : plural(count, 'warning');
}
