import {
  buildClaimFormView,
  canSubmitClaim,
  firstClaimProblem,
  initialClaimValues,
  toDraftParams,
  validateClaim,
  type ClaimContextData
} from 'c/mdfClaimFormModel';

const APPROVED: ClaimContextData = {
  requestId: 'a0CPV0000000000001AAA',
  requestName: 'MDF-0001',
  requestStatus: 'Approved',
  currencyCode: 'USD',
  approvedAmount: 8000,
  claimedTotal: 2000,
  claimable: 6000,
  canClaim: true,
  refusalMessage: null,
  claimId: null,
  claimStatus: null,
  amount: null,
  results: null,
  actualPipeline: null,
  proofCount: 0
};

describe('c-mdf-claim-form-model', () => {
  it('opens the form on a claimable request, with or without a draft', () => {
    expect(buildClaimFormView(APPROVED)).toMatchObject({ mode: 'edit', claimable: 6000, proofCount: 0 });
    expect(buildClaimFormView({ ...APPROVED, claimId: 'a0D1', claimStatus: 'Draft', proofCount: 2 }).mode).toBe('edit');
  });

  it('shows a submitted claim read-only, and why a request cannot be claimed', () => {
    expect(buildClaimFormView({ ...APPROVED, claimId: 'a0D1', claimStatus: 'Submitted', canClaim: false }).mode).toBe(
      'readOnly'
    );
    const refused = buildClaimFormView({
      ...APPROVED,
      requestStatus: 'Submitted',
      canClaim: false,
      claimable: 0,
      approvedAmount: null,
      claimedTotal: null,
      currencyCode: null,
      refusalMessage: 'Only approved requests can be claimed.'
    });
    expect(refused).toMatchObject({ mode: 'notClaimable', approvedAmount: 0, currencyCode: 'USD' });
  });

  it('starts from the draft’s values', () => {
    expect(initialClaimValues({ ...APPROVED, amount: 1500, results: 'Done', actualPipeline: 0 })).toEqual({
      amount: '1500',
      results: 'Done',
      actualPipeline: '0'
    });
    expect(initialClaimValues(APPROVED)).toEqual({ amount: '', results: '', actualPipeline: '' });
  });

  it('checks amount, results and pipeline', () => {
    expect(validateClaim({ amount: '6000', results: 'x', actualPipeline: '0' }, 6000)).toEqual({});
    const empty = validateClaim({ amount: '', results: ' ', actualPipeline: '' }, 6000);
    expect(empty).toEqual({ amount: 'REQUIRED', results: 'REQUIRED', actualPipeline: 'REQUIRED' });
    expect(firstClaimProblem(empty)).toBe('amount');
    expect(validateClaim({ amount: '6000.01', results: 'x', actualPipeline: '-5' }, 6000)).toEqual({
      amount: 'OVER_CLAIMABLE',
      actualPipeline: 'NEGATIVE'
    });
    expect(validateClaim({ amount: '0', results: 'x', actualPipeline: 'y' }, 6000)).toEqual({
      amount: 'NOT_POSITIVE',
      actualPipeline: 'NOT_NUMBER'
    });
    expect(validateClaim({ amount: 'z', results: 'x', actualPipeline: '1' }, 6000)).toEqual({ amount: 'NOT_NUMBER' });
  });

  it('submits only a saved claim with proof', () => {
    expect(canSubmitClaim(null, 3)).toBe(false);
    expect(canSubmitClaim('a0D1', 0)).toBe(false);
    expect(canSubmitClaim('a0D1', 1)).toBe(true);
    expect(toDraftParams({ amount: '1500.5', results: ' Leads ', actualPipeline: '90000' }, 'a0C1', null)).toEqual({
      requestId: 'a0C1',
      claimId: null,
      amount: 1500.5,
      results: 'Leads',
      actualPipeline: 90000
    });
  });
});
