/** package.json scripts: the openapi-typescript commands found in them, and the scripts after the move. */
import { describe, expect, it } from 'vitest';
import { parseOtsArguments, type Word } from '../../generator/migrate/ots-flags.js';
import { otsCommandIndex, replaceCommands, splitScript } from '../../generator/migrate/script-command.js';

const migrated = (script: string): string => replaceCommands(script, splitScript(script), 'sdkgen generate');
const words = (script: string): string[] => splitScript(script).flatMap((segment) => segment.words.map((w) => w.text));
const argumentsOf = (script: string) => {
  const segment = splitScript(script).find((s) => otsCommandIndex(s) !== undefined);
  if (segment === undefined) throw new Error(`no openapi-typescript command in ${script}`);
  return parseOtsArguments(segment.words.slice((otsCommandIndex(segment) as number) + 1));
};

describe('reading a script as the shell does', () => {
  it('splits a chain at &&, ||, ; and |, keeping where each command is', () => {
    const script = 'openapi-typescript a.yaml -o a.ts && prettier --write a.ts; echo done | cat';
    expect(splitScript(script).map((s) => script.slice(s.start, s.end))).toEqual([
      'openapi-typescript a.yaml -o a.ts',
      'prettier --write a.ts',
      'echo done',
      'cat',
    ]);
  });

  it('unquotes words, and keeps quoted operators inside them', () => {
    expect(words(`openapi-typescript "my api.yaml" -o 'out && more.ts' --enum`)).toEqual([
      'openapi-typescript',
      'my api.yaml',
      '-o',
      'out && more.ts',
      '--enum',
    ]);
  });

  it('takes a > redirect as the file the output goes to, and tells >> apart', () => {
    const [segment] = splitScript('openapi-typescript api.yaml > src/schema.d.ts 2> errors.log');
    expect(segment?.words.map((w) => w.text)).toEqual(['openapi-typescript', 'api.yaml']);
    expect(segment?.stdoutTo?.text).toBe('src/schema.d.ts');
    expect(segment?.appends).toBe(false);
    expect(splitScript('openapi-typescript api.yaml >> all.ts')[0]?.appends).toBe(true);
  });

  it('finds the command behind runners, their flags and VAR=value, and nowhere else', () => {
    const index = (script: string): number | undefined => otsCommandIndex(splitScript(script)[0] as never);
    expect(index('openapi-typescript api.yaml')).toBe(0);
    expect(index('npx -y openapi-typescript@7.13.0 api.yaml')).toBe(2);
    expect(index('pnpm exec openapi-typescript api.yaml')).toBe(2);
    expect(index('yarn dlx openapi-typescript api.yaml')).toBe(2);
    expect(index('NODE_OPTIONS=--max-old-space-size=8192 openapi-typescript api.yaml')).toBe(1);
    expect(index('./node_modules/.bin/openapi-typescript api.yaml')).toBe(0);
    expect(index('echo openapi-typescript')).toBeUndefined();
    expect(index('tsc && node build.js')).toBeUndefined();
  });
});

describe('the script after the move', () => {
  it('runs sdkgen generate where openapi-typescript ran, and keeps the rest of the chain as written', () => {
    expect(migrated('openapi-typescript ./api.yaml -o ./src/schema.d.ts --enum && prettier  --write src')).toBe(
      'sdkgen generate && prettier  --write src',
    );
    expect(migrated('rm -rf gen;openapi-typescript api.yaml -o gen/a.ts')).toBe('rm -rf gen;sdkgen generate');
  });

  it('keeps the runner that runs the installed package, and runs it instead of fetching one', () => {
    expect(migrated('npx openapi-typescript api.yaml -o a.ts')).toBe('npx sdkgen generate');
    expect(migrated('pnpm exec openapi-typescript api.yaml -o a.ts')).toBe('pnpm exec sdkgen generate');
    expect(migrated('pnpm dlx openapi-typescript api.yaml -o a.ts')).toBe('pnpm exec sdkgen generate');
  });

  it('makes several commands one, since sdkgen generate writes every target', () => {
    expect(
      migrated('openapi-typescript a.yaml -o a.ts && openapi-typescript b.yaml -o b.ts && biome format --write .'),
    ).toBe('sdkgen generate && biome format --write .');
    expect(migrated('openapi-typescript a.yaml -o a.ts && lint a.ts && openapi-typescript b.yaml -o b.ts')).toBe(
      'sdkgen generate && lint a.ts',
    );
  });
});

