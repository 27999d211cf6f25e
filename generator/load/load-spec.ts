import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { type Diagnostic, DiagnosticBag, type SourceLocation, type SourceText } from '../diagnostics.js';
import { closest } from '../did-you-mean.js';
import { checkKeys } from './check-keys.js';
import { parseJSONSpecFile } from './json-file.js';
import { applyOverlay } from './overlay.js';
import { parseRef, type RefTarget, resolvePointer } from './refs.js';
import { fetchText, isRemote } from './remote-file.js';
import type { SpecFile } from './spec-file.js';
import { convertStainless } from './stainless/convert.js';
import { validateDocument } from './validate-document.js';
import { parseSpecFile } from './yaml-file.js';

/** A `$ref` resolved to the file and value it names. */
export interface ResolvedRef {
  readonly file: SpecFile;
  /** The JSON pointer's segments, unescaped: `#/components/schemas/Foo` → `['components','schemas','Foo']`. */
  readonly pointer: readonly string[];
  readonly value: unknown;
}

/** The root spec file and every file its `$ref`s reach, read once each. */
export interface LoadedSpec {
  readonly root: SpecFile;
  readonly files: ReadonlyMap<string, SpecFile>;
  /** The file an object or array of the spec was read from. */
  fileOf(container: object): SpecFile;
  /** Resolves `ref` as written in `from`; `undefined` if it names nothing (already diagnosed at load). */
  resolveRef(ref: string, from: SpecFile): ResolvedRef | undefined;
  readonly sourceText: SourceText;
  /**
   * No object or array stands in two places of the root file's value (nor inside itself): it was
   * read from JSON or from YAML without aliases, and no overlay nor inlined `$ref` has shared one
   * since. A walk of it need not remember what it saw.
   */
  readonly tree: boolean;
  /**
   * Warnings of loading (an overlay action that matched nothing). Errors are thrown, but for
   * broken `$ref`s with `deferRefErrors`: those are here, for the model to report with its own.
   */
  readonly warnings: readonly Diagnostic[];
}

export interface LoadOptions {
  /** Directory that displayed paths are relative to. */
  readonly cwd?: string | undefined;
  /** Follow `$ref`s to http(s) URLs (off by default: a spec should not make the generator fetch). */
  readonly allowRemoteRefs?: boolean | undefined;
  /** OpenAPI Overlay 1.0 files, applied in order to the root document before anything reads it. */
  readonly overlays?: readonly string[] | undefined;
  /**
   * A Stainless config (`stainless.yml`), turned into `x-sdkgen-*` decisions applied before the
   * overlays: an overlay can still correct what it decides.
   */
  readonly stainless?: string | undefined;
  /**
   * Hand broken `$ref`s on in `warnings` instead of throwing, when nothing else is wrong with the
   * document's shape: the model stage, which treats what they name as unknown, then reports them
   * together with its own errors, so that one run shows every problem.
   */
  readonly deferRefErrors?: boolean | undefined;
}

