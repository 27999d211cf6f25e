import {
  type ClassDeclaration,
  type MethodDeclaration,
  type Symbol as MorphSymbol,
  type Node,
  Node as NodeKinds,
  Project,
  type SourceFile,
  ts,
} from 'ts-morph';
import { PublishedPackageError } from './published-package.js';
import { type MethodSurface, methodSurface } from './published-signature.js';

/** The public surface of a TypeScript SDK package, as its users' code sees it. */
export interface PackageSurface {
  /** The class the package exports by default (`LumaAI`). */
  readonly clientClass: string;
  /** Every method reachable from a client, sorted by call path. */
  readonly methods: readonly MethodSurface[];
  /** Every exported name that is a type, class, enum, function or value (not a resource class), by name. */
  readonly types: ReadonlyMap<string, TypeSurface>;
}

export interface TypeSurface {
  readonly name: string;
  readonly kind: 'interface' | 'type' | 'class' | 'enum' | 'function' | 'value';
  /** The fields of an object type (interface or alias of one), with whether each is optional. */
  readonly fields?: ReadonlyMap<string, { readonly optional: boolean }> | undefined;
}

/**
 * Reads a package's surface from its files (path relative to the package root → text): the
 * declarations its `package.json` names (`types`), else `index.d.ts`, else the sources of an SDK
 * repository (`src/index.ts`). Published packages and sdkgen's own emitted package go through
 * this one reader, in an in-memory project, so both sides are seen the same way.
 */
export function readPackageSurface(files: ReadonlyMap<string, string>, where: string): PackageSurface {
  const entry = entryOf(files, where);
  const declarations = entry.endsWith('.d.ts');
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noLib: false,
    },
  });
  for (const [path, text] of files) {
    const wanted = declarations ? path.endsWith('.d.ts') : path.startsWith('src/') && path.endsWith('.ts');
    if (wanted) project.createSourceFile(`/package/${path}`, text, { overwrite: true });
  }
  const source = project.getSourceFileOrThrow(`/package/${entry}`);
  const client = clientClassOf(source, where);
  const root = entry.slice(0, entry.lastIndexOf('/') + 1);
  const methods: MethodSurface[] = [];
  walkResources(client, ['client'], methods, new Set());
  methods.sort((a, b) => a.call.localeCompare(b.call, 'en'));
  const inResources = project
    .getSourceFiles()
    .filter((file) => file.getFilePath().startsWith(`/package/${root}resources/`));
  const types = new Map<string, TypeSurface>();
  const add = (name: string, nodes: readonly Node[]): void => {
    if (name === 'default' || types.has(name)) return;
    const surface = typeSurface(name, nodes, client);
    if (surface !== undefined) types.set(name, surface);
  };
  for (const file of [source, ...inResources])
    for (const [name, nodes] of file.getExportedDeclarations()) add(name, nodes);
  for (const symbol of namespaceExports(client)) add(symbol.getName(), declarationsOf(symbol));
  return { clientClass: client.getName() ?? 'default', methods, types };
}

