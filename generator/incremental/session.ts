import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatBytes, phaseTimer } from '../command.js';
import { type Diagnostic, type FormattedDiagnostic, formatDiagnostics } from '../diagnostics.js';
import type { Compiled, ModuleCompiler } from '../emit/compile/compiled.js';
import { compileWithOxc } from '../emit/compile/oxc-compiler.js';
import type { OutputFile } from '../emit/output-file.js';
import { emit, type GenerateOptions, type Generation } from '../generate.js';
import { NAMES_LOCK } from '../model/kept-names.js';
import type { ApiModel } from '../model/model.js';
import { modelOptionsOf } from '../model-options.js';
import { inputsOf, loadAndModel } from '../model-spec.js';
import { plural } from '../plural.js';
import { describeModel } from '../run-summary.js';
import { rememberPristines } from '../write/pristine.js';
import { EmitMemoStore } from './emit-memo.js';
import { ModelTexts, replaceDescription } from './model-patch.js';
import { type PatchableFile, patchScalar } from './scalar-patch.js';

/** A run of the session: its generation, and whether it patched the last run's or started afresh (and why). */
export interface SessionRun {
  readonly generation: Generation;
  readonly how: 'patched' | 'full';
  /** Why a run after the first could not patch. */
  readonly why?: string | undefined;
  /** How many emitters (files, and api.md's sections) ran, and how many gave their last output. */
  readonly emitted: number;
  readonly reused: number;
}

/** What the last run read and made, to patch the next from. */
interface State {
  readonly optionsKey: string;
  /** By absolute path: each local YAML file as read and patched since. */
  readonly files: Map<string, PatchableFile & { readonly displayPath: string }>;
  /** Every file's text by display path, to quote in warnings. */
  readonly texts: Map<string, string>;
  /** Every local file's text by absolute path, to see which changed. */
  readonly sources: Map<string, string>;
  readonly inputs: readonly string[];
  readonly model: ApiModel;
  /** Where the model's texts are, when it is a tree (model-patch.ts). */
  readonly modelTexts: ModelTexts | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** How often each string (key or value) occurs in the spec's files. */
  readonly strings: Map<string, number>;
  readonly generation: Generation;
}

/**
 * `sdkgen generate --watch`'s pipeline: the first run is an ordinary one (load → model → emit,
 * in this thread); each later one, when the spec changed only in one operation's or schema's
 * description, patches that text into the last run's parsed file (scalar-patch.ts) and model
 * (model-patch.ts), emits only the files whose inputs changed (emit-memo.ts) and compiles only
 * the sources whose text changed. Anything else, or any doubt, is a full run; either way the
 * result is what a fresh run of the spec gives, byte for byte (test/incremental/).
 */
export class IncrementalSession {
  #state: State | undefined;
  readonly #memo = new EmitMemoStore();
  #compiled = new Map<string, { readonly contents: string; readonly compiled: Compiled }>();

  /**
   * Each warning as printed: a patch keeps every warning above the edit or in another file as
   * it was, line and quoted text alike, so its text is kept too.
   */
  #formatted = new WeakMap<Diagnostic, FormattedDiagnostic>();

  constructor() {
    rememberPristines();
  }