/** Reads and checks a spec; throws `SpecError` with every problem found. */
export function loadSpec(specPath: string, options: LoadOptions = {}): LoadedSpec {
  const cwd = options.cwd ?? process.cwd();
  const diagnostics = new DiagnosticBag();
  const files = new Map<string, SpecFile>();
  const display = (absolute: string): string =>
    isRemote(absolute) ? absolute : relative(cwd, absolute).split(sep).join('/') || absolute;
  // Every text read, parsed or not, so that diagnostics can quote it.
  const texts = new Map<string, string>();
  const sourceText: SourceText = (name) => texts.get(name);
  // Each $ref string parsed once: a big spec repeats a few (Graph: 52,609 $refs, 2,818 distinct), each resolved at load, in the key check and in the model.
  const parsedRefs = new Map<string, RefTarget>();
  const parse = (ref: string): RefTarget => {
    const known = parsedRefs.get(ref);
    if (known !== undefined) return known;
    const target = parseRef(ref);
    parsedRefs.set(ref, target);
    return target;
  };

  const readFile = (
    absolute: string,
    referencedFrom?: { file: SpecFile; container: object; key: string },
    asText = false,
    deferRefs = false,
  ): SpecFile | undefined => {
    const known = files.get(absolute);
    if (known !== undefined) return known;
    const where =
      referencedFrom === undefined
        ? undefined
        : referencedFrom.file.locate(referencedFrom.container, referencedFrom.key, 'value');
    let text: string;
    if (isRemote(absolute)) {
      const fetched = fetchText(absolute);
      if ('error' in fetched) {
        diagnostics.error('file-unreadable', `${absolute} cannot be fetched (${fetched.error}).`, where);
        return undefined;
      }
      text = fetched.text;
    } else {
      try {
        // Read, then decoded: on Node 20 this takes 0.18 s on Graph's 20 MB where `readFileSync(path, 'utf8')` takes 0.28 s.
        text = readFileSync(absolute).toString('utf8');
      } catch (error) {
        const reason =
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'does not exist'
            : `cannot be read (${(error as Error).message})`;
        diagnostics.error('file-unreadable', `${display(absolute)} ${reason}.`, where);
        return undefined;
      }
    }
    if (text.includes('\u0000')) {
      diagnostics.error('file-binary', `${display(absolute)} is a binary file, not YAML or JSON.`, where);
      return undefined;
    }
    if (text.trim() === '') {
      diagnostics.error(
        'file-empty',
        `${display(absolute)} is empty.`,
        where ?? { file: display(absolute), line: 1, column: 1 },
      );
      return undefined;
    }
    texts.set(display(absolute), text);
    // A Markdown (or any non-YAML, non-JSON) file a description refers to is its text, as
    // Redocly and swagger-cli read it; so is a YAML-named one that does not read as a string.
    if (!isDataFile(absolute) || asText) {
      const parsed = asText && isDataFile(absolute) ? parseFile(absolute, display(absolute), text) : undefined;
      const readsAsString =
        parsed?.file !== undefined && parsed.diagnostics.length === 0 && typeof parsed.file.value === 'string';
      const file =
        readsAsString && parsed.file !== undefined ? parsed.file : textFile(absolute, display(absolute), text);
      files.set(absolute, file);
      return file;
    }
    const parsed = parseFile(absolute, display(absolute), text);
    if (parsed.file === undefined) {
      diagnostics.error('json-syntax', parsed.error.message, parsed.error.location);
      return undefined;
    }
    const { file, diagnostics: parseDiagnostics } = parsed;
    files.set(absolute, file);
    if (parsed.tree) trees.add(file);
    diagnostics.addAll(parseDiagnostics);
    if (parseDiagnostics.length === 0 && !deferRefs) collectRefs(file);
    return file;
  };
  // Files whose value is a tree (JSON, YAML without aliases): their walk need not remember what it saw.
  const trees = new Set<SpecFile>();

  // Every $ref is checked at load, so later stages can rely on resolveRef.
  const collectRefs = (file: SpecFile): void => {
    // A YAML alias (or an overlay's value put in two places) reaches an object twice, or inside
    // itself; a tree cannot, and remembering Graph's million objects cost ~0.1 s.
    const seen = trees.has(file) ? undefined : new Set<object>();
    // A $ref that resolved once from this file resolves again: Graph has 52,609 of 2,818 kinds.
    const resolved = new Set<string>();
    // Called for objects and arrays only: most values are strings, not worth a call each.
    const visit = (
      value: object,
      key: string | undefined,
      parent: string | undefined,
      grand: string | undefined,
    ): void => {
      if (isExampleData(value, key, parent, grand)) return;
      if (seen !== undefined) {
        if (seen.has(value)) return;
        seen.add(value);
      }
      if (Array.isArray(value)) {
        for (const item of value) if (item !== null && typeof item === 'object') visit(item, undefined, key, parent);
        return;
      }
      const record = value as Record<string, unknown>;
      const ref = record['$ref'];
      if (
        typeof ref === 'string' &&
        !resolved.has(ref) &&
        checkRef(file, record, ref, key !== undefined && TEXT_KEYS.has(key))
      )
        resolved.add(ref);
      for (const innerKey in record) {
        const inner = record[innerKey];
        if (inner !== null && typeof inner === 'object') visit(inner, innerKey, key, parent);
      }
    };
    if (file.value !== null && typeof file.value === 'object') visit(file.value, undefined, undefined, undefined);
  };

  /** Reports what is wrong with `ref`, written in `file`; whether it names something. */
  const checkRef = (file: SpecFile, container: object, ref: string, textExpected = false): boolean => {
    // Located only when it is wrong: finding a position is the costly part of a JSON file (json-positions.ts).
    const location = (): SourceLocation => file.locate(container, '$ref', 'value');
    const target = refTarget(ref, file, options.allowRemoteRefs === true, parse);
    if (target.kind === 'remote') {
      diagnostics.error(
        'ref-remote',
        `Remote $ref "${ref}" is not followed.`,
        location(),
        'Download the file next to the spec and refer to it by a relative path, or pass --allow-remote-refs.',
      );
      return false;
    }
    if (target.kind === 'invalid') {
      diagnostics.error('ref-invalid', `$ref "${ref}" is not a valid reference: ${target.reason}.`, location());
      return false;
    }
    const targetFile =
      target.file === ''
        ? file
        : readFile(target.file, { file, container, key: '$ref' }, textExpected && target.pointer.length === 0);
    if (targetFile === undefined || targetFile.value === undefined) return false;
    if (resolvePointer(targetFile.value, target.pointer) !== undefined) return true;
    const near = nearestTarget(targetFile.value, target.pointer);
    const hint =
      near === undefined
        ? undefined
        : `Did you mean ${target.file === '' ? '' : ref.slice(0, ref.indexOf('#'))}#/${near.map(escapePointer).join('/')}?`;
    diagnostics.error(
      'ref-unresolved',
      `$ref "${ref}" points at nothing: ${describeMissing(targetFile, target)}.`,
      location(),
      hint,
    );
    return false;
  };

  const rootPath = resolve(cwd, specPath);
  const root = readFile(rootPath, undefined, false, true);
  diagnostics.throwIfErrors(sourceText);
  if (root === undefined) throw new Error('unreachable: an unreadable root file is always diagnosed');
  if (options.stainless !== undefined) {
    const config = readFile(resolve(cwd, options.stainless), undefined, false, true);
    if (config !== undefined && config.value !== undefined) {
      const converted = convertStainless(config, root.value as Record<string, unknown>);
      diagnostics.addAll(converted.diagnostics);
      if (!converted.diagnostics.some((d) => d.severity === 'error'))
        diagnostics.addAll(applyOverlay(root.value, converted.file));
    }
  }
  // Overlays change the root document before its $refs are followed: an action may add some.
  for (const overlayPath of options.overlays ?? []) {
    const overlay = readFile(resolve(cwd, overlayPath), undefined, false, true);
    if (overlay !== undefined && overlay.value !== undefined) diagnostics.addAll(applyOverlay(root.value, overlay));
  }
  diagnostics.throwIfErrors(sourceText);
  // An overlay's value may now stand in two places of the root.
  if (options.stainless !== undefined || (options.overlays ?? []).length > 0) trees.delete(root);
  collectRefs(root);
  // The document's own shape is checked even where $refs are broken: every problem in one run.
  diagnostics.addAll(validateDocument(root));
  const resolveRef = (ref: string, from: SpecFile): ResolvedRef | undefined => {
    const target = refTarget(ref, from, options.allowRemoteRefs === true, parse);
    if (target.kind !== 'local') return undefined;
    const file = target.file === '' ? from : files.get(target.file);
    if (file === undefined) return undefined;
    const value = resolvePointer(file.value, target.pointer);
    return value === undefined ? undefined : { file, pointer: target.pointer, value };
  };
  const throwIfFatal = (): void => {
    const fatal = diagnostics.all.some(
      (d) => d.severity === 'error' && !(options.deferRefErrors === true && REF_ERRORS.has(d.code)),
    );
    if (fatal) diagnostics.throwIfErrors(sourceText);
  };
  // Every key OpenAPI does not define, and sdkgen's own extensions misspelled; only once the
  // document's shape is sound (a broken $ref aside): a fatal error is thrown just below.
  const checksKeys = !diagnostics.all.some((d) => d.severity === 'error' && !REF_ERRORS.has(d.code));
  if (checksKeys) {
    const checked = checkKeys(root, { resolveRef });
    diagnostics.addAll(checked.diagnostics);
    if (checked.inlined) trees.delete(root);
  }
  throwIfFatal();

  return {
    root,
    files,
    sourceText,
    tree: trees.has(root),
    warnings: [...diagnostics.all],
    fileOf(container) {
      for (const file of files.values()) if (file.owns(container)) return file;
      return root;
    },
    resolveRef,
  };
}

