import { describe, expect, it } from 'vitest';
import { declaredErrors } from '../../generator/model/error-responses.js';
import type { ErrorResponseModel } from '../../generator/model/model.js';

const error = (status: string, name: string): ErrorResponseModel =>
  ({ status, type: { kind: 'ref', name } }) as unknown as ErrorResponseModel;

describe('the error bodies an operation declares for a status', () => {
  const ranged = { errors: [error('4XX', 'ClientError'), error('5XX', 'ServerError')] };
  const own = { errors: [error('404', 'NotFound'), error('4XX', 'ClientError'), error('DEFAULT', 'Other')] };
  const notFound = (s: number): boolean => s === 404;
  const serverError = (s: number): boolean => s >= 500;

  it("takes the status's own code, else its range, else the default", () => {
    expect(declaredErrors(own, notFound).map((e) => e.status)).toEqual(['404']);
    expect(declaredErrors(ranged, notFound).map((e) => e.status)).toEqual(['4XX']);
    expect(declaredErrors(own, serverError).map((e) => e.status)).toEqual(['DEFAULT']);
  });

  it('answers each operation alike when one matcher is asked about many (its ranges are remembered)', () => {
    for (let i = 0; i < 3; i++) {
      expect(declaredErrors(ranged, serverError).map((e) => e.status)).toEqual(['5XX']);
      expect(declaredErrors(ranged, notFound).map((e) => e.status)).toEqual(['4XX']);
      expect(declaredErrors(ranged, (s) => s === 302)).toEqual([]);
    }
  });
});
