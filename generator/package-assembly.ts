import { ApiReport } from './emit/files/api-report-file.js';
import { finishPackage } from './emit/finish-package.js';
import type { OutputFile } from './emit/output-file.js';
import type { Emitted } from './generate.js';
import type { MadeEntry } from './write/pristine.js';
import { compressEntriesAhead, PristineAhead } from './write/pristine-ahead.js';
import type { WriteAhead } from './write/write-ahead.js';

/**
 * What the CLI's main thread makes of the model worker's batches (generate-parallel.ts): each
 * batch's sources and their compiled dist/ are taken as they come, and the package is finished
 * once the last is in.
 */
export interface PackageAssembly {
  add(sources: readonly OutputFile[], compiled: readonly OutputFile[]): void;
  finish(packageName: string, command: string): Pick<Emitted, 'files' | 'pristineMembers' | 'writtenAhead'>;
}

export function packageAssembly(withDist: boolean, writeAhead: WriteAhead | undefined): PackageAssembly {
  return writeAhead === undefined ? new KeptInMemory(withDist) : new WrittenAhead(withDist, writeAhead);
}

/**
 * Every text kept to the end, for a folder that may hold edits to merge (or for `--check`): the
 * pristine copy's entries compressed ahead, with the texts they were made of.
 */
class KeptInMemory implements PackageAssembly {
  readonly #sources: OutputFile[] = [];
  readonly #dist: OutputFile[] = [];
  readonly #pristineMembers = new Map<string, MadeEntry>();

  constructor(readonly withDist: boolean) {}

  add(sources: readonly OutputFile[], compiled: readonly OutputFile[]): void {
    this.#sources.push(...sources);
    this.#dist.push(...compiled);
    compressEntriesAhead(sources, this.#pristineMembers);
  }

  finish(packageName: string, command: string): Pick<Emitted, 'files' | 'pristineMembers'> {
    const files = finishPackage(this.#sources, this.#dist, { packageName, command, withDist: this.withDist });
    return { files, pristineMembers: this.#pristineMembers };
  }
}

/**
 * Into a new folder, each batch written under temporary names and its texts dropped: what the
 * rest needs is made as the batches come (the API report's sections, the pristine copy's
 * entries), so that a big spec's sources are not all held at once while the worker's heap peaks
 * (Microsoft Graph: 150 MB of strings), and the end has only to join them.
 */
class WrittenAhead implements PackageAssembly {
  readonly #report = new ApiReport();
  readonly #pristine = new PristineAhead();

  constructor(
    readonly withDist: boolean,
    readonly writeAhead: WriteAhead,
  ) {}

  add(sources: readonly OutputFile[], compiled: readonly OutputFile[]): void {
    this.#report.add(compiled);
    this.#pristine.add(sources);
    // Sources first: each module's compiled files are then no older than it.
    this.writeAhead.write(sources);
    if (this.withDist) this.writeAhead.write(compiled);
  }

  finish(packageName: string, command: string): Pick<Emitted, 'files' | 'writtenAhead'> {
    const report = this.#report.file(packageName, command);
    return {
      files: [report],
      writtenAhead: { files: this.writeAhead.written, pristine: this.#pristine.file([report]) },
    };
  }
}