/**
 * What `ref`, written in `from`, names: `file` is absolute (a path, or a URL when remote refs
 * are allowed), or empty for `from` itself. A remote document may only refer to other URLs.
 */
function refTarget(
  ref: string,
  from: SpecFile,
  allowRemote: boolean,
  parse: (ref: string) => RefTarget = parseRef,
): RefTarget {
  const target = parse(ref);
  const fromRemote = isRemote(from.absolutePath);
  if (target.kind === 'remote') {
    if (!allowRemote || !isRemote(target.url)) return target;
    const hash = target.url.indexOf('#');
    const local = parseRef(hash === -1 ? '' : target.url.slice(hash));
    return local.kind === 'local' ? { ...local, file: hash === -1 ? target.url : target.url.slice(0, hash) } : local;
  }
  if (target.kind !== 'local' || target.file === '') return target;
  if (fromRemote) {
    if (isAbsolute(target.file)) return { kind: 'invalid', reason: 'a remote document cannot refer to a local file' };
    return { ...target, file: new URL(target.file, from.absolutePath).href };
  }
  return { ...target, file: resolve(dirname(from.absolutePath), target.file) };
}

/**
 * The pointer a broken one most likely meant: the same up to the first missing step, which is
 * replaced by the closest key there (`BookLst` → `BookList`).
 */
