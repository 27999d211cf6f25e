import { StructureKind } from 'ts-morph';
import type { ApiModel } from '../../model/model.js';
import { jsDoc } from '../doc-comments.js';
import { ImportSet } from '../imports.js';
import { valueLiteral } from '../literals.js';
import type { OutputFile } from '../output-file.js';
import { coreFile, FILES } from '../paths.js';
import { printModule } from '../print-module.js';

/** `src/pagination.ts`: the client's named page classes, each a runtime `Page` with its scheme. */
export function emitPaginationFile(model: ApiModel, banner: string): OutputFile {
  const imports = new ImportSet(FILES.pagination);
  if (model.pageClasses.length > 0) {
    imports.value('Page', coreFile('pagination'));
    imports.type('PageScheme', coreFile('pagination'));
  }
  const classes = model.pageClasses.map((pageClass) => ({
    kind: StructureKind.Class as const,
    name: pageClass.name,
    isExported: true,
    typeParameters: ['Item'],
    extends: 'Page<Item>',
    docs: jsDoc(pageClass.description ?? `A page of a list, walked with the ${pageClass.scheme.type} scheme.`),
    properties: [
      {
        name: 'scheme',
        isStatic: true,
        isReadonly: true,
        type: 'PageScheme',
        initializer: valueLiteral(pageClass.scheme),
      },
    ],
  }));
  return printModule(FILES.pagination, [
    banner,
    ...imports.structures(),
    ...classes,
    ...(classes.length === 0 ? ['export {};'] : []),
  ]);
}