/** The declarations the package's users import: `types` of package.json, or where Stainless and sdkgen put them. */
function entryOf(files: ReadonlyMap<string, string>, where: string): string {
  const manifest = files.get('package.json');
  const named: unknown = manifest === undefined ? undefined : (JSON.parse(manifest) as Record<string, unknown>).types;
  const candidates = [
    typeof named === 'string' ? named.replace(/^\.\//, '') : undefined,
    'index.d.ts',
    'dist/index.d.ts',
    'src/index.ts',
  ];
  const entry = candidates.find((path) => path !== undefined && files.has(path));
  if (entry === undefined)
    throw new PublishedPackageError(
      where,
      'no declarations to read: neither the `types` of package.json, index.d.ts nor src/index.ts is there',
    );
  return entry;
}

function clientClassOf(entry: SourceFile, where: string): ClassDeclaration {
  const symbol = entry.getDefaultExportSymbol();
  const target = symbol?.isAlias() === true ? symbol.getAliasedSymbol() : symbol;
  const found = target?.getDeclarations().find(NodeKinds.isClassDeclaration);
  if (found === undefined)
    throw new PublishedPackageError(where, `its entry (${entry.getBaseName()}) exports no client class by default`);
  return found;
}

/** A resource class: Stainless's and sdkgen's both extend `APIResource`. */
function isResource(node: ClassDeclaration): boolean {
  const base = node.getExtends()?.getExpression().getText();
  return base !== undefined && /(^|\.)APIResource$/.test(base);
}

function isPublic(node: Node): boolean {
  if (!NodeKinds.isModifierable(node)) return true;
  return !node.hasModifier(ts.SyntaxKind.PrivateKeyword) && !node.hasModifier(ts.SyntaxKind.ProtectedKeyword);
}

/**
 * A method of the client class itself that calls an operation (`client.ping()`): not one of a
 * Stainless client's own request helpers (`get<Rsp>(path)`, `request<Rsp>(…)`), which are generic.
 */
function isOperation(method: MethodDeclaration): boolean {
  const returns = method.getReturnTypeNode()?.getText() ?? '';
  return method.getTypeParameters().length === 0 && /(^|\.)(APIPromise|PagePromise)</.test(returns);
}

/** The client's properties that hold resources, down the tree; every public method of each resource. */
function walkResources(node: ClassDeclaration, path: readonly string[], out: MethodSurface[], seen: Set<Node>): void {
  if (seen.has(node)) return;
  seen.add(node);
  out.push(...methodsOf(node, path));
  for (const property of node.getProperties()) {
    if (property.isStatic() || !isPublic(property)) continue;
    const resource = property
      .getType()
      .getSymbol()
      ?.getDeclarations()
      .find((d): d is ClassDeclaration => NodeKinds.isClassDeclaration(d) && isResource(d));
    if (resource !== undefined) walkResources(resource, [...path, property.getName()], out, new Set(seen));
  }
}

/** A class's public methods, their overloads together. */
function methodsOf(node: ClassDeclaration, path: readonly string[]): MethodSurface[] {
  const byName = new Map<string, MethodDeclaration[]>();
  for (const member of node.getMethods()) {
    // In .ts sources an implementation follows its overloads; callers see only the overloads.
    const overloads = member.getOverloads();
    for (const method of overloads.length > 0 ? overloads : [member]) {
      if (method.isStatic() || !isPublic(method)) continue;
      const name = method.getName();
      if (name.startsWith('_') || name.startsWith('#')) continue;
      if (path.length === 1 && !isOperation(method)) continue;
      byName.set(name, [...(byName.get(name) ?? []), method]);
    }
  }
  return [...byName].map(([name, overloads]) => methodSurface([...path, name].join('.'), overloads));
}

/** The names `export declare namespace Client { … }` gives (Stainless's way of exporting every type from the client). */
function namespaceExports(client: ClassDeclaration): MorphSymbol[] {
  const merged = client.getSymbol()?.getDeclarations().filter(NodeKinds.isModuleDeclaration) ?? [];
  return merged.flatMap((namespace) => namespace.getSymbol()?.getExports() ?? []);
}

function declarationsOf(symbol: MorphSymbol): Node[] {
  const target = symbol.isAlias() ? symbol.getAliasedSymbol() : symbol;
  return target?.getDeclarations() ?? symbol.getDeclarations();
}

function typeSurface(name: string, nodes: readonly Node[], client: ClassDeclaration): TypeSurface | undefined {
  for (const node of nodes) {
    if (NodeKinds.isInterfaceDeclaration(node) || NodeKinds.isTypeAliasDeclaration(node)) {
      return { name, kind: NodeKinds.isInterfaceDeclaration(node) ? 'interface' : 'type', fields: fieldsOf(node) };
    }
    if (NodeKinds.isClassDeclaration(node)) {
      if (node === client || isResource(node)) return undefined;
      return { name, kind: 'class' };
    }
    if (NodeKinds.isEnumDeclaration(node)) return { name, kind: 'enum' };
    if (NodeKinds.isFunctionDeclaration(node)) return { name, kind: 'function' };
    if (NodeKinds.isVariableDeclaration(node)) return { name, kind: 'value' };
  }
  return undefined;
}

/** An object type's fields; undefined for unions, primitives and the like, whose fields are no one list. */
function fieldsOf(node: Node): ReadonlyMap<string, { readonly optional: boolean }> | undefined {
  const type = node.getType();
  if (type.isUnion() || type.isArray() || type.isTuple() || !(type.isObject() || type.isIntersection()))
    return undefined;
  const fields = new Map<string, { optional: boolean }>();
  for (const property of type.getProperties()) {
    // A class's private and protected members (Stainless's page `#client`, `options`, `body`) are no caller's.
    if (property.getName().startsWith('#') || !property.getDeclarations().every(isPublic)) continue;
    fields.set(property.getName(), { optional: (property.getFlags() & ts.SymbolFlags.Optional) !== 0 });
  }
  return fields;
}
