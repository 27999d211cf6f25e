// Which naming conventions a published package follows: each tried on the spec, kept where it
// finds more of the package's calls than it loses.
import { describe, expect, it } from 'vitest';
import { namingHints } from '../../generator/diff/naming-hints.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { NamingConventions } from '../../generator/model/model.js';
import { namingText } from '../../generator/model/naming-conventions.js';
import { loadAndModel } from '../../generator/model-spec.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const ok = '{"200": {description: ok, content: {application/json: {schema: {type: object}}}}}';
const id = (name: string): string => `[{name: ${name}, in: path, required: true, schema: {type: string}}]`;

/** Stripe's shape: customers, and their sources below each customer. */
const SPEC = openapi(`paths:
  /customers:
    get: {operationId: listCustomers, responses: ${ok}}
  /customers/{customer}:
    get: {operationId: getCustomer, parameters: ${id('customer')}, responses: ${ok}}
    delete: {operationId: deleteCustomer, parameters: ${id('customer')}, responses: ${ok}}
  /customers/{customer}/sources:
    get: {operationId: listSources, parameters: ${id('customer')}, responses: ${ok}}
    post: {operationId: createSource, parameters: ${id('customer')}, responses: ${ok}}
  /customers/{customer}/sources/{id}:
    get: {operationId: getSource, parameters: [{name: customer, in: path, required: true, schema: {type: string}}, {name: id, in: path, required: true, schema: {type: string}}], responses: ${ok}}
`);

function hintsFor(published: readonly string[], spec = SPEC): ReturnType<typeof namingHints> {
  const dir = specDir({ 'spec.yaml': spec });
  const { loaded, model } = loadAndModel('spec.yaml', dir);
  const remodel = (naming: NamingConventions) => buildModel(loaded, undefined, undefined, naming).model;
  return namingHints(published, model, remodel);
}

const summary = (hints: ReturnType<typeof namingHints>) =>
  hints?.conventions.map((hint) => `${namingText(hint.naming)}: +${hint.gained} -${hint.lost}`);

describe('naming hints for sdkgen diff --against', () => {
  it("finds stripe-node's conventions: sub-resources on the parent and `del`, each and together", () => {
    const hints = hintsFor([
      'client.customers.list',
      'client.customers.retrieve',
      'client.customers.del',
      'client.customers.listSources',
      'client.customers.createSource',
      'client.customers.retrieveSource',
    ]);
    expect(summary(hints)).toEqual(['subResources: parent: +3 -0', 'deletes: del: +1 -0']);
    expect(hints?.found).toBe(2);
    expect(hints?.published).toBe(6);
    expect(hints?.together).toEqual({ naming: { subResources: 'parent', deletes: 'del' }, gained: 4, lost: 0 });
  });

  it('suggests no convention that loses more published calls than it finds', () => {
    // The package nests sources, as openai-node would, and reads customers with `get`.
    const hints = hintsFor([
      'client.customers.list',
      'client.customers.get',
      'client.customers.delete',
      'client.customers.sources.list',
      'client.customers.sources.create',
      'client.customers.sources.retrieve',
    ]);
    // `reads: get` finds `customers.get` but loses `sources.retrieve`: no gain, no hint.
    expect(summary(hints)).toEqual([]);
    expect(hints?.together).toBeUndefined();
  });

  it('says nothing where the generated client has every published call already', () => {
    expect(
      hintsFor(['client.customers.list', 'client.customers.retrieve', 'client.customers.sources.list']),
    ).toBeUndefined();
  });

  it('does not try what the spec declares already', () => {
    const declared = SPEC.replace('paths:', 'x-sdkgen-client: {naming: {deletes: del}}\npaths:');
    const hints = hintsFor(['client.customers.del', 'client.customers.listSources'], declared);
    expect(summary(hints)).toEqual(['subResources: parent: +1 -0']);
    expect(hints?.found).toBe(1);
  });
});
