/**
 * The runtime's synchronous SHA-256 and HMAC-SHA256 (what Stainless-style `webhooks.unwrap()`
 * verifies with) give node:crypto's digests: FIPS 180-4's examples, then every length around
 * the block and padding boundaries, and keys longer than a block.
 */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256 } from '../../generator/runtime/sha256.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const bytes = (length: number, seed: number): Uint8Array =>
  Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);

describe('sha256', () => {
  it('gives the digests of FIPS 180-4’s examples', () => {
    expect(hex(sha256(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(sha256(new Uint8Array(0)))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agrees with node:crypto on every length from 0 to 300 bytes', () => {
    for (let length = 0; length <= 300; length++)
      expect(hex(sha256(bytes(length, length))), `${length} bytes`).toBe(
        createHash('sha256').update(bytes(length, length)).digest('hex'),
      );
  });
});

describe('hmacSha256', () => {
  it('agrees with node:crypto for short keys, block-sized keys and keys longer than a block', () => {
    for (const keyLength of [0, 1, 24, 63, 64, 65, 200])
      for (const length of [0, 5, 55, 56, 64, 1000]) {
        const key = bytes(keyLength, 7);
        const message = bytes(length, 3);
        expect(hex(hmacSha256(key, message)), `key ${keyLength}, message ${length}`).toBe(
          createHmac('sha256', key).update(message).digest('hex'),
        );
      }
  });
});
