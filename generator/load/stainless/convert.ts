import type { Diagnostic, SourceLocation } from '../../diagnostics.js';
import { applyOverlay } from '../overlay.js';
import type { SpecFile } from '../spec-file.js';
import { isRecord } from '../validate-document.js';
import { readClientSettings } from './client-options.js';
import {
  readDefaultRetries,
  readEnvironments,
  readOrganization,
  readQuerySettings,
  readSecurity,
  readTargets,
} from './client-settings.js';
import { Conversion, type OverlayAction, readKeys } from './context.js';
import { readCustomCasings } from './custom-casings.js';
import { readPagination } from './pagination.js';
import { readReadme } from './readme.js';
import { readResources } from './resources.js';
import { readOpenAPISettings } from './transforms.js';
import { nameWebhookEvents } from './webhook-unwrap.js';

/** An OpenAPI Overlay 1.0 document of `x-sdkgen-*` decisions. */
export interface StainlessOverlay {
  readonly overlay: '1.0.0';
  readonly info: { readonly title: string; readonly version: string };
  readonly actions: readonly OverlayAction[];
}

export interface Converted {
  readonly overlay: StainlessOverlay;
  /** Warnings (keys sdkgen does not act on) and errors (an endpoint the spec lacks), each at its place in the config. */
  readonly diagnostics: readonly Diagnostic[];
  /** The overlay as a file whose actions are located at the config entries they come from. */
  readonly file: SpecFile;
}

/**
 * Top-level keys that matter only to Stainless's hosting or to other languages: `edition` (the
 * generator version Stainless runs), `settings` (license, docs site, other SDKs' options),
 * `codeflow`, `diagnostics` (Stainless Studio).
 */
const IGNORED = ['edition', 'settings', 'codeflow', 'diagnostics'];

/**
 * Turns a Stainless config (`stainless.yml`) into the `x-sdkgen-*` decisions it stands for, as
 * an overlay on `spec` (the loaded root document, which is not changed). The model never reads
 * the config: it honours the extensions, whether they come from here or a user's overlay.
 */
export function convertStainless(config: SpecFile, spec: Record<string, unknown>): Converted {
  const root = isRecord(config.value) ? config.value : undefined;
  // `openapi.transformations` change the spec first; the rest is read against the changed spec.
  const transformed = structuredClone(spec);
  const conversion = new Conversion(config, transformed);
  if (root === undefined) {
    conversion.diagnostics.push({
      code: 'stainless-invalid',
      severity: 'error',
      message: `${config.displayPath} is not a Stainless config: its top level is not a mapping.`,
      location: { file: config.displayPath, line: 1, column: 1 },
    });
    return finish(conversion, config);
  }
  if (root['openapi'] !== undefined) {
    readOpenAPISettings(conversion, root['openapi'], root);
    if (conversion.actions.length > 0) {
      const applied = applyOverlay(transformed, overlayFile(conversion, config, conversion.actions));
      conversion.diagnostics.push(...applied);
    }
  }
  if (root['custom_casings'] !== undefined)
    conversion.casings = readCustomCasings(conversion, root['custom_casings'], root);
  conversion.generator = generatorOf(root);
  // The \`typescript\` target (2025 on) takes only the last path parameter as an argument
  // (\`retrieve(messageID, { chat_id })\`); the older \`node\` target takes them all, in order.
  conversion.act(
    {
      target: '$',
      // The \`node\` target also takes request options alone in place of optional params (\`list(options)\`).
      update: {
        'x-sdkgen-client':
          conversion.generator === 'typescript'
            ? { pathArguments: 'last' }
            : { pathArguments: 'all', optionsOverload: true },
      },
    },
    root,
    conversion.generator === 'node' ? 'targets' : undefined,
  );
  readKeys(
    conversion,
    root,
    '',
    {
      openapi: () => {},
      custom_casings: () => {},
      organization: (value) => readOrganization(conversion, value, root),
      targets: (value) => readTargets(conversion, value, root),
      resources: (value) => readResources(conversion, value, root),
      pagination: (value) => readPagination(conversion, value, root),
      client_settings: (value) => readClientSettings(conversion, value, root),
      default_retries: () => readDefaultRetries(conversion, root, 'default_retries'),
      environments: (value) => readEnvironments(conversion, value, root),
      query_settings: () => readQuerySettings(conversion, root),
      readme: (value) => readReadme(conversion, value, root),
      security: (value) => readSecurity(conversion, value, root),
    },
    IGNORED,
  );
  nameWebhookEvents(conversion);
  // Stainless names a method's params and answer after the method (`ChatCreateParams`, `ChatRetrieveResponse`),
  // and takes a body's fields and the query and header parameters in one params object.
  conversion.act(
    {
      target: '$',
      update: { 'x-sdkgen-client': { typeNames: 'per-method', pagination: 'declared', requestParams: 'merged' } },
    },
    root,
  );
  return finish(conversion, config);
}

/** \`node\` where the config has that target and no \`typescript\` one (OneBusAway's, Honcho's, Luma AI's). */
function generatorOf(root: Record<string, unknown>): 'typescript' | 'node' {
  const targets = root['targets'];
  return isRecord(targets) && isRecord(targets['node']) && !isRecord(targets['typescript']) ? 'node' : 'typescript';
}

function finish(conversion: Conversion, config: SpecFile): Converted {
  return {
    overlay: overlayOf(config, conversion.actions),
    diagnostics: conversion.diagnostics,
    file: overlayFile(conversion, config, conversion.actions),
  };
}

function overlayOf(config: SpecFile, actions: readonly OverlayAction[]): StainlessOverlay {
  return {
    overlay: '1.0.0',
    info: { title: `sdkgen decisions from ${config.displayPath}`, version: '1.0.0' },
    actions,
  };
}

/**
 * The overlay as `applyOverlay` takes it: a file whose every action is located at the config
 * entry it comes from, so that a problem applying it (a target that matches nothing) is shown
 * in the Stainless config, where it can be fixed.
 */
function overlayFile(conversion: Conversion, config: SpecFile, actions: readonly OverlayAction[]): SpecFile {
  // Copies: applying merges an update's values into the spec, which must not share them with the config.
  const copies = new Map(actions.map((action) => [structuredClone(action) as object, action]));
  const value = overlayOf(config, [...copies.keys()] as OverlayAction[]);
  const start: SourceLocation = { file: config.displayPath, line: 1, column: 1 };
  return {
    absolutePath: config.absolutePath,
    displayPath: config.displayPath,
    text: config.text,
    value,
    owns: (container) => container === value || copies.has(container),
    locate: (container) => {
      const action = copies.get(container);
      return (action === undefined ? undefined : conversion.origins.get(action)) ?? start;
    },
  };
}
