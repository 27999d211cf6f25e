import type { ApiModel, WebhookMethodModel, WebhooksModel } from '../../model/model.js';
import { serverPath } from '../../model/route.js';
import { credentialExample } from '../credential-text.js';
import { code, codeBlock } from '../markdown.js';

/** What the README's feature sections need of the README: the client and one call to show. */
export interface FeatureContext {
  readonly model: ApiModel;
  /** A method call on `client` to show in examples (`client.tickets.list()`), if any. */
  readonly call: string | undefined;
  /** That call with per-request options as its last argument. */
  readonly callWith: (options: string) => string;
  /** The command that generated the package, to name the spec `sdkgen mock` serves. */
  readonly command: string;
}

/** `## Hooks`: the client's and a call's, once per try. */
export function hooksSection({ model, call, callWith }: FeatureContext): string[] {
  const { className, packageName } = model.client;
  if (call === undefined) return [];
  return [
    '## Hooks',
    `${code('onRequest(request)')}, ${code('onResponse(response, request)')} and ${code('onError(error, request)')} are called for each try of a request (a retry is a try of its own, ${code('request.attempt')} counts them), the client's first, then the call's. ${code('onRequest')} may change ${code('request.headers')} and ${code('request.url')}; what a hook throws fails the call as it is. A client without hooks does no work for them. Log ${code('request.redactedURL')}, not ${code('request.url')}: a credential in the query is masked in it. A credential header a hook sets (${code('Authorization')}, ${code('Cookie')}, ${code('X-API-Key')}, the API's own) is not sent on a redirect to another origin.`,
    codeBlock(
      'ts',
      [
        `import ${className} from '${packageName}';`,
        '',
        `const client = new ${className}({`,
        `  onRequest: (request) => {`,
        `    request.headers['x-trace-id'] = 'trace-1234';`,
        '  },',
        `  onResponse: (response, request) => console.log(request.method, request.redactedURL, response.status, 'try', request.attempt),`,
        `  onError: (error, request) => console.log('try', request.attempt, 'failed:', error.message),`,
        '});',
        '',
        `await ${callWith("{ onRequest: (request) => console.log('sending', request.redactedURL) }")};`,
      ].join('\n'),
    ),
  ];
}

/** `## Response validation`: `validate` and the `validation` module. */
export function validationSection({ model, call }: FeatureContext): string[] {
  const { className, packageName } = model.client;
  if (call === undefined) return [];
  return [
    '## Response validation',
    `With ${code("validate: 'strict'")}, each JSON answer is checked against the API description, by type (${code('integer')} included), ${code('enum')}, ${code('required')}, ${code('additionalProperties')}, the bounds (${code('minimum')}, ${code('multipleOf')}, ${code('maxLength')}, ${code('pattern')}, ${code('maxItems')}, ${code('uniqueItems')}, …) of fields, items and variants alike; one that does not match throws a ${code('ResponseValidationError')} naming where (${code('error.path')}, a JSON path like ${code('$.data[3].status')}), what the description expects there (${code('error.expected')}) and what came (${code('error.received')}); ${code('error.error')} keeps the whole body. ${code("'warn'")} logs the mismatch and returns the answer; ${code("'off'")}, the default, checks nothing. The checks come from ${code(`${packageName}/validation`)}, a module of their own: a bundle that does not import it leaves them out. A call may set ${code('validate')} for itself.`,
    codeBlock(
      'ts',
      [
        `import ${className}, { ResponseValidationError } from '${packageName}';`,
        `import { validator } from '${packageName}/validation';`,
        '',
        `const client = new ${className}({ validate: 'strict', validator });`,
        '',
        'try {',
        `  console.log(await ${call});`,
        '} catch (error) {',
        '  if (error instanceof ResponseValidationError) console.log(error.path, error.expected, error.received);',
        '  else throw error;',
        '}',
      ].join('\n'),
    ),
  ];
}

/** `## Webhooks`: verifying and reading the events the API sends. */
export function webhooksSection({ model }: FeatureContext): string[] {
  const { webhooks } = model;
  if (webhooks === undefined) return [];
  if (webhooks.methods !== undefined) return declaredWebhooksSection(model, webhooks, webhooks.methods);
  const how =
    webhooks.signature.type === 'standard-webhooks'
      ? `signs them as [Standard Webhooks](https://www.standardwebhooks.com/) do (${code('webhook-id')}, ${code('webhook-timestamp')} and ${code('webhook-signature')} headers; HMAC-SHA256 with a ${code('whsec_')} secret)`
      : `signs them with HMAC-${webhooks.signature.algorithm.replace('SHA-', 'SHA')} in the ${code(webhooks.signature.header)} header`;
  return [
    '## Webhooks',
    `The API sends ${webhooks.events.length === 1 ? 'one event' : `${webhooks.events.length} events`} to your endpoints (${webhooks.events.map((e) => code(e.name)).join(', ')}), and ${how}. ${code(`client.${webhooks.property}.unwrap(body, headers)`)} checks the signature with the ${code('webhookSecret')} option (default ${code(`process.env['${webhooks.secretEnv}']`)}) and returns the event, typed ${code(webhooks.eventType)}. A signature that does not match, or a timestamp more than five minutes off (a replay), throws an ${code('InvalidWebhookSignatureError')}; a third argument gives the secret, a fourth the tolerance in seconds. Pass the body exactly as received, as text or bytes: one parsed and serialized again no longer matches its signature.`,
    handlerExample(
      model,
      `    const event = await client.${webhooks.property}.unwrap(await request.text(), request.headers);`,
    ),
  ];
}

