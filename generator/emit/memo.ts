/**
 * Runs one emitter, or hands back what it made last time from the same inputs: `inputs` are
 * what `make` reads, given back to it as its arguments. `sdkgen generate --watch` passes one that
 * remembers (incremental/emit-memo.ts); the default runs every emitter.
 */
export type EmitMemo = <A extends unknown[], T>(key: string, inputs: [...A], make: (...inputs: NoInfer<A>) => T) => T;

export const emitEach: EmitMemo = (_key, inputs, make) => make(...inputs);
