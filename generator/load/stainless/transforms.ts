import { isRecord } from '../validate-document.js';
import { type Conversion, nameSelector, readKeys } from './context.js';

/**
 * `openapi`: what Stainless does to the spec before generating. `transforms` that remove a
 * JSONPath target (or some `keys` of it) or merge a mapping into it become the same Overlay
 * actions, first in the overlay; `code_samples` only writes examples into the spec Stainless
 * publishes.
 */
export function readOpenAPISettings(conversion: Conversion, value: unknown, container: Record<string, unknown>): void {
  if (!isRecord(value)) {
    conversion.error('stainless-invalid', '`openapi` must be a mapping.', container, 'openapi');
    return;
  }
  readKeys(conversion, value, 'openapi', { transforms: (list) => readTransforms(conversion, list, value) }, [
    'code_samples',
  ]);
}

function readTransforms(conversion: Conversion, list: unknown, openapi: Record<string, unknown>): void {
  if (!Array.isArray(list)) {
    conversion.error('stainless-invalid', '`openapi.transforms` must be a list.', openapi, 'transforms');
    return;
  }
  list.forEach((transformation, index) => {
    const where = `openapi.transforms[${index}]`;
    if (!isRecord(transformation)) {
      conversion.error('stainless-invalid', `\`${where}\` must be a mapping (command, args).`, list, index);
      return;
    }
    const { command } = transformation;
    const args = isRecord(transformation['args']) ? transformation['args'] : {};
    const targets = typeof args['target'] === 'string' ? [args['target']] : args['target'];
    const description = typeof transformation['reason'] === 'string' ? transformation['reason'] : undefined;
    const keys = args['keys'];
    const usable =
      (command === 'remove' || command === 'merge' || command === 'update') &&
      Array.isArray(targets) &&
      targets.length > 0 &&
      targets.every((target) => typeof target === 'string' && target.startsWith('$')) &&
      (command === 'remove'
        ? keys === undefined || (Array.isArray(keys) && keys.every((key) => typeof key === 'string'))
        : keys === undefined && isRecord(args['value']));
    if (!usable) {
      conversion.unsupported(
        transformation,
        'command',
        `${where}.command`,
        'sdkgen applies `remove` (of `target`s, or of their `keys`) and `merge`/`update` of a mapping `value` into `target`s; apply this one to the spec, or write it as an overlay.',
      );
      return;
    }
    readKeys(conversion, transformation, where, { command: () => {}, args: () => {}, reason: () => {} });
    readKeys(conversion, args, `${where}.args`, { target: () => {}, keys: () => {}, value: () => {} });
    for (const target of targets as string[]) {
      if (command !== 'remove') {
        conversion.act({ target, description, update: args['value'] }, transformation, 'command');
        continue;
      }
      const removed = keys === undefined ? [target] : (keys as string[]).map((key) => `${target}${nameSelector(key)}`);
      for (const path of removed)
        conversion.act({ target: path, description, remove: true }, transformation, 'command');
    }
  });
}
