import type { BuiltInPack } from '../pack-service';
import { MANIFEST_FILE, parseManifest } from './manifest';

/** Where the built-in pack sits in the extension package. */
export const BUILT_IN_DIR = '/packs/default';

/**
 * The built-in pack, read where it ships: its manifest, and each file fetched from the package
 * when it is needed (`fetchPath` is `fetch` of the extension's own URL for a path).
 */
export async function packageBuiltIn(
  fetchPath: (path: string) => Promise<Response>,
): Promise<BuiltInPack> {
  const response = await fetchPath(`${BUILT_IN_DIR}/${MANIFEST_FILE}`);
  const parsed = parseManifest(await response.json());
  if (!parsed.ok) throw new Error(`The built-in pack is damaged: ${parsed.errors.join('; ')}`);
  return {
    manifest: parsed.manifest,
    read: async (name) => {
      const file = await fetchPath(`${BUILT_IN_DIR}/${name}`);
      if (!file.ok) throw new Error(`The built-in pack lacks ${name}`);
      return new Uint8Array(await file.arrayBuffer());
    },
  };
}
