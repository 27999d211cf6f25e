// A small spec, and a published package laid out as Stainless lays out its TypeScript SDKs
// (client.d.ts with `export declare namespace Client`, resources/**, core/pagination.d.ts),
// whose surface is the one sdkgen generates from the spec: the pair `--against` must find equal.

import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { specDir } from '../helpers/spec-files.js';

export const SPEC = `openapi: 3.1.0
info: {title: Petstore, version: 1.0.0}
servers: [{url: https://api.petstore.example}]
x-sdkgen-client: {name: Petstore, package: petstore}
x-sdkgen-pagination:
  CursorPage: {type: cursor, items: data, cursorField: next_cursor, cursorParam: cursor}
paths:
  /pets:
    get:
      operationId: listPets
      x-sdkgen-resource: pets
      x-sdkgen-method: list
      x-sdkgen-pagination: CursorPage
      parameters:
        - {name: cursor, in: query, schema: {type: string}}
        - {name: limit, in: query, schema: {type: integer}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                required: [data]
                properties:
                  data: {type: array, items: {$ref: "#/components/schemas/Pet"}}
                  next_cursor: {type: string}
    post:
      operationId: createPet
      x-sdkgen-resource: pets
      x-sdkgen-method: create
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name: {type: string}
                tag: {type: string}
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}
  /pets/{pet_id}:
    get:
      operationId: getPet
      x-sdkgen-resource: pets
      x-sdkgen-method: retrieve
      parameters:
        - {name: pet_id, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Pet"}}}}
  /owners/{owner_id}/pets/{pet_id}/toys:
    get:
      operationId: listToys
      x-sdkgen-resource: owners.toys
      x-sdkgen-method: list
      parameters:
        - {name: owner_id, in: path, required: true, schema: {type: string}}
        - {name: pet_id, in: path, required: true, schema: {type: string}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Toy"}}}}}
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties:
        id: {type: string}
        name: {type: string}
        tag: {type: string}
    Toy:
      type: object
      required: [id]
      properties:
        id: {type: string}
`;

