// Property-based fuzzing of regeneration with edits (issue 32, item 5): a small spec's client is
// generated, random edits are made to random generated files (lines inserted, deleted, changed,
// some on the lines the spec change rewrites; helpers added to index.ts's exports, to a
// resource class and to a model interface), the spec changes at random (an operation or a resource added or removed, a
// description edited, a property added), and each file is merged three ways as `generate`
// merges it. No edit may be lost without a conflict that shows it. Generations are cached per
// spec, so a case costs a merge; a few cases run the real `sdkgen generate` on a folder.
// `npm test` replays FUZZ_RUNS cases (default 60) with a fixed seed; `npm run fuzz` explores.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { matchLines } from '../../generator/diff/line-diff.js';
import { generate } from '../../generator/generate.js';
import { merge3 } from '../../generator/write/merge/merge3.js';
import { resolveTypeScriptHunk } from '../../generator/write/merge/resolve-typescript.js';
import type { ConflictHunk } from '../../generator/write/merge/types.js';
import { keepsPristine } from '../../generator/write/pristine.js';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);
const SEED =
  process.env['FUZZ_SEED'] !== undefined
    ? Number(process.env['FUZZ_SEED'])
    : process.env['FUZZ_RUNS'] === undefined
      ? 20_261_207
      : undefined;