describe("openapi-typescript 7.13's flags", () => {
  it('reads booleans as yargs-parser does: --flag, --no-flag, --flag=false, --flag false, camelCase', () => {
    const parsed = argumentsOf(
      'openapi-typescript api.yaml --enum --no-alphabetize --immutable=true --default-non-nullable false --exportType -o out.ts',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.options).toEqual({
      enum: true,
      alphabetize: false,
      immutable: true,
      defaultNonNullable: false,
      exportType: true,
    });
    expect(parsed.input?.text).toBe('api.yaml');
    expect(parsed.output?.text).toBe('out.ts');
  });

  it('knows the short forms and every documented flag', () => {
    const parsed = argumentsOf(
      'openapi-typescript api.yaml -t -c ./redocly.yaml --output=types.ts --check --additional-properties --array-length --conditional-enums --dedupe-enums --empty-objects-unknown --enum-values --exclude-deprecated --make-paths-enum --path-params-as-types --properties-required-by-default --read-write-markers --root-types --root-types-keep-casing --root-types-no-schema-prefix --generate-path-params',
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.redocly?.text).toBe('./redocly.yaml');
    expect(parsed.output?.text).toBe('types.ts');
    expect(parsed.check).toBe(true);
    expect(Object.keys(parsed.options).sort()).toEqual([
      'additionalProperties',
      'arrayLength',
      'conditionalEnums',
      'dedupeEnums',
      'emptyObjectsUnknown',
      'enumValues',
      'excludeDeprecated',
      'exportType',
      'generatePathParams',
      'makePathsEnum',
      'pathParamsAsTypes',
      'propertiesRequiredByDefault',
      'readWriteMarkers',
      'rootTypes',
      'rootTypesKeepCasing',
      'rootTypesNoSchemaPrefix',
    ]);
  });

  it('names an unknown flag at its place, with the flag probably meant', () => {
    const script = 'openapi-typescript api.yaml -o a.ts --alphabetise --frobnicate';
    const parsed = argumentsOf(script);
    expect(parsed.problems.map((p) => [p.code, p.message, script.slice(p.offset).split(' ')[0]])).toEqual([
      [
        'migrate-flag-unknown',
        'openapi-typescript 7.13 has no option --alphabetise; did you mean --alphabetize?',
        '--alphabetise',
      ],
      ['migrate-flag-unknown', 'openapi-typescript 7.13 has no option --frobnicate', '--frobnicate'],
    ]);
  });

  it('refuses what 7.13 refuses, and drops what 7.13 parses and ignores', () => {
    expect(argumentsOf('openapi-typescript api.yaml --immutable-types').problems[0]?.message).toBe(
      '--immutable-types was renamed --immutable in openapi-typescript 7',
    );
    expect(argumentsOf('openapi-typescript api.yaml --generate-path-params').options).toEqual({
      generatePathParams: true,
    });
    // --content-never is in 7.13's list of booleans, but nothing in 7.13 reads it.
    expect(argumentsOf('openapi-typescript api.yaml --content-never')).toMatchObject({ problems: [], options: {} });
    expect(argumentsOf('openapi-typescript api.yaml --enum=maybe').problems[0]?.message).toBe(
      '--enum is true or false, not "maybe"',
    );
    expect(argumentsOf('openapi-typescript a.yaml b.yaml').problems[0]?.message).toBe(
      'openapi-typescript reads one spec per command, not also "b.yaml"',
    );
  });

  it('keeps the offset of every word, for locating problems', () => {
    const [segment] = splitScript('npx  openapi-typescript  "a b.yaml"');
    expect(segment?.words.map((w: Word) => w.offset)).toEqual([0, 5, 25]);
  });
});