  #format(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): FormattedDiagnostic[] {
    return diagnostics.map((d) => {
      const known = this.#formatted.get(d);
      if (known !== undefined) return known;
      const [formatted] = formatDiagnostics([d], (name) => texts.get(name));
      if (formatted === undefined) throw new Error('formatDiagnostics returned nothing for one diagnostic');
      this.#formatted.set(d, formatted);
      return formatted;
    });
  }

  generate(options: GenerateOptions): SessionRun {
    const previous = this.#state;
    this.#state = undefined;
    let why: string | undefined;
    if (previous !== undefined) {
      try {
        const patched = this.#patch(previous, options);
        if (typeof patched !== 'string') return { generation: patched, how: 'patched', ...this.#memo.stats };
        why = patched;
      } catch (error) {
        why = `the patch failed (${(error as Error).message})`;
      }
      // The failed patch may have left the memo half-updated, and the old state changed in place.
      this.#memo.clear();
    }
    try {
      return { generation: this.#full(options), how: 'full', why, ...this.#memo.stats };
    } catch (error) {
      this.#memo.clear();
      throw error;
    }
  }

  #full(options: GenerateOptions): Generation {
    const cwd = options.cwd ?? process.cwd();
    const progress = phaseTimer(options.onProgress);
    const { loaded, model, diagnostics } = loadAndModel(options.spec, cwd, modelOptionsOf(options));
    const files = [...loaded.files.values()];
    progress(
      `read ${plural(files.length, 'file')}, ${formatBytes(files.reduce((n, f) => n + f.text.length, 0))}, and modeled ${describeModel(model)}`,
    );
    const inputs = inputsOf(loaded);
    const texts = new Map(files.map((f) => [f.displayPath, f.text]));
    const warnings = this.#format(diagnostics, texts);
    const generation = this.#emit(model, warnings, inputs, options, progress);
    const patchable = new Map<string, PatchableFile & { readonly displayPath: string }>();
    const strings = new Map<string, number>();
    for (const file of files) {
      countStrings(file.value, strings);
      if (file.nodeOffsets !== undefined && /\.ya?ml$/i.test(file.absolutePath))
        patchable.set(file.absolutePath, {
          displayPath: file.displayPath,
          text: file.text,
          value: file.value,
          offsets: file.nodeOffsets,
          shift: (offset) => offset,
        });
    }
    this.#state = {
      optionsKey: optionsKey(options),
      files: patchable,
      texts,
      sources: new Map(files.map((f) => [f.absolutePath, f.text])),
      inputs,
      model,
      modelTexts: ModelTexts.of(model),
      diagnostics,
      strings,
      generation,
    };
    return generation;
  }

  /** The patched run's generation, or why there is none. */
  #patch(state: State, options: GenerateOptions): Generation | string {
    if (optionsKey(options) !== state.optionsKey) return 'the options changed';
    if (options.overlays?.length || options.stainless !== undefined || options.strict || options.rename !== undefined)
      return 'overlays, a Stainless config, --strict and --rename are read afresh each run';
    const changed: { path: string; text: string }[] = [];
    for (const path of state.inputs) {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return `${path} cannot be read`;
      }
      if (text !== state.sources.get(path)) changed.push({ path, text });
    }
    if (changed.length === 0) return 'no file changed';
    if (changed.length > 1) return 'more than one file changed';
    const [{ path, text }] = changed as [{ path: string; text: string }];
    const file = state.files.get(path);
    if (file === undefined) return `${path} is not a YAML file read with positions`;
    // The names lock is read afresh each run: an edit of it (or none written) calls for a full run.
    const cwd = options.cwd ?? process.cwd();
    const lock = state.generation.files.find((f) => f.path === NAMES_LOCK)?.contents;
    if (lock === undefined || readText(resolve(cwd, options.out, NAMES_LOCK)) !== lock)
      return 'the names lock is not the one the last run wrote';
    const edit = patchScalar(file, text);
    if (edit === undefined) return 'the change is not inside one string scalar';
    if (edit.key !== 'description') return `the changed scalar is a ${edit.key}, not a description`;
    const progress = phaseTimer(options.onProgress);
    const { before, after } = edit;
    // A text that names nothing (an identifier) could equal a name the model made.
    if (!/\s/.test(before.trim()) || (state.strings.get(before) ?? 0) !== 1)
      return 'the old description is not a text found once in the spec';
    const diagnostics = shiftDiagnostics(state.diagnostics, file.displayPath, edit);
    if (diagnostics === undefined) return 'a warning is on the changed lines, or quotes the description';
    const patched =
      state.modelTexts === undefined
        ? replaceDescription(state.model, before, after, edit.container)
        : state.modelTexts.replace(state.model, before, after, edit.container);
    if (patched === undefined) return 'the model holds the description inside a longer text';
    const model = patched.model as ApiModel;
    state.strings.delete(before);
    state.strings.set(after, (state.strings.get(after) ?? 0) + 1);
    const files = new Map(state.files).set(path, { ...edit.file, displayPath: file.displayPath });
    const texts = new Map(state.texts).set(file.displayPath, text);
    const sources = new Map(state.sources).set(path, text);
    const warnings = this.#format(diagnostics, texts);
    progress(`patched ${edit.key} in ${file.displayPath} into ${plural(patched.replaced, 'place')} of the model`);
    const generation = this.#emit(model, warnings, state.inputs, options, progress);
    this.#state = { ...state, files, texts, sources, model, diagnostics, generation };
    return generation;
  }

  #emit(
    model: ApiModel,
    warnings: readonly FormattedDiagnostic[],
    inputs: readonly string[],
    options: GenerateOptions,
    progress: (message: string) => void,
  ): Generation {
    const memo = this.#memo.begin();
    const compiled = new Map<string, { readonly contents: string; readonly compiled: Compiled }>();
    const generation = emit(model, warnings, inputs, options, progress, {
      memo,
      compile: this.#compiler(compiled),
    });
    this.#memo.commit();
    this.#compiled = compiled;
    return generation;
  }

  /** oxc, for the sources whose text is not the text compiled last run; `into` gets this run's. */
  #compiler(into: Map<string, { readonly contents: string; readonly compiled: Compiled }>): ModuleCompiler {
    return (sources) => {
      const out = new Map<OutputFile, Compiled>();
      const fresh: OutputFile[] = [];
      for (const source of sources) {
        const known = this.#compiled.get(source.path);
        if (known !== undefined && known.contents === source.contents) out.set(source, known.compiled);
        else fresh.push(source);
      }
      for (const [source, compiled] of compileWithOxc(fresh)) out.set(source, compiled);
      for (const [source, compiled] of out) into.set(source.path, { contents: source.contents, compiled });
      return out;
    };
  }
}

/** What must be the same for a run to patch the last: everything but the spec's text. */
function optionsKey(options: GenerateOptions): string {
  const { onProgress: _progress, ...rest } = options;
  return JSON.stringify({ ...rest, cwd: options.cwd ?? process.cwd() });
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Counts every string of a parsed file, keys included. */
function countStrings(value: unknown, counts: Map<string, number>, seen = new Set<object>()): void {
  if (typeof value === 'string') {
    counts.set(value, (counts.get(value) ?? 0) + 1);
    return;
  }
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) countStrings(item, counts, seen);
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    counts.set(key, (counts.get(key) ?? 0) + 1);
    countStrings(item, counts, seen);
  }
}

/**
 * The model's warnings with their lines moved by the edit; `undefined` when one points into
 * the changed lines (its column may have moved) or quotes the old text.
 */
function shiftDiagnostics(
  diagnostics: readonly Diagnostic[],
  displayPath: string,
  edit: { readonly before: string; readonly firstLine: number; readonly lastLine: number; readonly lineDelta: number },
): Diagnostic[] | undefined {
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.message.includes(edit.before) || d.hint?.includes(edit.before) === true) return undefined;
    const at = d.location;
    if (at === undefined || at.file !== displayPath || at.line < edit.firstLine) out.push(d);
    else if (at.line <= edit.lastLine) return undefined;
    else out.push({ ...d, location: { ...at, line: at.line + edit.lineDelta } });
  }
  return out;
}
