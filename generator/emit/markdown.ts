import type { Constraints, FieldDocs, TypeModel } from '../model/model.js';

/**
 * Markdown building blocks for the generated docs. Spec text goes into tables and code
 * spans, so it is escaped for them: a `|` or a newline cannot break a table, a backtick
 * cannot end a code span early.
 */

/** An inline code span that holds any text, backticks included. */
export function code(text: string): string {
  if (text === '') return '`""`';
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block that no line of `text` can close. */
export function codeBlock(language: string, text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/^\s*(`{3,})/gm)].map((m) => (m[1] ?? '').length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** Text for one table cell: one line, pipes escaped. */
export function cell(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim().replace(/\n{2,}/g, '<br><br>').replace(/\n/g, ' ').replace(/\|/g, '\\|');
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
export function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/**
 * A type on one line, for a table: named types by name, inline objects as `object` (their
 * fields are listed where it matters), unions and arrays spelled out.
 */
export function typeText(type: TypeModel): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'literal':
      return JSON.stringify(type.value);
    case 'ref':
      return type.name;
    case 'array': {
      const items = typeText(type.items);
      return type.items.kind === 'union' || type.items.kind === 'intersection' ? `Array<${items}>` : `${items}[]`;
    }
    case 'union':
      return type.members.length === 0 ? 'never' : type.members.map(typeText).join(' | ');
    case 'intersection':
      return type.members.map((m) => (m.kind === 'union' ? `(${typeText(m)})` : typeText(m))).join(' & ');
    case 'object':
      return type.properties.length === 0 && type.additional !== undefined ? `Record<string, ${typeText(type.additional)}>` : 'object';
    case 'omit':
      return `Omit<${typeText(type.type)}, ${type.keys.map((k) => JSON.stringify(k)).join(' | ')}>`;
    default: {
      const never: never = type;
      throw new Error(`unknown type kind: ${JSON.stringify(never)}`);
    }
  }
}

const CONSTRAINT_TEXT: { readonly [K in keyof Constraints]-?: (value: NonNullable<Constraints[K]>) => string } = {
  minimum: (v) => `≥ ${v}`,
  maximum: (v) => `≤ ${v}`,
  exclusiveMinimum: (v) => `> ${v}`,
  exclusiveMaximum: (v) => `< ${v}`,
  multipleOf: (v) => `multiple of ${v}`,
  minLength: (v) => `at least ${v} characters`,
  maxLength: (v) => `at most ${v} characters`,
  pattern: (v) => `matches ${code(v)}`,
  minItems: (v) => `at least ${v} items`,
  maxItems: (v) => `at most ${v} items`,
};

/** `≥ 0, ≤ 100, format unixtime`: what the server checks and how to read the value. */
export function constraintsText(docs: FieldDocs): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(docs.constraints ?? {}) as [keyof Constraints, never][]) {
    if (value !== undefined) parts.push(CONSTRAINT_TEXT[key](value));
  }
  if (docs.format !== undefined) parts.push(`format ${code(docs.format)}`);
  return parts.join(', ');
}
