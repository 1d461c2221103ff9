import { describe, expect, it } from 'vitest';
import {
  fingerprintOf,
  fromBase64,
  generateSigningKey,
  readSigningKey,
  signBytes,
  toBase64,
  verifyBytes,
} from '@/utils/knowledge/dist/signature';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('manifest signatures (Ed25519, WebCrypto)', () => {
  it('signs bytes with a PEM key and verifies them with its public half', async () => {
    const { privateKeyPem, publicKey } = await generateSigningKey();
    expect(privateKeyPem).toMatch(
      /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n$/,
    );
    const key = await readSigningKey(privateKeyPem);
    // The public key read back from the private one is the one generated with it.
    expect(key.publicKey).toBe(publicKey);
    expect(publicKey).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    const manifest = bytes('{"id":"test.pack"}\n');
    const signature = await signBytes(key, manifest);
    expect(await verifyBytes(publicKey, manifest, signature)).toBe(true);
    // manifest.sig may end with a newline.
    expect(await verifyBytes(publicKey, manifest, `${signature}\n`)).toBe(true);
  });

  it('refuses changed bytes, another key, and anything that is not a signature', async () => {
    const publisher = await readSigningKey((await generateSigningKey()).privateKeyPem);
    const other = await readSigningKey((await generateSigningKey()).privateKeyPem);
    const manifest = bytes('{"id":"test.pack","version":"1"}\n');
    const signature = await signBytes(publisher, manifest);
    expect(
      await verifyBytes(
        publisher.publicKey,
        bytes('{"id":"test.pack","version":"2"}\n'),
        signature,
      ),
    ).toBe(false);
    expect(await verifyBytes(other.publicKey, manifest, signature)).toBe(false);
    expect(await verifyBytes(publisher.publicKey, manifest, await signBytes(other, manifest))).toBe(
      false,
    );
    expect(await verifyBytes(publisher.publicKey, manifest, '')).toBe(false);
    expect(await verifyBytes(publisher.publicKey, manifest, 'not base64!')).toBe(false);
    expect(await verifyBytes(publisher.publicKey, manifest, toBase64(new Uint8Array(64)))).toBe(
      false,
    );
    expect(await verifyBytes('short', manifest, signature)).toBe(false);
  });

  it('reads only PKCS#8 PEM Ed25519 keys, saying why not', async () => {
    await expect(readSigningKey('hello')).rejects.toThrow(/PKCS#8 PEM/);
    const ecdsa = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, [
      'sign',
    ])) as CryptoKeyPair;
    const der = new Uint8Array(await crypto.subtle.exportKey('pkcs8', ecdsa.privateKey));
    const pem = `-----BEGIN PRIVATE KEY-----\n${toBase64(der)}\n-----END PRIVATE KEY-----\n`;
    await expect(readSigningKey(pem)).rejects.toThrow(/not an Ed25519 key/);
  });

  it('shows a key as the SHA-256 of its raw bytes, in sixteen groups of four', async () => {
    const raw = new Uint8Array(32).fill(7);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw));
    const hex = [...digest]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('')
      .toUpperCase();
    const fingerprint = await fingerprintOf(toBase64(raw));
    expect(fingerprint.split(' ')).toHaveLength(16);
    expect(fingerprint.replaceAll(' ', '')).toBe(hex);
    await expect(fingerprintOf(toBase64(new Uint8Array(16)))).rejects.toThrow(/Ed25519/);
  });

  it('round-trips base64 and refuses what is not', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    expect(fromBase64(toBase64(all))).toEqual(all);
    expect(fromBase64('a$b=')).toBeNull();
    expect(fromBase64('abc')).toBeNull();
  });
});
