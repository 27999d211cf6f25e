import { describe, expectTypeOf, it } from 'vitest';
import OpenAI, {
  type APIError,
  type APIPromise,
  BadRequestError,
  type ConversationCursorPage,
  type ErrorResponse,
  type GroupListParams,
  type OpenAI as NamedOpenAI,
  type NextCursorPage,
  NotFoundError,
  type PagePromise,
  type ProjectGroup,
  type ProjectGroupListResource,
  type ProjectUser,
  type ProjectUserListResponse,
  RateLimitError,
  type UserListParams,
  type WithResponse,
} from '../../generated/src/index.js';

const client = new OpenAI();

describe('the generated admin client, as a consumer types it', () => {
  it('types the body of an error the spec declares for its status, after instanceof', () => {
    const thrown = (): unknown =>
      new BadRequestError(
        400,
        { error: { code: null, message: 'bad', param: null, type: 'invalid_request_error' } },
        '400 bad',
        new Headers(),
      );
    const caught = thrown();
    if (caught instanceof RateLimitError) expectTypeOf(caught.error).toEqualTypeOf<ErrorResponse | undefined>();
    if (caught instanceof BadRequestError) {
      expectTypeOf(caught.error).toEqualTypeOf<ErrorResponse | undefined>();
      const message: string | undefined = caught.error?.error.message;
      void message;
      expectTypeOf(caught).toExtend<APIError>();
    }
    // A status no operation declares a body for stays unknown.
    const other = thrown();
    if (other instanceof NotFoundError) expectTypeOf(other.error).toEqualTypeOf<unknown>();
  });

  it('exports the client class as the default and by name', () => {
    expectTypeOf(OpenAI).toEqualTypeOf<typeof NamedOpenAI>();
    expectTypeOf(
      new OpenAI({ adminAPIKey: 'k', baseURL: 'http://x', maxRetries: 1, timeout: 5, fetch: globalThis.fetch }),
    ).toEqualTypeOf<OpenAI>();
    // @ts-expect-error: unknown client option
    new OpenAI({ apiKey: 'k' });
  });

  it('types groups.list: its params, its page and its items', () => {
    const call = client.admin.organization.projects.groups.list('proj_abc', { limit: 20, order: 'asc', after: 'g' });
    expectTypeOf(call).toEqualTypeOf<
      PagePromise<NextCursorPage<ProjectGroup> & ProjectGroupListResource, ProjectGroup>
    >();
    expectTypeOf(call).toExtend<AsyncIterable<ProjectGroup>>();
    expectTypeOf(call).toExtend<APIPromise<NextCursorPage<ProjectGroup> & ProjectGroupListResource>>();
    expectTypeOf(call.withResponse()).resolves.toEqualTypeOf<
      WithResponse<NextCursorPage<ProjectGroup> & ProjectGroupListResource>
    >();
    expectTypeOf(call.asResponse()).resolves.toEqualTypeOf<Response>();
    expectTypeOf<GroupListParams['order']>().toEqualTypeOf<'asc' | 'desc' | undefined>();
    expectTypeOf<GroupListParams['limit']>().toEqualTypeOf<number | undefined>();
  });

  it('rejects what the spec forbids', () => {
    // @ts-expect-error: order is asc or desc
    void client.admin.organization.projects.groups.list('proj_abc', { order: 'sideways' });
    // @ts-expect-error: limit is a number
    void client.admin.organization.projects.groups.list('proj_abc', { limit: '10' });
    // @ts-expect-error: users take no order
    void client.admin.organization.projects.users.list('proj_abc', { order: 'asc' });
    // @ts-expect-error: the project id is required
    void client.admin.organization.projects.groups.list();
    // @ts-expect-error: the project id is a string
    void client.admin.organization.projects.users.list(42);
    // @ts-expect-error: options are typed
    void client.admin.organization.projects.users.list('proj_abc', {}, { signal: 'stop' });
  });

  it('gives pages the envelope fields and the page methods', async () => {
    const page = await client.admin.organization.projects.groups.list('proj_abc');
    expectTypeOf(page.data).toEqualTypeOf<ProjectGroup[]>();
    expectTypeOf(page.has_more).toEqualTypeOf<boolean>();
    expectTypeOf(page.next).toEqualTypeOf<string | null>();
    expectTypeOf(page.object).toEqualTypeOf<'list'>();
    expectTypeOf(page.hasNextPage()).toEqualTypeOf<boolean>();
    expectTypeOf(page.getNextPage()).resolves.toEqualTypeOf<NextCursorPage<ProjectGroup> & ProjectGroupListResource>();
    expectTypeOf(page.getPaginatedItems()).toEqualTypeOf<ProjectGroup[]>();
    for await (const p of page.iterPages()) expectTypeOf(p.next).toEqualTypeOf<string | null>();
    for await (const group of page) expectTypeOf(group).toEqualTypeOf<ProjectGroup>();
    // @ts-expect-error: groups pages have no last_id
    void page.last_id;
  });

  it('types users.list with the last-id page and nullable name and email', async () => {
    const page = await client.admin.organization.projects.users.list('proj_abc', { limit: 100 });
    expectTypeOf(page).toEqualTypeOf<ConversationCursorPage<ProjectUser> & ProjectUserListResponse>();
    expectTypeOf(page.last_id).toEqualTypeOf<string | null | undefined>();
    expectTypeOf(page.first_id).toEqualTypeOf<string | null | undefined>();
    expectTypeOf<UserListParams>().toEqualTypeOf<{ after?: string; limit?: number }>();
    for await (const user of client.admin.organization.projects.users.list('proj_abc')) {
      expectTypeOf(user).toEqualTypeOf<ProjectUser>();
      expectTypeOf(user.email).toEqualTypeOf<string | null | undefined>();
      expectTypeOf(user.name).toEqualTypeOf<string | null | undefined>();
      expectTypeOf(user.object).toEqualTypeOf<'organization.project.user'>();
      expectTypeOf(user.added_at).toEqualTypeOf<number>();
    }
  });

  it('types ProjectGroup exactly as the reference page lists it', () => {
    expectTypeOf<ProjectGroup>().toEqualTypeOf<{
      object: 'project.group';
      project_id: string;
      group_id: string;
      group_name: string;
      group_type: string;
      created_at: number;
    }>();
  });
});
