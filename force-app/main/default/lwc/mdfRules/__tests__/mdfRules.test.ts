/*
 * The MDF rules (DESIGN.md §4) shared by the MDF components and the CLI. The Apex workflow
 * (MdfWorkflowTest) is tested against the same cases.
 */
import {
  allowanceFromTotals,
  amountRefusal,
  claimableAmount,
  claimTransitionRefusal,
  CLAIM_STATUSES,
  mdfAllowance,
  mdfReturn,
  requestTransitionRefusal,
  REQUEST_STATUSES,
  summarizeBudget,
  summarizeTotals,
  type MdfBenefit,
  type RequestAmounts
} from '../mdfRules';

const BENEFITS: MdfBenefit[] = [
  { tier: 'Select', mdfEligible: true, capPerQuarter: 25000 },
  { tier: 'Elite', mdfEligible: true, capPerQuarter: 100000 },
  { tier: 'Registered', mdfEligible: false, capPerQuarter: null }
];

function request(
  status: RequestAmounts['status'],
  requestedAmount: number,
  approvedAmount: number | null = null
): RequestAmounts {
  return { status, requestedAmount, approvedAmount };
}

describe('c-mdf-rules request transitions', () => {
  it.each([
    ['Draft', 'Submitted', 'partner'],
    ['Draft', 'Cancelled', 'partner'],
    ['Submitted', 'Cancelled', 'partner'],
    ['Submitted', 'Approved', 'manager'],
    ['Submitted', 'Rejected', 'manager'],
    ['Approved', 'Completed', 'manager'],
    ['Approved', 'Cancelled', 'manager']
  ] as const)('allows %s → %s by a %s', (from, to, actor) => {
    expect(requestTransitionRefusal(from, to, actor)).toBeNull();
  });

  it.each([
    ['Submitted', 'Approved'],
    ['Submitted', 'Rejected'],
    ['Approved', 'Completed'],
    ['Approved', 'Cancelled']
  ] as const)('leaves %s → %s to managers', (from, to) => {
    expect(requestTransitionRefusal(from, to, 'partner')).toBe('DECISION_FOR_MANAGERS');
  });

  it.each([
    ['Draft', 'Approved'],
    ['Rejected', 'Submitted'],
    ['Cancelled', 'Draft'],
    ['Completed', 'Approved'],
    ['Approved', 'Submitted']
  ] as const)('refuses %s → %s for everyone', (from, to) => {
    expect(requestTransitionRefusal(from, to, 'manager')).toBe('NOT_ALLOWED');
    expect(requestTransitionRefusal(from, to, 'partner')).toBe('NOT_ALLOWED');
  });

  it('treats staying in a state as no move', () => {
    for (const status of REQUEST_STATUSES) expect(requestTransitionRefusal(status, status, 'partner')).toBeNull();
  });
});

describe('c-mdf-rules claim transitions', () => {
  it('pays only approved claims', () => {
    for (const from of CLAIM_STATUSES) {
      const refusal = claimTransitionRefusal(from, 'Paid', 'manager');
      expect(refusal).toBe(from === 'Approved' || from === 'Paid' ? null : 'NOT_ALLOWED');
    }
  });

  it('lets partners submit but not approve, reject or pay', () => {
    expect(claimTransitionRefusal('Draft', 'Submitted', 'partner')).toBeNull();
    expect(claimTransitionRefusal('Submitted', 'Approved', 'partner')).toBe('DECISION_FOR_MANAGERS');
    expect(claimTransitionRefusal('Submitted', 'Rejected', 'partner')).toBe('DECISION_FOR_MANAGERS');
    expect(claimTransitionRefusal('Approved', 'Paid', 'partner')).toBe('DECISION_FOR_MANAGERS');
  });
});

