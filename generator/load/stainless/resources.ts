import { isRecord } from '../validate-document.js';
import { type Conversion, jsonPath, type Placement, readKeys } from './context.js';
import { type Endpoint, endpointKey, readEndpoint, specEndpoints } from './endpoints.js';
import { readModels } from './models.js';
import { answersEventsBesideJSON } from './streaming.js';
import { readTargets } from './targets.js';
import { readWebhookUnwrap } from './webhook-unwrap.js';

/** Names of the TypeScript target in `skip`/`only` lists. */

/**
 * `resources` (and their `subresources`, to any depth): each configured method gives its
 * operation `x-sdkgen-resource`/`x-sdkgen-method` and its options; every operation the config
 * does not list, or leaves out of TypeScript, gets `x-sdkgen-skip`, as Stainless generates only
 * what its config lists.
 */
export function readResources(conversion: Conversion, resources: unknown, container: Record<string, unknown>): void {
  if (!isRecord(resources)) {
    conversion.error('stainless-invalid', '`resources` must be a mapping of resource names.', container, 'resources');
    return;
  }
  const known = specEndpoints(conversion.spec);
  const placed = new Map<string, Placement>();
  const walk = (entries: Record<string, unknown>, parents: readonly string[], path: string): void => {
    for (const [name, resource] of Object.entries(entries)) {
      const where = `${path}.${name}`;
      if (name === '$shared') {
        if (isRecord(resource))
          readKeys(conversion, resource, where, {
            models: (models) => readModels(conversion, models, resource, where),
          });
        continue;
      }
      // Methods of the client itself (`client.status()`).
      if (name === '$client') {
        if (isRecord(resource))
          readKeys(conversion, resource, where, {
            methods: (methods) => readMethods(conversion, methods, resource, [], `${where}.methods`, known, placed),
          });
        continue;
      }
      if (!isRecord(resource)) {
        conversion.error(
          'stainless-invalid',
          `\`${where}\` must be a mapping (methods, subresources, models).`,
          entries,
          name,
        );
        continue;
      }
      const names = [...parents, conversion.camel(name)];
      readKeys(
        conversion,
        resource,
        where,
        {
          methods: (methods) => readMethods(conversion, methods, resource, names, `${where}.methods`, known, placed),
          subresources: (children) => {
            if (isRecord(children)) walk(children, names, `${where}.subresources`);
            else
              conversion.error(
                'stainless-invalid',
                `\`${where}.subresources\` must be a mapping.`,
                resource,
                'subresources',
              );
          },
          models: (models) => readModels(conversion, models, resource, where),
        },
        // Docs and SDK-hosting settings of a resource: nothing in the generated code.
        ['description', 'standalone_api'],
      );
    }
  };
  walk(resources, [], 'resources');
  for (const endpoint of known) {
    if (placed.has(endpointKey(endpoint))) continue;
    conversion.act(
      {
        target: jsonPath('paths', endpoint.path, endpoint.verb),
        description: `${endpointKey(endpoint)}: not in the Stainless config`,
        update: { 'x-sdkgen-skip': true },
      },
      container,
      'resources',
    );
  }
}

function readMethods(
  conversion: Conversion,
  methods: unknown,
  resource: Record<string, unknown>,
  names: readonly string[],
  path: string,
  known: readonly Endpoint[],
  placed: Map<string, Placement>,
): void {
  if (!isRecord(methods)) {
    conversion.error('stainless-invalid', `\`${path}\` must be a mapping of method names.`, resource, 'methods');
    return;
  }
  for (const [name, method] of Object.entries(methods)) {
    const where = `${path}.${name}`;
    const placement: Placement = {
      resource: names.join('.'),
      method: conversion.camel(name),
      container: methods,
      key: name,
    };
    if (typeof method === 'string') {
      const endpoint = readEndpoint(conversion, methods, name, known);
      if (endpoint !== undefined) place(conversion, endpoint, placement, {}, placed);
      continue;
    }
    if (!isRecord(method)) {
      conversion.error(
        'stainless-invalid',
        `\`${where}\` must be an endpoint (\`get /path\`) or a mapping with \`endpoint\`.`,
        methods,
        name,
      );
      continue;
    }
    readMethodObject(conversion, method, where, placement, known, placed);
  }
}

