/**
 * `npm run pack`: the pack pipeline's command line (`build.ts` builds, `publish.ts` publishes).
 *
 *   npm run pack                 build (skipped when the output is newer than its inputs)
 *   npm run pack -- --force      build anyway
 *   npm run pack -- --report     build and print the pack report (`--verbose`: corpus misses too)
 *   npm run pack -- --publish DIR --key KEY [--pack FILE]   a signed folder to serve
 *   npm run pack -- --keygen KEYFILE                        a publisher's key
 */
import { writeDefaultPack } from './build';
import { PACK_DIR } from './paths';

if (process.argv.some((arg) => arg === '--publish' || arg === '--keygen')) {
  const { publishMain } = await import('./publish');
  process.exit(await publishMain(process.argv.slice(2)));
}
const report = process.argv.includes('--report');
try {
  const { pack, written } = await writeDefaultPack(process.argv.includes('--force') || report);
  console.log(
    written ? `pack: wrote ${PACK_DIR} (${pack?.entities.length} entities)` : 'pack: up to date',
  );
  if (report && pack) {
    const { printReport } = await import('./report');
    await printReport(pack, process.argv.includes('--verbose'));
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
