import { ensureDefaultPack } from '../../scripts/pack/build';

/** Unit tests that read the real default pack need it built (cached when up to date). */
export default async function setup() {
  await ensureDefaultPack();
}
