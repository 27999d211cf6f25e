/** The code of every `@example` in a package's sources, as the body of a function over `client`. */
export function examples(files: readonly { path: string; contents: string }[]): string[] {
  return files
    .filter((f) => f.path.startsWith('src/') && !f.path.startsWith('src/core/'))
    .flatMap((f) => [...f.contents.matchAll(/@example\n\s*\* ```ts\n((?:\s*\*.*\n)*?)\s*\* ```/g)])
    .map((match) => (match[1] ?? '').replace(/^\s*\* ?/gm, ''));
}

/** A module with each `@example` of a package as a function, over a `client` of class `clientClass`, to type-check. */
export function examplesModule(
  files: readonly { path: string; contents: string }[],
  clientClass: string,
  from = './src/index.js',
): { text: string; count: number } {
  const snippets = examples(files);
  const text = [
    `import type { ${clientClass} } from '${from}';`,
    `declare const client: ${clientClass};`,
    `declare const console: { log(...values: unknown[]): void };`,
    ...snippets.map((code, i) => `export async function example${i}(): Promise<void> {\n${code}}`),
  ].join('\n');
  return { text, count: snippets.length };
}

/**
 * Every ```ts block of a package's README.md and api.md, as a module importing the package's
 * sources instead of its name, to type-check as a user would copy it.
 */
export function markdownExamples(
  files: readonly { path: string; contents: string }[],
  packageName: string,
): { path: string; text: string }[] {
  return files
    .filter((f) => f.path === 'README.md' || f.path === 'api.md')
    .flatMap((f) =>
      [...f.contents.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match, i) => ({
        path: `docs-${f.path.replace(/\.md$/, '').toLowerCase()}-${i}.ts`,
        // A subpath (`/validation`, `/core-client`, `/resources/…`) is the source module of that name.
        text: `${(match[1] ?? '')
          .split(`from '${packageName}';`)
          .join(`from './src/index.js';`)
          .replaceAll(
            new RegExp(`from '${packageName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/([^']+)';`, 'g'),
            "from './src/$1.js';",
          )}\nexport {};\n`,
      })),
    );
}