/** The published package, file by file, as `npm pack` would unpack it. */
export const PUBLISHED: Readonly<Record<string, string>> = {
  'package.json': '{"name": "petstore", "version": "1.2.3", "types": "./index.d.ts"}\n',
  'index.d.ts': `export { Petstore as default } from "./client.js";
export { Petstore, type ClientOptions } from "./client.js";
export { APIPromise } from "./core/api-promise.js";
export { PagePromise } from "./core/pagination.js";
export { APIError, NotFoundError } from "./core/error.js";
`,
  'client.d.ts': `import * as Opts from "./internal/request-options.js";
import * as Pagination from "./core/pagination.js";
import * as API from "./resources/index.js";
import { APIPromise } from "./core/api-promise.js";
import { Pet, PetCreateBody, PetListParams, Pets } from "./resources/pets.js";
import { Owners } from "./resources/owners/owners.js";
export interface ClientOptions {
    baseURL?: string | null | undefined;
    timeout?: number | undefined;
    maxRetries?: number | undefined;
}
export declare class Petstore {
    #private;
    baseURL: string;
    maxRetries: number;
    private _options;
    constructor({ baseURL, ...opts }?: ClientOptions);
    protected defaultQuery(): Record<string, string | undefined> | undefined;
    get<Rsp>(path: string, opts?: Opts.RequestOptions): APIPromise<Rsp>;
    request<Rsp>(options: Opts.RequestOptions, remainingRetries?: number | null): APIPromise<Rsp>;
    static Petstore: typeof Petstore;
    static DEFAULT_TIMEOUT: number;
    pets: API.Pets;
    owners: API.Owners;
}
export declare namespace Petstore {
    export type RequestOptions = Opts.RequestOptions;
    export import CursorPage = Pagination.CursorPage;
    export import SinglePage = Pagination.SinglePage;
    export { Pets as Pets, type Pet as Pet, type PetCreateBody as PetCreateBody, type PetListParams as PetListParams, };
    export { Owners as Owners };
    export type Toy = API.Toy;
}
`,
  'internal/request-options.d.ts': `export type RequestOptions = {
    timeout?: number;
    maxRetries?: number;
    signal?: AbortSignal | undefined | null;
};
`,
  'core/api-promise.d.ts': 'export declare class APIPromise<T> extends Promise<T> {\n}\n',
  'core/error.d.ts':
    'export declare class APIError extends Error {\n    readonly status: number | undefined;\n}\nexport declare class NotFoundError extends APIError {\n}\n',
  'core/resource.d.ts': `import type { Petstore } from "../client.js";
export declare abstract class APIResource {
    protected _client: Petstore;
    constructor(client: Petstore);
}
`,
  'core/pagination.d.ts': `import { APIPromise } from "./api-promise.js";
export declare abstract class AbstractPage<Item> implements AsyncIterable<Item> {
    #private;
    abstract getPaginatedItems(): Item[];
    hasNextPage(): boolean;
    getNextPage(): Promise<this>;
    [Symbol.asyncIterator](): AsyncGenerator<Item>;
}
export declare class PagePromise<PageClass extends AbstractPage<Item>, Item = ReturnType<PageClass['getPaginatedItems']>[number]> extends APIPromise<PageClass> implements AsyncIterable<Item> {
    [Symbol.asyncIterator](): AsyncGenerator<Item>;
}
export declare class CursorPage<Item> extends AbstractPage<Item> {
    data: Array<Item>;
    next_cursor: string;
    getPaginatedItems(): Item[];
}
export declare class SinglePage<Item> extends AbstractPage<Item> {
    data: Array<Item>;
    getPaginatedItems(): Item[];
}
`,
  'resources/index.d.ts': `export { Pets, type Pet, type PetCreateBody, type PetListParams } from "./pets.js";
export { Owners } from "./owners/owners.js";
export { Toys, type Toy } from "./owners/toys.js";
`,
  'resources/pets.d.ts': `import { APIResource } from "../core/resource.js";
import { APIPromise } from "../core/api-promise.js";
import { CursorPage, type PagePromise } from "../core/pagination.js";
import { RequestOptions } from "../internal/request-options.js";
export declare class Pets extends APIResource {
    list(query?: PetListParams | null | undefined, options?: RequestOptions): PagePromise<PetsCursorPage, Pet>;
    create(body: PetCreateBody, options?: RequestOptions): APIPromise<Pet>;
    retrieve(petID: string, options?: RequestOptions): APIPromise<Pet>;
}
type PetsCursorPage = CursorPage<Pet>;
// Stainless exports its page aliases; these are left unexported so that the surfaces are the same.
export {};
export interface Pet {
    id: string;
    name: string;
    tag?: string;
}
export interface PetCreateBody {
    name: string;
    tag?: string;
}
export interface PetListParams {
    cursor?: string;
    limit?: number;
}
`,
  'resources/owners/owners.d.ts': `import { APIResource } from "../../core/resource.js";
import * as ToysAPI from "./toys.js";
export declare class Owners extends APIResource {
    toys: ToysAPI.Toys;
}
`,
  'resources/owners/toys.d.ts': `import { APIResource } from "../../core/resource.js";
import { SinglePage, type PagePromise } from "../../core/pagination.js";
import { RequestOptions } from "../../internal/request-options.js";
export declare class Toys extends APIResource {
    list(ownerID: string, petID: string, options?: RequestOptions): PagePromise<ToysSinglePage, Toy>;
}
type ToysSinglePage = SinglePage<Toy>;
export {};
export interface Toy {
    id: string;
}
`,
};

/** The published files with some text replaced: `[file, from, to]` each. */
export function published(...edits: readonly (readonly [string, string, string])[]): Record<string, string> {
  const files = { ...PUBLISHED };
  for (const [file, from, to] of edits) {
    const text = files[file];
    if (text === undefined || !text.includes(from)) throw new Error(`fixture: ${file} has no ${JSON.stringify(from)}`);
    files[file] = text.replace(from, to);
  }
  return files;
}

/** A folder with the spec as `spec.yaml` and the published package under `published/`. */
export function fixtureDir(files: Record<string, string> = PUBLISHED): string {
  return specDir({
    'spec.yaml': SPEC,
    ...Object.fromEntries(Object.entries(files).map(([path, text]) => [`published/${path}`, text])),
  });
}

/** `npm pack`'s layout: the files under `package/`, gzipped; the tarball's path relative to `dir`. */
export function packTarball(dir: string, name = 'petstore-1.2.3.tgz'): string {
  cpSync(join(dir, 'published'), join(dir, 'tarball', 'package'), { recursive: true });
  execFileSync('tar', ['-czf', name, '-C', 'tarball', 'package'], { cwd: dir });
  return name;
}

