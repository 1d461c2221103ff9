import { describe, expect, it } from 'vitest';
import {
  E2E_MODE,
  extensionPagesCsp,
  LIVE_CONTACT,
  liveBuildConfig,
  livePermissions,
  WIKIMEDIA_IMAGES,
} from '@/utils/live/build-config';
import { DEFAULT_ENDPOINTS } from '@/utils/live/endpoints';
import { apiUserAgent } from '@/utils/live/http';
import { allHostPermissions } from '@/utils/live/sources';

const FAKE = {
  wikipediaRest: 'http://127.0.0.1:4100/wikipedia/{lang}/api/rest_v1',
  wikipediaApi: 'http://127.0.0.1:4100/wikipedia/{lang}/w/api.php',
  wikidataApi: 'http://127.0.0.1:4100/wikidata/w/api.php',
  gdelt: 'http://127.0.0.1:4100/gdelt/api/v2/doc/doc',
  guardian: 'http://127.0.0.1:4100/guardian',
};

describe('which services a build talks to', () => {
  it('production: the real hosts, pictures from Wikimedia only, whatever the mode', () => {
    for (const mode of ['production', 'development', E2E_MODE, undefined]) {
      const config = liveBuildConfig(mode, undefined);
      expect(config.endpoints).toEqual(DEFAULT_ENDPOINTS);
      expect(config.imageOrigins).toEqual([WIKIMEDIA_IMAGES]);
      expect(config.fake).toBe(false);
    }
    expect(allHostPermissions(liveBuildConfig('production', undefined).endpoints)).toEqual([
      'https://*.wikipedia.org/*',
      'https://www.wikidata.org/*',
      'https://api.gdeltproject.org/*',
      'https://content.guardianapis.com/*',
    ]);
  });

  it('a fake only in an e2e build, and only on the loopback address', () => {
    const raw = JSON.stringify({ endpoints: FAKE, gdeltSpacingMs: 200 });
    expect(() => liveBuildConfig('production', raw)).toThrow(
      /only read by builds in the "e2e" mode/,
    );
    const e2e = liveBuildConfig(E2E_MODE, raw);
    expect(e2e).toMatchObject({ endpoints: FAKE, gdeltSpacingMs: 200, fake: true });
    expect(e2e.imageOrigins).toEqual([WIKIMEDIA_IMAGES, 'http://127.0.0.1:4100']);
    expect(allHostPermissions(e2e.endpoints)).toEqual(['http://127.0.0.1/*']);
    for (const elsewhere of [
      'https://evil.example/wiki',
      'http://localhost:4100/x',
      'http://127.0.0.1/x',
    ])
      expect(() =>
        liveBuildConfig(E2E_MODE, JSON.stringify({ endpoints: { ...FAKE, gdelt: elsewhere } })),
      ).toThrow(/must be an http:\/\/127\.0\.0\.1:<port>\/ address/);
  });

  it('the extension pages’ policy adds only pictures from those origins to WXT’s default', () => {
    expect(extensionPagesCsp(liveBuildConfig('production', undefined), 3)).toBe(
      "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; img-src 'self' https://upload.wikimedia.org;",
    );
    expect(extensionPagesCsp(liveBuildConfig('production', undefined), 2)).toBe(
      "script-src 'self'; object-src 'self'; img-src 'self' https://upload.wikimedia.org;",
    );
  });

  it('asks Firefox for its data consent with a source’s hosts, and Chrome for the hosts alone', () => {
    expect(livePermissions(['https://*.wikipedia.org/*'], true)).toEqual({
      origins: ['https://*.wikipedia.org/*'],
      data_collection: ['websiteContent'],
    });
    expect(livePermissions(['https://*.wikipedia.org/*'], false)).toEqual({
      origins: ['https://*.wikipedia.org/*'],
    });
  });

  it('names Backstory and a contact to Wikimedia', () => {
    expect(apiUserAgent('0.1.0', LIVE_CONTACT)).toBe(
      'Backstory/0.1.0 (https://github.com/backstory-news/backstory; maintainers@backstory.news)',
    );
  });
});
