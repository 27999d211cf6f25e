// The JSDoc lines 7.13 writes above a property, a component or a `$defs` entry, from the schema's
// annotations: title, summary, format, @deprecated, @description, @default, @example, @constant, @enum.
import { isRecord } from './schema-context.js';

const LINE_BREAK = /\r?\n/;

/** An annotation's text (trimmed) after `prefix`, as JSDoc lines: its second line on go under the first, indented. */
function annotation(prefix: string, text: string): string[] {
  const [first = '', ...rest] = text.trim().split(LINE_BREAK);
  return [`${prefix}${first}`, ...rest.map((line) => `    ${line}`)];
}

const valueText = (value: unknown): string =>
  typeof value === 'object' ? JSON.stringify(value, null, 2) : String(value);

/** JSDoc lines (without `*`) for `schema`; empty when it has no annotation (or is not an object). */
export function schemaDocs(schema: unknown): string[] {
  if (!isRecord(schema)) return [];
  const lines: string[] = [];
  for (const key of ['title', 'summary'] as const) {
    const text = schema[key];
    if (typeof text === 'string' && text !== '') lines.push(...annotation('', text));
  }
  if (schema['format']) lines.push(`Format: ${String(schema['format'])}`);
  if (schema['deprecated']) lines.push('@deprecated');
  for (const tag of ['description', 'default', 'example'] as const) {
    const value = schema[tag];
    if (value === undefined || (value === '' && tag === 'description')) continue;
    lines.push(...annotation(`@${tag} `, valueText(value)));
  }
  if (Array.isArray(schema['examples'])) {
    for (const example of schema['examples']) lines.push(...annotation('@example ', valueText(example)));
  }
  if ('const' in schema) lines.push('@constant');
  if (schema['enum']) {
    const type = schema['type'];
    const name = Array.isArray(type) ? type.join('|') : typeof type === 'string' ? type : 'unknown';
    lines.push(`@enum {${name}${schema['nullable'] ? '|null' : ''}}`);
  }
  return lines;
}
