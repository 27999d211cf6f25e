// Mutated versions of the project's specs, for property-based fuzzing with fast-check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { ROOT } from '../helpers/paths.js';

/** The single-file specs of the project, as texts. */
export const BASE_SPECS: readonly { readonly name: string; readonly text: string }[] = [
  'spec/openapi.yaml',
  'test/fixtures/petstore-inferred/openapi.yaml',
  'test/fixtures/schema-language/openapi.yaml',
  'test/fixtures/hostile/openapi.yaml',
].map((path) => ({ name: path, text: readFileSync(join(ROOT, path), 'utf8') }));

/** Strings that have broken parsers, emitters or file systems somewhere. */
const NASTY = [
  '',
  ' ',
  '*/',
  '/*',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a placeholder where generated code must not interpolate.
  '${x}',
  '`',
  "'",
  '"',
  '\\',
  '\n',
  '__proto__',
  'constructor',
  'prototype',
  'class',
  '../../x',
  '/',
  '#/components/schemas/Nope',
  '#/paths',
  '#',
  'http://example.com/x.yaml',
  'ünï',
  '123',
  '-1',
  'null',
  'a'.repeat(300),
  '{id}',
  '{',
];

const nasty = fc.constantFrom(...NASTY);
/** A small JSON value: what a wrong node might be replaced with. */
const smallValue: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(null, true, false, 0.5, [], {}),
  fc.jsonValue({ maxDepth: 2 }),
  fc.record({ $ref: fc.oneof(nasty, fc.constant('#/components/schemas/Missing')) }),
  fc.record(
    {
      type: fc.constantFrom('string', 'object', 'array', 'integer', 'nope', 'null'),
      enum: fc.array(nasty, { maxLength: 3 }),
    },
    { requiredKeys: ['type'] },
  ),
);

/** One change to a spec's parsed value, at the node numbered `at` in document order. */
type ValueMutation =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'rename'; readonly at: number; readonly key: string }
  | { readonly kind: 'duplicate'; readonly at: number; readonly to: number };

/** One change to a spec's text. */
type TextMutation =
  | { readonly kind: 'cut'; readonly at: number; readonly length: number }
  | { readonly kind: 'insert'; readonly at: number; readonly text: string };

export interface SpecCase {
  readonly base: number;
  readonly mutations: readonly (ValueMutation | TextMutation)[];
}

const index = fc.nat({ max: 1_000_000 });
const valueMutation: fc.Arbitrary<ValueMutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: index }),
  fc.record({ kind: fc.constant('replace' as const), at: index, value: smallValue }),
  fc.record({ kind: fc.constant('rename' as const), at: index, key: nasty }),
  fc.record({ kind: fc.constant('duplicate' as const), at: index, to: index }),
);
const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: index, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: index,
    text: fc.oneof(nasty, fc.constantFrom(':', '- ', '\t', '  ', '&a', '*a', '? ', '|', '"\n')),
  }),
);

/** A base spec and one to three changes, mostly to its structure, sometimes to its text. */
export const specCase: fc.Arbitrary<SpecCase> = fc.record({
  base: fc.nat({ max: BASE_SPECS.length - 1 }),
  mutations: fc.array(fc.oneof({ weight: 4, arbitrary: valueMutation }, { weight: 1, arbitrary: textMutation }), {
    minLength: 1,
    maxLength: 3,
  }),
});

/** The spec text of a case. */
export function specText(testCase: SpecCase): string {
  let text = (BASE_SPECS[testCase.base] as { text: string }).text;
  for (const mutation of testCase.mutations) text = apply(text, mutation);
  return text;
}

function apply(text: string, mutation: ValueMutation | TextMutation): string {
  switch (mutation.kind) {
    case 'cut': {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + mutation.length);
    }
    case 'insert': {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case 'delete':
    case 'replace':
    case 'rename':
    case 'duplicate':
      return mutateValue(text, mutation);
    default: {
      const never: never = mutation;
      throw new Error(`unknown mutation ${JSON.stringify(never)}`);
    }
  }
}

/** A node of the document: the container holding it and its key there. */
interface Slot {
  readonly parent: Record<string, unknown> | unknown[];
  readonly key: string | number;
}

function mutateValue(text: string, mutation: ValueMutation): string {
  let root: unknown;
  try {
    root = parse(text, { merge: false, uniqueKeys: false });
  } catch {
    return text; // an earlier text mutation broke the YAML: nothing to walk
  }
  const slots = allSlots(root);
  if (slots.length === 0) return text;
  const slot = slots[mutation.at % slots.length] as Slot;
  const { parent, key } = slot;
  switch (mutation.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      break;
    case 'replace':
      (parent as Record<string | number, unknown>)[key] = structuredClone(mutation.value);
      break;
    case 'rename':
      if (!Array.isArray(parent)) {
        const value = parent[key as string];
        delete parent[key as string];
        Object.defineProperty(parent, mutation.key, { value, enumerable: true, writable: true, configurable: true });
      }
      break;
    case 'duplicate': {
      const target = slots[mutation.to % slots.length] as Slot;
      (target.parent as Record<string | number, unknown>)[target.key] = structuredClone(
        (parent as Record<string | number, unknown>)[key],
      );
      break;
    }
    default: {
      const never: never = mutation;
      throw new Error(`unknown mutation ${JSON.stringify(never)}`);
    }
  }
  return stringify(root, { aliasDuplicateObjects: false });
}

function allSlots(root: unknown): Slot[] {
  const slots: Slot[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        slots.push({ parent: value, key: i });
        visit(item);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        slots.push({ parent: value as Record<string, unknown>, key });
        visit(item);
      }
    }
  };
  visit(root);
  return slots;
}
