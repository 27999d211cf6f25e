import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import type { ApiModel, NamedSchema } from '../../generator/model/model.js';
import { ROOT } from '../helpers/paths.js';

/** The model of a fixture spec, and a lookup of its schemas. */
export function fixtureModel(name: string): { model: ApiModel; lookup: (name: string) => NamedSchema | undefined } {
  const { model } = buildModel(loadSpec(`test/fixtures/${name}/openapi.yaml`, { cwd: ROOT }));
  const schemas = new Map(model.schemas.map((s) => [s.name, s]));
  return { model, lookup: (schema) => schemas.get(schema) };
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: answers are JSON, checked by the assertions.
  readonly body: any;
}

/** A JSON (or multipart) call with the given headers; the answer parsed when it is JSON, else text. */
export async function callMock(
  baseURL: string,
  headers: Readonly<Record<string, string>>,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const sent: Record<string, string> = { ...headers };
  let payload: BodyInit | null = null;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    sent['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(`${baseURL}${path}`, { method, headers: sent, body: payload });
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: type.includes('json') ? JSON.parse(text) : text };
}
