/* c/partnerProgramUtils */
import { addDays, errorMessages, floorPercent, formatLabel, todayIso } from 'c/partnerProgramUtils';

describe('c-partner-program-utils', () => {
  it('fills label placeholders like String.format, leaving missing ones empty', () => {
    expect(formatLabel('{0} of {1} criteria met', 5, 6)).toBe('5 of 6 criteria met');
    expect(formatLabel('{1} before {0}', 'a', 'b')).toBe('b before a');
    expect(formatLabel('Progress to {0}', null)).toBe('Progress to ');
  });

  it('reads the messages of Apex, UI API and JavaScript errors', () => {
    expect(errorMessages({ body: { message: 'No access.' }, status: 400 })).toEqual(['No access.']);
    expect(errorMessages({ body: [{ message: 'First.' }, { message: 'Second.' }] })).toEqual(['First.', 'Second.']);
    expect(errorMessages([new Error('Broken.'), 'Plain.'])).toEqual(['Broken.', 'Plain.']);
    expect(errorMessages(null)).toEqual([]);
    expect(errorMessages({ body: { message: ' ' } })).toEqual([]);
  });

  it('counts days across month and year ends', () => {
    expect(addDays('2026-08-01', 90)).toBe('2026-10-30');
    expect(addDays('2026-12-15', 20)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('gives today as YYYY-MM-DD and rounds percent down like the CLI', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
    expect(floorPercent(0.799)).toBe(79);
    expect(floorPercent(0.9705882352941176)).toBe(97);
    expect(floorPercent(1)).toBe(100);
  });
});
