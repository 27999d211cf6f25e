import { RULES, type RuleId, rule } from './rules.js';

/**
 * docs/diff-rules.md, made from the catalogue so that the two never drift apart (a test
 * compares the file with this text): every rule, its two classifications, whether it is
 * about documentation, and the oasdiff check it corresponds to.
 */
export function rulesDocument(): string {
  const rows = (Object.keys(RULES) as RuleId[]).map((id) => {
    const r = rule(id);
    return `| \`${id}\` | ${r.title} | ${r.wire} | ${r.client} | ${r.kind} | ${r.oasdiff} |`;
  });
  return `${[
    '<!-- Made from generator/diff/rules.ts by `npx vitest run test/diff/rules.test.ts -u`; edit the rules there. -->',
    '',
    '# `sdkgen diff` rules',
    '',
    'Every change `sdkgen diff` reports is one of these rules. Ids are stable: they appear in',
    'reports, in `--format json` and in fingerprints, and are never reused. Each change is',
    'classified twice: for the **wire** (existing clients and servers talking HTTP) and for the',
    'generated **client** (code that compiled against it before). `--fail-on` goes by the worse',
    'of the two. Rules of kind `docs` are about what the spec says, not what it does: they are',
    'never breaking, `--fail-on any` counts them, and `--ignore-docs` leaves them out.',
    '',
    "The last column compares each rule with [oasdiff](https://github.com/oasdiff/oasdiff)'s",
    'checks (its ids as of v1.3x): the check(s) that report the same change, or why there is none.',
    '',
    '| rule | change | wire | client | kind | oasdiff |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'How specs are compared:',
    '- Operations are matched by method and path, with path parameters compared by position (their',
    '  names are not on the wire); one whose method or path changed but whose operationId stayed',
    '  is reported as moved, and compared with its new self. Query and header parameters are matched',
    '  by place and name.',
    '- **Likely renames.** A parameter removed and one added at the same place (query, header) with',
    '  the same type and requiredness; a field removed and one added in the same object with the same',
    '  type; an operation gone and one new with the same method, parent path, parameters, body and',
    '  response; a named type gone and one new of the same shape: each pair is one finding that',
    '  names both, still breaking. Only one-to-one matches pair: two removed fields of one type and',
    '  two added are left as removals and additions, since which became which would be a guess.',
    '- Types are compared field by field, through `$ref`s: moving a schema into a `$ref` of the same',
    '  shape, or reordering keys or paths, is no change. A change inside a named schema is reported',
    '  once, as `Schema.field`, with every operation it reaches.',
    '- A request type that takes all it took (`integer` → `integer | string`), or a response type',
    '  that gives only what it gave, is a widening or a narrowing, not a break; other type changes',
    '  are breaking. Nullability is judged on its own.',
    '- Fields a side never sees do not count there: `readOnly` fields in requests, `writeOnly` ones',
    '  in responses. A field that becomes one of those is reported as such, not as removed.',
    '- Enum values added to a response are potentially breaking (an exhaustive `switch` over them',
    '  no longer is); removed from a request, breaking.',
    '- Constraints (`minimum`, `maxLength`, `pattern`, `minItems`, `uniqueItems`, …) of parameters,',
    '  fields and named schemas: tighter ones in requests refuse calls that were valid (breaking on',
    "  the wire; the client's types do not carry them); looser ones in responses can surprise",
    '  clients relying on them.',
    '- Every declared response status is compared: a success status removed breaks callers that got',
    "  it; an error status removed takes the typed body away from that status's error class.",
    '- Security is compared by scheme and OAuth scope, whatever the client calls the credential; a',
    "  credential's option or environment variable renamed (`x-sdkgen-auth`, the title) is a",
    '  client break of its own.',
    '- Removing an operation that was deprecated is potentially breaking on the wire (it was',
    '  announced) and still breaking for the client.',
    "- `x-extensible-enum` (Zalando's open enums, typed as their values or any string): a value",
    '  added is no break anywhere; one removed is potentially breaking on the wire only.',
    '- Every finding carries where it is: in the head spec, or for something removed, in the base.',
    '- The `published-*` rules are those of `sdkgen diff --against <package>`, which compares the',
    "  client generated from one spec with a published package's declarations: the wire is the same",
    '  API, so only the client side can break. `missing` is what the published package has and the',
    '  generated client lacks.',
  ].join('\n')}\n`;
}
