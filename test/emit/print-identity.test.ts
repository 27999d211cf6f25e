import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { printStructure, type SourceFileStructure, StructureKind } from 'ts-morph';
import { describe, expect, it, vi } from 'vitest';
import { emitSources } from '../../generator/emit/emit-package.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { ROOT } from '../helpers/paths.js';
import { HAS_OPENAI_SPEC, OPENAI_SPEC } from '../helpers/shared.js';

type Statements = NonNullable<SourceFileStructure['statements']>;

/** Every module's statements, as the emitters hand them to the printer. */
const printed = vi.hoisted(() => [] as { path: string; statements: unknown }[]);
vi.mock('../../generator/emit/print-module.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../generator/emit/print-module.js')>();
  return {
    printModule: (path: string, statements: Statements, extra?: object) => {
      printed.push({ path, statements });
      return original.printModule(path, statements, extra);
    },
  };
});

/** What ts-morph's own printer made of a module, with the options the generator gave it. */
const tsMorphText = (statements: Statements): string =>
  printStructure(
    { kind: StructureKind.SourceFile, statements },
    { indentNumberOfSpaces: 2, useSingleQuote: true, newLine: '\n' },
  );

/** Emits a spec; each module's text as our printer made it, and as ts-morph prints the same structures. */
function bothPrinters(spec: string): { path: string; ours: string; theirs: string }[] {
  printed.length = 0;
  const { model } = buildModel(loadSpec(spec, { deferRefErrors: true }));
  const files = new Map(emitSources(model, 'sdkgen generate').map((file) => [file.path, file.contents]));
  return printed.map(({ path, statements }) => ({
    path,
    ours: files.get(path) ?? '(not emitted)',
    theirs: tsMorphText(statements as Statements),
  }));
}

const FIXTURES = readdirSync(join(ROOT, 'test/fixtures'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => join(ROOT, 'test/fixtures', entry.name))
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f === 'openapi.yaml' || f === 'openapi.json')
      .map((f) => join(dir, f)),
  );

describe('our printer prints every emitted module as ts-morph printStructure did', () => {
  it.each(FIXTURES.map((spec) => [spec.slice(ROOT.length + 1), spec]))('%s', (_name, spec) => {
    const modules = bothPrinters(spec);
    expect(modules.length).toBeGreaterThan(3);
    for (const { path, ours, theirs } of modules) expect(ours, path).toBe(theirs);
  });

  it.skipIf(!HAS_OPENAI_SPEC)('openai.yaml (needs ../shared/specs/openai.yaml)', () => {
    const modules = bothPrinters(OPENAI_SPEC);
    expect(modules.length).toBeGreaterThan(100);
    const differing = modules.filter(({ ours, theirs }) => ours !== theirs).map(({ path }) => path);
    expect(differing).toEqual([]);
  });
});