const work = mkdtempSync(join(tmpdir(), 'sdkgen-regenerate-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// The spec: a small pet store in Stripe's shape (a list, a create, a retrieve and a delete on one
// resource, a second resource), as JSON, which every YAML reader reads.
const op = (operationId: string, summary: string, response: object) => ({
  operationId,
  summary,
  responses: { '200': { description: 'ok', content: { 'application/json': { schema: response } } } },
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const petId = [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }];

function baseSpec() {
  return {
    openapi: '3.1.0',
    info: { title: 'Pet Store', version: '1.0.0' },
    servers: [{ url: 'https://api.example.com' }],
    paths: {
      '/pets': {
        get: op('listPets', 'Lists the pets', { type: 'array', items: ref('Pet') }),
        post: {
          ...op('createPet', 'Creates a pet', ref('Pet')),
          requestBody: { required: true, content: { 'application/json': { schema: ref('Pet') } } },
        },
      },
      '/pets/{petId}': {
        parameters: petId,
        get: op('getPet', 'Gets a pet', ref('Pet')),
        delete: op('deletePet', 'Deletes a pet', ref('Pet')),
      },
      '/toys': { get: op('listToys', 'Lists the toys', { type: 'array', items: ref('Toy') }) },
    } as Record<string, Record<string, unknown>>,
    components: {
      schemas: {
        Pet: {
          type: 'object',
          required: ['name'],
          properties: { name: { type: 'string', description: 'The name.' }, tag: { type: 'string' } },
        },
        Toy: { type: 'object', properties: { id: { type: 'string' } } },
      } as Record<string, { properties: Record<string, unknown> }>,
    },
  };
}

/** The spec changes a regeneration meets; `none` regenerates the same spec. */
const SPEC_CHANGES = {
  none: () => undefined,
  'add an operation to a resource': (spec) => {
    (spec.paths['/pets/{petId}'] as Record<string, unknown>)['put'] = op('updatePet', 'Updates a pet', ref('Pet'));
  },
  'add a resource': (spec) => {
    spec.paths['/owners'] = { get: op('listOwners', 'Lists the owners', { type: 'array', items: ref('Toy') }) };
  },
  'remove a resource': (spec) => {
    delete spec.paths['/toys'];
  },
  'remove an operation': (spec) => {
    delete spec.paths['/pets/{petId}']?.['delete'];
  },
  'edit a description': (spec) => {
    (spec.paths['/pets']?.['get'] as { summary: string }).summary = 'Lists every pet of the store';
  },
  'add a property': (spec) => {
    (spec.components.schemas['Pet'] as { properties: Record<string, unknown> }).properties['age'] = {
      type: 'integer',
      description: 'Years.',
    };
  },
} satisfies Record<string, (spec: ReturnType<typeof baseSpec>) => void>;
type SpecChange = keyof typeof SPEC_CHANGES;

function specText(change: SpecChange): string {
  const spec = baseSpec();
  SPEC_CHANGES[change](spec);
  return JSON.stringify(spec, null, 2);
}

const generations = new Map<SpecChange, ReadonlyMap<string, string>>();
/** The sources a spec change gives, generated once per change. */
function output(change: SpecChange): ReadonlyMap<string, string> {
  const cached = generations.get(change);
  if (cached !== undefined) return cached;
  const specDir = mkdtempSync(join(work, 'spec-'));
  writeFileSync(join(specDir, 'openapi.json'), specText(change));
  // The same spec path and output folder for every change, so that the banners agree.
  const files = generate({ spec: 'openapi.json', out: 'out', cwd: specDir, dist: false }).files;
  const texts = new Map(files.filter((file) => keepsPristine(file.path)).map((file) => [file.path, file.contents]));
  generations.set(change, texts);
  return texts;
}

/** A user's edit: a line added, changed or removed, or a helper exported or added to a class; `n` makes it unique. */
type EditKind =
  | 'insert'
  | 'change'
  | 'delete'
  | 'change what the spec changes'
  | 'export a helper'
  | 'add a method'
  | 'add a property';
interface Edit {
  readonly kind: EditKind;
  readonly file: number;
  readonly line: number;
}

const editCase = fc.record({
  change: fc.constantFrom(...(Object.keys(SPEC_CHANGES) as SpecChange[])),
  edits: fc.array(
    fc.record({
      kind: fc.constantFrom<EditKind>(
        'insert',
        'change',
        'delete',
        'change what the spec changes',
        'export a helper',
        'add a method',
        'add a property',
      ),
      file: fc.nat(1000),
      line: fc.nat(10_000),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});

/**
 * What an applied edit leaves to look for: what it wrote (unique, and found within a line: a
 * structural merge may rewrite the rest of the line, as the names of an export list), or a line it removed.
 */
type Trace = { readonly path: string; readonly kind: EditKind } & (
  | { readonly wrote: string }
  | { readonly removed: string }
);

/** Applies the edits to the base output (each to its own line), returning the edited files and a trace of each edit. */
function applyEdits(base: ReadonlyMap<string, string>, theirs: ReadonlyMap<string, string>, edits: readonly Edit[]) {
  const paths = [...base.keys()].sort();
  const changedByTheSpec = paths.filter((path) => theirs.has(path) && theirs.get(path) !== base.get(path));
  const files = new Map([...base].map(([path, text]) => [path, text.split('\n')]));
  const traces: Trace[] = [];
  const touched = new Map<string, Set<number>>();
  edits.forEach((edit, n) => {
    const path =
      edit.kind === 'export a helper'
        ? 'src/index.ts'
        : edit.kind === 'add a property'
          ? 'src/models.ts'
          : edit.kind === 'add a method'
            ? (paths.filter((p) => p.startsWith('src/resources/'))[edit.file % 2] as string)
            : edit.kind === 'change what the spec changes'
              ? (changedByTheSpec[edit.file % Math.max(1, changedByTheSpec.length)] ?? 'src/index.ts')
              : (paths[edit.file % paths.length] as string);
    const lines = files.get(path) as string[];
    const taken = touched.get(path) ?? new Set<number>();
    touched.set(path, taken);
    const marker = `user edit ${n}`;
    const at = target(edit, lines, (theirs.get(path) ?? '').split('\n'));
    if (at === undefined || taken.has(at) || taken.has(at - 1) || taken.has(at + 1)) return;
    taken.add(at);
    switch (edit.kind) {
      case 'insert':
        lines.splice(at, 0, `// ${marker}`);
        traces.push({ path, kind: edit.kind, wrote: `// ${marker}` });
        return;
      case 'change':
      case 'change what the spec changes':
        lines[at] = `${lines[at]} // ${marker}`;
        traces.push({ path, kind: edit.kind, wrote: `// ${marker}` });
        return;
      case 'delete': {
        const removed = lines[at] as string;
        // Marked so that later edits keep their places: taken out below, once every edit is made.
        lines[at] = `\u0000${marker}`;
        traces.push({ path, kind: edit.kind, removed });
        return;
      }
      case 'export a helper':
        lines.splice(at, 0, `export { helper${n} } from './lib/helper-${n}.js';`);
        traces.push({ path, kind: edit.kind, wrote: `'./lib/helper-${n}.js'` });
        return;
      case 'add a method':
        lines.splice(at, 0, '', `  helper${n}(): string {`, `    return '${marker}';`, '  }');
        traces.push({ path, kind: edit.kind, wrote: `    return '${marker}';` });
        return;
      case 'add a property':
        lines.splice(at, 0, `  /** ${marker} */`, `  helper${n}?: string;`);
        traces.push({ path, kind: edit.kind, wrote: `/** ${marker} */` });
        return;
      default:
        edit.kind satisfies never;
    }
  });
  const edited = new Map(
    [...files].map(([path, lines]) => [path, lines.filter((line) => !line.startsWith('\u0000')).join('\n')]),
  );
  return { edited, traces };
}

/**
 * Where an edit goes: a random line; one the new output changes too (`next`); a unique, non-blank
 * one to delete; after the last export; before the end of a class or of the Pet interface.
 */
function target(edit: Edit, lines: readonly string[], next: readonly string[]): number | undefined {
  const pick = (candidates: readonly number[]): number | undefined =>
    candidates.length === 0 ? undefined : candidates[edit.line % candidates.length];
  const all = lines.map((_, i) => i).filter((i) => i < lines.length - 1);
  switch (edit.kind) {
    case 'insert':
    case 'change':
      return pick(all);
    case 'change what the spec changes': {
      // A line the new output removes or changes, or one it adds lines right after.
      const kept = matchLines(lines, next);
      return pick(all.filter((i) => kept[i] === -1 || kept[i + 1] !== (kept[i] as number) + 1));
    }
    case 'delete':
      return pick(
        all.filter(
          (i) => lines[i]?.trim() !== '' && lines.indexOf(lines[i] as string) === lines.lastIndexOf(lines[i] as string),
        ),
      );
    case 'export a helper':
      return lines.findLastIndex((line) => line.startsWith('export ')) + 1 || undefined;
    case 'add a method': {
      const start = lines.findIndex((line) => /^export class \w+ extends APIResource \{$/.test(line));
      const end = lines.findIndex((line, i) => i > start && line === '}');
      return start < 0 || end < 0 ? undefined : end;
    }
    case 'add a property': {
      const start = lines.indexOf('export interface Pet {');
      const end = lines.findIndex((line, i) => i > start && line === '}');
      return start < 0 || end < 0 ? undefined : end;
    }
    default:
      return edit.kind satisfies never;
  }
}

const count = (lines: readonly string[], line: string): number => lines.filter((l) => l === line).length;

/** The edit is in the merged file, or a conflict of that file shows it. */
function keptOrReported(
  trace: Trace,
  merged: readonly string[],
  theirs: readonly string[],
  conflicts: readonly ConflictHunk[],
): boolean {
  if ('wrote' in trace) {
    const has = (lines: readonly string[]): boolean => lines.some((line) => line.includes(trace.wrote));
    return has(merged) || conflicts.some((conflict) => has(conflict.ours));
  }
  // A removed line is gone, unless the new output has it more times than the base had.
  const applied = count(merged, trace.removed) <= Math.max(0, count(theirs, trace.removed) - 1);
  return applied || conflicts.some((conflict) => conflict.base.includes(trace.removed));
}

describe('fuzzing regeneration with edits', () => {
  it(`${RUNS} cases: every edit survives a spec change, or a conflict reports it`, () => {
    const base = output('none');
    const counts = { edits: 0, kept: 0, reported: 0, 'file gone': 0, clean: 0, conflicted: 0 };
    const kinds: Partial<Record<EditKind, number>> = {};
    fc.assert(
      fc.property(editCase, ({ change, edits }) => {
        const theirs = output(change);
        const { edited, traces } = applyEdits(base, theirs, edits);
        const merged = new Map<string, { text: string; conflicts: readonly ConflictHunk[] }>();
        for (const [path, ours] of edited) {
          const next = theirs.get(path);
          if (next === undefined) continue;
          const input = { path, base: base.get(path) as string, ours, theirs: next };
          merged.set(path, merge3(input, { resolve: resolveTypeScriptHunk }));
        }
        const conflicts = [...merged.values()].flatMap((result) => result.conflicts);
        for (const trace of traces) {
          counts.edits++;
          kinds[trace.kind] = (kinds[trace.kind] ?? 0) + 1;
          const result = merged.get(trace.path);
          // The spec change dropped the file: `generate` reports the lost edit (the merge's own test).
          if (result === undefined) {
            counts['file gone']++;
            continue;
          }
          const lines = result.text.split('\n');
          const theirsLines = (theirs.get(trace.path) as string).split('\n');
          expect(keptOrReported(trace, lines, theirsLines, result.conflicts), JSON.stringify(trace)).toBe(true);
          counts[result.conflicts.length === 0 ? 'kept' : 'reported']++;
          // Helpers added to a list the generator also adds to merge cleanly, when nothing else touched the file.
          const alone = traces.filter((t) => t.path === trace.path).length === 1;
          const addsToAList = ['export a helper', 'add a method', 'add a property'].includes(trace.kind);
          if (alone && addsToAList)
            expect(result.conflicts, `${trace.kind} in ${trace.path} after "${change}"`).toEqual([]);
        }
        // Regenerating the same spec keeps every edited file byte for byte.
        if (change === 'none') for (const [path, result] of merged) expect(result.text).toBe(edited.get(path));
        counts[conflicts.length === 0 ? 'clean' : 'conflicted']++;
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    console.log(`regenerate fuzz: ${RUNS} cases; ${JSON.stringify(counts)}; edits made: ${JSON.stringify(kinds)}`);
    expect(Object.keys(kinds).length, 'every kind of edit was made').toBe(7);
    expect(counts.clean).toBeGreaterThan(0);
    expect(counts.conflicted).toBeGreaterThan(0);
  });

  // The same through the command line, fewer cases since each one runs `generate`: the folder
  // ends as the merge says, or (on a conflict, or an edited file the new output drops) as it was.
  const CLI_RUNS = Math.max(4, Math.ceil(RUNS / 15));
  it(`${CLI_RUNS} cases through sdkgen generate: a clean run writes the merge, a conflict writes nothing`, async () => {
    const template = mkdtempSync(join(work, 'template-'));
    writeFileSync(join(template, 'openapi.json'), specText('none'));
    expect(await run(template)).toBe(0);
    const base = output('none');
    const outcomes = { merged: 0, refused: 0 };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(editCase, async ({ change, edits }) => {
        const dir = join(work, `cli-case-${n++}`);
        cpSync(template, dir, { recursive: true });
        const theirs = output(change);
        // Every other case also edits a line the spec change rewrites, so that some runs conflict.
        const conflicting: Edit = { kind: 'change what the spec changes', file: n, line: n * 7 };
        const { edited } = applyEdits(base, theirs, n % 2 === 0 ? [...edits, conflicting] : edits);
        for (const [path, text] of edited) if (text !== base.get(path)) writeFileSync(join(dir, 'out', path), text);
        writeFileSync(join(dir, 'openapi.json'), specText(change));
        const expected = new Map<string, string>();
        let blocked = false;
        for (const [path, ours] of edited) {
          const next = theirs.get(path);
          if (next === undefined) {
            blocked ||= ours !== base.get(path);
            continue;
          }
          const merged = merge3(
            { path, base: base.get(path) as string, ours, theirs: next },
            { resolve: resolveTypeScriptHunk },
          );
          blocked ||= merged.conflicts.length > 0;
          expected.set(path, merged.text);
        }
        for (const [path, text] of theirs) if (!expected.has(path)) expected.set(path, text);
        const code = await run(dir);
        expect(code).toBe(blocked ? 1 : 0);
        const onDisk = (path: string): string | undefined => {
          try {
            return readFileSync(join(dir, 'out', path), 'utf8');
          } catch {
            return undefined;
          }
        };
        if (blocked) for (const [path, text] of edited) expect(onDisk(path), path).toBe(text);
        else for (const [path, text] of expected) expect(onDisk(path), path).toBe(text);
        outcomes[blocked ? 'refused' : 'merged']++;
        rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: CLI_RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
    console.log(`regenerate fuzz through the CLI: ${CLI_RUNS} cases; ${JSON.stringify(outcomes)}`);
    expect(outcomes.merged).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

/** `sdkgen generate` of `dir/openapi.json` into `dir/out`, sources only: its exit code. */
async function run(dir: string): Promise<number> {
  const quiet = (): void => undefined;
  return main(['generate', '--spec', 'openapi.json', '--out', 'out', '--no-dist', '--quiet'], {
    cwd: dir,
    out: quiet,
    err: quiet,
  });
}
