import type { Diagnostic } from '../diagnostics.js';
import { offsetLocator } from './line-index.js';
import { type SpecFile, specFile } from './spec-file.js';
import { readYamlDocument } from './yaml-document.js';
import { readYamlFast } from './yaml-events.js';
import type { YamlOffsets } from './yaml-offsets.js';
import { readYamlBlock } from './yaml-scan.js';

/**
 * Parses YAML (or JSON, which YAML 1.2 reads too) into plain values, keeping positions.
 * Our scanner of block-style YAML reads first, fastest (yaml-scan.ts); a text with anything it
 * does not take on goes to js-yaml's events, to the same values and offsets (yaml-events.ts);
 * a text js-yaml refuses goes to the `yaml` package, which reports every error (or, in the
 * rare cases where it is the more lenient, reads the text).
 */
export function parseSpecFile(
  absolutePath: string,
  displayPath: string,
  text: string,
): { file: SpecFile; diagnostics: Diagnostic[]; tree?: true } {
  const toLocation = offsetLocator(text, displayPath);
  const paths = { absolutePath, displayPath };
  const fast = readYamlFastest(text);
  if (fast !== undefined) {
    const offsets = fast.offsets;
    const file: SpecFile = {
      ...paths,
      text,
      value: fast.value,
      nodeOffsets: offsets,
      owns: (container) => offsets.has(container),
      mayHaveKey: (key) => offsets.hasKey(key),
      // Straight from the recorded offsets: most collections are never expanded into `NodeOffsets`.
      locate(container, key, part = 'key') {
        const start = offsets.startOf(container);
        if (start === undefined) return toLocation(0);
        if (key === undefined) return toLocation(start);
        return toLocation(offsets.offsetOf(container, String(key), part) ?? start);
      },
    };
    // A tree's walk need not remember what it saw (load-spec.ts's `$ref` walk, as for JSON).
    return fast.tree ? { file, diagnostics: [], tree: true } : { file, diagnostics: [] };
  }
  const { value, offsets, errors } = readYamlDocument(text);
  const diagnostics = errors.map(
    ({ code, message, offset }): Diagnostic => ({ code, severity: 'error', message, location: toLocation(offset) }),
  );
  return { file: specFile(paths, text, value, offsets, toLocation), diagnostics };
}

/** What a fast reader made of a YAML text. */
export interface FastYaml {
  readonly value: unknown;
  readonly offsets: YamlOffsets;
  /** No object stands in two places: the scanner takes no anchor nor alias (js-yaml's events do). */
  readonly tree: boolean;
}

/**
 * The fast readers in turn: our scanner, then js-yaml's events; `undefined` when both leave the
 * text to the `yaml` package. The spec's load and `--watch`'s patches read through this one chain.
 */
export function readYamlFastest(text: string): FastYaml | undefined {
  const scanned = readYamlBlock(text);
  if (scanned !== undefined) return { ...scanned, tree: true };
  const read = readYamlFast(text);
  return read === undefined ? undefined : { ...read, tree: false };
}
