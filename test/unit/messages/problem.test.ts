import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { fieldPath, issueLine, problemLine } from '@/utils/messages/problem';

describe('what is wrong, said one way', () => {
  it('names what, then the field, then the problem; leaves out what is not known', () => {
    expect(problemLine('entity Q1 (Daraa)', 'kind', 'unknown kind')).toBe(
      'entity Q1 (Daraa), field kind: unknown kind',
    );
    expect(problemLine('manifest', '', 'not an object')).toBe('manifest: not an object');
    expect(problemLine('', 'kinds.person', 'Invalid type')).toBe(
      'field kinds.person: Invalid type',
    );
    expect(problemLine('', '', 'Invalid type')).toBe('Invalid type');
  });

  it('writes a path as a reader reads one, indices in brackets', () => {
    expect(fieldPath(['timeline', 2, 'links', 0, 'url'])).toBe('timeline[2].links[0].url');
    expect(fieldPath([3, 'name'])).toBe('[3].name');
    expect(fieldPath([])).toBe('');
  });

  it('places a schema problem under what holds it', () => {
    const schema = v.array(v.object({ action: v.picklist(['none', 'never']) }));
    const checked = v.safeParse(schema, [{ action: 'none' }, { action: 'sometimes' }]);
    expect(checked.success).toBe(false);
    if (checked.success) return;
    expect(issueLine('pack', checked.issues[0], ['corrections'])).toMatch(
      /^pack, field corrections\[1\]\.action: Invalid type/,
    );
  });
});