describe('c-mdf-rules summarizeBudget', () => {
  it('sums committed, pending, claimed and paid in cents', () => {
    const summary = summarizeBudget(
      1000,
      [
        request('Approved', 500, 300.1),
        request('Completed', 200, 200.2),
        request('Submitted', 150.05),
        request('Draft', 999),
        request('Rejected', 999),
        request('Cancelled', 999, 999)
      ],
      [
        { status: 'Paid', amount: 100.1 },
        { status: 'Approved', amount: 50.2 },
        { status: 'Submitted', amount: 10 },
        { status: 'Draft', amount: 999 },
        { status: 'Rejected', amount: 999 }
      ]
    );
    expect(summary).toEqual({
      budgeted: 1000,
      committed: 500.3,
      pending: 150.05,
      claimed: 160.3,
      paid: 100.1,
      available: 499.7,
      committedPercent: 50,
      claimedPercent: 16,
      paidPercent: 10
    });
  });

  it('reports 0 % for an empty budget and a negative available amount when over-committed', () => {
    expect(summarizeBudget(0, [], []).committedPercent).toBe(0);
    const over = summarizeBudget(100, [request('Approved', 150, 150)], []);
    expect(over.available).toBe(-50);
    expect(over.committedPercent).toBe(150);
  });
});

describe('c-mdf-rules mdfAllowance', () => {
  it('gives Select its cap minus committed and pending requests of the quarter', () => {
    const allowance = mdfAllowance(BENEFITS, 'Select', [
      request('Approved', 10000, 8000),
      request('Submitted', 5000),
      request('Rejected', 20000),
      request('Draft', 20000)
    ]);
    expect(allowance).toMatchObject({
      eligible: true,
      refusal: null,
      capPerQuarter: 25000,
      used: 13000,
      remaining: 12000
    });
    expect(allowance.eligibleTiers).toEqual(['Select', 'Elite']);
  });

  it('never reports a negative remainder', () => {
    expect(mdfAllowance(BENEFITS, 'Select', [request('Approved', 30000, 30000)]).remaining).toBe(0);
  });

  it('refuses Registered partners and partners without a tier, saying which', () => {
    expect(mdfAllowance(BENEFITS, 'Registered', [])).toMatchObject({
      eligible: false,
      refusal: 'TIER_NOT_ELIGIBLE',
      remaining: 0
    });
    expect(mdfAllowance(BENEFITS, null, [])).toMatchObject({ eligible: false, refusal: 'NO_TIER' });
  });

  it('has no cap when an eligible benefit sets none', () => {
    const uncapped = mdfAllowance([{ tier: 'Elite', mdfEligible: true, capPerQuarter: null }], 'Elite', [
      request('Approved', 5, 5)
    ]);
    expect(uncapped).toMatchObject({ eligible: true, capPerQuarter: null, remaining: null, used: 5 });
  });
});

describe('c-mdf-rules amountRefusal', () => {
  const select = mdfAllowance(BENEFITS, 'Select', [request('Approved', 20000, 20000)]);

  it('accepts an amount within the cap remainder and the budget', () => {
    expect(amountRefusal(5000, select, 5000)).toBeNull();
    expect(amountRefusal(5000, select, null)).toBeNull();
  });

  it('names the first rule an amount breaks', () => {
    expect(amountRefusal(0, select, 1000)).toBe('NOT_POSITIVE');
    expect(amountRefusal(null, select, 1000)).toBe('NOT_POSITIVE');
    expect(amountRefusal(5000.01, select, 10000)).toBe('OVER_CAP');
    expect(amountRefusal(4000, select, 3999.99)).toBe('OVER_BUDGET');
    expect(amountRefusal(1, mdfAllowance(BENEFITS, 'Registered', []), 1000)).toBe('TIER_NOT_ELIGIBLE');
  });
});

