/**
 * 144 people's names made up from 12 given names and 12 family names, none of them anyone
 * Wikipedia (or the fake) knows: a long page of look-ups that all miss, for the per-page limit.
 */
const GIVEN = [
  'Amara',
  'Bruno',
  'Celia',
  'Dario',
  'Elif',
  'Farid',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kiri',
  'Luca',
];
const FAMILY = [
  'Abbott',
  'Brandt',
  'Castell',
  'Dorsey',
  'Eames',
  'Falk',
  'Garnier',
  'Holt',
  'Ivers',
  'Janssen',
  'Kerr',
  'Lund',
];

export const UNKNOWN_PEOPLE: readonly string[] = GIVEN.flatMap((first) =>
  FAMILY.map((last) => `${first} ${last}`),
);

/** One sentence of a long page naming `person`. */
export const hearing = (person: string) =>
  `Yesterday the committee heard from ${person} about the budget.`;
