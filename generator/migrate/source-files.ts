/** The project's own source files that may import openapi-fetch or the query libraries: its JavaScript and TypeScript. */
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Script modules, and the components whose `<script>`s find-imports.ts reads. */
const SOURCE = /\.(?:[cm]?[jt]sx?|vue|svelte|astro)$/;
/** Cheap test before parsing: a file that never spells the packages (or the query libraries on them) cannot import them. */
const MENTION = /openapi-(?:fetch|typescript|react-query)|swr-openapi/;

/** Below `root`, but in `node_modules` and dot-folders (`.git`, `.next`), and for `skip` (the types outputs). */
export function sourceFilesMentioning(
  root: string,
  skip: ReadonlySet<string>,
): { readonly shown: string; readonly text: string }[] {
  const found: { shown: string; text: string }[] = [];
  const visit = (prefix: string): void => {
    let names: Dirent[];
    try {
      names = readdirSync(join(root, prefix), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of names.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) visit(`${path}/`);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !skip.has(path)) {
        const text = readFileSync(join(root, path), 'utf8');
        if (MENTION.test(text)) found.push({ shown: path, text });
      }
    }
  };
  visit('');
  return found;
}
