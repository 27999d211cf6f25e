import { declaredErrors } from '../model/error-responses.js';
import type { OperationModel, TypeModel } from '../model/model.js';
import { objectProperties, resolveType, type SchemaLookup } from '../model/type-queries.js';
import { validateValue } from '../values/validate-value.js';
import { fakeValue } from './fake-data.js';

/** What went wrong, to be written in whatever error body the spec declares. */
export interface Failure {
  readonly status: number;
  readonly message: string;
  /** A short machine-readable code: `not_found`, `invalid_request`. */
  readonly code: string;
  readonly param?: string | null | undefined;
  /** The request's problems, for the default body, which lists them. */
  readonly problems?: readonly { readonly where: string; readonly message: string }[] | undefined;
  /** The `x-request-id` the answer carries, written into a `request_id` field too. */
  readonly requestId?: string | undefined;
}

/**
 * The status a bad request gets: 400, or 422 where the operation declares 422 and not 400
 * (as APIs that answer validation errors with 422 do).
 */
export function badRequestStatus(operation: OperationModel): number {
  const declared = new Set([...(operation.statuses ?? []), ...operation.errors.map((e) => e.status)]);
  return !declared.has('400') && declared.has('422') ? 422 : 400;
}

/**
 * Error bodies in the shape the spec declares for the status (`404`, else `4XX`, else `default`)
 * on the operation, else the operation's other error shape (one that declares only 404 answers
 * a bad request in that shape), else the shape most operations declare. The message, code,
 * status, parameter and request id go into the fields whose names say so, and the body holds
 * nothing else but the required fields and those with an example; a spec that declares no
 * error body gets OpenAI's `{ error: { message, type, param, code } }`.
 */
export class ErrorBodies {
  readonly #lookup: SchemaLookup;
  readonly #common = new Map<number, TypeModel | undefined>();
  readonly #operations: readonly OperationModel[];

  constructor(operations: readonly OperationModel[], lookup: SchemaLookup) {
    this.#lookup = lookup;
    this.#operations = operations;
  }

  body(failure: Failure, operation: OperationModel | undefined): unknown {
    const type =
      (operation === undefined ? undefined : (declaredFor(operation, failure.status) ?? operation.errors[0]?.type)) ??
      this.#commonType(failure.status);
    if (type === undefined) return defaultBody(failure);
    const made = fakeValue(type, {
      lookup: this.#lookup,
      seed: `error ${failure.status} ${failure.code}`,
      requiredOnly: true,
    });
    return fill(made, type, failure, this.#lookup, 0);
  }

  /** The error type most operations declare for a status, for calls that match no operation. */
  #commonType(status: number): TypeModel | undefined {
    if (this.#common.has(status)) return this.#common.get(status);
    const counts = new Map<string, { type: TypeModel; count: number }>();
    for (const operation of this.#operations) {
      const type = declaredFor(operation, status);
      if (type === undefined) continue;
      const key = JSON.stringify(type);
      const entry = counts.get(key) ?? { type, count: 0 };
      entry.count++;
      counts.set(key, entry);
    }
    const best = [...counts.values()].sort((a, b) => b.count - a.count)[0]?.type;
    this.#common.set(status, best);
    return best;
  }
}

function declaredFor(operation: OperationModel, status: number): TypeModel | undefined {
  return declaredErrors(operation, (code) => code === status)[0]?.type;
}

const MESSAGE = /^(message|msg|detail|details|title|description|error_description|error_message|errorMessage|reason)$/i;
/** A list of messages (Mux's `messages: [...]`), or of error objects (Asana's `errors: [{ message }]`). */
const MESSAGES = /^(messages|errors|error_messages|errorMessages)$/i;
const REQUEST_ID = /^(x[_-]?)?request[_-]?id$/i;
const CODE = /^(code|error_code|errorCode)$/i;
/** A category of errors, as OpenAI's `type: invalid_request_error` is. */
const CATEGORY = /^(type|error_type|errorType|kind)$/i;
const STATUS = /^(status|status_code|statusCode|http_status|httpStatus)$/i;
const PARAM = /^(param|parameter|field|pointer)$/i;

/** The failure written into a made error body, field by field, where each field's schema takes it. */
function fill(made: unknown, type: TypeModel, failure: Failure, lookup: SchemaLookup, depth: number): unknown {
  if (typeof made !== 'object' || made === null || Array.isArray(made) || depth > 4) return made;
  const body = made as Record<string, unknown>;
  const set = (name: string, value: unknown, fieldType: TypeModel): boolean => {
    if (validateValue(value, fieldType, undefined, lookup, name).length > 0) return false;
    body[name] = value;
    return true;
  };
  for (const property of objectProperties(type, lookup)) {
    const { name } = property;
    const resolved = resolveType(property.type, lookup);
    if (MESSAGE.test(name) || (name === 'error' && resolved?.kind === 'primitive'))
      set(name, failure.message, property.type);
    else if (MESSAGES.test(name) && resolved?.kind === 'array') {
      if (!set(name, [failure.message], property.type)) {
        const entry = fill({}, resolved.items, failure, lookup, depth + 1);
        set(name, [entry], property.type);
      }
    } else if (REQUEST_ID.test(name)) {
      if (failure.requestId !== undefined) set(name, failure.requestId, property.type);
    } else if (STATUS.test(name))
      set(name, failure.status, property.type) || set(name, String(failure.status), property.type);
    else if (CODE.test(name)) set(name, failure.code, property.type) || set(name, failure.status, property.type);
    else if (CATEGORY.test(name)) set(name, category(failure), property.type) || set(name, failure.code, property.type);
    else if (PARAM.test(name) && (failure.param != null || property.required))
      set(name, failure.param ?? null, property.type);
    else if (resolved?.kind === 'object' || resolved?.kind === 'intersection') {
      // An optional object left out of the made body still gets the failure, if it has a field for it.
      const nested = fill(body[name] ?? {}, property.type, failure, lookup, depth + 1);
      if (body[name] !== undefined || Object.keys(nested as object).length > 0) body[name] = nested;
    }
  }
  return body;
}

function category(failure: Failure): string {
  return failure.status >= 500 ? 'server_error' : 'invalid_request_error';
}

function defaultBody(failure: Failure): unknown {
  return {
    error: {
      message: failure.message,
      type: category(failure),
      param: failure.param ?? null,
      code: failure.code,
      ...(failure.problems === undefined ? {} : { problems: failure.problems }),
    },
  };
}