/** The object form: `endpoint` and its options. */
function readMethodObject(
  conversion: Conversion,
  method: Record<string, unknown>,
  where: string,
  placement: Placement,
  known: readonly Endpoint[],
  placed: Map<string, Placement>,
): void {
  const type = method['type'] ?? 'http';
  if (type === 'webhook_unwrap') {
    readWebhookUnwrap(conversion, where, placement, method);
    return;
  }
  if (type !== 'http') {
    conversion.unsupported(
      method,
      'type',
      `${where}.type`,
      `sdkgen generates HTTP methods (\`type: http\`) and \`webhook_unwrap\`, not ${JSON.stringify(type)}.`,
    );
    return;
  }
  const update: Record<string, unknown> = {};
  let excluded = false;
  readKeys(
    conversion,
    method,
    where,
    {
      type: () => {},
      endpoint: () => {},
      paginated: (value) => {
        if (value === false) update['x-sdkgen-pagination'] = false;
        else if (value !== true)
          conversion.error('stainless-invalid', '`paginated` must be true or false.', method, 'paginated');
      },
      skip: (value) => {
        excluded ||= readTargets(conversion, method, 'skip', value) === true;
      },
      only: (value) => {
        excluded ||= readTargets(conversion, method, 'only', value) === false;
      },
      body_param_name: (value) => {
        if (typeof value === 'string' && value !== '') update['x-sdkgen-body-param'] = value;
        else conversion.error('stainless-invalid', '`body_param_name` must be a name.', method, 'body_param_name');
      },
      // The method streams: sdkgen reads how from the spec (its event stream, the body's `stream` flag).
      streaming: (value) => {
        if (!isRecord(value)) return;
        for (const key of Object.keys(value))
          if (!(key === 'param_discriminator' && value[key] === 'stream'))
            conversion.unsupported(
              value,
              key,
              `${where}.streaming.${key}`,
              'sdkgen streams as the spec declares: its event stream, chosen by the body’s `stream` flag.',
            );
      },
      deprecated: (value) => {
        if (value === true) Object.assign(update, { deprecated: true, 'x-sdkgen-deprecated': true });
        else if (typeof value === 'string') Object.assign(update, { deprecated: true, 'x-sdkgen-deprecated': value });
        else if (value !== false)
          conversion.error('stainless-invalid', '`deprecated` must be true or a message.', method, 'deprecated');
      },
    },
    // Docs-site and other languages' settings of a method.
    ['description', 'docs'],
  );
  if (!('endpoint' in method)) {
    conversion.error('stainless-invalid', `\`${where}\` needs an \`endpoint\` (\`get /path\`).`, method);
    return;
  }
  const endpoint = readEndpoint(conversion, method, 'endpoint', known);
  if (endpoint === undefined) return;
  if (excluded) {
    placed.set(endpointKey(endpoint), placement);
    conversion.act(
      {
        target: jsonPath('paths', endpoint.path, endpoint.verb),
        description: `${endpointKey(endpoint)}: left out of TypeScript by the Stainless config`,
        update: { 'x-sdkgen-skip': true },
      },
      method,
      'skip' in method ? 'skip' : 'only',
    );
    return;
  }
  place(conversion, endpoint, placement, update, placed);
}

function place(
  conversion: Conversion,
  endpoint: Endpoint,
  placement: Placement,
  update: Record<string, unknown>,
  placed: Map<string, Placement>,
): void {
  const key = endpointKey(endpoint);
  const first = placed.get(key);
  if (first !== undefined) {
    // Stainless can put one endpoint in two places: the second is an alias of the first.
    const call = placement.resource === '' ? placement.method : `${placement.resource}.${placement.method}`;
    const aliases = aliasesOf(placed, key);
    aliases.push(call);
    conversion.act(
      { target: jsonPath('paths', endpoint.path, endpoint.verb), update: { 'x-sdkgen-aliases': [...aliases] } },
      placement.container,
      placement.key,
    );
    return;
  }
  placed.set(key, placement);
  // Stainless streams only the methods its config marks `streaming`.
  const entry = placement.container[placement.key];
  if (!(isRecord(entry) && 'streaming' in entry) && answersEventsBesideJSON(conversion.spec, endpoint))
    update['x-sdkgen-stream'] = false;
  if (placement.resource === '') {
    // x-sdkgen-resource names a resource; a method of the client itself has none to name.
    conversion.warning(
      'stainless-client-method',
      `\`client.${placement.method}()\` is a method of the client itself, which sdkgen cannot declare yet; \`${key}\` keeps the place sdkgen infers for it.`,
      placement.container,
      placement.key,
      'An overlay can give it a resource and a name (`x-sdkgen-resource`, `x-sdkgen-method`).',
    );
    if (Object.keys(update).length > 0)
      conversion.act(
        { target: jsonPath('paths', endpoint.path, endpoint.verb), update },
        placement.container,
        placement.key,
      );
    return;
  }
  conversion.act(
    {
      target: jsonPath('paths', endpoint.path, endpoint.verb),
      update: { 'x-sdkgen-resource': placement.resource, 'x-sdkgen-method': placement.method, ...update },
    },
    placement.container,
    placement.key,
  );
}

/** The aliases given so far to each endpoint of one config's resources (`placed`): the overlay's update replaces the list. */
const ALIASES = new WeakMap<Map<string, Placement>, Map<string, string[]>>();

function aliasesOf(placed: Map<string, Placement>, key: string): string[] {
  const byEndpoint = ALIASES.get(placed) ?? new Map<string, string[]>();
  ALIASES.set(placed, byEndpoint);
  const aliases = byEndpoint.get(key) ?? [];
  byEndpoint.set(key, aliases);
  return aliases;
}
