/**
 * Facts for a card, from an item's statements, written as the breadth generators write them
 * (`breadth/leaders.ts`, `countries.ts`, `parties.ts`): "Office" with from/to, "Party",
 * "Capital", "Population", "Country", "Founded", "Headquarters", and a country's "Head of state"
 * and "Head of government" with their terms. Facts that name another item need its name from the
 * label table; one whose item has no name there is left out rather than shown as a bare Q-id.
 */
import * as v from 'valibot';
import { type EntityKind, type Fact, PartialDate } from '../../../utils/knowledge/schema';
import { mergeTerms, officeFacts, type Term } from '../breadth/offices';
import type { KbItem, KbStatement } from './item';
import type { LabelTable } from './labels';

/** The schema's facts limit. */
const MAX_FACTS = 40;
/** Offices per person: the schema allows 40 facts in all. */
const MAX_OFFICES = 30;
/** Holders of a country's top offices, newest first. */
const MAX_HOLDERS = 6;

/** A date fit for the pack, or undefined. */
export function packDate(value: string | number | undefined): string | undefined {
  return typeof value === 'string' && v.is(PartialDate, value) ? value : undefined;
}

/**
 * The statement that holds now: preferred rank first (the reader puts those first), then one
 * without an end, then the first.
 */
export function currentStatement(statements: readonly KbStatement[] | undefined) {
  if (!statements || statements.length === 0) return undefined;
  return (
    statements.find((s) => s.rank === 'preferred') ??
    statements.find((s) => s.to === undefined) ??
    statements[0]
  );
}

function dated(fact: Fact, statement: KbStatement): Fact {
  const from = packDate(statement.from);
  const to = packDate(statement.to);
  return { ...fact, ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

function named(statement: KbStatement | undefined, labels: LabelTable): string | undefined {
  return typeof statement?.value === 'string' ? labels.name(statement.value) : undefined;
}

/** Offices held (P39) as dated "Office" facts, consecutive terms joined, newest first. */
function offices(item: KbItem, labels: LabelTable): Fact[] {
  const terms: Term[] = [];
  for (const statement of item.claims.P39 ?? []) {
    const office = named(statement, labels);
    if (!office) continue;
    const from = packDate(statement.from);
    const to = packDate(statement.to);
    terms.push({ office, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  }
  // An undated statement of an office also held with dates says nothing more, and mergeTerms
  // would read it as a term still open.
  const dated = new Set(terms.filter((term) => term.from || term.to).map((term) => term.office));
  const useful = terms.filter((term) => term.from || term.to || !dated.has(term.office));
  return officeFacts(mergeTerms(useful)).slice(0, MAX_OFFICES);
}

/** Holders of an office (P35, P6), newest first, each with their term. */
function holders(item: KbItem, property: string, label: string, labels: LabelTable): Fact[] {
  return (item.claims[property] ?? [])
    .map((statement) => {
      const value = named(statement, labels);
      return value ? dated({ label, value }, statement) : undefined;
    })
    .filter((fact): fact is Fact => fact !== undefined)
    .sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))
    .slice(0, MAX_HOLDERS);
}

/** A one-value fact naming the current holder of a property ("Capital", "Party"). */
function current(item: KbItem, property: string, label: string, labels: LabelTable): Fact[] {
  const statement = currentStatement(item.claims[property]);
  const value = named(statement, labels);
  return value && statement ? [dated({ label, value }, statement)] : [];
}

/** Several items named in one fact ("Founded by": up to three). */
function listed(item: KbItem, property: string, label: string, labels: LabelTable): Fact[] {
  const names = (item.claims[property] ?? [])
    .map((statement) => named(statement, labels))
    .filter((name): name is string => name !== undefined);
  const unique = [...new Set(names)].slice(0, 3);
  return unique.length > 0 ? [{ label, value: unique.join(', ').slice(0, 300) }] : [];
}

function dateFact(item: KbItem, property: string, label: string): Fact[] {
  const value = packDate(currentStatement(item.claims[property])?.value);
  return value ? [{ label, value }] : [];
}

function population(item: KbItem): Fact[] {
  const statement = currentStatement(item.claims.P1082);
  if (typeof statement?.value !== 'number' || statement.value <= 0) return [];
  const year = packDate(statement.at)?.replace(/^(-?\d{4}).*/, '$1');
  const figure = Math.round(statement.value).toLocaleString('en-US');
  return [{ label: 'Population', value: year ? `${figure} (${year})` : figure }];
}

/** Whether an item is a country (it has its own ISO 3166-1 code). */
export function isCountry(item: KbItem): boolean {
  return (item.claims.P297 ?? []).some((statement) => typeof statement.value === 'string');
}

/** The facts of an item of a kind, at most the schema's 40. */
export function factsOf(item: KbItem, kind: EntityKind, labels: LabelTable): Fact[] {
  const country = isCountry(item);
  const facts: Fact[] = [];
  if (kind === 'person') {
    facts.push(...offices(item, labels), ...current(item, 'P102', 'Party', labels));
  }
  if (kind === 'place') {
    facts.push(
      ...current(item, 'P36', 'Capital', labels),
      ...current(item, 'P1376', 'Capital of', labels),
      ...(country ? [] : current(item, 'P131', 'Located in', labels)),
      ...population(item),
    );
    if (country) {
      facts.push(
        ...holders(item, 'P35', 'Head of state', labels),
        ...holders(item, 'P6', 'Head of government', labels),
      );
    }
  }
  if (kind === 'organisation' || kind === 'group') {
    facts.push(
      ...dateFact(item, 'P571', 'Founded'),
      ...dateFact(item, 'P576', 'Dissolved'),
      ...current(item, 'P159', 'Headquarters', labels),
      ...listed(item, 'P112', 'Founded by', labels),
      ...current(item, 'P488', 'Chair', labels),
      ...current(item, 'P169', 'Chief executive', labels),
      ...current(item, 'P118', 'League', labels),
      ...listed(item, 'P641', 'Sport', labels),
    );
  }
  if (!country && kind !== 'person') {
    // Undated: "Country: Germany, from 1990" would read as if the city had moved.
    const value = named(currentStatement(item.claims.P17), labels);
    if (value) facts.push({ label: 'Country', value });
  }
  return facts.slice(0, MAX_FACTS);
}
