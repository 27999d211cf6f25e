import type * as Original from 'openapi-fetch';
import type * as Helpers from 'openapi-typescript-helpers';
import type * as Ours from 'sdkgen/fetch';
import { describe, expectTypeOf, it } from 'vitest';
import type { paths } from './openapi-fetch/test/common/schemas/common.js';
import type { paths as PostPaths } from './openapi-fetch/test/http-methods/schemas/post.js';
import type { paths as ReadWritePaths } from './openapi-fetch/test/read-write-visibility/schemas/read-write.js';

// sdkgen/fetch's public types against openapi-fetch 0.17's and openapi-typescript-helpers 0.1.0's,
// instantiated on openapi-fetch's own test schemas: each pair must be mutually assignable (what
// "the same type" means to code written against either), and neither may be `any`.

type IsAny<T> = 0 extends 1 & T ? true : false;
type Same<A, B> = [IsAny<A>, IsAny<B>] extends [false, false]
  ? [A] extends [B]
    ? [B] extends [A]
      ? true
      : 'theirs is not ours'
    : 'ours is not theirs'
  : 'any';

declare const ours: Ours.Client<paths>;
declare const theirs: Original.Client<paths>;
declare const oursPosts: Ours.Client<PostPaths>;
declare const theirsPosts: Original.Client<PostPaths>;
declare const oursGetById: Ours.PathBasedClient<paths>['/resources/{id}']['GET'];
declare const theirsGetById: Original.PathBasedClient<paths>['/resources/{id}']['GET'];

type ListOp = paths['/resources']['get'];
type CreateOp = PostPaths['/posts']['post'];
type OptionalCreateOp = PostPaths['/posts-optional']['post'];
type ErrorOp = paths['/error-default']['get'];
type UserCreate = ReadWritePaths['/users']['post'];
type Responses = ResponsesOf<ErrorOp>;
type ResponsesOf<T> = T extends { responses: infer R extends Record<string | number, any> } ? R : never;

describe('sdkgen/fetch’s types equal openapi-typescript-helpers’', () => {
  it('for the plain ones', () => {
    expectTypeOf<Same<Ours.HttpMethod, Helpers.HttpMethod>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.OkStatus, Helpers.OkStatus>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.ErrorStatus, Helpers.ErrorStatus>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.MediaType, Helpers.MediaType>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.OperationObject, Helpers.OperationObject>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.PathItemObject, Helpers.PathItemObject>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.$Read<string>, Helpers.$Read<string>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.$Write<string>, Helpers.$Write<string>>>().toEqualTypeOf<true>();
  });

  it('for the ones that read responses and request bodies', () => {
    expectTypeOf<CreateOp>().not.toBeNever();
    expectTypeOf<
      Same<Ours.OperationRequestBodyContent<OptionalCreateOp>, Helpers.OperationRequestBodyContent<OptionalCreateOp>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<
        Ours.IsOperationRequestBodyOptional<OptionalCreateOp>,
        Helpers.IsOperationRequestBodyOptional<OptionalCreateOp>
      >
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.FirstErrorStatus<Responses>, Helpers.FirstErrorStatus<Responses>>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<
        Ours.FirstErrorStatus<{ 404: 'a'; 500: 'b' } | { 401: 'c' }>,
        Helpers.FirstErrorStatus<{ 404: 'a'; 500: 'b' } | { 401: 'c' }>
      >
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.OKStatusUnion<Responses>, Helpers.OKStatusUnion<Responses>>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Ours.PathsWithMethod<paths, 'post'>, Helpers.PathsWithMethod<paths, 'post'>>
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.ResponseObjectMap<ListOp>, Helpers.ResponseObjectMap<ListOp>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.SuccessResponse<Responses>, Helpers.SuccessResponse<Responses>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.ErrorResponse<Responses>, Helpers.ErrorResponse<Responses>>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<
        Ours.GetResponseContent<Responses, 'application/json', 200>,
        Helpers.GetResponseContent<Responses, 'application/json', 200>
      >
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.SuccessResponseJSON<ErrorOp>, Helpers.SuccessResponseJSON<ErrorOp>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.ErrorResponseJSON<ErrorOp>, Helpers.ErrorResponseJSON<ErrorOp>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.RequestBodyJSON<CreateOp>, Helpers.RequestBodyJSON<CreateOp>>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Ours.OperationRequestBody<CreateOp>, Helpers.OperationRequestBody<CreateOp>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Ours.OperationRequestBodyContent<CreateOp>, Helpers.OperationRequestBodyContent<CreateOp>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Ours.IsOperationRequestBodyOptional<CreateOp>, Helpers.IsOperationRequestBodyOptional<CreateOp>>
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.RequiredKeysOf<ListOp>, Helpers.RequiredKeysOf<ListOp>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.HasRequiredKeys<ListOp>, Helpers.HasRequiredKeys<ListOp>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.FilterKeys<Responses, 200>, Helpers.FilterKeys<Responses, 200>>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Ours.GetValueWithDefault<Responses, 201, 'none'>, Helpers.GetValueWithDefault<Responses, 201, 'none'>>
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.JSONLike<{ 'application/json': 1; 'text/plain': 2 }>, 1>>().toEqualTypeOf<true>();
  });

  it('for the read/write markers', () => {
    type Body = UserCreate['requestBody'];
    type Answer = ResponsesOf<UserCreate>;
    expectTypeOf<Same<Ours.Readable<Answer>, Helpers.Readable<Answer>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.Writable<Body>, Helpers.Writable<Body>>>().toEqualTypeOf<true>();
  });
});

