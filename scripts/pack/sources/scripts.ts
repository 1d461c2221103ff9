/**
 * The language a name in a non-Latin script is most likely in, for sources that give a "native"
 * name without saying which language it is. Latin-script names get Wikidata's `mul` (a name the
 * same in every language), since the script alone cannot tell French from Turkish.
 */

const BY_SCRIPT: [RegExp, (cca2: string) => string][] = [
  [
    /\p{Script=Arabic}/u,
    (cc) => (cc === 'IR' || cc === 'AF' || cc === 'TJ' ? 'fa' : cc === 'PK' ? 'ur' : 'ar'),
  ],
  [/\p{Script=Hebrew}/u, () => 'he'],
  [/\p{Script=Greek}/u, () => 'el'],
  [
    /\p{Script=Cyrillic}/u,
    (cc) => ({ UA: 'uk', BG: 'bg', RS: 'sr', MK: 'mk', BY: 'be', MN: 'mn', KZ: 'kk' })[cc] ?? 'ru',
  ],
  [/\p{Script=Georgian}/u, () => 'ka'],
  [/\p{Script=Armenian}/u, () => 'hy'],
  [/\p{Script=Hangul}/u, () => 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, () => 'ja'],
  [/\p{Script=Han}/u, (cc) => (cc === 'JP' ? 'ja' : 'zh')],
  [/\p{Script=Thai}/u, () => 'th'],
  [/\p{Script=Devanagari}/u, (cc) => (cc === 'NP' ? 'ne' : 'hi')],
  [/\p{Script=Bengali}/u, () => 'bn'],
  [/\p{Script=Ethiopic}/u, () => 'am'],
  [/\p{Script=Khmer}/u, () => 'km'],
  [/\p{Script=Myanmar}/u, () => 'my'],
  [/\p{Script=Lao}/u, () => 'lo'],
  [/\p{Script=Sinhala}/u, () => 'si'],
  [/\p{Script=Tamil}/u, () => 'ta'],
];

/** The language code for a name from a country (ISO alpha-2), by its script; `mul` for Latin. */
export function languageOfName(text: string, cca2: string): string {
  for (const [script, language] of BY_SCRIPT) if (script.test(text)) return language(cca2);
  return 'mul';
}
