/**
 * Where each live service lives. A plain object passed to every function that makes a request, so
 * a test build can point all of them at a local fake (`test/fakes/live-server.ts`). `{lang}` in a
 * Wikipedia address stands for the wiki's language code (`en`, `ar`).
 */
export interface LiveEndpoints {
  /** Wikipedia's REST API root, e.g. `https://{lang}.wikipedia.org/api/rest_v1`. */
  wikipediaRest: string;
  /** Wikipedia's action API, e.g. `https://{lang}.wikipedia.org/w/api.php`. */
  wikipediaApi: string;
  /** Wikidata's action API, e.g. `https://www.wikidata.org/w/api.php`. */
  wikidataApi: string;
  /** GDELT DOC 2.0, e.g. `https://api.gdeltproject.org/api/v2/doc/doc`. */
  gdelt: string;
  /** The Guardian Open Platform's content API root, e.g. `https://content.guardianapis.com`. */
  guardian: string;
}

/** The real services. */
export const DEFAULT_ENDPOINTS: Readonly<LiveEndpoints> = Object.freeze({
  wikipediaRest: 'https://{lang}.wikipedia.org/api/rest_v1',
  wikipediaApi: 'https://{lang}.wikipedia.org/w/api.php',
  wikidataApi: 'https://www.wikidata.org/w/api.php',
  gdelt: 'https://api.gdeltproject.org/api/v2/doc/doc',
  guardian: 'https://content.guardianapis.com',
});

/** Wikipedias we ask, by the language of the page being read (live discovery's languages). */
export const WIKIPEDIA_LANGUAGES = ['en', 'ar', 'fr', 'es', 'pt', 'de', 'it', 'nl'] as const;

/** An endpoint template with its language filled in. Unknown languages fall back to English. */
export function forLanguage(template: string, lang: string): string {
  const known = (WIKIPEDIA_LANGUAGES as readonly string[]).includes(lang) ? lang : 'en';
  return template.replaceAll('{lang}', known);
}

/**
 * The host permission an endpoint needs, as a match pattern: `https://*.wikipedia.org/*` for a
 * `{lang}` template. Ports are left out: a pattern without a port matches every port in both
 * Chromium and Firefox, and one with a port is not accepted everywhere.
 */
export function hostPattern(template: string): string {
  const url = new URL(template.replaceAll('{lang}', 'lang-placeholder'));
  const host = url.hostname.replace(/^lang-placeholder(?=\.)/, '*');
  return `${url.protocol}//${host}/*`;
}

/** True for Wikimedia's own hosts, which ask every tool to name itself in `Api-User-Agent`. */
export function isWikimediaHost(hostname: string): boolean {
  return /(^|\.)(wikipedia|wikidata|wikimedia|mediawiki)\.org$/i.test(hostname);
}
