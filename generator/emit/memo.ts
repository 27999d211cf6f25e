/**
 * Runs one emitter, or hands back what it made last time from the same inputs: `inputs` are
 * what `make` reads, given back to it as its arguments. `sdkgen generate --watch` passes one that
 * remembers (incremental/emit-memo.ts); the default runs every emitter.
 */
export type EmitMemo = <A extends unknown[], T>(
  key: string,
  inputs: [...A],
  make: (...inputs: NoInfer<A>) => T,
  /**
   * `deep`: tell the inputs' parts apart by what the emitter read of them at every depth, not
   * only at the top: for an emitter that reads the whole model but not its every field (no
   * description), and compares nothing it reached with an object from elsewhere.
   */
  how?: { readonly deep?: boolean },
) => T;

export const emitEach: EmitMemo = (_key, inputs, make) => make(...inputs);
