/**
 * A coarse kind from an English class name ("city of the United States", "political party",
 * "ethnic group"), for sources that name an item's classes in words rather than ids (codex's type
 * labels, wikitrivia-data's instance-of labels, a description's head noun). The first rule that
 * matches wins, so the narrower words come first.
 */
import type { KbItem } from '../kb/item';

type Kind = NonNullable<KbItem['kindHint']>;

const RULES: [RegExp, Kind][] = [
  [/^(human|person|human being)$/, 'person'],
  [/\b(railway|train|metro|subway|bus|tram) station\b/, 'place'],
  [/^(nation|human population)$/, 'group'],
  [
    /\b(ethnic group|tribe|clan|dynasty|family|musical group|band|girl group|boy band|ensemble)\b/,
    'group',
  ],
  [
    /\b(war|battle|siege|election|referendum|coup|massacre|revolution|uprising|protest|riot|attack|bombing|earthquake|disaster|pandemic|epidemic|outbreak|olympic games|championship|tournament|summit|conference|festival)\b/,
    'event',
  ],
  [
    /\b(organi[sz]ation|company|business|enterprise|corporation|party|union|agency|ministry|department|university|college|school|academy|institute|club|team|league|federation|association|council|committee|airline|newspaper|broadcaster|station|channel|publisher|record label|bank|brand|chain|operator|army|navy|militia|diocese|archdiocese|eparchy|court|parliament|legislature|government|police)\b/,
    'organisation',
  ],
  [
    /\b(country|state|city|town|village|municipality|commune|comune|settlement|locality|suburb|neighbou?rhood|district|county|province|region|prefecture|governorate|oblast|canton|parish|borough|township|hamlet|capital|island|archipelago|mountain|river|lake|sea|ocean|desert|valley|peninsula|territory|colony|kingdom|empire|republic|emirate|sultanate|area|place|seat|metropolis|megacity|amphoe|kibbutz|moshav|port|airport|stadium|bridge|building|castle|palace|museum|park|square|street)\b/,
    'place',
  ],
];

/** The kind an English class name points to, or undefined when it says none of these. */
export function kindOfClassName(name: string): Kind | undefined {
  const lower = name.toLowerCase();
  for (const [pattern, kind] of RULES) if (pattern.test(lower)) return kind;
  return undefined;
}

/** The kind most of several class names point to (ties: the first named). */
export function kindOfClassNames(names: readonly string[]): Kind | undefined {
  const votes = new Map<Kind, number>();
  for (const name of names) {
    const kind = kindOfClassName(name);
    if (kind) votes.set(kind, (votes.get(kind) ?? 0) + 1);
  }
  let best: Kind | undefined;
  for (const [kind, count] of votes) if (!best || count > (votes.get(best) ?? 0)) best = kind;
  return best;
}
