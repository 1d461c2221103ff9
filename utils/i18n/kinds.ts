import type { EntityKind } from '../knowledge/schema';
import type { MessageKey } from './translator';

/** Each kind's name for one entity ("Person", "Place"), as catalogue messages. */
export const KIND_LABELS: Record<EntityKind, MessageKey> = {
  person: 'kind_person',
  place: 'kind_place',
  organisation: 'kind_organisation',
  event: 'kind_event',
  group: 'kind_group',
  topic: 'kind_topic',
};

/** Each interface language's name, written in that language ("English", "العربية"). */
export const LANGUAGE_NAMES = { en: 'language_en', ar: 'language_ar' } as const satisfies Record<
  string,
  MessageKey
>;
