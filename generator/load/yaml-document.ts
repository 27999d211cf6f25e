import type { Document, Node } from 'yaml';
import { yaml } from '../lazy-packages.js';
import type { NodeOffsets } from './spec-file.js';

/** A YAML error at an offset of the text. */
export interface YamlError {
  readonly code: 'yaml-duplicate-key' | 'yaml-syntax';
  readonly message: string;
  readonly offset: number;
}

/**
 * Reads YAML with the `yaml` package: a strict YAML 1.2 parser that reports every error of a
 * text, not only the first, with its offset. Objects never get a prototype from a key:
 * `__proto__` stays a plain key.
 */
export function readYamlDocument(text: string): {
  value: unknown;
  offsets: WeakMap<object, NodeOffsets>;
  errors: YamlError[];
} {
  const document = yaml().parseDocument(text, { uniqueKeys: true, prettyErrors: false, merge: false });
  const offsets = new WeakMap<object, NodeOffsets>();
  const errors = document.errors.map(
    (error): YamlError => ({
      code: error.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax',
      message: firstLine(error.message),
      offset: error.pos[0],
    }),
  );
  const value = errors.length > 0 ? undefined : new Converter(document, offsets).convert(document.contents);
  return { value, offsets, errors };
}

class Converter {
  readonly #yaml = yaml();
  readonly #document: Document;
  readonly #offsets: WeakMap<object, NodeOffsets>;
  // Anchors shared through aliases convert once, so an alias yields the same object.
  readonly #converted = new Map<Node, unknown>();

  constructor(document: Document, offsets: WeakMap<object, NodeOffsets>) {
    this.#document = document;
    this.#offsets = offsets;
  }

  convert(node: unknown): unknown {
    const { isAlias, isMap, isScalar, isSeq } = this.#yaml;
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = node.resolve(this.#document);
      return target === undefined ? null : this.convert(target);
    }
    if (isScalar(node)) return node.value;
    const done = this.#converted.get(node as Node);
    if (done !== undefined) return done;
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const entries = new Map<string, { key: number; value: number }>();
      this.#converted.set(node, out);
      this.#offsets.set(out, { start: node.range?.[0] ?? 0, entries });
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(this.convert(keyNode));
        const valueNode = pair.value as Node | null;
        const keyOffset = keyNode?.range?.[0] ?? node.range?.[0] ?? 0;
        entries.set(key, { key: keyOffset, value: valueNode?.range?.[0] ?? keyOffset });
        Object.defineProperty(out, key, {
          value: this.convert(valueNode),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    if (isSeq(node)) {
      const out: unknown[] = [];
      const entries = new Map<string, { key: number; value: number }>();
      this.#converted.set(node, out);
      this.#offsets.set(out, { start: node.range?.[0] ?? 0, entries });
      node.items.forEach((item, index) => {
        const offset = (item as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0;
        entries.set(String(index), { key: offset, value: offset });
        out.push(this.convert(item));
      });
      return out;
    }
    return null;
  }
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
