// The JSDoc of a document node (operation, parameter, response, media type, component): 7.13 writes
// it from the same annotations as a schema's.

import { schemaDocs } from './schema-docs.js';

/** The node's JSDoc lines, `undefined` when it has none. */
export function docsOf(node: unknown): readonly string[] | undefined {
  const lines = schemaDocs(node);
  return lines.length === 0 ? undefined : lines;
}