describe('c-mdf-rules claimableAmount and mdfReturn', () => {
  it('leaves the approved amount minus submitted and decided claims', () => {
    const claims = [
      { status: 'Paid' as const, amount: 1000 },
      { status: 'Submitted' as const, amount: 500.5 },
      { status: 'Draft' as const, amount: 9999 },
      { status: 'Rejected' as const, amount: 9999 }
    ];
    expect(claimableAmount(request('Approved', 5000, 4000), claims)).toBe(2499.5);
    expect(claimableAmount(request('Submitted', 5000), [])).toBe(0);
    expect(claimableAmount(request('Completed', 5000, 4000), [])).toBe(0);
  });

  it('divides pipeline and won revenue by the amount paid, and has no ROI without payment', () => {
    expect(mdfReturn(2000, 50000, 12345)).toEqual({ pipelinePerUnit: 25, wonPerUnit: 6.17 });
    expect(mdfReturn(0, 50000, 0)).toEqual({ pipelinePerUnit: null, wonPerUnit: null });
  });
});

describe('c-mdf-rules summarizeTotals', () => {
  it('gives what is available and each share of the budget, rounded down', () => {
    expect(
      summarizeTotals({ budgeted: 30000, committed: 19999.99, pending: 5000, claimed: 0.1 + 0.2, paid: 0 })
    ).toEqual({
      budgeted: 30000,
      committed: 19999.99,
      pending: 5000,
      claimed: 0.3,
      paid: 0,
      available: 10000.01,
      committedPercent: 66,
      pendingPercent: 16,
      claimedPercent: 0,
      paidPercent: 0,
      overCommitted: false,
      overRequested: false
    });
  });

  it('flags a budget committed beyond its amount, and one that pending requests would overrun', () => {
    const over = summarizeTotals({ budgeted: 10000, committed: 12000, pending: 0, claimed: 0, paid: 0 });
    expect([over.available, over.committedPercent, over.overCommitted, over.overRequested]).toEqual([
      -2000,
      120,
      true,
      true
    ]);
    const requested = summarizeTotals({ budgeted: 10000, committed: 8000, pending: 2500, claimed: 0, paid: 0 });
    expect([requested.overCommitted, requested.overRequested]).toEqual([false, true]);
  });

  it('has no available amount and no shares without a budget, and 0 % of an empty budget', () => {
    const uncapped = summarizeTotals({ budgeted: null, committed: 500, pending: null, claimed: 100, paid: 100 });
    expect(uncapped).toMatchObject({
      available: null,
      committedPercent: null,
      paidPercent: null,
      pending: 0,
      overCommitted: false
    });
    expect(summarizeTotals({ budgeted: 0, committed: 0, pending: 0, claimed: 0, paid: 0 }).committedPercent).toBe(0);
  });
});

describe('c-mdf-rules allowanceFromTotals', () => {
  it('rebuilds the allowance a server computed, so amountRefusal applies the same rules', () => {
    const select = allowanceFromTotals({
      tier: 'Select',
      eligible: true,
      eligibleTiers: ['Select', 'Elite'],
      capPerQuarter: 25000,
      used: 20000,
      remaining: 5000
    });
    expect(select).toEqual(mdfAllowance(BENEFITS, 'Select', [request('Approved', 20000, 20000)]));
    expect(amountRefusal(5000.01, select, null)).toBe('OVER_CAP');
    const registered = allowanceFromTotals({
      tier: 'Registered',
      eligible: false,
      eligibleTiers: ['Select', 'Elite'],
      capPerQuarter: null,
      used: null,
      remaining: null
    });
    expect(registered).toMatchObject({ refusal: 'TIER_NOT_ELIGIBLE', remaining: 0, capPerQuarter: 0 });
    expect(allowanceFromTotals({ ...registered, tier: '', eligibleTiers: null, used: 0 }).refusal).toBe('NO_TIER');
    const uncapped = allowanceFromTotals({
      tier: 'Elite',
      eligible: true,
      eligibleTiers: ['Elite'],
      capPerQuarter: null,
      used: 1,
      remaining: null
    });
    expect(amountRefusal(1e9, uncapped, null)).toBeNull();
  });
});