describe('sdkgen/fetch’s types equal openapi-fetch’s', () => {
  it('for the options', () => {
    expectTypeOf<Same<Ours.ClientOptions, Original.ClientOptions>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.HeadersOptions, Original.HeadersOptions>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.QuerySerializerOptions, Original.QuerySerializerOptions>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.QuerySerializer<ListOp>, Original.QuerySerializer<ListOp>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.BodySerializer<CreateOp>, Original.BodySerializer<CreateOp>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.PathSerializer, Original.PathSerializer>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.ParseAs, Original.ParseAs>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.DefaultParamsOption, Original.DefaultParamsOption>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.ParamsOption<ListOp>, Original.ParamsOption<ListOp>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.RequestBodyOption<CreateOp>, Original.RequestBodyOption<CreateOp>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.RequestOptions<CreateOp>, Original.RequestOptions<CreateOp>>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Ours.RequestOptions<OptionalCreateOp>, Original.RequestOptions<OptionalCreateOp>>
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.FetchOptions<CreateOp>, Original.FetchOptions<CreateOp>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.MergedOptions, Original.MergedOptions>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Ours.MaybeOptionalInit<PostPaths['/posts'], 'post'>, Original.MaybeOptionalInit<PostPaths['/posts'], 'post'>>
    >().toEqualTypeOf<true>();
  });

  it('for the responses', () => {
    type Text = { parseAs: 'text' };
    expectTypeOf<
      Same<Ours.FetchResponse<ListOp, {}, Ours.MediaType>, Original.FetchResponse<ListOp, {}, Ours.MediaType>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<
        Ours.FetchResponse<ErrorOp, Text, 'application/json'>,
        Original.FetchResponse<ErrorOp, Text, 'application/json'>
      >
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Ours.ParseAsResponse<{ a: 1 }, Text>, Original.ParseAsResponse<{ a: 1 }, Text>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<
        Ours.MethodResponse<Ours.Client<paths>, 'get', '/resources'>,
        Original.MethodResponse<Original.Client<paths>, 'get', '/resources'>
      >
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<
        Ours.ClientPathsWithMethod<Ours.Client<paths>, 'post'>,
        Original.ClientPathsWithMethod<Original.Client<paths>, 'post'>
      >
    >().toEqualTypeOf<true>();
  });

  it('for middleware', () => {
    expectTypeOf<Same<Ours.Middleware, Original.Middleware>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.MiddlewareCallbackParams, Original.MiddlewareCallbackParams>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.MiddlewareRequestParams, Original.MiddlewareRequestParams>>().toEqualTypeOf<true>();
  });

  // A client's generic methods cannot be compared as a whole: TypeScript relates two generic
  // signatures whose parameters are conditional types only when both come from one declaration,
  // and a verbatim copy of openapi-fetch's own index.d.ts is not assignable to it either
  // (docs/fetch.md). What callers meet is compared instead: each method instantiated for a call.
  it('for each call a client types: its arguments and its result', () => {
    type Get = { params: { path: { id: number } } };
    type Post = { body: { title: string; body: string; publish_date: number } };
    expectTypeOf<
      Same<Parameters<typeof ours.GET<'/resources/{id}', Get>>, Parameters<typeof theirs.GET<'/resources/{id}', Get>>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<ReturnType<typeof ours.GET<'/resources/{id}', Get>>, ReturnType<typeof theirs.GET<'/resources/{id}', Get>>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Parameters<typeof ours.GET<'/resources', {}>>, Parameters<typeof theirs.GET<'/resources', {}>>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<ReturnType<typeof ours.GET<'/error-default', {}>>, ReturnType<typeof theirs.GET<'/error-default', {}>>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Parameters<typeof oursPosts.POST<'/posts', Post>>, Parameters<typeof theirsPosts.POST<'/posts', Post>>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<ReturnType<typeof oursPosts.POST<'/posts', Post>>, ReturnType<typeof theirsPosts.POST<'/posts', Post>>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<
        ReturnType<typeof ours.request<'get', '/resources', {}>>,
        ReturnType<typeof theirs.request<'get', '/resources', {}>>
      >
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<keyof Ours.Client<paths>, keyof Original.Client<paths>>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.Client<paths>['use'], Original.Client<paths>['use']>>().toEqualTypeOf<true>();
    expectTypeOf<Same<Ours.Client<paths>['eject'], Original.Client<paths>['eject']>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<keyof Ours.PathBasedClient<paths>, keyof Original.PathBasedClient<paths>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<ReturnType<typeof oursGetById<Get>>, ReturnType<typeof theirsGetById<Get>>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Parameters<typeof Ours.createClient>, Parameters<typeof Original.default>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<Parameters<typeof Ours.createPathBasedClient>, Parameters<typeof Original.createPathBasedClient>>
    >().toEqualTypeOf<true>();
  });

  it('for the serializer helpers', () => {
    expectTypeOf<
      Same<typeof Ours.serializePrimitiveParam, typeof Original.serializePrimitiveParam>
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof Ours.serializeObjectParam, typeof Original.serializeObjectParam>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof Ours.serializeArrayParam, typeof Original.serializeArrayParam>>().toEqualTypeOf<true>();
    expectTypeOf<
      Same<typeof Ours.createQuerySerializer<ListOp>, typeof Original.createQuerySerializer<ListOp>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<typeof Ours.defaultPathSerializer, typeof Original.defaultPathSerializer>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<typeof Ours.defaultBodySerializer<{ a: 1 }>, typeof Original.defaultBodySerializer<{ a: 1 }>>
    >().toEqualTypeOf<true>();
    expectTypeOf<
      Same<typeof Ours.createFinalURL<ListOp>, typeof Original.createFinalURL<ListOp>>
    >().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof Ours.mergeHeaders, typeof Original.mergeHeaders>>().toEqualTypeOf<true>();
    expectTypeOf<Same<typeof Ours.removeTrailingSlash, typeof Original.removeTrailingSlash>>().toEqualTypeOf<true>();
  });
});

describe('sdkgen/fetch’s own options', () => {
  it('are typed, client-wide and per call', () => {
    expectTypeOf<{ timeout: 1000; maxRetries: 2 }>().toExtend<Ours.ClientOptions>();
    expectTypeOf<{ timeout: 1000; maxRetries: 2 }>().toExtend<Ours.FetchOptions<ListOp>>();
    expectTypeOf<{ timeout: '1s' }>().not.toExtend<Ours.FetchOptions<ListOp>>();
    expectTypeOf<{ maxRetries: true }>().not.toExtend<Ours.ClientOptions>();
  });
});
