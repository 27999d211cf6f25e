// A kind that extends a base with a discriminator (`allOf: [Base, …]`) has the property narrowed to
// the values that select it: its mapping keys, else its schema name. The shapes are Lightspark
// Grid's webhooks (`@lightsparkdev/grid` 0.6.0): BaseWebhook's mapping lists every kind but
// AccountStatusWebhook, whose `type` is `ACCOUNT_STATUS` of the `WebhookType` enum.
import { describe, expect, it } from 'vitest';
import type { TypeModel } from '../../generator/model/model.js';
import { modelOf } from '../helpers/model-of.js';

const SPEC = `paths: {}
components:
  schemas:
    WebhookType: {type: string, enum: [INCOMING_PAYMENT, ACCOUNT_STATUS]}
    Animal:
      type: object
      required: [kind]
      properties: {kind: {type: string}}
      discriminator: {propertyName: kind}
    Dog:
      allOf: [{$ref: "#/components/schemas/Animal"}, {type: object, properties: {barks: {type: boolean}}}]
    BaseWebhook:
      type: object
      required: [type]
      properties: {type: {$ref: "#/components/schemas/WebhookType"}}
      discriminator:
        propertyName: type
        mapping: {INCOMING_PAYMENT: "#/components/schemas/IncomingPaymentWebhook"}
    IncomingPaymentWebhook:
      allOf: [{$ref: "#/components/schemas/BaseWebhook"}, {type: object, properties: {amount: {type: number}}}]
    AccountStatusWebhook:
      allOf: [{$ref: "#/components/schemas/BaseWebhook"}, {type: object, properties: {accountId: {type: string}}}]
`;

/** The literal values a definition narrows its discriminator property to, wherever in it they are. */
function narrowedTo(type: TypeModel | undefined, property: string): unknown[] {
  const found: unknown[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record['kind'] === 'object' && Array.isArray(record['properties'])) {
        for (const p of record['properties'] as { name: string; type: unknown }[])
          if (p.name === property) found.push(p.type);
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(type);
  return found;
}

describe('a kind extending a discriminated base', () => {
  const built = modelOf(SPEC);
  const definition = (name: string) => built.schemas.find((s) => s.name === name)?.type;

  it('is narrowed to its mapping key', () => {
    expect(JSON.stringify(narrowedTo(definition('IncomingPaymentWebhook'), 'type'))).toContain('"INCOMING_PAYMENT"');
  });

  it('is narrowed to its schema name where the mapping is silent and the property is free text', () => {
    expect(JSON.stringify(narrowedTo(definition('Dog'), 'kind'))).toContain('"Dog"');
  });

  it("keeps the base's values where its schema name is no value the base's enum allows (not never)", () => {
    const values = JSON.stringify(narrowedTo(definition('AccountStatusWebhook'), 'type'));
    expect(values).not.toContain('AccountStatusWebhook');
  });
});

// Graph's `microsoft.graph.entity` maps ~1,000 values, and ~1,000 kinds extend it: the mapping is
// read once for all of them, so each kind must still get exactly the keys that point at it.
describe('a mapping shared by many kinds', () => {
  const SHARED = `paths: {}
components:
  schemas:
    Entity:
      type: object
      required: ['@odata.type']
      properties: {'@odata.type': {type: string}}
      discriminator:
        propertyName: '@odata.type'
        mapping:
          '#microsoft.graph.user': '#/components/schemas/User'
          '#microsoft.graph.group': '#/components/schemas/Group'
          '#microsoft.graph.person': '#/components/schemas/User'
          '#microsoft.graph.gone': '#/components/schemas/Missing'
    User:
      allOf: [{$ref: "#/components/schemas/Entity"}, {type: object, properties: {mail: {type: string}}}]
    Group:
      allOf: [{$ref: "#/components/schemas/Entity"}, {type: object, properties: {members: {type: integer}}}]
    Device:
      allOf: [{$ref: "#/components/schemas/Entity"}, {type: object, properties: {os: {type: string}}}]
`;
  const built = modelOf(SHARED);
  const values = (name: string): string =>
    JSON.stringify(narrowedTo(built.schemas.find((s) => s.name === name)?.type, '@odata.type'));

  it('gives a kind every key that points at it, in the order the mapping lists them', () => {
    const user = values('User');
    expect(user).toContain('"#microsoft.graph.user"');
    expect(user).toContain('"#microsoft.graph.person"');
    expect(user.indexOf('#microsoft.graph.user')).toBeLessThan(user.indexOf('#microsoft.graph.person'));
    expect(user).not.toContain('#microsoft.graph.group');
  });

  it('gives another kind of the same base only its own key, and one the mapping skips its schema name', () => {
    expect(values('Group')).toContain('"#microsoft.graph.group"');
    expect(values('Group')).not.toContain('#microsoft.graph.user');
    expect(values('Device')).toContain('"Device"');
    expect(values('Device')).not.toContain('#microsoft.graph');
  });
});
