// The openapi-typescript format's model: the loaded document → the types file's IR, root by
// root in 7.13's order (paths, webhooks, components, $defs, then operations and declarations).

import type { LoadedSpec } from '../../load/load-spec.js';
import { bundleDocument } from './bundle-document.js';
import { componentsRoot } from './components.js';
import { documentContext } from './document-context.js';
import type { TypesFileOptions } from './options.js';
import { pathsRoot, webhooksRoot } from './paths.js';
import { pathsEnum } from './paths-enum.js';
import { isRawObject } from './raw.js';
import type { RootEntry, TypesDocument, TypesRoot } from './types-document.js';

export function buildTypesDocument(loaded: LoadedSpec, options: TypesFileOptions): TypesDocument {
  return typesDocumentOf(bundleDocument(loaded), options);
}

/** The model of one self-contained document (every `$ref` local). */
export function typesDocumentOf(document: Readonly<Record<string, unknown>>, options: TypesFileOptions): TypesDocument {
  const context = documentContext(document, options);
  const roots: TypesRoot[] = [];
  const paths = document['paths'];
  roots.push({ name: 'paths', entries: isRawObject(paths) ? pathsRoot(paths, context) : [] });
  const webhooks = document['webhooks'];
  roots.push({ name: 'webhooks', entries: isRawObject(webhooks) ? webhooksRoot(webhooks, context) : [] });
  // 7.13's bundler gives every document a `components`, so it always prints its sections.
  const built = componentsRoot(document['components'] ?? {}, context);
  roots.push({ name: 'components', entries: built.entries });
  roots.push({ name: '$defs', entries: defsEntries(document['$defs'], context) });
  return {
    exportType: options.exportType === true,
    readWriteHelpers: options.readWriteMarkers === true,
    roots,
    rootTypes: built.rootTypes,
    declarations: context.declarations,
    operations: context.operations,
    operationsAt: context.operationsAt ?? context.declarations.length,
    pathsEnum: options.makePathsEnum === true && isRawObject(paths) ? pathsEnum(paths) : undefined,
  };
}

/** 7.13 reads the top-level `$defs` map as one schema; an object type's members become the root's. */
function defsEntries(defs: unknown, context: ReturnType<typeof documentContext>): RootEntry[] {
  if (!isRawObject(defs)) return [];
  const type = context.schema(defs, '#/$defs');
  if (type.kind !== 'object') return [];
  return type.members.map((member) => ({ kind: 'member', member }));
}
