import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../generator/cli.js';
import { specDir } from '../helpers/spec-files.js';
import { until } from '../helpers/until.js';

const SPEC = (operations: string): string => `openapi: 3.1.0
info: {title: Watched API, version: 1.0.0}
servers: [{url: https://api.example.com}]
paths:
${operations}`;
const op = (path: string, id: string): string =>
  `  ${path}:\n    get:\n      operationId: ${id}\n      responses: {"200": {description: ok, content: {application/json: {schema: {$ref: "./schemas.yaml#/Thing"}}}}}\n`;

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('sdkgen generate --watch', () => {
  it('regenerates when the spec or a file it refers to changes, and keeps the last good output on an error', async () => {
    const dir = specDir({
      'openapi.yaml': SPEC(op('/things', 'listThings')),
      'schemas.yaml': 'Thing: {type: object, properties: {name: {type: string}}}\n',
    });
    dirs.push(dir);
    const lines: string[] = [];
    let stop = (): void => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = { cwd: dir, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), stopped };
    const done = main(['generate', '--watch', '--spec', 'openapi.yaml', '--out', 'out', '--no-dist'], io);
    const text = (): string => lines.join('\n');
    const runs = (): number => lines.filter((l) => l.includes(' written, ')).length;
    await until(() => text().includes('watching 2 files for changes'), 'the watch to start');
    expect(runs()).toBe(1);

    writeFileSync(join(dir, 'openapi.yaml'), SPEC(op('/things', 'listThings') + op('/widgets', 'listWidgets')));
    await until(() => runs() === 2, 'a run after the spec changed');
    expect(text()).toContain('openapi.yaml changed; regenerating.');
    expect(readFileSync(join(dir, 'out/src/index.ts'), 'utf8')).toContain('listWidgets');

    // A file reached by $ref is watched too.
    writeFileSync(join(dir, 'schemas.yaml'), 'Thing: {type: object, properties: {label: {type: string}}}\n');
    await until(() => runs() === 3, 'a run after schemas.yaml changed');
    expect(readFileSync(join(dir, 'out/src/models.ts'), 'utf8')).toContain('label?: string');

    const good = readFileSync(join(dir, 'out/src/index.ts'), 'utf8');
    writeFileSync(join(dir, 'openapi.yaml'), `${SPEC(op('/things', 'listThings'))}  /oops: [\n`);
    await until(() => text().includes('kept the last good output in out/'), 'the error to be reported', text);
    expect(text()).toMatch(/openapi\.yaml:\d+:\d+: error yaml-syntax/);
    expect(readFileSync(join(dir, 'out/src/index.ts'), 'utf8')).toBe(good);

    writeFileSync(join(dir, 'openapi.yaml'), SPEC(op('/things', 'listThings')));
    await until(() => runs() === 4, 'a run after the fix');
    expect(readFileSync(join(dir, 'out/src/index.ts'), 'utf8')).not.toContain('listWidgets');

    stop();
    expect(await done).toBe(0);
  });

  it('keeps the --include filter through every run: an operation added outside it stays out', async () => {
    const dir = specDir({
      'openapi.yaml': SPEC(op('/things', 'listThings') + op('/admin/things', 'listAdminThings')),
      'schemas.yaml': 'Thing: {type: object, properties: {name: {type: string}}}\n',
    });
    dirs.push(dir);
    const lines: string[] = [];
    let stop = (): void => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = { cwd: dir, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), stopped };
    const argv = [
      'generate',
      '--watch',
      '--spec',
      'openapi.yaml',
      '--out',
      'out',
      '--no-dist',
      '--include',
      '/things/**',
    ];
    const done = main(argv, io);
    const runs = (): number => lines.filter((l) => l.includes(' written, ')).length;
    await until(() => lines.join('\n').includes('watching 2 files for changes'), 'the watch to start');
    const index = (): string => readFileSync(join(dir, 'out/src/index.ts'), 'utf8');
    expect(index()).not.toContain('listAdminThings');

    writeFileSync(
      join(dir, 'openapi.yaml'),
      SPEC(op('/things', 'listThings') + op('/things/parts', 'listParts') + op('/admin/widgets', 'listWidgets')),
    );
    await until(
      () => runs() === 2,
      'a run after the spec changed',
      () => lines.join('\n'),
    );
    expect(index()).toContain('listParts');
    expect(index()).not.toMatch(/listWidgets|listAdminThings/);

    stop();
    expect(await done).toBe(0);
  });

  it('patches a description edit into the last run, and writes what a fresh run writes', async () => {
    const spec = (description: string): string =>
      SPEC(
        op('/things', 'listThings').replace('      responses:', `      description: ${description}\n      responses:`),
      );
    const dir = specDir({
      'openapi.yaml': spec('Lists the things you have.'),
      'schemas.yaml': 'Thing: {type: object, properties: {name: {type: string}}}\n',
    });
    dirs.push(dir);
    const lines: string[] = [];
    let stop = (): void => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const io = { cwd: dir, out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), stopped };
    const done = main(['generate', '--watch', '--spec', 'openapi.yaml', '--out', 'out'], io);
    const text = (): string => lines.join('\n');
    const runs = (): number => lines.filter((l) => l.includes(' written, ')).length;
    await until(() => text().includes('watching 2 files for changes'), 'the watch to start');

    writeFileSync(join(dir, 'openapi.yaml'), spec('Lists every thing you have.'));
    await until(() => runs() === 2, 'a run after the description changed', text);
    expect(text()).toContain('one description changed: patched the last run');
    stop();
    expect(await done).toBe(0);

    // What the watcher left is what a fresh run gives: --check finds nothing to regenerate.
    const fresh: string[] = [];
    const quiet = { cwd: dir, out: (l: string) => fresh.push(l), err: (l: string) => fresh.push(l) };
    expect(await main(['generate', '--spec', 'openapi.yaml', '--out', 'out', '--check'], quiet)).toBe(0);
    expect(readFileSync(join(dir, 'out/src/resources/things.ts'), 'utf8')).toContain('Lists every thing you have.');
  });

  it('does not go with --check', async () => {
    const err: string[] = [];
    expect(await main(['generate', '--watch', '--check'], { cwd: '.', out: () => {}, err: (l) => err.push(l) })).toBe(
      2,
    );
    expect(err.join('\n')).toContain('--watch and --check do not go together');
  });
});
