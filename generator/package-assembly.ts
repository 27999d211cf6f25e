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
  /** What the API report's head says: told before the first batch. */
  named(packageName: string, command: string): void;
  add(sources: readonly OutputFile[], compiled: readonly OutputFile[]): void;
  finish(): Pick<Emitted, 'files' | 'pristineMembers' | 'writtenAhead'>;
}

/** The package's name and the command that regenerates it, as the API report's head quotes them. */
interface Names {
  readonly packageName: string;
  readonly command: string;
}

function namesOf(names: Names | undefined): Names {
  if (names === undefined) throw new Error('the model worker sent batches before the package was named');
  return names;
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
  #names: Names | undefined;

  constructor(readonly withDist: boolean) {}

  named(packageName: string, command: string): void {
    this.#names = { packageName, command };
  }

  add(sources: readonly OutputFile[], compiled: readonly OutputFile[]): void {
    this.#sources.push(...sources);
    this.#dist.push(...compiled);
    compressEntriesAhead(sources, this.#pristineMembers);
  }

  finish(): Pick<Emitted, 'files' | 'pristineMembers'> {
    const files = finishPackage(this.#sources, this.#dist, { ...namesOf(this.#names), withDist: this.withDist });
    return { files, pristineMembers: this.#pristineMembers };
  }
}

/**
 * Into a new folder, each batch written under temporary names and its texts dropped: what the
 * rest needs is made as the batches come (the API report's sections, the pristine copy's
 * entries), so that a big spec's sources are not all held at once while the worker's heap peaks
 * (Microsoft Graph: 150 MB of strings), and the end has only to join them.
 *
 * The report itself is made, written and its pristine entry compressed, as soon as the modules are likely
 * all in: the package's other files come after them (emit-package.ts), so the first batch that
 * brings one has the last declarations. The worker then still makes the docs (openai.yaml: a
 * quarter of a second), which this thread would otherwise wait for before making the report. A
 * declaration that comes later only makes the report again at the end, reusing its unchanged pieces.
 */
class WrittenAhead implements PackageAssembly {
  readonly #report = new ApiReport();
  readonly #pristine = new PristineAhead();
  #names: Names | undefined;
  /** The report made last (early, or at the end): written ahead, its entry in `#pristine`. */
  #made: OutputFile | undefined;

  constructor(
    readonly withDist: boolean,
    readonly writeAhead: WriteAhead,
  ) {}

  named(packageName: string, command: string): void {
    this.#names = { packageName, command };
  }

  add(sources: readonly OutputFile[], compiled: readonly OutputFile[]): void {
    this.#report.add(compiled);
    this.#pristine.add(sources);
    // Sources first: each module's compiled files are then no older than it.
    this.writeAhead.write(sources);
    if (this.withDist) this.writeAhead.write(compiled);
    if (this.#made === undefined && sources.some((file) => !file.path.endsWith('.ts'))) this.#makeReport();
  }

  finish(): Pick<Emitted, 'files' | 'writtenAhead'> {
    this.#makeReport();
    return { files: [], writtenAhead: { files: this.writeAhead.written, pristine: this.#pristine.file() } };
  }

  /** The report of the declarations so far, written and its pristine entry compressed, unless it is the one made already. */
  #makeReport(): void {
    const { packageName, command } = namesOf(this.#names);
    const report = this.#report.file(packageName, command);
    if (report === this.#made) return;
    this.#pristine.add([report]);
    this.writeAhead.write([report]);
    this.#made = report;
  }
}
