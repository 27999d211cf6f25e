/**
 * OpenAPI Overlay 1.0 (https://spec.openapis.org/overlay/v1.0.0): a document of actions, each a
 * JSONPath target (RFC 9535) and an `update` to merge there or a `remove`, applied in order to
 * the spec's root document before anything reads it. This is how a user renames, regroups and
 * declares pagination or auth (`x-sdkgen-*`) for a spec they do not own.
 */
import type { JsonValue } from 'jsonpath-rfc9535';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { jsonPath } from '../lazy-packages.js';
import type { SpecFile } from './spec-file.js';
import { isRecord } from './validate-document.js';

const ACTION_KEYS = new Set(['target', 'description', 'update', 'remove']);

/** Applies every action of `overlay` to `document` (mutating it), and returns what went wrong. */
export function applyOverlay(document: unknown, overlay: SpecFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (
    severity: Diagnostic['severity'],
    code: string,
    message: string,
    location: SourceLocation,
    hint?: string,
  ): void => {
    diagnostics.push({ severity, code, message, location, hint });
  };
  const root = overlay.value;
  const start = { file: overlay.displayPath, line: 1, column: 1 };
  if (!isRecord(root)) {
    report(
      'error',
      'overlay-invalid',
      `${overlay.displayPath} is not an overlay: its top level is not a mapping.`,
      start,
    );
    return diagnostics;
  }
  const version = root['overlay'];
  if (typeof version !== 'string' || !/^1\.0\.\d+$/.test(version)) {
    const where = version === undefined ? overlay.locate(root) : overlay.locate(root, 'overlay', 'value');
    report(
      'error',
      'overlay-invalid',
      version === undefined
        ? 'An overlay needs `overlay: 1.0.0`.'
        : `Unsupported overlay version ${JSON.stringify(version)}; sdkgen reads 1.0.x.`,
      where,
    );
  }
  const info = root['info'];
  if (!isRecord(info) || typeof info['title'] !== 'string' || typeof info['version'] !== 'string') {
    report(
      'error',
      'overlay-invalid',
      'An overlay needs `info` with a `title` and a `version`.',
      info === undefined ? overlay.locate(root) : overlay.locate(root, 'info'),
    );
  }
  const actions = root['actions'];
  if (!Array.isArray(actions) || actions.length === 0) {
    report(
      'error',
      'overlay-invalid',
      'An overlay needs `actions`: a list of at least one action.',
      actions === undefined ? overlay.locate(root) : overlay.locate(root, 'actions', 'value'),
    );
    return diagnostics;
  }
  for (const key of Object.keys(root)) {
    if (!['overlay', 'info', 'extends', 'actions'].includes(key) && !key.startsWith('x-')) {
      report(
        'error',
        'overlay-invalid',
        `Unknown overlay field "${key}"; expected overlay, info, extends, actions or an x- extension.`,
        overlay.locate(root, key),
      );
    }
  }
  if (diagnostics.some((d) => d.severity === 'error')) return diagnostics;
  actions.forEach((action, index) => {
    const where = overlay.locate(actions, index, 'value');
    if (!isRecord(action)) {
      report('error', 'overlay-invalid', 'An action must be a mapping with a `target`.', where);
      return;
    }
    applyAction(document, action, overlay, report);
  });
  return diagnostics;
}

type Report = (
  severity: Diagnostic['severity'],
  code: string,
  message: string,
  location: SourceLocation,
  hint?: string,
) => void;

function applyAction(document: unknown, action: Record<string, unknown>, overlay: SpecFile, report: Report): void {
  for (const key of Object.keys(action)) {
    if (!ACTION_KEYS.has(key) && !key.startsWith('x-')) {
      report(
        'error',
        'overlay-invalid',
        `Unknown action field "${key}"; expected target, description, update, remove or an x- extension.`,
        overlay.locate(action, key),
      );
      return;
    }
  }
  const target = action['target'];
  if (typeof target !== 'string' || !target.startsWith('$')) {
    report(
      'error',
      'overlay-invalid',
      'An action needs a `target`: a JSONPath query starting with `$`.',
      target === undefined ? overlay.locate(action) : overlay.locate(action, 'target', 'value'),
    );
    return;
  }
  const remove = action['remove'];
  if (remove !== undefined && typeof remove !== 'boolean') {
    report('error', 'overlay-invalid', '`remove` must be true or false.', overlay.locate(action, 'remove', 'value'));
    return;
  }
  if (remove !== true && !('update' in action)) {
    report('error', 'overlay-invalid', 'An action needs `update` or `remove: true`.', overlay.locate(action));
    return;
  }
  const matches: { value: unknown; path: (string | number)[] }[] = [];
  try {
    jsonPath().exec(document as JsonValue, target, (value, path) => matches.push({ value, path: [...path] }));
  } catch (error) {
    report(
      'error',
      'overlay-target-invalid',
      `The target is not a valid JSONPath query (RFC 9535): ${(error as Error).message}`,
      overlay.locate(action, 'target', 'value'),
    );
    return;
  }
  if (matches.length === 0) {
    report(
      'warning',
      'overlay-target-unmatched',
      `The target ${target} matches nothing in the spec; this action changes nothing.`,
      overlay.locate(action, 'target', 'value'),
    );
    return;
  }
  if (remove === true) {
    // From the last match back, so that removing an array entry leaves the earlier indices right.
    for (const { path } of [...matches].reverse()) {
      const parent = valueAt(document, path.slice(0, -1));
      const key = path[path.length - 1];
      if (key === undefined) {
        report(
          'error',
          'overlay-invalid',
          'The whole document cannot be removed.',
          overlay.locate(action, 'target', 'value'),
        );
        return;
      }
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else if (isRecord(parent)) delete parent[String(key)];
    }
    return;
  }
  const update = action['update'];
  for (const { value, path } of matches) {
    if (Array.isArray(value)) value.push(update);
    else if (isRecord(value) && isRecord(update)) merge(value, update);
    else {
      const what = isRecord(value)
        ? 'a mapping needs a mapping to merge'
        : `it selects ${value === null ? 'null' : `a ${typeof value}`} at ${describePath(path)}, which has no fields to merge into`;
      report(
        'error',
        'overlay-invalid',
        `Cannot apply this update: ${what}.`,
        overlay.locate(action, 'update', 'value'),
        'Target the mapping that holds the value, and update the value by its key.',
      );
      return;
    }
  }
}

/** Overlay 1.0's merge: the update's fields replace the target's, mappings merging recursively. */
function merge(target: Record<string, unknown>, update: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(update)) {
    // Own fields only: `__proto__` must not reach Object.prototype.
    const existing = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isRecord(existing) && isRecord(value)) merge(existing, value);
    // defineProperty: a key `__proto__` is a field like any other, never the prototype.
    else Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  }
}

function valueAt(document: unknown, path: readonly (string | number)[]): unknown {
  let current = document;
  for (const key of path) {
    current =
      (isRecord(current) || Array.isArray(current)) && Object.hasOwn(current, key)
        ? (current as Record<string | number, unknown>)[key]
        : undefined;
  }
  return current;
}

function describePath(path: readonly (string | number)[]): string {
  return `$${path.map((key) => `[${typeof key === 'number' ? key : `'${key.replace(/'/g, "\\'")}'`}]`).join('')}`;
}
