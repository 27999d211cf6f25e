/**
 * Slack's Web API names each call by its path: `POST /chat.postMessage` is
 * `client.chat.postMessage()` in Slack's own SDK (`@slack/web-api`), `/admin.apps.approved.list`
 * is `client.admin.apps.approved.list()`. An API whose every path is one such name (after the
 * shared prefix: identifiers joined by dots, the last no file extension) declares the layout of
 * its calls: the parts before the last are resources, the last is the method. One path of another
 * form, or two operations on one path, and the paths are read like any other.
 */
import { camelCase } from './names.js';
import { everyOrNone, type ScopedCall } from './scoped-ids.js';

const DOTTED = /^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)+$/;

/** A last part that makes a file name of the path (`/stops.json`, `/index.html`): a format, not a call. */
const EXTENSIONS: ReadonlySet<string> = new Set(
  'json xml html htm txt csv tsv yaml yml pdf png jpg jpeg gif svg zip php asp aspx jsp cgi rss atom js css md'.split(
    ' ',
  ),
);

/** Each operation's call by its dotted path, in the order given; all `undefined` unless every path is one. */
export function dottedCalls(paths: readonly (readonly string[])[]): (ScopedCall | undefined)[] {
  const calls = paths.map((segments): ScopedCall | undefined => {
    const [only] = segments;
    if (segments.length !== 1 || only === undefined || !DOTTED.test(only)) return undefined;
    const parts = only.split('.');
    const method = parts.at(-1) ?? '';
    if (EXTENSIONS.has(method.toLowerCase())) return undefined;
    return { resource: parts.slice(0, -1).map((part) => camelCase(part)), method: camelCase(method) };
  });
  return everyOrNone(
    calls,
    paths.map((segments) => segments.join('/')),
  );
}
