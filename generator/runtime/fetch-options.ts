import { SDKError } from './errors.js';

/**
 * `RequestInit` members the client sets itself: a request's method, headers and body come from
 * the call, its `signal` from the call's `signal` (one given in `fetchOptions` is honoured as that),
 * and `redirect` stays `manual`, so that credentials never follow a redirect to another origin.
 */
export type OwnFetchMember = 'method' | 'headers' | 'body' | 'redirect' | 'duplex';

const OWN_MEMBERS: readonly OwnFetchMember[] = ['method', 'headers', 'body', 'redirect', 'duplex'];

/** `RequestInit` members passed to `fetch` as given (`cache`, `keepalive`, Node's `dispatcher`, …). */
export type FetchOptions = Readonly<Omit<RequestInit, OwnFetchMember>> & Readonly<Record<string, unknown>>;

/**
 * The extra `RequestInit` members of one request: the client's `fetchOptions`, then the call's
 * (member by member), then `agent` for an `httpAgent` (what node-fetch reads; Node's own fetch
 * takes a `dispatcher` in `fetchOptions` instead). `undefined` when there are none, so that a
 * request without them builds the same init as ever. Throws where a member the client owns is given.
 */
export function extraFetchInit(
  client: FetchOptions | undefined,
  call: FetchOptions | undefined,
  httpAgent: object | undefined,
): Readonly<Record<string, unknown>> | undefined {
  if (client === undefined && call === undefined && httpAgent === undefined) return undefined;
  const extra: Record<string, unknown> = { ...client, ...call };
  for (const member of OWN_MEMBERS) {
    if (extra[member] !== undefined)
      throw new SDKError(`\`fetchOptions.${member}\` cannot be set: ${ownMemberReason(member)}. No request was sent.`);
  }
  delete extra.signal;
  if (httpAgent !== undefined) extra.agent = httpAgent;
  return extra;
}

function ownMemberReason(member: OwnFetchMember): string {
  switch (member) {
    case 'method':
    case 'body':
      return "it is the call's own";
    case 'headers':
      return 'pass headers in the `headers` option';
    case 'redirect':
      return 'the client follows redirects itself, so that no credential leaves its origin';
    case 'duplex':
      return 'the client sets it for a streamed body';
    default: {
      const unknown: never = member;
      return unknown;
    }
  }
}
