/**
 * A pack's signature: its publisher signs the exact bytes of `manifest.json` with an Ed25519 key
 * and ships the signature, base64, as `manifest.sig`. The manifest lists every file's SHA-256, so
 * one signature vouches for the whole pack. Readers pin the publisher's public key when they
 * subscribe (the manifest's `key`, shown as a fingerprint) and accept later manifests only when
 * they verify with that pinned key. WebCrypto only: the same code in Node 20, Chrome and Firefox.
 */

const ED25519 = { name: 'Ed25519' } as const;
/** A raw Ed25519 public key is 32 bytes; a signature 64. */
const KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;

/** Bytes as base64 (standard alphabet, padded). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Base64 back into bytes; null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) return null;
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * The fingerprint a reader compares with what the publisher announces: the SHA-256 of the raw
 * public key, in upper-case hex, in groups of four (`3F2A 91C0 …`, 16 groups).
 */
export async function fingerprintOf(publicKey: string): Promise<string> {
  const raw = fromBase64(publicKey);
  if (!raw || raw.byteLength !== KEY_BYTES) throw new Error('Not an Ed25519 public key');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', raw as BufferSource));
  const hex = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return (hex.toUpperCase().match(/.{4}/g) as string[]).join(' ');
}

/** A publisher's new key pair: the private key as PKCS#8 PEM, the public key raw and base64. */
export async function generateSigningKey(): Promise<{ privateKeyPem: string; publicKey: string }> {
  const pair = (await crypto.subtle.generateKey(ED25519, true, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const body = toBase64(pkcs8).replace(/.{1,64}/g, '$&\n');
  return {
    privateKeyPem: `-----BEGIN PRIVATE KEY-----\n${body}-----END PRIVATE KEY-----\n`,
    publicKey: toBase64(raw),
  };
}

/** A signing key read from PKCS#8 PEM (as `openssl genpkey -algorithm ed25519` writes it too). */
export interface SigningKey {
  privateKey: CryptoKey;
  /** Its public half, raw and base64: what goes into the manifest's `key`. */
  publicKey: string;
}

/** Read a PKCS#8 PEM Ed25519 private key; throws, saying why, when it is not one. */
export async function readSigningKey(pem: string): Promise<SigningKey> {
  const match = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/.exec(pem);
  const der = match ? fromBase64(match[1] ?? '') : null;
  if (!der) throw new Error('Expected a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----)');
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey('pkcs8', der as BufferSource, ED25519, true, [
      'sign',
    ]);
  } catch {
    throw new Error('The private key is not an Ed25519 key');
  }
  // The public key is the JWK's `x`; WebCrypto has no other way to derive it from the private key.
  const jwk = await crypto.subtle.exportKey('jwk', privateKey);
  const x = (jwk.x ?? '').replace(/-/g, '+').replace(/_/g, '/');
  return { privateKey, publicKey: `${x}${'='.repeat((4 - (x.length % 4)) % 4)}` };
}

/** Sign bytes (a manifest's exact bytes); the signature, base64. */
export async function signBytes(key: SigningKey, bytes: Uint8Array): Promise<string> {
  const signature = await crypto.subtle.sign(ED25519, key.privateKey, bytes as BufferSource);
  return toBase64(new Uint8Array(signature));
}

/**
 * Do `bytes` carry a valid signature by `publicKey`? `signature` is `manifest.sig`'s text (base64,
 * surrounding white space ignored). False for anything malformed, never a throw.
 */
export async function verifyBytes(
  publicKey: string,
  bytes: Uint8Array,
  signature: string,
): Promise<boolean> {
  const raw = fromBase64(publicKey);
  const sig = fromBase64(signature.trim());
  if (!raw || raw.byteLength !== KEY_BYTES || !sig || sig.byteLength !== SIGNATURE_BYTES)
    return false;
  try {
    const key = await crypto.subtle.importKey('raw', raw as BufferSource, ED25519, false, [
      'verify',
    ]);
    return await crypto.subtle.verify(ED25519, key, sig as BufferSource, bytes as BufferSource);
  } catch {
    return false;
  }
}
