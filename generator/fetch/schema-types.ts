/**
 * The type helpers openapi-typescript's output is read with (the `openapi-typescript-helpers`
 * package, 0.1.0), under the same names, so that `import type { … } from 'openapi-typescript-helpers'`
 * becomes `from 'sdkgen/fetch'` and nothing else changes. Each is type-equal to the original
 * (test/fetch/types-equal.test-d.ts checks them against it).
 */

/** The methods an OpenAPI Path Item can hold, as openapi-typescript writes them. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** The 2xx statuses a success response is read from. */
export type OkStatus = 200 | 201 | 202 | 203 | 204 | 206 | 207 | '2XX';

/** The error statuses, in the order the first one present is chosen: 5xx, then 4xx, then `default`. */
type ErrorStatusOrder = [
  500,
  501,
  502,
  503,
  504,
  505,
  506,
  507,
  508,
  510,
  511,
  '5XX',
  400,
  401,
  402,
  403,
  404,
  405,
  406,
  407,
  408,
  409,
  410,
  411,
  412,
  413,
  414,
  415,
  416,
  417,
  418,
  420,
  421,
  422,
  423,
  424,
  425,
  426,
  427,
  428,
  429,
  430,
  431,
  444,
  450,
  451,
  497,
  498,
  499,
  '4XX',
  'default',
];

/** The 4xx and 5xx statuses (and `default`) an error response is read from. */
export type ErrorStatus = ErrorStatusOrder[number];

/** The union of a response map's success entries. */
export type OKStatusUnion<T> = FilterKeys<T, OkStatus>;

/** The response map's entry for the first error status it has, in ErrorStatusOrder. */
export type FirstErrorStatus<T> = FirstPresent<T, ErrorStatusOrder>;

// `T` is a naked parameter, so a union of response maps is looked up member by member.
type FirstPresent<T, Order extends readonly unknown[]> = Order extends readonly [
  infer Status extends PropertyKey,
  ...infer Rest,
]
  ? T extends { [K in Status]: any }
    ? T[Status & keyof T]
    : FirstPresent<T, Rest>
  : never;

/** The paths of `Paths` that have an operation for `PathnameMethod`. */
export type PathsWithMethod<Paths extends {}, PathnameMethod extends HttpMethod> = {
  [Pathname in keyof Paths]: Paths[Pathname] extends { [K in PathnameMethod]: any } ? Pathname : never;
}[keyof Paths];

/** An operation as openapi-typescript writes it. */
export interface OperationObject {
  parameters: any;
  requestBody: any;
  responses: any;
}

/** A path item as openapi-typescript writes it: an operation per method, and shared parameters. */
export type PathItemObject = { [M in HttpMethod]: OperationObject } & { parameters?: any };

/** An operation's `responses`. */
export type ResponseObjectMap<T> = T extends { responses: any } ? T['responses'] : unknown;

/** A response's or request body's `content`. */
export type ResponseContent<T> = T extends { content: any } ? T['content'] : unknown;

/** An operation's `requestBody`, or `never` when it has none. */
export type OperationRequestBody<T> = 'requestBody' extends keyof T ? T['requestBody'] : never;

type PickRequestBody<T> = 'requestBody' extends keyof T ? Pick<T, 'requestBody'> : never;

/** Whether the operation's request body may be left out. */
export type IsOperationRequestBodyOptional<T> = RequiredKeysOf<PickRequestBody<T>> extends never ? true : false;

/** The request body's `content` map (with `undefined` when the body is optional). */
export type OperationRequestBodyMediaContent<T> =
  IsOperationRequestBodyOptional<T> extends true
    ? ResponseContent<NonNullable<OperationRequestBody<T>>> | undefined
    : ResponseContent<OperationRequestBody<T>>;

/** The request body's type, over every media type it accepts. */
export type OperationRequestBodyContent<T> =
  FilterKeys<OperationRequestBodyMediaContent<T>, MediaType> extends never
    ? FilterKeys<NonNullable<OperationRequestBodyMediaContent<T>>, MediaType> | undefined
    : FilterKeys<OperationRequestBodyMediaContent<T>, MediaType>;

