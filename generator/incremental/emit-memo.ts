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

type Read =
  | { readonly kind: 'value'; readonly value: unknown }
  | {
      readonly kind: 'object';
      readonly target: object;
      readonly whole: boolean;
      readonly props: Map<PropertyKey, unknown>;
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
    return (key, inputs, make) => {
      const previous = this.#entries.get(key);
      if (previous !== undefined && stillHolds(previous.reads, inputs)) {
        this.#next.set(key, previous);
        this.stats.reused++;
        return previous.result as ReturnType<typeof make>;
      }
      const reads = inputs.map(recorder);
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

function recorder(input: unknown): { proxy: unknown; read: Read } {
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
  const props = new Map<PropertyKey, unknown>();
  const read = { kind: 'object' as const, target: input, whole: false, props };
  const proxy = new Proxy(input, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      props.set(prop, value);
      return value;
    },
    has(target, prop) {
      props.set(prop, Reflect.get(target, prop));
      return Reflect.has(target, prop);
    },
    ownKeys(target) {
      (read as { whole: boolean }).whole = true;
      return Reflect.ownKeys(target);
    },
    getOwnPropertyDescriptor(target, prop) {
      (read as { whole: boolean }).whole = true;
      return Reflect.getOwnPropertyDescriptor(target, prop);
    },
  });
  return { proxy, read };
}

function stillHolds(reads: readonly Read[], inputs: readonly unknown[]): boolean {
  if (reads.length !== inputs.length) return false;
  return reads.every((read, i) => {
    const input = inputs[i];
    switch (read.kind) {
      case 'value':
        return Object.is(read.value, input);
      case 'object': {
        if (input === read.target) return true;
        if (read.whole || input === null || typeof input !== 'object') return false;
        if (Object.getPrototypeOf(input) !== Object.getPrototypeOf(read.target)) return false;
        for (const [prop, value] of read.props) if (!Object.is(Reflect.get(input, prop), value)) return false;
        return true;
      }
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