/** `## Webhooks` for the unwrap methods a Stainless config declares: synchronous, the headers in an object. */
function declaredWebhooksSection(
  model: FeatureContext['model'],
  webhooks: WebhooksModel,
  methods: readonly WebhookMethodModel[],
): string[] {
  const call = (method: WebhookMethodModel): string =>
    `client.${webhooks.property}.${method.name}(${method.keyOption === undefined ? 'body' : 'body, { headers, key }'})`;
  const verifying = methods.find((m) => m.keyOption !== undefined);
  const lines = methods.map((method) =>
    method.keyOption === undefined
      ? `- ${code(call(method))} returns the event, typed ${code(method.eventType)}, without checking its signature: only for a body verified already.`
      : `- ${code(call(method))} checks the [Standard Webhooks](https://www.standardwebhooks.com/) signature (${code('webhook-id')}, ${code('webhook-timestamp')} and ${code('webhook-signature')} headers; HMAC-SHA256 with a ${code('whsec_')} secret) with ${code('key')}, else the ${code(method.keyOption)} client option, and returns the event, typed ${code(method.eventType)}. A signature that does not match, or a timestamp more than five minutes off (a replay), throws an ${code('InvalidWebhookSignatureError')}.`,
  );
  const example =
    verifying === undefined
      ? `    const event = client.${webhooks.property}.${methods[0]?.name}(await request.text());`
      : [
          '    const headers: Record<string, string> = {};',
          '    request.headers.forEach((value, name) => {',
          '      headers[name] = value;',
          '    });',
          `    const event = client.${webhooks.property}.${verifying.name}(await request.text(), { headers });`,
        ].join('\n');
  return [
    '## Webhooks',
    `The API sends ${webhooks.events.length === 1 ? 'one event' : `${webhooks.events.length} events`} to your endpoints (${webhooks.events.map((e) => code(e.name)).join(', ')})${webhooks.discriminator === undefined ? '' : `, told apart by their ${code(webhooks.discriminator)}`}. Pass the body exactly as received: one parsed and serialized again no longer matches its signature.`,
    lines.join('\n'),
    handlerExample(model, example),
  ];
}

/** A webhook endpoint's handler for any server that gives a web `Request`, `unwrapping` setting `event`. */
function handlerExample(model: FeatureContext['model'], unwrapping: string): string {
  const { className, packageName } = model.client;
  return codeBlock(
    'ts',
    [
      `import ${className}, { InvalidWebhookSignatureError } from '${packageName}';`,
      '',
      `const client = new ${className}();`,
      '',
      '// The handler of your webhook endpoint, for any server that gives a web `Request`.',
      'async function handle(request: Request): Promise<Response> {',
      '  try {',
      unwrapping,
      `    console.log('received', event);`,
      '    return new Response(null, { status: 200 });',
      '  } catch (error) {',
      `    if (error instanceof InvalidWebhookSignatureError) return new Response('bad signature', { status: 400 });`,
      '    throw error;',
      '  }',
      '}',
    ].join('\n'),
  );
}

/** `## Testing against a mock`: `sdkgen mock` of the same spec, as a server for tests and demos. */
export function mockSection({ model, call, command }: FeatureContext): string[] {
  if (call === undefined) return [];
  const { className, packageName, baseURL, auth } = model.client;
  const spec = /--spec (\S+)/.exec(command)?.[1] ?? 'openapi.yaml';
  // A filtered client's mock serves the same part (the filter's flags, as the command quotes them).
  const filter = [...command.matchAll(/ (--(?:include|exclude) (?:'(?:[^']|'\\'')*'|\S+))/g)]
    .map((m) => m[1])
    .join(' ');
  const path = serverPath(baseURL);
  const credential = auth[0] === undefined ? '' : `, ${credentialExample(auth[0].runtime, 'any key')}`;
  const tokens = auth.some((a) => a.runtime.type === 'oauth2' && a.runtime.tokenUrl !== undefined)
    ? ` It also hands out OAuth2 tokens for any client id and secret (it prints where: pass that as ${code('tokenURL')}).`
    : '';
  return [
    '## Testing against a mock',
    `${code(`npx sdkgen mock --spec ${spec}${filter === '' ? '' : ` ${filter}`} --port 4010`)} serves a stateful mock of this API on 127.0.0.1 (sdkgen is the generator of this package). It checks each request against the API description and answers as the description says: what is created, changed, uploaded or deleted stays so, an action such as ${code('close')} moves its item's status, lists page as the API pages, and errors come in the API's own shape. Point the client at it with any key:${tokens}`,
    codeBlock(
      'ts',
      [
        `import ${className} from '${packageName}';`,
        '',
        `const client = new ${className}({ baseURL: 'http://127.0.0.1:4010${path}'${credential} });`,
        `console.log(await ${call});`,
      ].join('\n'),
    ),
  ];
}
