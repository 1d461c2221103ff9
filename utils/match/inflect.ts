/**
 * Inflected forms of names in languages that decline them, generated when the matcher is
 * compiled, so matching stays one exact pass: Czech "Ukrajina" is also "na Ukrajině", "z Ukrajiny",
 * "Ukrajinu", "Ukrajinou"; Russian "Москва" is also "в Москве", "из Москвы"; German "Russland" is
 * also "Russlands". Only regular endings of the nominative are handled, which covers most
 * country and city names; irregular forms belong in the pack as aliases.
 */

type Declension = (word: string) => string[];

/** Czech and Slovak: feminine -a, feminine -e/-ie, neuter -o, masculine consonant; adjectives -á/-ý/-é. */
function westSlavic(word: string, slovak: boolean): string[] {
  const lower = word.toLowerCase();
  const stem = word.slice(0, -1);
  const last = lower.slice(-1);
  const before = lower.slice(-2, -1);
  if (last === 'a' && lower.length > 3) {
    // Ukrajina, Praha, Amerika, Moskva.
    const soft = /[žščřcjďťň]/.test(before);
    const locative = soft
      ? `${stem}i`
      : before === 'h'
        ? `${word.slice(0, -2)}ze`
        : before === 'k'
          ? `${word.slice(0, -2)}ce`
          : before === 'r'
            ? `${word.slice(0, -2)}ře`
            : `${stem}ě`;
    return [soft ? `${stem}e` : `${stem}y`, locative, `${stem}u`, `${stem}ou`];
  }
  if (lower.endsWith('á') || lower.endsWith('ý') || lower.endsWith('é')) {
    // Adjectives of multiword names: Česká (republika), Spojené (státy).
    if (last === 'á') return [`${stem}é`, `${stem}ou`];
    if (last === 'ý') return [`${stem}ého`, `${stem}ém`, `${stem}ým`];
    return [];
  }
  if (last === 'e' && lower.length > 3) {
    // Francie, Itálie, Británie: -ie → -ii, -ií.
    return [`${stem}i`, `${stem}í`];
  }
  if (last === 'o' && lower.length > 3) {
    // Německo, Rusko, Polsko, Brno.
    return [`${stem}a`, `${stem}u`, slovak ? `${stem}om` : `${stem}em`, `${stem}ě`];
  }
  if (/[bcdfghjklmnpqrstvwxzčďňřšťž]$/.test(last) && lower.length > 3) {
    // Berlín, Kyjev, Irák, Izrael.
    const soft = /[žščřcjďťňl]/.test(last);
    const forms = soft
      ? [`${word}e`, `${word}i`, `${word}em`]
      : [`${word}a`, `${word}u`, `${word}ě`, `${word}e`, `${word}em`];
    if (slovak) forms.push(`${word}om`);
    return forms;
  }
  return [];
}

/** Polish: feminine -a (Polska → Polsce), masculine consonant. */
function polish(word: string): string[] {
  const lower = word.toLowerCase();
  const stem = word.slice(0, -1);
  if (lower.endsWith('ja')) return [`${stem.slice(0, -1)}ji`, `${stem}ę`, `${stem}ą`];
  if (lower.endsWith('a') && lower.length > 3) {
    const before = lower.slice(-2, -1);
    const base = word.slice(0, -2);
    const locative =
      before === 'k'
        ? `${base}ce`
        : before === 'g'
          ? `${base}dze`
          : before === 'r'
            ? `${base}rze`
            : before === 't'
              ? `${base}cie`
              : before === 'd'
                ? `${base}dzie`
                : `${stem}ie`;
    const genitive = /[kgl]/.test(before) ? `${stem}i` : `${stem}y`;
    return [genitive, locative, `${stem}ę`, `${stem}ą`];
  }
  if (/[bcdfghjklmnpqrstwxzńłś]$/.test(lower) && lower.length > 3)
    return [`${word}u`, `${word}a`, `${word}ie`, `${word}em`];
  return [];
}

/** Russian and Ukrainian: feminine -а/-я/-ия, masculine consonant, -ь and -й. */
function eastSlavic(word: string): string[] {
  const lower = word.toLowerCase();
  const stem = word.slice(0, -1);
  const last = lower.slice(-1);
  const before = lower.slice(-2, -1);
  if (lower.endsWith('ия')) return [`${stem}и`, `${stem}ю`, `${stem}ей`];
  if (last === 'а') {
    const genitive = /[кгхжшщч]/.test(before) ? `${stem}и` : `${stem}ы`;
    const instrumental = /[жшщчц]/.test(before) ? `${stem}ей` : `${stem}ой`;
    return [genitive, `${stem}е`, `${stem}у`, instrumental, `${stem}і`];
  }
  if (last === 'я') return [`${stem}и`, `${stem}е`, `${stem}ю`, `${stem}ей`];
  if (last === 'ь' || last === 'й')
    return [`${stem}я`, `${stem}ю`, `${stem}е`, `${stem}ем`, `${stem}і`];
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(last) && lower.length > 3)
    return [`${word}а`, `${word}у`, `${word}е`, `${word}ом`, `${word}і`];
  return [];
}

/** German: the genitive -s of names that do not end in a sibilant (Russlands, Irans). */
function german(word: string): string[] {
  return /[sxzß]$/i.test(word) || word.length < 3 ? [] : [`${word}s`];
}

const DECLENSIONS: Record<string, { decline: Declension; allWords: boolean }> = {
  cs: { decline: (word) => westSlavic(word, false), allWords: true },
  sk: { decline: (word) => westSlavic(word, true), allWords: true },
  pl: { decline: polish, allWords: true },
  ru: { decline: eastSlavic, allWords: true },
  uk: { decline: eastSlavic, allWords: true },
  be: { decline: eastSlavic, allWords: true },
  de: { decline: german, allWords: false },
};

/**
 * The inflected forms of an alias in its language (none for languages that do not decline
 * names). A name of several words is declined word by word, each word in the same case slot,
 * so adjective and noun agree ("Česká republika" → "České republiky").
 */
export function inflectionsOf(text: string, language: string): string[] {
  const rules = DECLENSIONS[language];
  if (!rules || text.length > 60) return [];
  const words = text.split(' ');
  if (!rules.allWords || words.length === 1) {
    const last = words[words.length - 1] ?? '';
    // Proper names only: a lower-case last word is a common noun ("válka"), left alone.
    if (last.charAt(0) === last.charAt(0).toLowerCase() && words.length > 1) return [];
    return rules
      .decline(last)
      .map((form) => [...words.slice(0, -1), form].join(' '))
      .filter((form) => form !== text);
  }
  const declined = words.map((word) => rules.decline(word));
  const slots = Math.max(...declined.map((forms) => forms.length));
  const out = new Set<string>();
  for (let slot = 0; slot < slots; slot++) {
    out.add(words.map((word, i) => declined[i]?.[slot] ?? word).join(' '));
  }
  out.delete(text);
  return [...out];
}
