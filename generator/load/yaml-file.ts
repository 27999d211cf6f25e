import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { specFile, type NodeOffsets, type SpecFile } from './spec-file.js';


/**
 * Parses YAML (or JSON, which YAML 1.2 reads too) into plain values, keeping positions.
 * Objects from the spec never get a prototype from a key: `__proto__` stays a plain key.
 */
export function parseSpecFile(absolutePath: string, displayPath: string, text: string): { file: SpecFile; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, merge: false });
  const offsets = new WeakMap<object, NodeOffsets>();
  const toLocation = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: displayPath, line, column: col };
  };
  const diagnostics: Diagnostic[] = [];
  for (const error of document.errors) {
    diagnostics.push({
      code: error.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax',
      severity: 'error',
      message: firstLine(error.message),
      location: toLocation(error.pos[0]),
    });
  }
  const value = diagnostics.length > 0 ? undefined : new Converter(document, offsets).convert(document.contents);
  const file = specFile({ absolutePath, displayPath }, text, value, offsets, toLocation);
  return { file, diagnostics };
}

class Converter {
  readonly #document: Document;
  readonly #offsets: WeakMap<object, NodeOffsets>;
  // Anchors shared through aliases convert once, so an alias yields the same object.
  readonly #converted = new Map<Node, unknown>();

  constructor(document: Document, offsets: WeakMap<object, NodeOffsets>) {
    this.#document = document;
    this.#offsets = offsets;
  }

  convert(node: unknown): unknown {
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
        Object.defineProperty(out, key, { value: this.convert(valueNode), enumerable: true, writable: true, configurable: true });
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
