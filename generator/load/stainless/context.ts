import type { Diagnostic, SourceLocation } from '../../diagnostics.js';
import type { SpecFile } from '../spec-file.js';
import { isRecord } from '../validate-document.js';
import { type CustomCasings, stainlessCamel, stainlessPascal } from './casing.js';

/** One Overlay 1.0 action, as `generator/load/overlay.ts` applies it. */
export interface OverlayAction {
  readonly target: string;
  readonly description?: string | undefined;
  readonly update?: unknown;
  readonly remove?: true | undefined;
}

/** Where the config puts one operation: `client.<resource>.<method>`. */
export interface Placement {
  readonly resource: string;
  readonly method: string;
  /** The config's method entry, to point at. */
  readonly container: Record<string, unknown>;
  readonly key: string;
}

/** What the parts of the conversion share: the config (to locate), the spec (to look up), the casings, and what they produce. */
export class Conversion {
  readonly config: SpecFile;
  readonly spec: Record<string, unknown>;
  casings: CustomCasings = new Map();
  /**
   * Which Stainless TypeScript generator the config is for: \`typescript\` (since 2025: only the
   * last path parameter positional, initialisms in every name) or the older \`node\` target
   * (every path parameter positional, initialisms in type names only).
   */
  generator: 'typescript' | 'node' = 'typescript';
  readonly diagnostics: Diagnostic[] = [];
  readonly actions: OverlayAction[] = [];
  /** The type name each schema was given by a `models` entry: one name per schema. */
  readonly modelNames = new Map<string, string>();
  /** Where a `webhook_unwrap` method was read: its events are named once every model is known. */
  webhookUnwrap: { readonly container: object; readonly key: string } | undefined;
  /** Where in the config each action comes from: overlay diagnostics point there. */
  readonly origins = new WeakMap<object, SourceLocation>();

  constructor(config: SpecFile, spec: Record<string, unknown>) {
    this.config = config;
    this.spec = spec;
  }

  /** Adds an action whose problems will be shown at `container`'s `key` in the config. */
  act(action: OverlayAction, container: object, key?: string | number): void {
    // No `description: undefined`: the overlay written out has only what is set.
    const written = Object.fromEntries(
      Object.entries(action).filter(([, value]) => value !== undefined),
    ) as unknown as OverlayAction;
    this.actions.push(written);
    this.origins.set(written, this.config.locate(container, key));
  }

  /** A resource, method or option name as the config's generator writes it. */
  camel(name: string): string {
    return stainlessCamel(name, this.casings, this.generator === 'typescript');
  }

  /** A type or class name. */
  pascal(name: string): string {
    return stainlessPascal(name, this.casings);
  }

  at(container: object, key?: string | number, part: 'key' | 'value' = 'key'): SourceLocation {
    return this.config.locate(container, key, part);
  }

  error(code: string, message: string, container: object, key?: string | number, hint?: string): void {
    this.diagnostics.push({ code, severity: 'error', message, location: this.at(container, key), hint });
  }

  warning(code: string, message: string, container: object, key?: string | number, hint?: string): void {
    this.diagnostics.push({ code, severity: 'warning', message, location: this.at(container, key), hint });
  }

  /** A key sdkgen does not act on: said where it is, never silently dropped. */
  unsupported(container: object, key: string, path: string, why?: string): void {
    this.warning(
      'stainless-key-unsupported',
      `\`${path}\` is not supported by sdkgen; it is ignored${why === undefined ? '.' : `: ${why}`}`,
      container,
      key,
    );
  }

  /** `value` as a mapping, or a located error saying what it should be. */
  mapping(container: Record<string, unknown>, key: string, path: string): Record<string, unknown> | undefined {
    const value = container[key];
    if (value === undefined || value === null) return undefined;
    if (isRecord(value)) return value;
    this.error('stainless-invalid', `\`${path}\` must be a mapping.`, container, key);
    return undefined;
  }
}

/**
 * Reads a mapping's keys: each key of `handlers` runs its handler, each of `ignored` passes
 * without a word (it matters to other languages or to Stainless's hosting only), and any other
 * is a `stainless-key-unsupported` warning at that key.
 */
export function readKeys(
  conversion: Conversion,
  container: Record<string, unknown>,
  path: string,
  handlers: Readonly<Record<string, (value: unknown) => void>>,
  ignored: readonly string[] = [],
): void {
  for (const [key, value] of Object.entries(container)) {
    const handler = Object.hasOwn(handlers, key) ? handlers[key] : undefined;
    if (handler !== undefined) handler(value);
    else if (!ignored.includes(key)) conversion.unsupported(container, key, path === '' ? key : `${path}.${key}`);
  }
}

/** The JSONPath of a member of an object by name: `['paths', '/a/{b}', 'get']` → `$.paths['/a/{b}'].get`. */
export function jsonPath(...names: readonly string[]): string {
  return `$${names.map((name) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `.${name}` : nameSelector(name))).join('')}`;
}

/** A JSONPath (RFC 9535) name selector: `['/v1/apps']`, `['$ref']`. */
export function nameSelector(name: string): string {
  return `['${name.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}']`;
}
