/** A JSON or YAML file of the user's project (package.json, tsconfig, redocly.yaml), parsed with the position of every node. */
import { readFileSync } from 'node:fs';
import type * as YAML from 'yaml';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { yaml } from '../lazy-packages.js';
import { offsetLocator } from '../load/line-index.js';

export interface ProjectFile {
  /** As shown in messages: relative to the project folder, `/`-separated. */
  readonly shown: string;
  readonly text: string;
  readonly document: YAML.Document.Parsed;
  readonly locate: (offset: number) => SourceLocation;
  /** Where a node starts; the file's start for none. */
  readonly at: (node: YAML.Node | null | undefined) => SourceLocation;
}

/**
 * Reads and parses `absolute`; a file that cannot be read or parsed gives located errors instead,
 * their codes starting with the command's name (`migrate-file-syntax`).
 */
export function readProjectFile(absolute: string, shown: string, command: string): ProjectFile | Diagnostic[] {
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    return [
      {
        code: `${command}-file-unreadable`,
        severity: 'error',
        message: `${shown} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
        location: { file: shown, line: 1, column: 1 },
      },
    ];
  }
  const locate = offsetLocator(text, shown);
  // YAML reads JSON too, with positions for every node.
  const document = yaml().parseDocument(text, { uniqueKeys: true });
  if (document.errors.length > 0)
    return document.errors.map((error) => ({
      code: `${command}-file-syntax`,
      severity: 'error',
      message: `${shown} cannot be parsed: ${error.message.split('\n')[0] ?? 'syntax error'}`,
      location: locate(error.pos[0]),
    }));
  return { shown, text, document, locate, at: (node: YAML.Node | null | undefined) => locate(node?.range?.[0] ?? 0) };
}

/** The map entries of `node` (a mapping) as [key, value node] pairs; none for anything else. */
export function entries(node: unknown): [string, YAML.Node | null][] {
  if (!yaml().isMap(node)) return [];
  return node.items.map((pair) => [
    yaml().isScalar(pair.key) ? String(pair.key.value) : '',
    (pair.value ?? null) as YAML.Node | null,
  ]);
}

/** The value of a scalar node, or undefined. */
export function scalar(node: unknown): unknown {
  return yaml().isScalar(node) ? node.value : undefined;
}
