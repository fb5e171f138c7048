/*
 * Fiscal quarters and the evaluation window (DESIGN.md §3 "Precise semantics"):
 * `YYYY-Qn` is a fiscal quarter; with fiscal year start month 1 it is the calendar quarter; the
 * evaluation date is the quarter's last day; the window runs from the first day of the quarter three
 * quarters earlier to the evaluation date, both included.
 */
import type { Quarter } from '../tierEngine';
import { evaluationPeriod, isIsoDate, parseQuarter, quarterContaining, shiftQuarter } from '../tierEngine';
import { settings } from './data/program';

const CALENDAR = settings();
const FEB_END = settings({ fiscalYearStartMonth: 2, fiscalYearBasedOn: 'End' });
const FEB_START = settings({ fiscalYearStartMonth: 2, fiscalYearBasedOn: 'Start' });
const JUL_END = settings({ fiscalYearStartMonth: 7, fiscalYearBasedOn: 'End' });
const JUL_START = settings({ fiscalYearStartMonth: 7, fiscalYearBasedOn: 'Start' });
const DEC_END = settings({ fiscalYearStartMonth: 12, fiscalYearBasedOn: 'End' });

function q(label: string, programSettings = CALENDAR): Quarter {
  const quarter = parseQuarter(label, programSettings);
  if (!quarter) throw new Error(`${label} did not parse`);
  return quarter;
}

function span(quarter: Quarter): string {
  return `${quarter.label} ${quarter.start}..${quarter.end}`;
}

describe('c-tier-engine parseQuarter', () => {
  it('parses a valid label into fiscal year, quarter number and its first and last day', () => {
    expect(parseQuarter('2026-Q3', CALENDAR)).toEqual({
      label: '2026-Q3',
      fiscalYear: 2026,
      quarter: 3,
      start: '2026-07-01',
      end: '2026-09-30'
    });
  });

  it.each(['2026-Q0', '2026-Q5', '26-Q1', '02026-Q1', '2026Q1', '2026-1', '2026-Q', 'Q1-2026', '2026-Q1x', '', '   '])(
    'rejects %p with null',
    (label) => {
      expect(parseQuarter(label, CALENDAR)).toBeNull();
    }
  );

  it('trims surrounding whitespace', () => {
    const quarter = parseQuarter(' 2026-Q1 ', CALENDAR);
    expect(quarter).not.toBeNull();
    expect(quarter!.label).toBe('2026-Q1');
    expect(span(quarter!)).toBe('2026-Q1 2026-01-01..2026-03-31');
  });

  it('is the calendar quarter when the fiscal year starts in month 1 (leap year 2024)', () => {
    expect(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map((label) => span(q(label)))).toEqual([
      '2024-Q1 2024-01-01..2024-03-31',
      '2024-Q2 2024-04-01..2024-06-30',
      '2024-Q3 2024-07-01..2024-09-30',
      '2024-Q4 2024-10-01..2024-12-31'
    ]);
  });

  it('names of fiscal years do not matter when the fiscal year starts in month 1', () => {
    const start = settings({ fiscalYearStartMonth: 1, fiscalYearBasedOn: 'Start' });
    expect(span(q('2026-Q1', start))).toBe('2026-Q1 2026-01-01..2026-03-31');
    expect(span(q('2026-Q4', start))).toBe('2026-Q4 2026-10-01..2026-12-31');
  });

  it('fiscal year starting in February, named by the year it ends in: FY2027 starts 2026-02-01', () => {
    expect(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'].map((label) => span(q(label, FEB_END)))).toEqual([
      '2027-Q1 2026-02-01..2026-04-30',
      '2027-Q2 2026-05-01..2026-07-31',
      '2027-Q3 2026-08-01..2026-10-31',
      '2027-Q4 2026-11-01..2027-01-31'
    ]);
  });

  it('fiscal year starting in February, named by the year it starts in: FY2026 starts 2026-02-01', () => {
    expect(span(q('2026-Q1', FEB_START))).toBe('2026-Q1 2026-02-01..2026-04-30');
    expect(span(q('2026-Q4', FEB_START))).toBe('2026-Q4 2026-11-01..2027-01-31');
    expect(span(q('2027-Q1', FEB_START))).toBe('2027-Q1 2027-02-01..2027-04-30');
  });

  it('fiscal year starting in July, named by the year it ends in: FY2027 = 2026-07-01..2027-06-30', () => {
    expect(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'].map((label) => span(q(label, JUL_END)))).toEqual([
      '2027-Q1 2026-07-01..2026-09-30',
      '2027-Q2 2026-10-01..2026-12-31',
      '2027-Q3 2027-01-01..2027-03-31',
      '2027-Q4 2027-04-01..2027-06-30'
    ]);
  });

  it('fiscal year starting in July, named by the year it starts in: FY2026 = 2026-07-01..2027-06-30', () => {
    expect(span(q('2026-Q1', JUL_START))).toBe('2026-Q1 2026-07-01..2026-09-30');
    expect(span(q('2026-Q3', JUL_START))).toBe('2026-Q3 2027-01-01..2027-03-31');
    expect(span(q('2026-Q4', JUL_START))).toBe('2026-Q4 2027-04-01..2027-06-30');
  });

  it('ends a December-start Q1 on 29 February in a leap year and on 28 February otherwise', () => {
    expect(span(q('2024-Q1', DEC_END))).toBe('2024-Q1 2023-12-01..2024-02-29');
    expect(span(q('2025-Q1', DEC_END))).toBe('2025-Q1 2024-12-01..2025-02-28');
    expect(span(q('2024-Q4', DEC_END))).toBe('2024-Q4 2024-09-01..2024-11-30');
  });
});

