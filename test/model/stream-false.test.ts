/**
 * `x-sdkgen-stream: false` on an operation (what a Stainless config without `streaming` gives):
 * the event stream the spec declares beside JSON is left out, and the method returns the JSON,
 * though its body has a `stream` flag. An event stream that is the only answer cannot be left out.
 */
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../generator/diagnostics.js';
import { modelOf, allOperations as operations } from '../helpers/model-of.js';

const chat = (
  extension: string,
  content = '{application/json: {schema: {type: object}}, text/event-stream: {}}',
) => `paths:
  /chat:
    post:
      operationId: chat
${extension}      requestBody: {content: {application/json: {schema: {type: object, properties: {stream: {type: boolean}}}}}}
      responses: {"200": {description: ok, content: ${content}}}
`;

describe('x-sdkgen-stream: false', () => {
  it('returns the JSON answer alone where the spec declares an event stream beside it', () => {
    const [streamed] = operations(modelOf(chat('')).root);
    expect(streamed?.streaming?.mode).toBe('flag');
    const [plain] = operations(modelOf(chat('      x-sdkgen-stream: false\n')).root);
    expect(plain?.streaming).toBeUndefined();
    expect(plain?.response.format).toBe('json');
  });

  it('is an error where the event stream is the only answer', () => {
    const spec = chat('      x-sdkgen-stream: false\n', '{text/event-stream: {schema: {type: string}}}');
    let messages: string[] = [];
    try {
      modelOf(spec);
    } catch (error) {
      if (!(error instanceof SpecError)) throw error;
      messages = error.diagnostics.map((d) => `${d.code}: ${d.message}`);
    }
    expect(messages).toEqual([
      "extension-invalid: `x-sdkgen-stream: false` leaves out the event stream, but it is the operation's only answer.",
    ]);
  });
});
