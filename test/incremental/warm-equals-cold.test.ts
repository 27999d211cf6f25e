import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../generator/emit/output-file.js';
import { type GenerateOptions, generate } from '../../generator/generate.js';
import { IncrementalSession, type SessionRun } from '../../generator/incremental/session.js';
import { NAMES_LOCK } from '../../generator/model/kept-names.js';
import { HAS_OPENAI_SPEC, OPENAI_SPEC } from '../helpers/shared.js';
import { specDir } from '../helpers/spec-files.js';

const SPEC = `openapi: 3.1.0
info:
  title: Shelf API
  version: 1.0.0
  description: Books on shelves.
servers:
  - url: https://api.example.com
paths:
  /books:
    get:
      operationId: listBooks
      summary: List books
      description: Lists every book on the shelf, newest first.
      parameters:
        - name: genre
          in: query
          description: Only the books of this genre.
          schema: {type: string}
      responses:
        '200':
          description: The books.
          content:
            application/json:
              schema:
                type: array
                items: {$ref: './schemas.yaml#/Book'}
  /books/{id}:
    get:
      operationId: getBook
      summary: Get a book
      description: >
        Returns one book,
        by its id.
      parameters:
        - {name: id, in: path, required: true, schema: {type: string}}
      responses:
        '200':
          description: The book asked for.
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Shelf'}
components:
  schemas:
    Shelf:
      type: object
      description: A shelf that holds books.
      properties:
        name: {type: string, description: What the shelf is called.}
        books: {type: array, items: {$ref: './schemas.yaml#/Book'}}
`;
const SCHEMAS = `Book:
  type: object
  description: A book as the shelf keeps it.
  properties:
    title:
      type: string
      description: The title on the cover.
`;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** What the watcher writes that the next run reads: the names lock. */
function writeLock(dir: string, files: readonly OutputFile[]): void {
  const lock = files.find((f) => f.path === NAMES_LOCK);
  mkdirSync(join(dir, 'out'), { recursive: true });
  if (lock !== undefined) writeFileSync(join(dir, 'out', NAMES_LOCK), lock.contents);
}

/** Each file's text by path, to compare whole outputs. */
const byPath = (files: readonly OutputFile[]): Record<string, string> =>
  Object.fromEntries(files.map((f) => [f.path, f.contents]));

function watched(files: Record<string, string>, spec = 'openapi.yaml') {
  const dir = specDir(files);
  dirs.push(dir);
  const options: GenerateOptions = { spec, out: 'out', cwd: dir, dist: true };
  const session = new IncrementalSession();
  const run = (): SessionRun => {
    const result = session.generate(options);
    writeLock(dir, result.generation.files);
    return result;
  };
  const cold = (): Record<string, string> => byPath(generate(options).files);
  const edit = (path: string, change: (text: string) => string): void => {
    const file = join(dir, path);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  };
  return { run, cold, edit };
}

describe('--watch regenerates incrementally, and gives what a fresh run gives, byte for byte', () => {
  it('patches an edit of an operation’s description, plain or folded, into the last run', () => {
    const { run, cold, edit } = watched({ 'openapi.yaml': SPEC, 'schemas.yaml': SCHEMAS });
    expect(run().how).toBe('full');
    edit('openapi.yaml', (t) => t.replace('newest first.', 'newest first, then by title.'));
    let warm = run();
    expect(warm.how).toBe('patched');
    expect(byPath(warm.generation.files)).toEqual(cold());
    expect(warm.generation.files.find((f) => f.path === 'src/resources/books.ts')?.contents).toContain(
      'then by title.',
    );
    // A folded scalar, edited on its second line, with a line added.
    edit('openapi.yaml', (t) => t.replace('        by its id.\n', '        by its id\n        (a string).\n'));
    warm = run();
    expect(warm.how).toBe('patched');
    expect(byPath(warm.generation.files)).toEqual(cold());
  });

  it('patches a schema’s, a property’s and a parameter’s description, in the root file and in a $ref’d one', () => {
    const { run, cold, edit } = watched({ 'openapi.yaml': SPEC, 'schemas.yaml': SCHEMAS });
    run();
    for (const [path, from, to] of [
      ['openapi.yaml', 'A shelf that holds books.', 'A shelf that holds many books.'],
      ['openapi.yaml', 'Only the books of this genre.', 'Only the books of this one genre.'],
      ['schemas.yaml', 'A book as the shelf keeps it.', 'A book, as the shelf keeps it.'],
      ['schemas.yaml', 'The title on the cover.', 'The title printed on the cover.'],
    ] as const) {
      edit(path, (t) => t.replace(from, to));
      const warm = run();
      expect(warm.how, `${from} → ${to}`).toBe('patched');
      expect(byPath(warm.generation.files)).toEqual(cold());
    }
  });

  it('runs afresh for a summary, a schema, a new operation and a $ref’d file’s shape, and still equals a fresh run', () => {
    const { run, cold, edit } = watched({ 'openapi.yaml': SPEC, 'schemas.yaml': SCHEMAS });
    run();
    const edits: [string, (t: string) => string, string][] = [
      ['openapi.yaml', (t) => t.replace('summary: List books', 'summary: List all books'), 'a summary'],
      ['openapi.yaml', (t) => t.replace('name: {type: string, desc', 'label: {type: string, desc'), 'a schema'],
      [
        'openapi.yaml',
        (t) =>
          t.replace(
            'components:',
            `  /shelves:\n    get:\n      operationId: listShelves\n      description: Every shelf.\n      responses:\n        '200': {description: ok}\ncomponents:`,
          ),
        'a new operation',
      ],
      ['schemas.yaml', (t) => `${t}    pages: {type: integer}\n`, 'a $ref’d file'],
      // Back to a description edit, after full runs: patched again.
      ['openapi.yaml', (t) => t.replace('The books.', 'The books found.'), 'a description'],
    ];
    for (const [path, change, what] of edits) {
      edit(path, change);
      const warm = run();
      expect(warm.how, what).toBe(what === 'a description' ? 'patched' : 'full');
      expect(byPath(warm.generation.files), what).toEqual(cold());
    }
  });

  it('runs afresh for a description whose text the spec has twice: the model could not tell which copy came from it', () => {
    const twice = SPEC.replace('description: The books.', 'description: The book asked for.');
    const { run, cold, edit } = watched({ 'openapi.yaml': twice, 'schemas.yaml': SCHEMAS });
    run();
    edit('openapi.yaml', (t) => t.replace('description: The book asked for.', 'description: The one book.'));
    const warm = run();
    expect(warm.why).toBe('the old description is not a text found once in the spec');
    expect(byPath(warm.generation.files)).toEqual(cold());
  });

  it.runIf(HAS_OPENAI_SPEC)('patches description edits of openai.yaml, and emits only the files they change', () => {
    const { run, cold, edit } = watched({ 'openapi.yaml': readFileSync(OPENAI_SPEC, 'utf8') });
    run();
    edit('openapi.yaml', (t) => t.replace('description: Lists containers.', 'description: Lists the containers.'));
    const warm = run();
    expect(warm.how).toBe('patched');
    // The client, the operation's resource module and api.md section, and the modules that read
    // the operation list (index, errors, README); not the 1,800 others.
    expect(warm.emitted).toBeLessThanOrEqual(8);
    expect(warm.reused).toBeGreaterThan(1000);
    expect(byPath(warm.generation.files)).toEqual(cold());
  });
});
