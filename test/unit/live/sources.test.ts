import { describe, expect, it } from 'vitest';
import { ENGLISH } from '@/utils/i18n/english';
import { DEFAULT_ENDPOINTS, hostPattern, isWikimediaHost } from '@/utils/live/endpoints';
import {
  allHostPermissions,
  hostPermissions,
  LIVE_SOURCES,
  liveSource,
} from '@/utils/live/sources';
import { testTranslator } from '../../support/i18n';

describe('live source registry', () => {
  it('lists each source off by default, saying in one sentence what it sends where', () => {
    expect(LIVE_SOURCES.map((source) => source.id)).toEqual([
      'wikipedia',
      'wikidata',
      'gdelt',
      'guardian',
    ]);
    for (const source of LIVE_SOURCES) {
      expect(source.enabledByDefault).toBe(false);
      const sends = ENGLISH.t(source.sendsKey);
      expect(sends).toMatch(/^Sends .+, never the page's address, to .+\.$/);
      expect(sends.split('. ')).toHaveLength(1);
      expect([source.nameKey, source.sendsKey, source.addsKey]).toEqual([
        `live_${source.id}_name`,
        `live_${source.id}_sends`,
        `live_${source.id}_adds`,
      ]);
    }
    expect(ENGLISH.t(liveSource('wikipedia').sendsKey)).toBe(
      "Sends the names Backstory finds, never the page's address, to Wikipedia.",
    );
    expect(liveSource('guardian').needsKey).toBe(true);
  });

  it('says the same in Arabic, naming each service as the Arabic press does', async () => {
    const arabic = await testTranslator('ar');
    expect(LIVE_SOURCES.map((source) => arabic.t(source.nameKey))).toEqual([
      'ويكيبيديا',
      'ويكي بيانات',
      'GDELT',
      'ذا غارديان',
    ]);
    for (const source of LIVE_SOURCES)
      expect(arabic.t(source.sendsKey)).toMatch(/^يرسل إلى .+، ولا يرسل عنوان الصفحة أبداً\.$/);
  });

  it('names the host permissions each source needs, for optional host permissions', () => {
    expect(hostPermissions('wikipedia')).toEqual(['https://*.wikipedia.org/*']);
    expect(hostPermissions('wikidata')).toEqual(['https://www.wikidata.org/*']);
    expect(hostPermissions('gdelt')).toEqual(['https://api.gdeltproject.org/*']);
    expect(hostPermissions('guardian')).toEqual(['https://content.guardianapis.com/*']);
    expect(allHostPermissions(DEFAULT_ENDPOINTS)).toHaveLength(4);
  });

  it('derives permissions from the endpoints given, without ports (a local fake)', () => {
    const fake = {
      wikipediaRest: 'http://127.0.0.1:4000/wikipedia/{lang}/api/rest_v1',
      wikipediaApi: 'http://127.0.0.1:4000/wikipedia/{lang}/w/api.php',
      wikidataApi: 'http://127.0.0.1:4000/wikidata/w/api.php',
      gdelt: 'http://127.0.0.1:4000/gdelt/api/v2/doc/doc',
      guardian: 'http://127.0.0.1:4000/guardian',
    };
    expect(allHostPermissions(fake)).toEqual(['http://127.0.0.1/*']);
    expect(hostPattern('https://{lang}.wikipedia.org/w/api.php')).toBe('https://*.wikipedia.org/*');
  });

  it('knows which hosts are Wikimedia’s', () => {
    expect(isWikimediaHost('ar.wikipedia.org')).toBe(true);
    expect(isWikimediaHost('www.wikidata.org')).toBe(true);
    expect(isWikimediaHost('wikipedia.org.evil.example')).toBe(false);
    expect(isWikimediaHost('api.gdeltproject.org')).toBe(false);
  });
});
