import { describe, expect, it } from 'vitest';
import { forgetWords, words } from '../../generator/model/names.js';
import { modelSpec } from '../../generator/model-spec.js';
import { heapHoldsString } from '../helpers/heap-strings.js';
import { openapi, specDir } from '../helpers/spec-files.js';

// The model worker emits from the model alone: what only the load and the model needed must not
// stay live through the emit, where a big spec's run peaks in memory (Graph's text is 41 MB in
// memory, the words cache 17 MB). Each test's marker is made from two halves, so that this file
// holds no string with the whole marker until it searches the heap for it.
const HALVES = ['heap-release-', 'marker-7f3c9a'] as const;
const marker = (): string => HALVES.join('');

/** A spec whose first line is the marker, with a warning that has a location: formatting its excerpt indexes the spec's lines. */
function markedSpecDir(): string {
  const text = `# ${HALVES[0]}${HALVES[1]}\n${openapi(`paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { name: { type: string, optional: true } } }
`)}`;
  return specDir({ 'openapi.yaml': text });
}

describe('what is let go once the model is made', () => {
  it("modelSpec keeps no reference to the spec's text once its warnings are formatted", async () => {
    const dir = markedSpecDir();
    const { warnings } = modelSpec('openapi.yaml', dir);
    expect(warnings.map((w) => w.formatted).join('\n')).toContain('key-unknown');
    expect(await heapHoldsString(marker)).toBe(false);
  });

  it('forgetWords lets go of every text split so far', async () => {
    expect(words(`${HALVES[0]}${HALVES[1]}`)).toEqual(['heap', 'release', 'marker', '7f3c9a']);
    forgetWords();
    expect(await heapHoldsString(marker)).toBe(false);
    // Splitting again gives the same words.
    expect(words(`${HALVES[0]}${HALVES[1]}`)).toEqual(['heap', 'release', 'marker', '7f3c9a']);
  });
});
