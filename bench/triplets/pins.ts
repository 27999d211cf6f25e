/**
 * The pinned triplets of bench/stainless-triplets.json: where each one's Stainless config, OpenAPI
 * spec and published TypeScript SDK come from, each at a commit or an exact npm version.
 */
import { readFileSync } from 'node:fs';
import type { Cause, KnownShortfall } from './score.js';

/** A file of a public GitHub repository at a commit. */
export interface RepoFile {
  readonly repo: string;
  readonly commit: string;
  readonly path: string;
}

/** The SDK its users installed: an npm version (checked against its integrity), or a repository folder at a commit. */
export type PublishedSdk =
  | { readonly kind: 'npm'; readonly spec: string; readonly integrity: string }
  | {
      readonly kind: 'repo';
      readonly repo: string;
      readonly commit: string;
      readonly folder: string;
      readonly version: string;
    };

export interface Triplet {
  readonly name: string;
  readonly config: RepoFile;
  readonly spec: RepoFile;
  readonly published: PublishedSdk;
  /** How config, spec and SDK were matched in time. */
  readonly why: string;
  /** Shortfalls explained by hand (by published call path), where the diff's JSON alone cannot tell why. */
  readonly known: Readonly<Record<string, KnownShortfall>>;
  /** The published SDK's hand-written code, moved onto the generated client as its team would (bench/triplets/move.ts). */
  readonly move?: Move | undefined;
}

/** Custom code carried over: files copied from the published SDK, then the team's edits as a patch. */
export interface Move {
  /** `[from, to]`: a file or folder of the published SDK, and where it goes in the generated client. */
  readonly copy: readonly (readonly [string, string])[];
  /** A unified diff (repository-relative path) applied to the client after the copy. */
  readonly patch: string;
  /** Where the custom code lives in the published SDK, and what the port changes. */
  readonly why: string;
}

export class PinError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(`${where}: ${message}`);
    this.name = 'PinError';
  }
}

const COMMIT = /^[0-9a-f]{40}$/;
const REPO = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;
const NAME = /^[a-z0-9][a-z0-9-]*$/;

export function readPins(file: string): readonly Triplet[] {
  return parsePins(JSON.parse(readFileSync(file, 'utf8')) as unknown, file);
}

/** Checks the pins' shape: every commit is a full hash, every name a folder name, no name twice. */
export function parsePins(json: unknown, where: string): readonly Triplet[] {
  const list = field(json, 'triplets', where);
  if (!Array.isArray(list)) throw new PinError(where, '`triplets` must be an array');
  const seen = new Set<string>();
  return list.map((entry: unknown, index) => {
    const at = `${where}: triplets[${index}]`;
    const name = text(entry, 'name', at);
    if (!NAME.test(name))
      throw new PinError(at, `name ${JSON.stringify(name)} must be lower-case letters, digits, dashes`);
    if (seen.has(name)) throw new PinError(at, `name ${name} appears twice`);
    seen.add(name);
    return {
      name,
      config: repoFile(field(entry, 'config', at), `${at}.config`),
      spec: repoFile(field(entry, 'spec', at), `${at}.spec`),
      published: published(field(entry, 'published', at), `${at}.published`),
      why: text(entry, 'why', at),
      known: known(field(entry, 'known', at, true), `${at}.known`),
      move: move(field(entry, 'move', at, true), `${at}.move`),
    };
  });
}

function repoFile(json: unknown, at: string): RepoFile {
  return { repo: repo(json, at), commit: commit(json, at), path: text(json, 'path', at) };
}

function published(json: unknown, at: string): PublishedSdk {
  const npm = field(json, 'npm', at, true);
  if (npm !== undefined) {
    if (typeof npm !== 'string' || !/^(@[\w.-]+\/)?[\w.-]+@\d[\w.+-]*$/.test(npm))
      throw new PinError(at, '`npm` must be an exact <package>@<version>');
    return { kind: 'npm', spec: npm, integrity: text(json, 'integrity', at) };
  }
  const folder = field(json, 'folder', at);
  if (typeof folder !== 'string' || folder.startsWith('/') || folder.split('/').includes('..'))
    throw new PinError(at, '`folder` must be a relative folder of the repository ("" for its root)');
  return { kind: 'repo', repo: repo(json, at), commit: commit(json, at), folder, version: text(json, 'version', at) };
}

function move(json: unknown, at: string): Move | undefined {
  if (json === undefined) return undefined;
  const copy = field(json, 'copy', at);
  const relative = (path: unknown): path is string =>
    typeof path === 'string' && path !== '' && !path.startsWith('/') && !path.split('/').includes('..');
  if (!Array.isArray(copy) || !copy.every((pair) => Array.isArray(pair) && pair.length === 2 && pair.every(relative)))
    throw new PinError(at, '`copy` must be a list of [from, to] relative paths');
  const patch = text(json, 'patch', at);
  if (!relative(patch)) throw new PinError(at, '`patch` must be a path relative to the repository');
  return { copy: copy as [string, string][], patch, why: text(json, 'why', at) };
}

const CAUSES: readonly Cause[] = ['sdkgen-gap', 'config-feature', 'not-in-time', 'custom-code'];

function known(json: unknown, at: string): Readonly<Record<string, KnownShortfall>> {
  if (json === undefined) return {};
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new PinError(at, 'must be an object');
  return Object.fromEntries(
    Object.entries(json as Record<string, unknown>).map(([call, entry]) => {
      const cause = text(entry, 'cause', `${at}.${call}`);
      if (!(CAUSES as readonly string[]).includes(cause))
        throw new PinError(`${at}.${call}`, `cause must be one of ${CAUSES.join(', ')}`);
      return [call, { cause: cause as Cause, reason: text(entry, 'reason', `${at}.${call}`) }];
    }),
  );
}

function repo(json: unknown, at: string): string {
  const value = text(json, 'repo', at);
  if (!REPO.test(value)) throw new PinError(at, `repo ${JSON.stringify(value)} must be owner/name`);
  return value;
}

function commit(json: unknown, at: string): string {
  const value = text(json, 'commit', at);
  if (!COMMIT.test(value)) throw new PinError(at, `commit ${JSON.stringify(value)} must be a full 40-digit hash`);
  return value;
}

function text(json: unknown, key: string, at: string): string {
  const value = field(json, key, at);
  if (typeof value !== 'string') throw new PinError(at, `\`${key}\` must be a string`);
  return value;
}

function field(json: unknown, key: string, at: string, optional = false): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new PinError(at, 'must be an object');
  const value = (json as Record<string, unknown>)[key];
  if (value === undefined && !optional) throw new PinError(at, `\`${key}\` is missing`);
  return value;
}
