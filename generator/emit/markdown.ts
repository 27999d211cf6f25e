import type { Constraints, FieldDocs, TypeModel } from '../model/model.js';
import { plural } from '../plural.js';

/**
 * Markdown building blocks for the generated docs. Spec text goes into tables and code
 * spans, so it is escaped for them: a `|` or a newline cannot break a table, a backtick
 * cannot end a code span early.
 */

/** An inline code span that holds any text, backticks included. */
export function code(text: string): string {
  if (text === '') return '`""`';
  // Most spans hold no backtick: Graph's api.md makes hundreds of thousands of them.
  if (!text.includes('`')) return `\`${text}\``;
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
  if (!/[\r\n|]/.test(text)) return text.trim();
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .replace(/\n{2,}/g, '<br><br>')
    .replace(/\n/g, ' ')
    .replace(/\|/g, '\\|');
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/**
 * A Markdown file of blocks a blank line apart, ending in a newline, as one flat string. A
 * template around the joined text (`${text}\n`) would be a rope, which posting the file to the
 * main thread flattens into a second copy: Graph's api.md is 45 M characters, 88 MB as UTF-16.
 */
export function markdownFile(blocks: readonly string[]): string {
  const last = blocks.length - 1;
  return blocks.map((block, i) => (i === last ? `${block}\n` : block)).join('\n\n');
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
 * A type on one line in Markdown, each named type a link to its entry (`anchors` gives them):
 * [`Genre`](#genre)` | null`. Put it through `cell()` for a table.
 */
export function typeLinks(type: TypeModel, anchors: ReadonlyMap<string, string>): string {
  const parts: string[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') parts.push(code(text));
    text = '';
  };
  const write = (t: TypeModel): void => {
    switch (t.kind) {
      case 'ref': {
        const target = anchors.get(t.name);
        if (target === undefined) {
          text += t.name;
          return;
        }
        flush();
        parts.push(`[${code(t.name)}](#${target})`);
        return;
      }
      case 'array':
        if (t.items.kind === 'union' || t.items.kind === 'intersection') {
          text += 'Array<';
          write(t.items);
          text += '>';
        } else {
          write(t.items);
          text += '[]';
        }
        return;
      case 'union':
        if (t.members.length === 0) text += 'never';
        t.members.forEach((m, i) => {
          if (i > 0) text += ' | ';
          write(m);
        });
        return;
      case 'intersection':
        t.members.forEach((m, i) => {
          if (i > 0) text += ' & ';
          if (m.kind === 'union') text += '(';
          write(m);
          if (m.kind === 'union') text += ')';
        });
        return;
      case 'omit':
        text += 'Omit<';
        write(t.type);
        text += `, ${t.keys.map((k) => JSON.stringify(k)).join(' | ')}>`;
        return;
      case 'object':
        if (t.properties.length === 0 && t.additional !== undefined) {
          text += 'Record<string, ';
          write(t.additional);
          text += '>';
        } else {
          text += 'object';
        }
        return;
      case 'primitive':
      case 'literal':
        text += typeText(t);
        return;
      default: {
        const never: never = t;
        throw new Error(`unknown type kind: ${JSON.stringify(never)}`);
      }
    }
  };
  write(type);
  flush();
  return parts.join('');
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
      return type.properties.length === 0 && type.additional !== undefined
        ? `Record<string, ${typeText(type.additional)}>`
        : 'object';
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
  minLength: (v) => `at least ${plural(v, 'character')}`,
  maxLength: (v) => `at most ${plural(v, 'character')}`,
  pattern: (v) => `matches ${code(v)}`,
  minItems: (v) => `at least ${plural(v, 'item')}`,
  maxItems: (v) => `at most ${plural(v, 'item')}`,
  uniqueItems: () => 'no two items alike',
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
