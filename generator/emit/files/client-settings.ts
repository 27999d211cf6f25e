import type { OptionalKind, PropertySignatureStructure } from 'ts-morph';
import type { ClientModel, ClientOptionModel } from '../../model/model.js';
import { jsDoc } from '../doc-comments.js';
import { propertyKey, quote, RawCode, valueLiteral } from '../literals.js';

/**
 * The client options of `x-sdkgen-client`'s settings: `environment` (the union of the
 * environments' names) and each extra option, typed and documented as Stainless clients do.
 */
export function settingsOptions(client: ClientModel): OptionalKind<PropertySignatureStructure>[] {
  const environments = client.environments ?? [];
  const environment =
    environments.length === 0
      ? []
      : [
          {
            name: 'environment',
            hasQuestionToken: true,
            type: `${environments.map((e) => quote(e.name)).join(' | ')} | undefined`,
            docs: jsDoc(
              [
                `The environment to send requests to; each is a base URL (default \`${environments[0]?.name}\`):`,
                environments.map((e) => `- \`${e.name}\`: ${e.url}`).join('\n'),
                'Not together with `baseURL`, which overrides them all.',
              ].join('\n\n'),
            ),
          },
        ];
  return [
    ...(client.options ?? []).map((option) => ({
      name: option.name,
      hasQuestionToken: true,
      type: `${option.type}${option.nullable ? ' | null' : ''} | undefined`,
      docs: jsDoc(optionDoc(option)),
    })),
    ...environment,
  ];
}

function optionDoc(option: ClientOptionModel): string {
  const sent =
    option.header !== undefined
      ? `Sent in the \`${option.header}\` header of every request.`
      : option.query !== undefined
        ? `Sent as the \`${option.query}\` query parameter of every request.`
        : undefined;
  const fallback = [
    option.env === undefined ? undefined : `\`process.env['${option.env}']\``,
    option.default === undefined ? undefined : `\`${JSON.stringify(option.default)}\``,
  ].filter((part) => part !== undefined);
  return [
    option.description,
    sent,
    fallback.length === 0 ? undefined : `Defaults to ${fallback.join(', else ')}.`,
    option.nullable ? '`null` sends nothing.' : undefined,
  ]
    .filter((line) => line !== undefined)
    .join('\n\n');
}

/** The lines of the client's runtime config that carry the settings; none where the spec declares none. */
export function settingsConfig(client: ClientModel): string[] {
  const lines: string[] = [];
  const environments = client.environments ?? [];
  if (environments.length > 0) {
    lines.push(`environments: { ${environments.map((e) => `${propertyKey(e.name)}: ${quote(e.url)}`).join(', ')} },`);
    lines.push('environment: options.environment,');
  }
  if (client.retries !== undefined) lines.push(`retries: ${valueLiteral(client.retries)},`);
  const options = client.options ?? [];
  if (options.length > 0) {
    const settings = options.map((o) =>
      valueLiteral({
        option: o.name,
        value: new RawCode(`options.${o.name}`),
        type: o.type,
        env: o.env,
        default: o.default,
        header: o.header,
        query: o.query,
      }),
    );
    lines.push(`settings: [${settings.join(', ')}],`);
  }
  if (client.queryFormat !== undefined) lines.push(`queryFormat: ${valueLiteral(client.queryFormat)},`);
  return lines;
}

/** The README's rows of the settings' options (`environment`, each extra option), after `baseURL`. */
export function settingsReadmeRows(client: ClientModel): [string, string][] {
  const environments = client.environments ?? [];
  const rows: [string, string][] = [];
  if (environments.length > 0)
    rows.push([
      '`environment`',
      `Which of the API's environments to use: ${environments.map((e) => `\`${quote(e.name)}\` (${e.url})`).join(', ')}; default \`${quote(environments[0]?.name ?? '')}\`. Giving \`baseURL\` too throws.`,
    ]);
  for (const option of client.options ?? []) rows.push([`\`${option.name}\``, optionDoc(option).replace(/\n+/g, ' ')]);
  return rows;
}

/** How the README says retries back off: the API's own delays where it declares them. */
export function retriesText(client: ClientModel): string {
  const retries = client.retries;
  const count = `\`maxRetries\` times (default ${retries?.maxRetries ?? 2})`;
  if (retries?.initialDelay === undefined && retries?.maxDelay === undefined)
    return `${count} with exponential backoff and jitter`;
  const initial = retries.initialDelay ?? 0.5;
  const longest = retries.maxDelay ?? Math.max(8, initial);
  return `${count} with exponential backoff from ${initial} s up to ${longest} s, and jitter`;
}
