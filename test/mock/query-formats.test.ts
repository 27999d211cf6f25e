// The mock reads query lists and objects as the API's query format (x-sdkgen-client.query,
// Stainless query_settings) has its clients write them, besides OpenAPI's own styles.
import { describe, expect, it } from 'vitest';
import { readQueryParam } from '../../generator/mock/params.js';
import { allOperations } from '../../generator/model/collections.js';
import type { ParameterModel } from '../../generator/model/model.js';
import { modelSpec } from '../../generator/model-spec.js';
import { ROOT } from '../helpers/paths.js';

const { model } = modelSpec(`${ROOT}/test/fixtures/stainless-client/openapi.yaml`, '/');
const schemas = new Map(model.schemas.map((s) => [s.name, s]));
const lookup = (name: string) => schemas.get(name);
const list = allOperations(model.root).find((o) => o.operationId === 'listMessages');
const param = (name: string): ParameterModel => {
  const found = list?.queryParams.find((p) => p.name === name);
  if (found === undefined) throw new Error(`no parameter ${name}`);
  return found;
};
const read = (name: string, query: string): unknown => {
  const found = readQueryParam(param(name), new URL(`http://127.0.0.1/v3/chats/c/messages?${query}`), lookup);
  return 'value' in found ? found.value : found;
};

describe('the mock reads the query formats', () => {
  it('reads a list repeated, with brackets or with indices', () => {
    expect(read('senders', 'senders=a&senders=b')).toEqual(['a', 'b']);
    expect(read('senders', 'senders%5B%5D=a&senders%5B%5D=b')).toEqual(['a', 'b']);
    expect(read('senders', 'senders%5B0%5D=a&senders%5B1%5D=b')).toEqual(['a', 'b']);
  });

  it('reads an object with brackets or with dots', () => {
    expect(read('filter', 'filter%5Bkind%5D=sms&filter%5Bsince%5D=2024')).toEqual({ kind: 'sms', since: '2024' });
    expect(read('filter', 'filter.kind=sms&filter.since=2024')).toEqual({ kind: 'sms', since: '2024' });
  });
});
