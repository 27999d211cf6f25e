import type { JSDocStructure, JSDocTagStructure, OptionalKind } from 'ts-morph';
import type { Docs, FieldDocs } from '../model/model.js';

export type DocTag = OptionalKind<JSDocTagStructure>;

/**
 * Spec text made safe inside `/** … *\/`: it cannot close the comment or start a tag, and
 * opens no comment either (`/*` would throw ts-morph's writer off: it tracks comments).
 * Both escapes are Markdown's, so hovers show the text as written.
 */
export function docText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .replace(/\*\//g, '*\\/')
    .replace(/\/\*/g, '/\\*')
    .replace(/^(\s*)@/gm, '$1\\@');
}

/** One JSDoc block, or none when there is nothing to say. */
export function jsDoc(description: string | undefined, tags: readonly DocTag[] = []): OptionalKind<JSDocStructure>[] {
  const text = description === undefined ? '' : docText(description);
  if (text === '' && tags.length === 0) return [];
  return [text === '' ? { tags: [...tags] } : { description: text, tags: [...tags] }];
}

/** The tags of a field: what the server checks and assumes, for people reading the types. */
export function fieldTags(docs: FieldDocs): DocTag[] {
  const tags: DocTag[] = [];
  const constraints = docs.constraints ?? {};
  for (const [key, value] of Object.entries(constraints)) {
    if (value !== undefined) tags.push({ tagName: key, text: docText(String(value)) });
  }
  if (docs.format !== undefined) tags.push({ tagName: 'format', text: docText(docs.format) });
  if (docs.default !== undefined) tags.push({ tagName: 'default', text: docText(JSON.stringify(docs.default.value)) });
  if (docs.deprecated === true) tags.push({ tagName: 'deprecated' });
  return tags;
}

/** Summary and description of an operation or schema, without repeating one in the other. */
export function describe(docs: Docs): string | undefined {
  const parts = [docs.summary, docs.description]
    .map((p) => p?.trim())
    .filter((p): p is string => p !== undefined && p !== '');
  if (parts.length === 2 && parts[1]?.startsWith(parts[0]?.replace(/\.$/, '') ?? '')) return parts[1];
  return parts.length === 0 ? undefined : parts.join('\n\n');
}

/** The lines of a JSDoc block written by hand, for members of inline object types. */
export function docLines(description: string | undefined, tags: readonly DocTag[]): string[] {
  const body = description === undefined ? [] : docText(description).split('\n');
  const tagLines = tags.map((t) => `@${t.tagName}${t.text === undefined ? '' : ` ${String(t.text)}`}`);
  const lines = [...body, ...tagLines];
  if (lines.length === 0) return [];
  if (lines.length === 1) return [`/** ${lines[0]} */`];
  return ['/**', ...lines.map((l) => (l === '' ? ' *' : ` * ${l}`)), ' */'];
}
