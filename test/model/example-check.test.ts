import { describe, expect, it } from 'vitest';
import { sortDiagnostics } from '../../generator/diagnostics.js';
import { loadSpec } from '../../generator/load/load-spec.js';
import { buildModel } from '../../generator/model/build-model.js';
import { openapi, specDir } from '../helpers/spec-files.js';

const SPEC = openapi(`paths:
  /reviews:
    get:
      parameters:
        - name: limit
          in: query
          example: 500
          schema: { type: integer, maximum: 100 }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Review' }
              example: { id: rev_1 }
components:
  schemas:
    Review:
      type: object
      required: [id, rating]
      properties:
        id: { type: string }
        rating: { type: integer, minimum: 1, maximum: 5, example: 0 }
        text: { type: string, example: 'A fine book.' }
`);

describe('examples that contradict their schema', () => {
  const { model, diagnostics } = buildModel(loadSpec('openapi.yaml', { cwd: specDir({ 'openapi.yaml': SPEC }) }));

  it('are warnings at the example itself, saying what is wrong', () => {
    expect(
      sortDiagnostics(diagnostics).map(
        (d) =>
          `${d.location?.line}:${d.location?.column} ${d.severity} ${d.code}: ${d.message.split(' It is left out')[0]}`,
      ),
    ).toEqual([
      '13:20 warning example-invalid: The example of parameter limit of GET /reviews does not fit its schema: example must be ≤ 100, got 500.',
      '21:24 warning example-invalid: The example of the response of GET /reviews does not fit its schema: example.rating is required.',
      '29:67 warning example-invalid: The example of Review.rating does not fit its schema: example must be ≥ 1, got 0.',
    ]);
  });

  it('are left out of the model, while valid ones stay', () => {
    const review = model.schemas.find((s) => s.name === 'Review');
    const properties = review?.type.kind === 'object' ? review.type.properties : [];
    expect(properties.find((p) => p.name === 'rating')?.docs.example).toBeUndefined();
    expect(properties.find((p) => p.name === 'text')?.docs.example?.value).toBe('A fine book.');
    const [operation] = model.root.children[0]?.operations ?? [];
    expect(operation?.response.example).toBeUndefined();
    expect(operation?.queryParams[0]?.docs.example).toBeUndefined();
  });
});
