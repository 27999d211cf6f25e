/**
 * A team's move of a published SDK's hand-written code onto sdkgen, done for real: generate into a
 * fresh folder, copy the published custom files in (src/lib/ stays src/lib/, sdkgen's own; other
 * hand-written files move there), apply the team's edits (a committed patch: imports ported to
 * sdkgen's runtime, the helper registered on the client), regenerate (the merge must keep every
 * edit, without a conflict), type-check the folder, and compare it with the published SDK through
 * `sdkgen diff --against --client`. Whatever a step loses is lost: the move fails and says where.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { TripletFiles } from './materialise.js';
import type { Move } from './pins.js';

/** A move that ran through: the folder to compare, and what it took. */
export interface MovedClient {
  readonly folder: string;
  /** Lines the team's patch adds or removes: the size of the port. */
  readonly patchLines: number;
  /** Removes the temporary folder. */
  readonly dispose: () => void;
}

export class MoveError extends Error {
  constructor(step: string, detail: string) {
    super(`${step}: ${detail.trim().split('\n').slice(-3).join(' ').slice(0, 300)}`);
    this.name = 'MoveError';
  }
}

export function moveCustomCode(root: string, files: TripletFiles, move: Move): MovedClient {
  const work = mkdtempSync(join(tmpdir(), 'sdkgen-move-'));
  const dispose = (): void => rmSync(work, { recursive: true, force: true });
  try {
    // Relative inputs, so that the banner of each generated file, and so the patch's context, is the same on every machine.
    copyFileSync(files.config, join(work, 'stainless.yml'));
    copyFileSync(files.spec, join(work, basename(files.spec)));
    const generate = ['generate', '--stainless', 'stainless.yml', '--spec', basename(files.spec), '--out', 'client'];
    run('first generation', process.execPath, [join(root, 'bin/sdkgen.js'), ...generate], work);
    const client = join(work, 'client');
    for (const [from, to] of move.copy) {
      mkdirSync(dirname(join(client, to)), { recursive: true });
      cpSync(join(files.published, from), join(client, to), { recursive: true });
    }
    const patch = resolve(root, move.patch);
    run('the team’s edits', 'git', ['apply', '--whitespace=nowarn', patch], client);
    run('regeneration over the edits', process.execPath, [join(root, 'bin/sdkgen.js'), ...generate], work);
    // The type-check sees the repository's packages (@types/node for the custom code's node:crypto), as the SDK's own repository would.
    symlinkSync(join(root, 'node_modules'), join(client, 'node_modules'), 'dir');
    run(
      'type-check',
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', client, '--noEmit'],
      work,
    );
    const patchLines = readFileSync(patch, 'utf8')
      .split('\n')
      .filter((line) => /^[+-](?![+-]{2} )/.test(line)).length;
    return { folder: client, patchLines, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

function run(step: string, command: string, args: readonly string[], cwd: string): void {
  try {
    execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new MoveError(step, `${stderr}\n${stdout}`.trim() || String(error));
  }
}
