/**
 * Reads the names lock an earlier `sdkgen generate` left in the output folder
 * (`.sdkgen-names.json`, written by emit/files/names-lock-file.ts), for the model builder to keep
 * its names. A lock that cannot be read is an error located in it: a hand edit gone wrong must
 * not rename everything silently.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Node, Pair } from 'yaml';
import { DiagnosticBag, type SourceLocation } from '../diagnostics.js';
import { yaml } from '../lazy-packages.js';
import { offsetLocator } from '../load/line-index.js';
import { NAMES_LOCK, type NamesLock } from '../model/kept-names.js';
import { isIdentifier } from '../model/names.js';
import { MANIFEST } from '../write/ownership.js';
import { ConfigError } from './load-config.js';

/**
 * The lock in `outDir`, or `undefined` where there is none (a first run). `cwd`: to show its path.
 * An output an sdkgen without the lock made (a manifest, no lock) keeps its methods' names too:
 * they are read from its api.md, which lists each method above its route.
 */
export function readNamesLock(outDir: string, cwd: string): NamesLock | undefined {
  const path = join(outDir, NAMES_LOCK);
  if (existsSync(path)) return parseNamesLock(readFileSync(path, 'utf8'), relative(cwd, path) || path);
  const docs = join(outDir, 'api.md');
  if (!existsSync(join(outDir, MANIFEST)) || !existsSync(docs)) return undefined;
  return namesOfApiDocs(readFileSync(docs, 'utf8'), relative(cwd, docs) || docs);
}

/**
 * The methods an api.md lists: each method's section has its call (`` `client.a.b.list(…` ``)
 * and then its route (`` **`GET /a/{id}/b`** ``).
 */
export function namesOfApiDocs(text: string, file: string): NamesLock {
  const operations = new Map<string, string[]>();
  for (const section of text.split(/^### /m).slice(1)) {
    const call = /^`client\.([\w$.]+)\(/m.exec(section)?.[1];
    const route = /^\*\*`([A-Z]+ \/[^`]*)`\*\*/m.exec(section)?.[1];
    if (call !== undefined && route !== undefined && call.split('.').every(isIdentifier))
      operations.set(route, call.split('.'));
  }
  return { file, operations, resources: new Map(), schemas: new Map(), types: new Map() };
}

const SECTIONS = ['operations', 'resources', 'schemas', 'types'] as const;

export function parseNamesLock(text: string, file: string): NamesLock {
  const locate = offsetLocator(text, file);
  const bag = new DiagnosticBag();
  const at = (node: Node | null | undefined): SourceLocation => locate(node?.range?.[0] ?? 0);
  const fail = (): never => {
    throw new ConfigError(bag.all, (shown) => (shown === file ? text : undefined));
  };
  const { isMap, isScalar, parseDocument } = yaml();
  const document = parseDocument(text, { uniqueKeys: true });
  for (const error of document.errors)
    bag.error('names-lock-syntax', error.message.split('\n')[0] ?? 'Syntax error.', locate(error.pos[0]));
  if (bag.hasErrors) fail();
  const root = document.contents;
  if (!isMap(root)) {
    bag.error('names-lock-invalid', `${NAMES_LOCK} must be an object of ${SECTIONS.join(', ')}.`, at(root));
    return fail();
  }
  const sections = new Map<string, Map<string, string>>(SECTIONS.map((name) => [name, new Map()]));
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    const entries = sections.get(name);
    if (entries === undefined) continue; // `note`, `version`: for people.
    if (!isMap(pair.value)) {
      bag.error('names-lock-invalid', `"${name}" must be an object.`, at(pair.value ?? pair.key));
      continue;
    }
    for (const entry of pair.value.items as Pair<Node, Node | null>[]) {
      const key = isScalar(entry.key) ? String(entry.key.value) : '';
      const value = isScalar(entry.value) ? entry.value.value : undefined;
      const problem = typeof value !== 'string' ? 'must be a string' : invalidName(name, value);
      if (problem !== undefined)
        bag.error('names-lock-invalid', `"${name}" → ${JSON.stringify(key)} ${problem}.`, at(entry.value ?? entry.key));
      else entries.set(key, value as string);
    }
  }
  if (bag.hasErrors) fail();
  const of = (name: (typeof SECTIONS)[number]): Map<string, string> => sections.get(name) as Map<string, string>;
  // `GET /pets/{id} Params`: the route, then the role.
  const types = new Map<string, Map<string, string>>();
  for (const [key, name] of of('types')) {
    const at = key.lastIndexOf(' ');
    const route = key.slice(0, at);
    types.set(route, (types.get(route) ?? new Map<string, string>()).set(key.slice(at + 1), name));
  }
  return {
    file,
    operations: new Map([...of('operations')].map(([key, call]) => [key, call.split('.')])),
    resources: of('resources'),
    schemas: of('schemas'),
    types,
  };
}

/** Names the model would have made: identifiers, dotted for a place on the client. */
function invalidName(section: string, value: string): string | undefined {
  const parts = section === 'operations' || section === 'resources' ? value.split('.') : [value];
  return parts.every(isIdentifier) ? undefined : 'is not a name (identifiers, dotted for a place on the client)';
}

/**
 * Every name of `before` that `after` gives to the same operation, resource or schema differently:
 * `GET /pets/{id}: pets.get → pets.retrieve`, for the run to print. An operation is found by its
 * route with its parameters blanked, as the model finds it.
 */
export function renamesBetween(before: NamesLock, after: NamesLock): string[] {
  const blank = (route: string): string => route.replace(/\{[^}]*\}/g, '{}');
  const lines: string[] = [];
  const now = new Map([...after.operations].map(([route, call]) => [blank(route), { route, call: call.join('.') }]));
  for (const [route, call] of before.operations) {
    const next = now.get(blank(route));
    if (next !== undefined && next.call !== call.join('.'))
      lines.push(`${next.route}: client.${call.join('.')} → client.${next.call}`);
  }
  for (const [section, label] of [
    ['resources', 'class of '],
    ['schemas', ''],
  ] as const)
    for (const [key, name] of before[section]) {
      const next = after[section].get(key);
      if (next !== undefined && next !== name) lines.push(`${label}${key}: ${name} → ${next}`);
    }
  for (const [route, byRole] of before.types)
    for (const [role, name] of byRole) {
      const next = after.types.get(route)?.get(role);
      if (next !== undefined && next !== name) lines.push(`${role} of ${route}: ${name} → ${next}`);
    }
  return lines;
}
