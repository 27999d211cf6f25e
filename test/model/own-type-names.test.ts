// What an operation's type names are read back as for the names lock: per role, the first
// candidate that was free when offered, once the operation has claimed it.
import { describe, expect, it } from 'vitest';
import { NameRegistry } from '../../generator/model/names.js';
import { OwnTypeNames } from '../../generator/model/own-type-names.js';

describe('the type names an operation took', () => {
  it('is the first candidate free when offered, skipping taken and kept ones', () => {
    const names = new NameRegistry(['UserGetParams']);
    names.keep(['MeUserGetParams']);
    const own = new OwnTypeNames(names, undefined);
    names.claim(...own.offer('Params', ['UserGetParams', 'MeUserGetParams', 'UsersUserGetParams', 'Other']));
    expect(own.taken).toEqual({ Params: 'UsersUserGetParams' });
  });

  it('is the candidate as an identifier, as the registry claims it', () => {
    const names = new NameRegistry();
    const own = new OwnTypeNames(names, undefined);
    expect(names.claim(...own.offer('Params', ['100 Params']))).toBe('_100Params');
    expect(own.taken).toEqual({ Params: '_100Params' });
  });

  it('leaves out a role whose names were all taken when offered, and one the operation did not claim', () => {
    const names = new NameRegistry(['ItemResponse']);
    const own = new OwnTypeNames(names, undefined);
    names.claim(...own.offer('Response', ['ItemResponse']));
    own.offer('Body', ['ItemBody']);
    expect(own.taken).toEqual({});
  });
});
