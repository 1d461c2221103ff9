import { describe, expect, it } from 'vitest';
import { isAcronym, surnames } from '../../../../scripts/pack/kb/names';

describe('surnames', () => {
  it('takes the last name word', () => {
    expect(surnames('Henning Christophersen')).toEqual(['Christophersen']);
    expect(surnames('George W. Bush')).toEqual(['Bush']);
    expect(surnames('J. K. Rowling')).toEqual(['Rowling']);
  });

  it('skips suffixes such as Jr. and III', () => {
    expect(surnames('Martin Luther King Jr.')).toEqual(['King']);
    expect(surnames('Martin Luther King, Jr.')).toEqual(['King']);
    expect(surnames('Martin Luther King III')).toEqual(['King']);
  });

  it('gives Arabic names with the article in both forms', () => {
    expect(surnames('Nouri al-Maliki')).toEqual(['Maliki', 'al-Maliki']);
    expect(surnames('Bashar al-Assad')).toEqual(['Assad', 'al-Assad']);
    expect(surnames('Abdel Fattah el-Sisi')).toEqual(['Sisi', 'el-Sisi']);
    expect(surnames('Ahmed al Sharaa')).toEqual(['Sharaa', 'al Sharaa']);
    expect(surnames('Osama bin Laden')).toEqual(['bin Laden']);
  });

  it('keeps the particles of European surnames', () => {
    expect(surnames('Charles de Gaulle')).toEqual(['de Gaulle']);
    expect(surnames('Ursula von der Leyen')).toEqual(['von der Leyen']);
    expect(surnames('Marine Le Pen')).toEqual(['Le Pen']);
  });

  it('reads Chinese and Korean names family name first, unless the first name is Western', () => {
    expect(surnames('Xi Jinping', ['Q148'])).toEqual(['Xi']);
    expect(surnames('Kim Jong Un', ['Q423'])).toEqual(['Kim']);
    expect(surnames('Jack Ma', ['Q148'])).toEqual(['Ma']);
    expect(surnames('Xi Jinping')).toEqual(['Jinping']);
  });

  it('gives none for one-word and regnal names', () => {
    expect(surnames('Madonna')).toEqual([]);
    expect(surnames('Charles III')).toEqual([]);
    expect(surnames('John Paul II')).toEqual([]);
    expect(surnames('Harald V of Norway')).toEqual([]);
    expect(surnames('Catherine of Aragon')).toEqual([]);
    expect(surnames('Mary Smith (politician)')).toEqual(['Smith']);
  });
});

describe('acronyms', () => {
  it('are names written in capitals', () => {
    for (const text of ['NATO', 'U.S.', 'AT&T', 'SANA', 'G7', 'UN'])
      expect(isAcronym(text)).toBe(true);
    for (const text of ['Nato', 'USA Today', 'A', 'x', '1999']) expect(isAcronym(text)).toBe(false);
  });
});
