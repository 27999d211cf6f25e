// The client half of the classification, checked against the clients the generator emits:
// code that compiles against the base client must stop compiling against the head client
// exactly when the change is classified as breaking for the client.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareModels } from '../../generator/diff/compare.js';
import { RULES, type RuleId } from '../../generator/diff/rules.js';
import { generate } from '../../generator/generate.js';
import { planOutput, writeOutput } from '../../generator/write/write-output.js';
import { ROOT } from '../helpers/paths.js';
import { BASE, edit } from './pets-spec.js';

const PET_KIND =
  '      required: [id, name, kind]\n      properties:\n        id: {type: string}\n        name: {type: string}\n        kind: {type: string, enum: [cat, dog]}';

/** A change, and code a user of the base client may well have written that the change reaches. */
const CASES: readonly { rule: RuleId; head: string; usage: string }[] = [
  {
    rule: 'request-parameter-removed',
    head: edit(['        - {name: limit, in: query, required: false, schema: {type: integer}}\n', '']),
    usage: `await client.pets.list({ limit: 5 });`,
  },
  {
    rule: 'request-parameter-became-required',
    head: edit(['{name: limit, in: query, required: false', '{name: limit, in: query, required: true']),
    usage: `await client.pets.list();`,
  },
  {
    rule: 'request-enum-value-removed',
    head: edit(['enum: [cat, dog]}}\n      responses', 'enum: [cat]}}\n      responses']),
    usage: `await client.pets.list({ species: 'dog' });`,
  },
  {
    rule: 'request-property-removed',
    head: edit(['        nickname: {type: string}\n', '']),
    usage: `await client.pets.create({ name: 'Rex', nickname: 'R' });`,
  },
  {
    rule: 'request-property-added-required',
    head: edit([
      '      required: [name]\n      properties:\n        name: {type: string}\n        kind',
      '      required: [name, price]\n      properties:\n        price: {type: number}\n        name: {type: string}\n        kind',
    ]),
    usage: `await client.pets.create({ name: 'Rex' });`,
  },
  {
    rule: 'response-property-became-optional',
    head: edit(['      required: [id, name, kind]', '      required: [id, kind]']),
    usage: `const name: string = (await client.pets.retrieve('p')).name; void name;`,
  },
  {
    rule: 'response-became-nullable',
    head: edit(['        tag: {type: string}', '        tag: {type: [string, "null"]}']),
    usage: `const tag: string | undefined = (await client.pets.retrieve('p')).tag; void tag;`,
  },
  {
    rule: 'response-property-removed',
    head: edit(['        tag: {type: string}\n', '']),
    usage: `const tag: string | undefined = (await client.pets.retrieve('p')).tag; void tag;`,
  },
  {
    rule: 'operation-function-renamed',
    head: edit(['operationId: getPet', 'operationId: fetchPet']),
    usage: `await sdk.getPet(client, 'p');`,
  },
  {
    rule: 'schema-renamed',
    head: edit(
      ['    Owner:', '    Person:'],
      ['owner: {$ref: "#/components/schemas/Owner"}', 'owner: {$ref: "#/components/schemas/Person"}'],
    ),
    usage: `const owner: sdk.Owner = { name: 'Ann' }; void owner;`,
  },
  {
    rule: 'response-enum-value-added',
    head: edit([PET_KIND, PET_KIND.replace('[cat, dog]', '[cat, dog, bird]')]),
    usage: `const kind = (await client.pets.retrieve('p')).kind;\n  switch (kind) { case 'cat': case 'dog': break; default: { const unreachable: never = kind; void unreachable; } }`,
  },
  {
    rule: 'request-property-added-optional',
    head: edit(['        nickname: {type: string}', '        nickname: {type: string}\n        price: {type: number}']),
    usage: `await client.pets.create({ name: 'Rex' });`,
  },
  {
    rule: 'request-constraint-tightened',
    head: edit(['        nickname: {type: string}', '        nickname: {type: string, maxLength: 3}']),
    usage: `await client.pets.create({ name: 'Rex', nickname: 'Rexie' });`,
  },
  {
    rule: 'request-type-widened',
    head: edit([
      '{name: limit, in: query, required: false, schema: {type: integer}}',
      '{name: limit, in: query, required: false, schema: {type: [integer, string]}}',
    ]),
    usage: `await client.pets.list({ limit: 5 });`,
  },
  {
    rule: 'response-property-added',
    head: edit(['        tag: {type: string}\n', '        tag: {type: string}\n        age: {type: integer}\n']),
    usage: `const pet: sdk.Pet = await client.pets.retrieve('p'); void pet.id;`,
  },
];

const work = mkdtempSync(join(tmpdir(), 'sdkgen-diff-client-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeClient(dir: string, spec: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'openapi.yaml'), spec);
  const { files } = generate({ spec: 'openapi.yaml', out: 'out', cwd: dir, dist: false });
  writeOutput(join(dir, 'out'), planOutput(join(dir, 'out'), files));
}

describe('client classification, against the emitted clients', () => {
  it('code written against the base client stops compiling against the head client exactly when the change breaks the client', () => {
    writeFileSync(join(work, 'package.json'), '{"type":"module"}');
    writeClient(join(work, 'base'), BASE);
    const consumer = (client: string, usage: string): string =>
      `import * as sdk from '${client}/out/src/index.js';\ndeclare const client: sdk.Pets;\nexport async function use(): Promise<void> {\n  ${usage}\n}\n`;
    CASES.forEach(({ rule, head, usage }, i) => {
      writeClient(join(work, `head${i}`), head);
      const found = compareModels(
        generate({ spec: 'base/openapi.yaml', out: 'x', cwd: work, dist: false }).model,
        generate({ spec: `head${i}/openapi.yaml`, out: 'x', cwd: work, dist: false }).model,
      );
      expect(
        found.map((c) => c.rule),
        rule,
      ).toContain(rule);
      writeFileSync(join(work, `use-base-${i}.ts`), consumer('./base', usage));
      writeFileSync(join(work, `use-head-${i}.ts`), consumer(`./head${i}`, usage));
    });
    const options = (
      JSON.parse(readFileSync(join(work, 'base/out/tsconfig.json'), 'utf8')) as {
        compilerOptions: Record<string, unknown>;
      }
    ).compilerOptions;
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...options, noEmit: true, rootDir: undefined, outDir: undefined },
        include: ['use-*.ts'],
      }),
    );
    let output = '';
    try {
      execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(work, 'tsconfig.json')],
        { encoding: 'utf8', cwd: work },
      );
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    const failing = new Set([...output.matchAll(/use-(base|head)-(\d+)\.ts\(/g)].map((m) => `${m[1]}-${m[2]}`));
    const verdicts = CASES.map(({ rule }, i) => ({
      rule,
      base: failing.has(`base-${i}`),
      head: failing.has(`head-${i}`),
    }));
    const expected = CASES.map(({ rule }) => ({ rule, base: false, head: RULES[rule].client !== 'non-breaking' }));
    expect(verdicts, output).toEqual(expected);
  });
});
