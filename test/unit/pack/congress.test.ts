import { describe, expect, it } from 'vitest';
import {
  buildCongress,
  type CongressRecord,
  congressTerms,
  surnameAlias,
} from '../../../scripts/pack/breadth/congress';

describe('US Congress, presidents and vice-presidents', () => {
  it('reads terms as offices, open while they last', () => {
    expect(
      congressTerms(
        [
          ['sen', '2019-01-03', '2025-01-03', 'WA', '', 'Democrat'],
          ['sen', '2025-01-03', '2031-01-03', 'WA', '', 'Democrat'],
        ],
        '2026-11-30',
      ),
    ).toEqual([
      { office: 'US Senator from Washington', from: '2019-01-03', to: '2025-01-03' },
      { office: 'US Senator from Washington', from: '2025-01-03' },
    ]);
  });

  it('gives sitting members their surname only once the full name is on the page', () => {
    expect(surnameAlias('Klobuchar', 'Amy Klobuchar')).toEqual({
      text: 'Klobuchar',
      caseSensitive: true,
      neverAlone: true,
    });
    expect(surnameAlias('King', 'Angus King')).toBeUndefined();
    expect(surnameAlias('Day', 'Someone Day')).toBeUndefined();
  });

  it('builds people, lending geografia ids to presidents without one and merging by id', () => {
    const records: CongressRecord[] = [
      [
        '',
        'George Washington',
        'Washington',
        '1732-02-22',
        [['prez', '1789-04-30', '1797-03-04', '', '', 'no party']],
      ],
      [
        'Q6279',
        'Joe Biden Jr.',
        'Biden',
        '1942-11-20',
        [['viceprez', '2009-01-20', '2017-01-20', '', '', 'Democrat']],
      ],
      [
        'Q6279',
        'Joe Biden Jr.',
        'Biden',
        '1942-11-20',
        [['prez', '2021-01-20', '2025-01-20', '', '', 'Democrat']],
      ],
      ['', 'Nobody Known', 'Known', '', [['rep', '1800-01-01', '1802-01-01', 'VA', 1, '']]],
    ];
    const people = buildCongress(new Map([['George Washington', 'Q23']]), records, '2026-11-30');
    expect(people.map((person) => person.id)).toEqual(['Q23', 'Q6279']);
    const biden = people[1];
    expect(biden?.name).toBe('Joe Biden');
    expect(biden?.description).toBe(
      'President of the United States 2021–2025; Vice President of the United States 2009–2017',
    );
    expect(people[0]?.facts).toEqual([
      {
        label: 'Office',
        value: 'President of the United States',
        from: '1789-04-30',
        to: '1797-03-04',
      },
    ]);
  });
});