/** The body of a success response, in the media types `Media` matches. */
export type SuccessResponse<
  T extends Record<string | number, any>,
  Media extends MediaType = MediaType,
> = GetResponseContent<T, Media, OkStatus>;

/** The content of the responses of the statuses `ResponseCode`, in the media types `Media` matches (all when none does). */
export type GetResponseContent<
  T extends Record<string | number, any>,
  Media extends MediaType = MediaType,
  ResponseCode extends keyof T = keyof T,
> = ResponseCode extends keyof T
  ? {
      [K in ResponseCode]: T[K]['content'] extends Record<string, any>
        ? FilterKeys<T[K]['content'], Media> extends never
          ? T[K]['content']
          : FilterKeys<T[K]['content'], Media>
        : K extends keyof T
          ? T[K]['content']
          : never;
    }[ResponseCode]
  : never;

/** The body of an error response, in the media types `Media` matches. */
export type ErrorResponse<
  T extends Record<string | number, any>,
  Media extends MediaType = MediaType,
> = GetResponseContent<T, Media, ErrorStatus>;

/** An operation's JSON success body. */
export type SuccessResponseJSON<PathMethod extends Record<string | number, any>> = SuccessResponse<
  ResponseObjectMap<PathMethod>,
  `${string}/json`
>;

/** An operation's JSON error body. */
export type ErrorResponseJSON<PathMethod extends Record<string | number, any>> = ErrorResponse<
  ResponseObjectMap<PathMethod>,
  `${string}/json`
>;

/** An operation's JSON request body. */
export type RequestBodyJSON<PathMethod> = JSONLike<FilterKeys<OperationRequestBody<PathMethod>, 'content'>>;

/** The values of `Obj`'s keys that `Matchers` matches. */
export type FilterKeys<Obj, Matchers> = Obj[keyof Obj & Matchers];

/** `FilterKeys`, or `Default` where nothing matches (per member of a union). */
export type GetValueWithDefault<Obj, KeyPattern, Default> = Obj extends any
  ? FilterKeys<Obj, KeyPattern> extends never
    ? Default
    : FilterKeys<Obj, KeyPattern>
  : never;

/** A media type, `type/subtype`. */
export type MediaType = `${string}/${string}`;

/** The JSON entries of a content map. */
export type JSONLike<T> = FilterKeys<T, `${string}/json`>;

/** The keys of `T` (among `K`) whose value cannot be `undefined`. */
export type FindRequiredKeys<T, K extends keyof T> = K extends unknown ? (undefined extends T[K] ? never : K) : K;

/** The keys of `T` whose value cannot be `undefined`. */
export type HasRequiredKeys<T> = FindRequiredKeys<T, keyof T>;

type RequiredKeysOfHelper<T> = { [K in keyof T]: {} extends Pick<T, K> ? never : K }[keyof T];

/** The keys of `T` that are not optional. */
export type RequiredKeysOf<T> = RequiredKeysOfHelper<T> extends undefined ? never : RequiredKeysOfHelper<T>;

/** A `readOnly` property's marker (openapi-typescript's `--read-write-markers`). */
export type $Read<T> = { readonly $read: T };

/** A `writeOnly` property's marker (openapi-typescript's `--read-write-markers`). */
export type $Write<T> = { readonly $write: T };

/** `T` as a response carries it: `writeOnly` properties gone, `readOnly` markers unwrapped. */
export type Readable<T> =
  T extends $Write<any>
    ? never
    : T extends $Read<infer U>
      ? Readable<U>
      : T extends (infer E)[]
        ? Readable<E>[]
        : T extends object
          ? { [K in keyof T as NonNullable<T[K]> extends $Write<any> ? never : K]: Readable<T[K]> }
          : T;

/** `T` as a request sends it: `readOnly` properties forbidden, `writeOnly` markers unwrapped. */
export type Writable<T> =
  T extends $Read<any>
    ? never
    : T extends $Write<infer U>
      ? Writable<U>
      : T extends (infer E)[]
        ? Writable<E>[]
        : T extends object
          ? { [K in keyof T as NonNullable<T[K]> extends $Read<any> ? never : K]: Writable<T[K]> } & {
              [K in keyof T as NonNullable<T[K]> extends $Read<any> ? K : never]?: never;
            }
          : T;
