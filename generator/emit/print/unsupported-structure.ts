/**
 * A structure the printer does not print: a kind, or a property set on a structure, that none of
 * our emitters uses. Printing it wrong silently would change the output; naming it lets whoever
 * adds it to an emitter add it here too (with a case in test/emit/print-identity.test.ts).
 */
export class UnsupportedStructureError extends Error {
  /** Where in the module, as the path of structures down to it: `class Foo › method bar`. */
  readonly location: string;

  constructor(what: string, location: string) {
    super(`the structure printer cannot print ${what} (at ${location || 'the module'})`);
    this.name = 'UnsupportedStructureError';
    this.location = location;
  }
}

/**
 * Throws on a property with a value that is not one of `printed`: the printer reads only those.
 * An empty array counts as no value, as ts-morph prints nothing for one.
 */
export function checkProperties(structure: object, printed: ReadonlySet<string>, what: string, location: string): void {
  for (const key in structure) {
    if (printed.has(key)) continue;
    const value = (structure as Record<string, unknown>)[key];
    if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
    throw new UnsupportedStructureError(`the property \`${key}\` of ${what}`, location);
  }
}
