/**
 * Words that name no entity a card could explain when a knowledge-base item happens to carry
 * them as a name: weekdays and months ("October" the film, "Friday" the band), nationalities and
 * languages ("German", "American": a language or a film by that name is not what "German
 * chancellor" means), numbers, single letters and two-letter lower-case words ("au", "du").
 * Build time only. Countries' demonyms and languages come from the world-countries package
 * (ODbL-1.0), already used for the countries themselves.
 */
import { createRequire } from 'node:module';
import { foldText } from '../breadth/words';

const require = createRequire(import.meta.url);

const CALENDAR = `
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december
  lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars avril mai juin juillet
  aout septembre octobre novembre decembre
  lunes martes miercoles jueves viernes sabado domingo enero febrero marzo abril mayo junio julio
  agosto septiembre octubre noviembre diciembre
  segunda terca quarta quinta sexta sabado domingo janeiro fevereiro marco abril maio junho julho
  agosto setembro outubro novembro dezembro
  montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar marz april mai juni
  juli august september oktober november dezember
`;

let words: Set<string> | undefined;

function load(): Set<string> {
  const set = new Set(CALENDAR.split(/\s+/).filter(Boolean));
  const countries = require('world-countries') as {
    demonyms?: Record<string, { f: string; m: string }>;
    languages?: Record<string, string>;
  }[];
  for (const country of countries) {
    for (const demonym of Object.values(country.demonyms ?? {})) {
      set.add(foldText(demonym.f));
      set.add(foldText(demonym.m));
    }
    for (const language of Object.values(country.languages ?? {})) set.add(foldText(language));
  }
  return set;
}

/** Is this name one a knowledge-base item must not be marked by? */
export function isNotAName(text: string): boolean {
  const trimmed = text.trim();
  const letters = trimmed.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return true;
  if (/^[\p{N}\s.,'’-]+$/u.test(trimmed)) return true;
  // Two lower-case Latin letters are a word ("au", "du", "of"), not a name.
  if (/^\p{Ll}{2}$/u.test(trimmed) && /^[a-z\u00C0-\u024F]+$/i.test(trimmed)) return true;
  words ??= load();
  return words.has(foldText(trimmed));
}