describe('c-tier-engine shiftQuarter', () => {
  it('moves forward across the year boundary', () => {
    expect(span(shiftQuarter(q('2026-Q4'), 1, CALENDAR))).toBe('2027-Q1 2027-01-01..2027-03-31');
    expect(span(shiftQuarter(q('2026-Q3'), 2, CALENDAR))).toBe('2027-Q1 2027-01-01..2027-03-31');
    expect(span(shiftQuarter(q('2026-Q3'), 8, CALENDAR))).toBe('2028-Q3 2028-07-01..2028-09-30');
  });

  it('moves backward across the year boundary', () => {
    expect(span(shiftQuarter(q('2026-Q1'), -1, CALENDAR))).toBe('2025-Q4 2025-10-01..2025-12-31');
    expect(span(shiftQuarter(q('2026-Q3'), -3, CALENDAR))).toBe('2025-Q4 2025-10-01..2025-12-31');
    expect(span(shiftQuarter(q('2026-Q2'), -9, CALENDAR))).toBe('2024-Q1 2024-01-01..2024-03-31');
  });

  it('returns the same quarter for offset 0', () => {
    expect(shiftQuarter(q('2026-Q3'), 0, CALENDAR)).toEqual(q('2026-Q3'));
  });

  it('follows the fiscal calendar (July start, named by end year)', () => {
    expect(span(shiftQuarter(q('2027-Q4', JUL_END), 1, JUL_END))).toBe('2028-Q1 2027-07-01..2027-09-30');
    expect(span(shiftQuarter(q('2027-Q1', JUL_END), -1, JUL_END))).toBe('2026-Q4 2026-04-01..2026-06-30');
  });

  it('follows the fiscal calendar (February start, named by end year)', () => {
    expect(span(shiftQuarter(q('2027-Q4', FEB_END), 1, FEB_END))).toBe('2028-Q1 2027-02-01..2027-04-30');
  });
});

