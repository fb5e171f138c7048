/**
 * The snapshot's files and columns (docs/snapshot-format.md), with each column's type. The reader
 * parses every listed column of every row eagerly, so a bad value is reported even where no metric
 * happens to need it.
 */
export type ColumnType = 'text' | 'number' | 'date' | 'datetime' | 'boolean';

export interface ColumnSpec {
  type: ColumnType;
  required: boolean;
}

export type FileSpec = Record<string, ColumnSpec>;

// Generic so that each column keeps its literal type and `Row<O>` can type every value.
const req = <T extends ColumnType>(type: T) => ({ type, required: true });
const opt = <T extends ColumnType>(type: T) => ({ type, required: false });

export const SNAPSHOT_FILES = {
  Account: { Id: req('text'), Name: req('text'), BillingCountry: opt('text') },
  Partner_Profile__c: {
    Id: req('text'),
    Name: opt('text'),
    Account__c: req('text'),
    Partner_Type__c: req('text'),
    Status__c: req('text'),
    Tier__c: req('text'),
    Tier_Since__c: opt('date'),
    Grace_Until__c: req('date'),
    Partner_Manager__c: opt('text'),
    Onboarded_On__c: opt('date'),
    Last_Reviewed_On__c: opt('date'),
    Review_Cadence__c: opt('text')
  },
  Opportunity: {
    Id: req('text'),
    Name: req('text'),
    AccountId: opt('text'),
    Partner_Account__c: req('text'),
    Partner_Involvement__c: req('text'),
    Type: req('text'),
    StageName: opt('text'),
    IsClosed: req('boolean'),
    IsWon: req('boolean'),
    CloseDate: req('date'),
    Amount: req('number'),
    CurrencyIsoCode: opt('text'),
    OwnerId: req('text'),
    NextStep: req('text'),
    Deal_Registered__c: req('boolean'),
    Registered_On__c: opt('date')
  },
  DatedConversionRate: {
    Id: opt('text'),
    IsoCode: req('text'),
    ConversionRate: req('number'),
    StartDate: req('date'),
    NextStartDate: req('date')
  },
  Delivery_Review__c: {
    Id: req('text'),
    Partner_Profile__c: req('text'),
    Opportunity__c: opt('text'),
    CSAT__c: req('number'),
    Reviewed_On__c: req('date'),
    Escalated__c: req('boolean')
  },
  Partner_Certification__c: {
    Id: req('text'),
    Partner_Profile__c: req('text'),
    Contact__c: req('text'),
    Certification_Name__c: opt('text'),
    Credential_Id__c: opt('text'),
    Issued_On__c: req('date'),
    Expires_On__c: req('date'),
    Verified__c: req('boolean')
  },
  Partner_Evidence__c: {
    Id: req('text'),
    Partner_Profile__c: req('text'),
    Type__c: req('text'),
    Title__c: opt('text'),
    URL__c: opt('text'),
    Evidence_Date__c: req('date'),
    Verified__c: req('boolean')
  },
  Tier_Exception__c: {
    Id: req('text'),
    Partner_Profile__c: req('text'),
    Tier__c: req('text'),
    Reason__c: opt('text'),
    Starts_On__c: req('date'),
    Expires_On__c: req('date')
  },
  Tier_Evaluation__c: {
    Id: req('text'),
    Partner_Profile__c: req('text'),
    Evaluation_Key__c: req('text'),
    Quarter__c: req('text'),
    Window_Start__c: opt('date'),
    Window_End__c: opt('date'),
    Previous_Tier__c: req('text'),
    Previous_Grace_Until__c: req('date'),
    Qualified_Tier__c: opt('text'),
    Resulting_Tier__c: req('text'),
    Outcome__c: req('text'),
    Grace_Until__c: opt('date')
  },
  Contact: {
    Id: req('text'),
    FirstName: opt('text'),
    LastName: req('text'),
    AccountId: opt('text'),
    Email: opt('text')
  }
} satisfies Record<string, FileSpec>;

/** The files `evaluate` reads (and `snapshot --target-org` writes). */
export type SnapshotObject = keyof typeof SNAPSHOT_FILES;

/**
 * Optional MDF files (DESIGN.md §4): read by the `mdf` report only, checked by the same reader.
 * `evaluate` ignores them, and the run id does not cover them.
 */
export const MDF_SNAPSHOT_FILES = {
  MDF_Budget__c: {
    Id: req('text'),
    Name: opt('text'),
    Fiscal_Quarter__c: req('text'),
    Region__c: req('text'),
    Eligible_Tier__c: req('text'),
    Amount__c: req('number'),
    Status__c: opt('text'),
    CurrencyIsoCode: opt('text')
  },
  MDF_Request__c: {
    Id: req('text'),
    Name: opt('text'),
    Account__c: req('text'),
    Budget__c: req('text'),
    Campaign__c: req('text'),
    Status__c: req('text'),
    Activity_Type__c: req('text'),
    Requested_Amount__c: req('number'),
    Approved_Amount__c: req('number'),
    Submitted_On__c: req('datetime'),
    Decided_On__c: opt('datetime'),
    Decision_Comment__c: opt('text'),
    Start_Date__c: opt('date'),
    End_Date__c: opt('date'),
    Expected_Pipeline__c: opt('number'),
    CurrencyIsoCode: opt('text')
  },
  MDF_Claim__c: {
    Id: req('text'),
    Name: opt('text'),
    MDF_Request__c: req('text'),
    Status__c: req('text'),
    Amount__c: req('number'),
    Submitted_On__c: opt('datetime'),
    Approved_On__c: req('datetime'),
    Paid_On__c: req('date'),
    Actual_Pipeline__c: opt('number'),
    Proof_Count__c: opt('number'),
    Payment_Reference__c: opt('text'),
    CurrencyIsoCode: opt('text')
  },
  Campaign: {
    Id: req('text'),
    Name: req('text'),
    AmountAllOpportunities: req('number'),
    AmountWonOpportunities: req('number')
  }
} satisfies Record<string, FileSpec>;

export type MdfObject = keyof typeof MDF_SNAPSHOT_FILES;

/** Every file a snapshot may hold: the evaluation's and the optional MDF files. */
export const ALL_SNAPSHOT_FILES = { ...SNAPSHOT_FILES, ...MDF_SNAPSHOT_FILES };

export type SnapshotFileObject = keyof typeof ALL_SNAPSHOT_FILES;

/** Files every snapshot must have; the others may be absent. */
export const REQUIRED_FILES: SnapshotObject[] = [
  'Account',
  'Partner_Profile__c',
  'Opportunity',
  'Delivery_Review__c',
  'Partner_Certification__c',
  'Partner_Evidence__c',
  'Tier_Exception__c',
  'Tier_Evaluation__c'
];

type ValueOf<T extends ColumnType> = T extends 'number' ? number : T extends 'boolean' ? boolean : string;

/** The parsed row of a file: every column typed, null where the CSV cell is empty. */
export type Row<O extends SnapshotFileObject> = {
  [K in keyof (typeof ALL_SNAPSHOT_FILES)[O]]: (typeof ALL_SNAPSHOT_FILES)[O][K] extends {
    type: infer T extends ColumnType;
  }
    ? ValueOf<T> | null
    : never;
};