/**
 * The same package as Stainless laid it out before 2025 (lumaai 1.19, onebusaway-sdk 1.10): the
 * client class in index.d.ts, `Core.APIPromise`, and each page an empty subclass of the page class.
 */
export const PUBLISHED_BEFORE_2025: Readonly<Record<string, string>> = {
  'package.json': '{"name": "petstore", "version": "0.9.0", "types": "./index.d.ts"}\n',
  'index.d.ts': `import * as Core from "./core.js";
import * as Pagination from "./pagination.js";
import * as API from "./resources/index.js";
export interface ClientOptions {
    baseURL?: string | null | undefined;
}
export declare class Petstore extends Core.APIClient {
    #private;
    private _options;
    constructor({ baseURL, ...opts }?: ClientOptions);
    pets: API.Pets;
    owners: API.Owners;
    protected defaultQuery(): Core.DefaultQuery | undefined;
    static Petstore: typeof Petstore;
}
export declare namespace Petstore {
    export type RequestOptions = Core.RequestOptions;
    export import CursorPage = Pagination.CursorPage;
    export { Pets as Pets, type Pet as Pet, PetsCursorPage as PetsCursorPage, type PetCreateBody as PetCreateBody, type PetListParams as PetListParams };
}
export default Petstore;
`,
  'core.d.ts': `export declare abstract class APIClient {
    get<Req, Rsp>(path: string, opts?: PromiseOrValue<RequestOptions<Req>>): APIPromise<Rsp>;
}
export declare class APIPromise<T> extends Promise<T> {}
export type PromiseOrValue<T> = T | Promise<T>;
export type DefaultQuery = Record<string, string | undefined>;
export type RequestOptions<Req = unknown> = { timeout?: number; maxRetries?: number };
export declare abstract class AbstractPage<Item> {
    abstract getPaginatedItems(): Item[];
}
export declare class PagePromise<PageClass extends AbstractPage<Item>, Item = ReturnType<PageClass['getPaginatedItems']>[number]> extends APIPromise<PageClass> {}
`,
  'resource.d.ts': 'export declare class APIResource {\n    protected _client: unknown;\n}\n',
  'pagination.d.ts': `import { AbstractPage } from "./core.js";
export declare class CursorPage<Item> extends AbstractPage<Item> {
    data: Array<Item>;
    getPaginatedItems(): Item[];
}
`,
  'resources/index.d.ts': `export { Pets, PetsCursorPage, type Pet, type PetCreateBody, type PetListParams } from "./pets.js";
export { Owners } from "./owners/owners.js";
`,
  'resources/pets.d.ts': `import { APIResource } from "../resource.js";
import * as Core from "../core.js";
import { CursorPage } from "../pagination.js";
export declare class Pets extends APIResource {
    list(query?: PetListParams, options?: Core.RequestOptions): Core.PagePromise<PetsCursorPage, Pet>;
    list(options?: Core.RequestOptions): Core.PagePromise<PetsCursorPage, Pet>;
    create(body: PetCreateBody, options?: Core.RequestOptions): Core.APIPromise<Pet>;
    retrieve(petId: string, options?: Core.RequestOptions): Core.APIPromise<Pet>;
}
export declare class PetsCursorPage extends CursorPage<Pet> {
}
export interface Pet {
    id: string;
    name: string;
    tag?: string;
}
export interface PetCreateBody {
    name: string;
    tag?: string;
}
export interface PetListParams {
    cursor?: string;
    limit?: number;
}
`,
  'resources/owners/owners.d.ts': `import { APIResource } from "../../resource.js";
import * as ToysAPI from "./toys.js";
export declare class Owners extends APIResource {
    toys: ToysAPI.Toys;
}
`,
  'resources/owners/toys.d.ts': `import { APIResource } from "../../resource.js";
import * as Core from "../../core.js";
export declare class Toys extends APIResource {
    list(ownerId: string, petId: string, options?: Core.RequestOptions): Core.PagePromise<ToysSinglePage, Toy>;
}
declare class SinglePage<Item> extends Core.AbstractPage<Item> {
    getPaginatedItems(): Item[];
}
declare class ToysSinglePage extends SinglePage<Toy> {
}
export {};
export interface Toy {
    id: string;
}
`,
};
