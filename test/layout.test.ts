import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

// The generator's layering, as CONTRIBUTING.md draws it: checked on the import statements of
// every module, so that a change that breaks it fails here, naming the files.
const GENERATOR = join(ROOT, 'generator');

function modules(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Each module's relative imports (type-only ones too: a cycle of types still ties modules together), as paths. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of modules(GENERATOR)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => imported.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(file), name.replace(/\.js$/, '.ts')));
    graph.set(file, targets);
  }
  return graph;
}

const name = (file: string): string => relative(ROOT, file).split(sep).join('/');

/** Strongly connected components of more than one module (or a module importing itself): the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    indices.set(node, index);
    low.set(node, index);
    index++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!indices.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, indices.get(next) as number));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.map(name).sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) visit(node);
  return found;
}

describe('the generator’s layout', () => {
  const graph = importGraph();

  it('has no import cycles', () => {
    expect(graph.size).toBeGreaterThan(50);
    expect(cycles(graph), 'these modules import each other, directly or through others').toEqual([]);
  });

  it('keeps the command line in cli/: no feature folder imports from it', () => {
    const offenders = [...graph]
      .filter(([file]) => !name(file).startsWith('generator/cli/') && name(file) !== 'generator/cli.ts')
      .flatMap(([file, targets]) =>
        targets
          .filter((target) => name(target).startsWith('generator/cli/'))
          .map((target) => `${name(file)} → ${name(target)}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps the runtime standalone: it imports nothing of the generator, since it is copied into every client', () => {
    const offenders = [...graph]
      .filter(([file]) => name(file).startsWith('generator/runtime/'))
      .flatMap(([file, targets]) =>
        targets
          .filter((target) => !name(target).startsWith('generator/runtime/'))
          .map((target) => `${name(file)} → ${name(target)}`),
      );
    expect(offenders).toEqual([]);
  });

  it('keeps sdkgen/fetch a room of its own: it imports only itself and the runtime, and nothing of the generator imports it', () => {
    const inFetch = (file: string): boolean => name(file).startsWith('generator/fetch/');
    const offenders = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((target) =>
          inFetch(file) ? !inFetch(target) && !name(target).startsWith('generator/runtime/') : inFetch(target),
        )
        .map((target) => `${name(file)} → ${name(target)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('reads the raw spec only in load/ and model/, and makes text only in emit/ (and the commands’ own output)', () => {
    const offenders = [...graph]
      .filter(([file]) => /^generator\/(emit|mock|diff|plan|write|values|runtime)\//.test(name(file)))
      .flatMap(([file, targets]) =>
        targets
          .filter((target) => name(target).startsWith('generator/load/'))
          .map((target) => `${name(file)} → ${name(target)}`),
      );
    expect(offenders).toEqual([]);
  });

  it('starts every command without the emitter: ts-morph and TypeScript load only where a command needs them, lazily', () => {
    // Static imports only (type-only ones and `import()` left out), followed from the CLI's entry.
    const reached = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      const text = readFileSync(file, 'utf8');
      for (const [, spec = ''] of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
        if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
        else packages.add(spec);
      }
    };
    visit(join(GENERATOR, 'cli.ts'));
    expect([...packages].filter((p) => p === 'ts-morph' || p === 'typescript' || p === 'oxc-transform')).toEqual([]);
  });
});

describe('the test suite', () => {
  it('never imports node:test: inside vitest it starts Node’s own runner, whose "# tests 0" report hides the real count', () => {
    const offenders = readdirSync(join(ROOT, 'test'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.(?:test|test-d|e2e\.test)\.[cm]?[jt]sx?$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) => /from\s+['"]node:test['"]/.test(readFileSync(file, 'utf8')))
      .map(name);
    expect(offenders).toEqual([]);
  });
});
