/**
 * The pack format as a JSON Schema (draft-07), generated from the valibot schema so the two can
 * never disagree: `npm run pack:schema` writes packs/schema/backstory-pack.v1.schema.json, and a
 * unit test fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { KnowledgePack, PACK_SCHEMA_VERSION } from '../../utils/knowledge/schema';

export const SCHEMA_PATH = resolve(
  fileURLToPath(import.meta.url),
  '../../../packs/schema/backstory-pack.v1.schema.json',
);

export function packJsonSchema(): string {
  const schema = toJsonSchema(KnowledgePack, { errorMode: 'ignore' });
  return `${JSON.stringify(
    {
      ...schema,
      $id: `https://backstory.news/schema/backstory-pack.v${PACK_SCHEMA_VERSION}.schema.json`,
      title: 'Backstory knowledge pack',
      description:
        'Entities with names per language, summaries, dated facts and timelines with coverage links.',
    },
    null,
    2,
  )}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(SCHEMA_PATH, packJsonSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
