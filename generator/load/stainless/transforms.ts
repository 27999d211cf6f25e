import { isRecord } from '../validate-document.js';
import { type Conversion, readKeys } from './context.js';

/**
 * `openapi`: what Stainless does to the spec before generating. `transformations` that remove
 * or merge into a JSONPath target become the same Overlay actions, first in the overlay;
 * `code_samples` only writes examples into the spec Stainless publishes.
 */
export function readOpenAPISettings(conversion: Conversion, value: unknown, container: Record<string, unknown>): void {
  if (!isRecord(value)) {
    conversion.error('stainless-invalid', '`openapi` must be a mapping.', container, 'openapi');
    return;
  }
  readKeys(conversion, value, 'openapi', { transformations: (list) => readTransformations(conversion, list, value) }, [
    'code_samples',
  ]);
}

function readTransformations(conversion: Conversion, list: unknown, openapi: Record<string, unknown>): void {
  if (!Array.isArray(list)) {
    conversion.error('stainless-invalid', '`openapi.transformations` must be a list.', openapi, 'transformations');
    return;
  }
  list.forEach((transformation, index) => {
    const where = `openapi.transformations[${index}]`;
    if (!isRecord(transformation)) {
      conversion.error('stainless-invalid', `\`${where}\` must be a mapping (command, args).`, list, index);
      return;
    }
    const { command } = transformation;
    const args = isRecord(transformation['args']) ? transformation['args'] : {};
    const targets = typeof args['target'] === 'string' ? [args['target']] : args['target'];
    const description = typeof transformation['reason'] === 'string' ? transformation['reason'] : undefined;
    const usable =
      (command === 'remove' || command === 'merge' || command === 'update') &&
      Array.isArray(targets) &&
      targets.length > 0 &&
      targets.every((target) => typeof target === 'string' && target.startsWith('$')) &&
      (command === 'remove' || isRecord(args['value']));
    if (!usable) {
      conversion.unsupported(
        transformation,
        'command',
        `${where}.command`,
        'sdkgen applies `remove`, and `merge`/`update` of a mapping `value`, at JSONPath `target`s; apply this one to the spec, or write it as an overlay.',
      );
      return;
    }
    readKeys(conversion, transformation, where, { command: () => {}, args: () => {}, reason: () => {} });
    for (const target of targets as string[]) {
      conversion.act(
        command === 'remove' ? { target, description, remove: true } : { target, description, update: args['value'] },
        transformation,
        'command',
      );
    }
  });
}
