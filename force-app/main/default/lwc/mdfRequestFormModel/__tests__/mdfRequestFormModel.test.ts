import {
  buildRequestFormView,
  EMPTY_VALUES,
  firstProblemField,
  parseAmount,
  toRequestInput,
  validateRequest,
  type RequestContextData,
  type RequestValues
} from 'c/mdfRequestFormModel';
import SELECT from '../../mdfRequestForm/__tests__/data/select-partner.json';
import REGISTERED from '../../mdfRequestForm/__tests__/data/registered-partner.json';

const select = SELECT as RequestContextData;
const registered = REGISTERED as RequestContextData;

const VALID: RequestValues = {
  goal: ' 40 qualified leads ',
  targetAudience: 'CFOs in manufacturing',
  activityType: 'Event',
  startDate: '2026-11-02',
  endDate: '2026-11-02',
  expectedPipeline: '250000',
  requestedAmount: '2500',
  budgetId: ''
};

describe('c-mdf-request-form-model', () => {
  it('shows cap, used and remaining of an eligible tier, and budgets by name, region and tier', () => {
    const view = buildRequestFormView(select);
    expect(view).toMatchObject({
      eligible: true,
      hasCap: true,
      capPerQuarter: 25000,
      used: 20000,
      remaining: 5000,
      exhausted: false,
      currencyCode: 'USD',
      eligibleTiersText: 'Select, Elite'
    });
    expect(view.budgetOptions).toEqual([
      { value: 'a0BPV0000000000001AAA', label: 'EMEA 2026-Q4 Select · EMEA · Select' },
      { value: 'a0BPV0000000000002AAA', label: 'Global 2026-Q4' }
    ]);
  });

  it('has no cap when the server sends none, and is exhausted when nothing is left', () => {
    expect(buildRequestFormView({ ...select, capPerQuarter: null, remaining: null })).toMatchObject({
      hasCap: false,
      remaining: null,
      exhausted: false
    });
    expect(buildRequestFormView({ ...select, used: 25000, remaining: 0 }).exhausted).toBe(true);
    expect(
      buildRequestFormView({ ...registered, currencyCode: null, budgets: null, activityTypes: null })
    ).toMatchObject({
      eligible: false,
      hasCap: false,
      currencyCode: 'USD',
      budgetOptions: [],
      activityTypes: []
    });
  });

  it('accepts a complete request within the cap and the budget', () => {
    expect(validateRequest(VALID, select)).toEqual({});
    expect(validateRequest({ ...VALID, budgetId: 'a0BPV0000000000001AAA', requestedAmount: '3000' }, select)).toEqual(
      {}
    );
  });

  it('requires every field but the budget', () => {
    const problems = validateRequest(EMPTY_VALUES, select);
    expect(problems).toEqual({
      goal: 'REQUIRED',
      targetAudience: 'REQUIRED',
      activityType: 'REQUIRED',
      startDate: 'REQUIRED',
      endDate: 'REQUIRED',
      expectedPipeline: 'REQUIRED',
      requestedAmount: 'REQUIRED'
    });
    expect(firstProblemField(problems)).toBe('goal');
    expect(validateRequest({ ...VALID, goal: '   ' }, select)).toEqual({ goal: 'REQUIRED' });
  });

  it('refuses an end date before the start date, a negative pipeline and text for numbers', () => {
    expect(validateRequest({ ...VALID, endDate: '2026-11-01' }, select)).toEqual({ endDate: 'END_BEFORE_START' });
    expect(validateRequest({ ...VALID, expectedPipeline: '-1' }, select)).toEqual({ expectedPipeline: 'NEGATIVE' });
    expect(validateRequest({ ...VALID, requestedAmount: 'abc', expectedPipeline: '1e' }, select)).toEqual({
      expectedPipeline: 'NOT_NUMBER',
      requestedAmount: 'NOT_NUMBER'
    });
  });

  it('refuses an amount of 0, over the cap remainder or over the chosen budget (mdfRules.amountRefusal)', () => {
    expect(validateRequest({ ...VALID, requestedAmount: '0' }, select).requestedAmount).toBe('NOT_POSITIVE');
    expect(validateRequest({ ...VALID, requestedAmount: '5000.01' }, select).requestedAmount).toBe('OVER_CAP');
    expect(
      validateRequest({ ...VALID, requestedAmount: '3000.01', budgetId: 'a0BPV0000000000001AAA' }, select)
        .requestedAmount
    ).toBe('OVER_BUDGET');
    expect(validateRequest(VALID, registered).requestedAmount).toBe('NOT_ELIGIBLE');
  });

  it('lets a draft ask for more than is left (checked again on submission), but never 0', () => {
    expect(validateRequest({ ...VALID, requestedAmount: '9000' }, select, false)).toEqual({});
    expect(validateRequest({ ...VALID, requestedAmount: '0' }, select, false).requestedAmount).toBe('NOT_POSITIVE');
  });

  it('sends trimmed text, numbers and a null budget when none was chosen', () => {
    expect(parseAmount(' 12.5 ')).toBe(12.5);
    expect(parseAmount('')).toBeNull();
    expect(toRequestInput(VALID, null)).toEqual({
      recordId: null,
      goal: '40 qualified leads',
      targetAudience: 'CFOs in manufacturing',
      activityType: 'Event',
      startDate: '2026-11-02',
      endDate: '2026-11-02',
      expectedPipeline: 250000,
      requestedAmount: 2500,
      budgetId: null
    });
    expect(toRequestInput({ ...VALID, budgetId: 'a0B1' }, '001X').budgetId).toBe('a0B1');
  });
});
