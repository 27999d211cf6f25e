import type { ApiModel, ResourceModel } from '../model/model.js';
import { RUNTIME_EXPORTS } from '../model/reserved-names.js';
import { pageParts, type TypeParts } from './return-shape.js';

/** `QuotesDefaultPagination = DefaultPagination<Quote>`: a list's page type under the name Stainless gives it. */
export interface PageAlias {
  readonly name: string;
  readonly parts: TypeParts;
  /** The method it is the page of: `client.quotes.list`. */
  readonly call: string;
}

/**
 * The page type of each list a declared page class pages, named as Stainless-generated SDKs
 * export it from the resource's module: the item type's plural, then the page class
 * (`APITokensDefaultPagination`, `AppsPage`), so that a caller's `import { AppsPage }` keeps
 * compiling. Only for clients paged by declared classes alone (`x-sdkgen-client.pagination:
 * declared`, which the Stainless loader sets); a name any other export has is left out.
 */
export function pageAliases(model: ApiModel): ReadonlyMap<ResourceModel, readonly PageAlias[]> {
  const out = new Map<ResourceModel, PageAlias[]>();
  if (model.client.pagination !== 'declared') return out;
  const resources = descendants(model.root);
  const taken = new Set<string>([
    ...model.schemas.map((s) => s.name),
    ...model.pageClasses.map((p) => p.name),
    ...RUNTIME_EXPORTS.flatMap((m) => [...m.values, ...m.types]),
    ...[model.root, ...resources].flatMap((r) => r.operations.flatMap((o) => [o.paramsTypeName ?? '', o.functionName])),
    model.client.className,
    model.client.coreClassName,
    model.client.errorClass ?? '',
  ]);
  for (const resource of resources)
    for (const operation of resource.operations) {
      const { pagination } = operation;
      if (pagination === undefined || pagination.inferred || pagination.item.kind !== 'ref') continue;
      const name = `${pluralName(pagination.item.name)}${pagination.pageClass.name}`;
      if (taken.has(name)) continue;
      taken.add(name);
      const call = ['client', ...resource.path, operation.name].join('.');
      // What the method's page is, the envelope's fields included (`page.hasMore`), as Stainless's page has them.
      out.set(resource, [...(out.get(resource) ?? []), { name, parts: pageParts(operation), call }]);
    }
  return out;
}

/** A PascalCase name with its last word in the plural: `APIToken` → `APITokens`, `Category` → `Categories`. */
export function pluralName(name: string): string {
  // Stainless's inflector (the pluralize package's rules) turns these f endings into -ves, the
  // letters it rewrites in lower case: `CustomerOneOf` → `CustomerOneoves` (Grid), `Shelf` → `Shelves`.
  const ves = /(?:(kni|wi|li)fe|(ar|l|ea|eo|oa|hoo)f)$/i.exec(name);
  if (ves !== null) {
    const plural = `${(ves[1] ?? ves[2] ?? '').toLowerCase()}ves`;
    // As pluralize restores case: a rewritten part that starts a word keeps its capital.
    const cased = /^[A-Z]/.test(ves[0]) ? `${plural.charAt(0).toUpperCase()}${plural.slice(1)}` : plural;
    return `${name.slice(0, ves.index)}${cased}`;
  }
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(name)) return `${name}es`;
  return `${name}s`;
}

/** Every resource below `resource`, depth first, as the resource files are written. */
function descendants(resource: ResourceModel): ResourceModel[] {
  return resource.children.flatMap((child) => [child, ...descendants(child)]);
}