describe('c-tier-engine quarterContaining', () => {
  it.each([
    ['2026-01-01', '2026-Q1 2026-01-01..2026-03-31'],
    ['2026-03-31', '2026-Q1 2026-01-01..2026-03-31'],
    ['2026-04-01', '2026-Q2 2026-04-01..2026-06-30'],
    ['2024-02-29', '2024-Q1 2024-01-01..2024-03-31'],
    ['2026-09-30', '2026-Q3 2026-07-01..2026-09-30'],
    ['2026-12-31', '2026-Q4 2026-10-01..2026-12-31']
  ])('calendar: %s is in %s', (date, expected) => {
    expect(span(quarterContaining(date, CALENDAR))).toBe(expected);
  });

  it.each([
    ['2026-06-30', '2026-Q4 2026-04-01..2026-06-30'],
    ['2026-07-01', '2027-Q1 2026-07-01..2026-09-30'],
    ['2027-01-15', '2027-Q3 2027-01-01..2027-03-31']
  ])('fiscal July start (End): %s is in %s', (date, expected) => {
    expect(span(quarterContaining(date, JUL_END))).toBe(expected);
  });

  it.each([
    ['2026-03-15', '2025-Q3 2026-01-01..2026-03-31'],
    ['2026-07-01', '2026-Q1 2026-07-01..2026-09-30']
  ])('fiscal July start (Start): %s is in %s', (date, expected) => {
    expect(span(quarterContaining(date, JUL_START))).toBe(expected);
  });

  it.each([
    ['2026-01-31', '2026-Q4 2025-11-01..2026-01-31'],
    ['2026-02-01', '2027-Q1 2026-02-01..2026-04-30']
  ])('fiscal February start (End): %s is in %s', (date, expected) => {
    expect(span(quarterContaining(date, FEB_END))).toBe(expected);
  });

  it('finds a December-start quarter that spans the calendar year end', () => {
    expect(span(quarterContaining('2024-12-01', DEC_END))).toBe('2025-Q1 2024-12-01..2025-02-28');
    expect(span(quarterContaining('2024-11-30', DEC_END))).toBe('2024-Q4 2024-09-01..2024-11-30');
  });
});

describe('c-tier-engine evaluationPeriod', () => {
  it('2026-Q3 has a four-quarter window 2025-10-01..2026-09-30 ending on the evaluation date', () => {
    const period = evaluationPeriod(q('2026-Q3'), CALENDAR);
    expect(period).toEqual({
      quarter: q('2026-Q3'),
      windowStart: '2025-10-01',
      windowEnd: '2026-09-30'
    });
  });

  it('2026-Q1 reaches back into the previous calendar year: 2025-04-01..2026-03-31', () => {
    const period = evaluationPeriod(q('2026-Q1'), CALENDAR);
    expect([period.windowStart, period.windowEnd]).toEqual(['2025-04-01', '2026-03-31']);
  });

  it('2026-Q4 covers exactly the calendar year 2026', () => {
    const period = evaluationPeriod(q('2026-Q4'), CALENDAR);
    expect([period.windowStart, period.windowEnd]).toEqual(['2026-01-01', '2026-12-31']);
  });

  it('follows the fiscal calendar with fiscal start month 7', () => {
    const fy2027q1 = evaluationPeriod(q('2027-Q1', JUL_END), JUL_END);
    expect([fy2027q1.windowStart, fy2027q1.windowEnd]).toEqual(['2025-10-01', '2026-09-30']);
    const fy2026q3 = evaluationPeriod(q('2026-Q3', JUL_END), JUL_END);
    expect([fy2026q3.windowStart, fy2026q3.windowEnd]).toEqual(['2025-04-01', '2026-03-31']);
    const fy2026q4 = evaluationPeriod(q('2026-Q4', JUL_END), JUL_END);
    expect([fy2026q4.windowStart, fy2026q4.windowEnd]).toEqual(['2025-07-01', '2026-06-30']);
  });

  it('uses the configured window length', () => {
    const one = settings({ windowQuarters: 1 });
    const single = evaluationPeriod(q('2026-Q3', one), one);
    expect([single.windowStart, single.windowEnd]).toEqual(['2026-07-01', '2026-09-30']);
    const eight = settings({ windowQuarters: 8 });
    const twoYears = evaluationPeriod(q('2026-Q3', eight), eight);
    expect([twoYears.windowStart, twoYears.windowEnd]).toEqual(['2024-10-01', '2026-09-30']);
  });
});

describe('c-tier-engine isIsoDate', () => {
  it('accepts real dates including years below 100 (dated rates start on 0001-01-01)', () => {
    expect(isIsoDate('0001-01-01')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('9999-12-31')).toBe(true);
  });
  it('rejects impossible or malformed dates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('30.09.2026')).toBe(false);
  });
});
