import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { apiReportFile } from '../../generator/emit/files/api-report-file.js';
import { finishPackage } from '../../generator/emit/finish-package.js';
import type { OutputFile } from '../../generator/emit/output-file.js';
import { packageAssembly } from '../../generator/package-assembly.js';
import { pristineFile } from '../../generator/write/pristine.js';
import { temporaryName, WriteAhead } from '../../generator/write/write-ahead.js';
import { specDir } from '../helpers/spec-files.js';

// The CLI's main thread takes the worker's batches (sources and their compiled dist/) one by one
// (generator/package-assembly.ts). Into a new folder it keeps no text it wrote, and makes the API
// report early, once a batch brings a file that is not a module (the modules come first).

const root = specDir({});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A module and what it compiles to. */
function module(name: string): { source: OutputFile; compiled: OutputFile[] } {
  return {
    source: { path: `src/${name}.ts`, contents: `/** ${name} */\nexport const ${name} = "${name}";\n` },
    compiled: [
      { path: `dist/${name}.js`, contents: `export const ${name} = "${name}";\n` },
      { path: `dist/${name}.d.ts`, contents: `/** ${name} */\nexport declare const ${name} = "${name}";\n` },
    ],
  };
}
const readme: OutputFile = { path: 'README.md', contents: '# pets\n' };
const docs: OutputFile = { path: 'api.md', contents: '# API\n' };

/** Each batch through a fresh assembly into a new folder: what it finishes with, and the whole package for comparison. */
function assemble(dir: string, batches: readonly { sources: OutputFile[]; compiled: OutputFile[] }[]) {
  const out = join(root, dir);
  const writeAhead = WriteAhead.into(out);
  const assembly = packageAssembly(true, writeAhead);
  assembly.named('pets', 'sdkgen generate');
  for (const { sources, compiled } of batches) assembly.add(sources, compiled);
  const finished = assembly.finish();
  const reportWritten = readFileSync(join(out, temporaryName('api-report.md')), 'utf8');
  writeAhead?.discard();
  const sources = batches.flatMap((batch) => batch.sources);
  const dist = batches.flatMap((batch) => batch.compiled);
  const whole = finishPackage(sources, dist, { packageName: 'pets', command: 'sdkgen generate', withDist: true });
  return { finished, whole, report: apiReportFile('pets', 'sdkgen generate', dist), reportWritten };
}

describe('the package assembled into a new folder', () => {
  const [pets, toys, owners] = [module('pets'), module('toys'), module('owners')];

  it('finishes with every file written ahead, the API report too, and the pristine copy of the whole package', () => {
    const { finished, whole, report, reportWritten } = assemble('in-order', [
      { sources: [pets.source, toys.source], compiled: [...pets.compiled, ...toys.compiled] },
      { sources: [readme], compiled: [] },
      { sources: [docs], compiled: [] },
    ]);
    expect(finished.files).toEqual([]);
    expect(reportWritten).toBe(report.contents);
    expect(finished.writtenAhead?.pristine).toEqual(pristineFile(whole));
    expect(finished.writtenAhead?.files.map((file) => file.path).sort()).toEqual(whole.map((file) => file.path));
    expect(finished.pristineMembers).toBeUndefined();
  });

  it('makes the report again at the end when a module comes after the report was made early', () => {
    const { finished, whole, report, reportWritten } = assemble('late-module', [
      { sources: [pets.source, readme], compiled: pets.compiled },
      { sources: [owners.source, toys.source], compiled: [...owners.compiled, ...toys.compiled] },
    ]);
    expect(reportWritten).toBe(report.contents);
    expect(report.contents).toContain('## `owners`');
    expect(finished.writtenAhead?.files.filter((file) => file.path === report.path)).toHaveLength(1);
    expect(finished.writtenAhead?.pristine).toEqual(pristineFile(whole));
  });

  it('needs the package named before its batches', () => {
    const assembly = packageAssembly(true, WriteAhead.into(join(root, 'unnamed')));
    expect(() => assembly.add([readme], [])).toThrow('the model worker sent batches before the package was named');
  });
});

describe('the package kept in memory (a folder that may hold edits)', () => {
  it('finishes with every file, and the pristine entries compressed ahead with their texts', () => {
    const { source, compiled } = module('pets');
    const assembly = packageAssembly(true, undefined);
    assembly.named('pets', 'sdkgen generate');
    assembly.add([source, readme], compiled);
    const finished = assembly.finish();
    expect(finished.files).toEqual(
      finishPackage([source, readme], compiled, { packageName: 'pets', command: 'sdkgen generate', withDist: true }),
    );
    expect([...(finished.pristineMembers?.keys() ?? [])]).toEqual(['src/pets.ts', 'README.md']);
    expect(finished.writtenAhead).toBeUndefined();
  });
});
