import type { EmitMemo } from '../emit/memo.js';

/**
 * Emits a file again only when what its emitter read has changed. Each emitter is a pure
 * function of its arguments, and the model is immutable: a changed part of it is a new object,
 * and so is everything that holds it (model-patch.ts copies on write). So an emitter's output is
 * still right when every argument it read is the same value as last time:
 * - a primitive, compared by value;
 * - an object, through the top-level properties the emitter read, each compared by identity
 *   (listing its keys, as a spread or JSON.stringify does, compares the object itself);
 * - a function (the schema lookup), through the calls it answered, each answer by identity.
 * The emitter sees a recording proxy of each object argument, so it must not compare one by
 * identity with an object it got elsewhere; test/incremental/ compares every file with a run
 * without the memo.
 */

/** What an emitter read of one object: its top-level properties, or (`whole`) the object itself. */
interface ObjectReads {
  readonly target: object;
  whole: boolean;
  readonly props: Map<PropertyKey, unknown>;
}

type Read =
  | { readonly kind: 'value'; readonly value: unknown }
  | {
      readonly kind: 'object';
      readonly reads: ObjectReads;
      /** With `deep`, what was read of each object reached through it, by the object. */
      readonly below: Map<object, ObjectReads> | undefined;
    }
  | { readonly kind: 'calls'; readonly fn: unknown; readonly calls: Map<unknown, unknown> };

interface Entry {
  readonly reads: readonly Read[];
  readonly result: unknown;
}

export interface MemoStats {
  emitted: number;
  reused: number;
}

/** A memo over runs: entries are replaced by each run's, so what a run does not emit is forgotten. */
export class EmitMemoStore {
  #entries = new Map<string, Entry>();
  #next = new Map<string, Entry>();
  readonly stats: MemoStats = { emitted: 0, reused: 0 };

  /** Starts a run; `memo` is that run's memo. */
  begin(): EmitMemo {
    this.#next = new Map();
    this.stats.emitted = 0;
    this.stats.reused = 0;
    return (key, inputs, make, how) => {
      const previous = this.#entries.get(key);
      if (previous !== undefined && stillHolds(previous.reads, inputs)) {
        this.#next.set(key, previous);
        this.stats.reused++;
        return previous.result as ReturnType<typeof make>;
      }
      const reads = inputs.map((input) => recorder(input, how?.deep === true));
      const result = make(...(reads.map((r) => r.proxy) as unknown as typeof inputs));
      // The reads go on being recorded until the result is made: an emitter's result is text.
      this.#next.set(key, { reads: reads.map((r) => r.read), result });
      this.stats.emitted++;
      return result;
    };
  }

  /** Ends a run that succeeded: its entries are the next run's. */
  commit(): void {
    this.#entries = this.#next;
  }

  /** Forgets everything (a run failed half-way, or the options changed). */
  clear(): void {
    this.#entries = new Map();
    this.#next = new Map();
  }
}

function recorder(input: unknown, deep: boolean): { proxy: unknown; read: Read } {
  if (typeof input === 'function') {
    const calls = new Map<unknown, unknown>();
    const fn = input as (arg: unknown) => unknown;
    const proxy = (arg: unknown): unknown => {
      const answer = fn(arg);
      calls.set(arg, answer);
      return answer;
    };
    return { proxy, read: { kind: 'calls', fn, calls } };
  }
  if (input === null || typeof input !== 'object') return { proxy: input, read: { kind: 'value', value: input } };
  const below = deep ? new Map<object, ObjectReads>() : undefined;
  // One proxy per object, so that the emitter's own comparisons of what it reached still hold.
  const proxies = new Map<object, object>();
  const proxyOf = (target: object, reads: ObjectReads): object => {
    const known = proxies.get(target);
    if (known !== undefined) return known;
    const seen = (value: unknown): unknown => {
      if (below === undefined || value === null || typeof value !== 'object') return value;
      let inner = below.get(value);
      if (inner === undefined) {
        inner = { target: value, whole: false, props: new Map() };
        below.set(value, inner);
      }
      return proxyOf(value, inner);
    };
    const proxy = new Proxy(target, {
      get(object, prop) {
        const value = Reflect.get(object, prop);
        reads.props.set(prop, value);
        return seen(value);
      },
      has(object, prop) {
        reads.props.set(prop, Reflect.get(object, prop));
        return Reflect.has(object, prop);
      },
      ownKeys(object) {
        reads.whole = true;
        return Reflect.ownKeys(object);
      },
      getOwnPropertyDescriptor(object, prop) {
        reads.whole = true;
        return Reflect.getOwnPropertyDescriptor(object, prop);
      },
    });
    proxies.set(target, proxy);
    return proxy;
  };
  const reads: ObjectReads = { target: input, whole: false, props: new Map() };
  return { proxy: proxyOf(input, reads), read: { kind: 'object', reads, below } };
}

/** Whether `input` gives what `reads` recorded: the same object, or the same values where read (deeply, with `below`). */
function holds(reads: ObjectReads, input: unknown, below: Map<object, ObjectReads> | undefined): boolean {
  if (input === reads.target) return true;
  if (reads.whole || input === null || typeof input !== 'object') return false;
  if (Object.getPrototypeOf(input) !== Object.getPrototypeOf(reads.target)) return false;
  for (const [prop, value] of reads.props) {
    const now = Reflect.get(input, prop);
    const inner = value !== null && typeof value === 'object' ? below?.get(value) : undefined;
    if (inner === undefined ? !Object.is(now, value) : !holds(inner, now, below)) return false;
  }
  return true;
}

function stillHolds(reads: readonly Read[], inputs: readonly unknown[]): boolean {
  if (reads.length !== inputs.length) return false;
  return reads.every((read, i) => {
    const input = inputs[i];
    switch (read.kind) {
      case 'value':
        return Object.is(read.value, input);
      case 'object':
        return holds(read.reads, input, read.below);
      case 'calls': {
        if (typeof input !== 'function') return false;
        for (const [arg, answer] of read.calls)
          if (!Object.is((input as (a: unknown) => unknown)(arg), answer)) return false;
        return true;
      }
      default: {
        const never: never = read;
        throw new Error(`unknown read ${String(never)}`);
      }
    }
  });
}
