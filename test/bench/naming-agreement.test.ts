/**
 * bench/naming-agreement.ts: the other way a sub-resource's calls could be named, which the
 * bench measures beside sdkgen's nested one.
 */
import { describe, expect, it } from 'vitest';
import { onParent } from '../../bench/naming-agreement.js';

describe("a sub-resource's calls on its parent", () => {
  it('are a verb and the noun: plural for a list, singular for one item, as it is for a single object', () => {
    expect(onParent('customers.sources.list', 'GET /v1/customers/{customer}/sources')).toBe('customers.listSources');
    expect(onParent('customers.sources.create', 'POST /v1/customers/{customer}/sources')).toBe(
      'customers.createSource',
    );
    expect(onParent('customers.taxIds.retrieve', 'GET /v1/customers/{customer}/tax_ids/{id}')).toBe(
      'customers.retrieveTaxId',
    );
    expect(onParent('customers.cashBalance.update', 'POST /v1/customers/{customer}/cash_balance')).toBe(
      'customers.updateCashBalance',
    );
  });
});