function nearestTarget(value: unknown, pointer: readonly string[]): string[] | undefined {
  let node = value;
  for (let depth = 0; depth < pointer.length; depth++) {
    const step = pointer[depth] as string;
    if (node === null || typeof node !== 'object') return undefined;
    const record = node as Record<string, unknown>;
    if (Object.hasOwn(record, step)) {
      node = record[step];
      continue;
    }
    const near = closest(step, Object.keys(record));
    if (near === undefined) return undefined;
    const rest = [near, ...pointer.slice(depth + 1)];
    return resolvePointer(value, [...pointer.slice(0, depth), ...rest]) === undefined
      ? undefined
      : [...pointer.slice(0, depth), ...rest];
  }
  return undefined;
}

function escapePointer(step: string): string {
  return step.replaceAll('~', '~0').replaceAll('/', '~1');
}

function describeMissing(file: SpecFile, target: Extract<RefTarget, { kind: 'local' }>): string {
  const pointer = `#/${target.pointer.join('/')}`;
  return target.file === '' ? `no ${pointer} in this file` : `no ${pointer} in ${file.displayPath}`;
}

/** Errors the model can work around (what the `$ref` names is unknown to it). */
const REF_ERRORS: ReadonlySet<string> = new Set(['ref-unresolved', 'ref-invalid', 'ref-remote']);

/** Keys whose value is text: a `$ref` there may name a Markdown file. */
const TEXT_KEYS: ReadonlySet<string> = new Set(['description', 'summary', 'title']);

/** Maps whose keys are names the spec's author chose: an entry named `example` there is no keyword. */
const NAMED_ENTRIES: ReadonlySet<string> = new Set([
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
  'content',
  'encoding',
  'webhooks',
]);

/**
 * Example values, defaults and consts are data, as Redocly and openapi-typescript read them: a
 * `$ref` key in them is no reference (GitHub's SCIM examples carry `"$ref": "https://api.github.com/…"`
 * member links). An Example Object's `value` is data too; the Example Object itself may be a `$ref`.
 */
function isExampleData(
  value: unknown,
  key: string | undefined,
  parent: string | undefined,
  grand: string | undefined,
): boolean {
  if (key === undefined || (parent !== undefined && NAMED_ENTRIES.has(parent))) return false;
  if (key === 'example' || key === 'default' || key === 'const') return true;
  if (key === 'examples' && Array.isArray(value)) return true;
  return key === 'value' && grand === 'examples';
}

/** Whether a file is read as YAML or JSON (by its name); any other file a `$ref` names is text. */
function isDataFile(path: string): boolean {
  const name = path.replace(/[?#].*$/, '').toLowerCase();
  return /\.(ya?ml|json)$/.test(name) || !/\.[a-z0-9]+$/.test(name.slice(name.lastIndexOf('/') + 1));
}

/** A file whose whole text is its value: nothing inside it to locate. */
function textFile(absolutePath: string, displayPath: string, text: string): SpecFile {
  return {
    absolutePath,
    displayPath,
    text,
    value: text,
    owns: () => false,
    locate: () => ({ file: displayPath, line: 1, column: 1 }),
  };
}

/**
 * JSON through the fast JSON reader; YAML, and anything that is not strict JSON but may be
 * YAML, through the YAML reader. A `.json` file that is not JSON is a JSON syntax error.
 */
function parseFile(
  absolute: string,
  display: string,
  text: string,
): ReturnType<typeof parseJSONSpecFile> & { readonly tree?: true } {
  const isJSONFile = absolute.toLowerCase().endsWith('.json');
  if (isJSONFile || /^\s*[{[]/.test(text)) {
    const json = parseJSONSpecFile(absolute, display, text);
    // JSON has no aliases: no object of its value is reached twice.
    if (json.file !== undefined) return { ...json, tree: true };
    if (isJSONFile) return json;
  }
  // YAML read by the scanner is a tree too (it takes no alias).
  return parseSpecFile(absolute, display, text);
}
