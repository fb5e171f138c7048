/*
 * The standard objects and fields the project may name, with their types: force-app only holds what
 * the project adds, so the cross-reference check needs this explicit allowlist for the rest. A name
 * missing here is reported as unknown; add it here (with its type from the Object Reference) when
 * the project starts using it.
 */

export interface StandardField {
  type: string;
  /** Lookup targets (the relationship name is the field name without `Id`). */
  referenceTo?: string[];
  /** Standard value set holding the picklist's values, when force-app may define it (standardValueSets/). */
  valueSet?: string;
  /** Required on insert: cannot be listed in permission sets. */
  required?: boolean;
  /** Set by the platform: cannot be written. */
  readOnly?: boolean;
}

const id: StandardField = { type: 'Id', readOnly: true };
const lookup = (target: string, extra: Partial<StandardField> = {}): StandardField => ({
  type: 'Lookup',
  referenceTo: [target],
  ...extra
});
const text: StandardField = { type: 'Text' };
const systemDate: StandardField = { type: 'DateTime', readOnly: true };
const systemUser = lookup('User', { readOnly: true });
const currencyCode: StandardField = { type: 'Picklist' };

/** Fields every record has. */
const AUDIT_FIELDS: Record<string, StandardField> = {
  Id: id,
  CreatedDate: systemDate,
  CreatedById: systemUser,
  LastModifiedDate: systemDate,
  LastModifiedById: systemUser,
  SystemModstamp: systemDate,
  IsDeleted: { type: 'Checkbox', readOnly: true }
};

/** Standard fields of every custom object (`__c`); OwnerId only when it has no master-detail field. */
export function customObjectStandardFields(
  nameType: string,
  hasOwner: boolean,
  multiCurrency: boolean
): Record<string, StandardField> {
  return {
    ...AUDIT_FIELDS,
    Name: { type: nameType, required: nameType !== 'AutoNumber', readOnly: nameType === 'AutoNumber' },
    ...(hasOwner ? { OwnerId: lookup('User') } : {}),
    ...(multiCurrency ? { CurrencyIsoCode: currencyCode } : {}),
    LastViewedDate: systemDate,
    LastReferencedDate: systemDate,
    LastActivityDate: { type: 'Date', readOnly: true }
  };
}

/** The sharing table of a custom object whose default access is Private or Public Read Only (`X__Share`). */
export function shareObjectFields(parent: string): Record<string, StandardField> {
  return {
    Id: id,
    ParentId: lookup(parent, { required: true }),
    UserOrGroupId: lookup('User', { required: true }),
    AccessLevel: { type: 'Picklist', required: true },
    RowCause: { type: 'Picklist' },
    LastModifiedDate: systemDate,
    LastModifiedById: systemUser,
    IsDeleted: { type: 'Checkbox', readOnly: true }
  };
}

/** The field history of a custom object with history tracking (`X__History`). */
export function historyObjectFields(parent: string): Record<string, StandardField> {
  return {
    Id: id,
    ParentId: lookup(parent, { readOnly: true }),
    Field: { type: 'Picklist', readOnly: true },
    DataType: { type: 'Picklist', readOnly: true },
    OldValue: { type: 'Text', readOnly: true },
    NewValue: { type: 'Text', readOnly: true },
    CreatedDate: systemDate,
    CreatedById: systemUser,
    IsDeleted: { type: 'Checkbox', readOnly: true }
  };
}

/** At most this many fields of an object can have their history tracked. */
export const MAX_TRACKED_FIELDS = 20;

/** Standard fields of every custom metadata type (`__mdt`). */
export const CUSTOM_METADATA_STANDARD_FIELDS: Record<string, StandardField> = {
  Id: id,
  DeveloperName: { type: 'Text', required: true },
  MasterLabel: { type: 'Text', required: true },
  Label: { type: 'Text' },
  Language: { type: 'Picklist' },
  NamespacePrefix: { type: 'Text', readOnly: true },
  QualifiedApiName: { type: 'Text', readOnly: true },
  SystemModstamp: systemDate
};

/** Standard objects the project may use, with the standard fields it may name. */
export const STANDARD_OBJECTS: Record<string, Record<string, StandardField>> = {
  Account: {
    ...AUDIT_FIELDS,
    Name: { type: 'Text', required: true },
    Type: { type: 'Picklist', valueSet: 'AccountType' },
    Industry: { type: 'Picklist', valueSet: 'Industry' },
    ParentId: lookup('Account'),
    OwnerId: lookup('User'),
    BillingStreet: { type: 'TextArea' },
    BillingCity: text,
    BillingState: text,
    BillingPostalCode: text,
    BillingCountry: text,
    ShippingStreet: { type: 'TextArea' },
    ShippingCity: text,
    ShippingState: text,
    ShippingPostalCode: text,
    ShippingCountry: text,
    BillingAddress: { type: 'Address', readOnly: true },
    ShippingAddress: { type: 'Address', readOnly: true },
    Phone: { type: 'Phone' },
    Fax: { type: 'Phone' },
    Website: { type: 'Url' },
    AccountNumber: text,
    AccountSource: { type: 'Picklist', valueSet: 'AccountSource' },
    Rating: { type: 'Picklist', valueSet: 'AccountRating' },
    Site: text,
    Description: { type: 'LongTextArea' },
    AnnualRevenue: { type: 'Currency' },
    NumberOfEmployees: { type: 'Number' },
    IsPartner: { type: 'Checkbox' },
    CurrencyIsoCode: currencyCode,
    LastActivityDate: { type: 'Date', readOnly: true }
  },
  Contact: {
    ...AUDIT_FIELDS,
    Name: { type: 'Text', readOnly: true },
    FirstName: text,
    LastName: { type: 'Text', required: true },
    Salutation: { type: 'Picklist', valueSet: 'Salutation' },
    AccountId: lookup('Account'),
    OwnerId: lookup('User'),
    Email: { type: 'Email' },
    Phone: { type: 'Phone' },
    MobilePhone: { type: 'Phone' },
    Title: text,
    Department: text,
    ReportsToId: lookup('Contact'),
    Birthdate: { type: 'Date' },
    MailingStreet: { type: 'TextArea' },
    MailingCity: text,
    MailingState: text,
    MailingPostalCode: text,
    MailingCountry: text,
    MailingAddress: { type: 'Address', readOnly: true },
    Description: { type: 'LongTextArea' },
    LeadSource: { type: 'Picklist', valueSet: 'LeadSource' },
    CurrencyIsoCode: currencyCode
  },
  Opportunity: {
    ...AUDIT_FIELDS,
    Name: { type: 'Text', required: true },
    AccountId: lookup('Account'),
    PartnerAccountId: lookup('Account'),
    CampaignId: lookup('Campaign'),
    ContactId: lookup('Contact'),
    Pricebook2Id: lookup('Pricebook2'),
    IsPrivate: { type: 'Checkbox' },
    TotalOpportunityQuantity: { type: 'Number' },
    HasOpportunityLineItem: { type: 'Checkbox', readOnly: true },
    OwnerId: lookup('User'),
    StageName: { type: 'Picklist', valueSet: 'OpportunityStage', required: true },
    CloseDate: { type: 'Date', required: true },
    IsClosed: { type: 'Checkbox', readOnly: true },
    IsWon: { type: 'Checkbox', readOnly: true },
    Amount: { type: 'Currency' },
    ExpectedRevenue: { type: 'Currency', readOnly: true },
    Probability: { type: 'Percent' },
    CurrencyIsoCode: currencyCode,
    NextStep: text,
    Type: { type: 'Picklist', valueSet: 'OpportunityType' },
    LeadSource: { type: 'Picklist', valueSet: 'LeadSource' },
    ForecastCategoryName: { type: 'Picklist' },
    Description: { type: 'LongTextArea' },
    FiscalYear: { type: 'Number', readOnly: true },
    FiscalQuarter: { type: 'Number', readOnly: true },
    Fiscal: { type: 'Text', readOnly: true },
    LastActivityDate: { type: 'Date', readOnly: true }
  },
  Campaign: {
    ...AUDIT_FIELDS,
    Name: { type: 'Text', required: true },
    Type: { type: 'Picklist', valueSet: 'CampaignType' },
    Status: { type: 'Picklist', valueSet: 'CampaignStatus' },
    StartDate: { type: 'Date' },
    EndDate: { type: 'Date' },
    IsActive: { type: 'Checkbox' },
    BudgetedCost: { type: 'Currency' },
    ActualCost: { type: 'Currency' },
    /** Roll-ups of the opportunities linked to the campaign (Opportunity.CampaignId), set by the platform. */
    AmountAllOpportunities: { type: 'Currency', readOnly: true },
    AmountWonOpportunities: { type: 'Currency', readOnly: true },
    NumberOfOpportunities: { type: 'Number', readOnly: true },
    NumberOfWonOpportunities: { type: 'Number', readOnly: true },
    ParentId: lookup('Campaign'),
    OwnerId: lookup('User'),
    Description: { type: 'LongTextArea' },
    CurrencyIsoCode: currencyCode
  },
  User: {
    ...AUDIT_FIELDS,
    Name: { type: 'Text', readOnly: true },
    FirstName: text,
    LastName: { type: 'Text', required: true },
    Username: { type: 'Text', required: true },
    Alias: { type: 'Text', required: true },
    Email: { type: 'Email', required: true },
    IsActive: { type: 'Checkbox' },
    Title: text,
    Department: text,
    CompanyName: text,
    Phone: { type: 'Phone' },
    ProfileId: lookup('Profile', { required: true }),
    UserRoleId: lookup('UserRole'),
    ManagerId: lookup('User'),
    ContactId: lookup('Contact'),
    AccountId: lookup('Account', { readOnly: true }),
    UserType: { type: 'Picklist', readOnly: true },
    TimeZoneSidKey: { type: 'Picklist', required: true },
    LocaleSidKey: { type: 'Picklist', required: true },
    LanguageLocaleKey: { type: 'Picklist', required: true },
    EmailEncodingKey: { type: 'Picklist', required: true },
    DefaultCurrencyIsoCode: currencyCode,
    CurrencyIsoCode: currencyCode,
    FederationIdentifier: text,
    SmallPhotoUrl: { type: 'Url', readOnly: true },
    FullPhotoUrl: { type: 'Url', readOnly: true },
    LastLoginDate: systemDate
  },
  Pricebook2: { ...AUDIT_FIELDS, Name: text, IsActive: { type: 'Checkbox' }, IsStandard: { type: 'Checkbox' } },
  RecordType: {
    ...AUDIT_FIELDS,
    Name: text,
    DeveloperName: text,
    SobjectType: { type: 'Picklist' },
    IsActive: { type: 'Checkbox' }
  },
  PermissionSet: { ...AUDIT_FIELDS, Name: text, Label: text, IsOwnedByProfile: { type: 'Checkbox' } },
  PermissionSetAssignment: {
    ...AUDIT_FIELDS,
    AssigneeId: lookup('User', { required: true }),
    PermissionSetId: lookup('PermissionSet', { required: true })
  },
  Network: { ...AUDIT_FIELDS, Name: text, UrlPathPrefix: text, Status: { type: 'Picklist' } },
  NetworkMember: { ...AUDIT_FIELDS, MemberId: lookup('User'), NetworkId: lookup('Network') },
  ContentDocument: {
    ...AUDIT_FIELDS,
    Title: text,
    FileExtension: text,
    FileType: text,
    LatestPublishedVersionId: lookup('ContentVersion')
  },
  ContentDocumentLink: {
    Id: id,
    ContentDocumentId: lookup('ContentDocument', { required: true }),
    LinkedEntityId: { type: 'Lookup', referenceTo: [], required: true },
    ShareType: { type: 'Picklist' },
    Visibility: { type: 'Picklist' },
    SystemModstamp: systemDate,
    IsDeleted: { type: 'Checkbox', readOnly: true }
  },
  ContentVersion: {
    ...AUDIT_FIELDS,
    Title: text,
    PathOnClient: text,
    VersionData: { type: 'Base64' },
    ContentDocumentId: lookup('ContentDocument'),
    FirstPublishLocationId: { type: 'Lookup', referenceTo: [] },
    FileExtension: text,
    IsLatest: { type: 'Checkbox', readOnly: true }
  },
  Period: {
    Id: id,
    Type: { type: 'Picklist' },
    StartDate: { type: 'Date' },
    EndDate: { type: 'Date' },
    Number: { type: 'Number' },
    FiscalYearSettingsId: lookup('FiscalYearSettings'),
    IsForecastPeriod: { type: 'Checkbox' },
    QuarterLabel: { type: 'Picklist' },
    PeriodLabel: { type: 'Picklist' },
    FullyQualifiedLabel: text,
    SystemModstamp: systemDate
  },
  FiscalYearSettings: {
    Id: id,
    Name: text,
    StartDate: { type: 'Date' },
    EndDate: { type: 'Date' },
    IsStandardYear: { type: 'Checkbox' },
    YearType: { type: 'Picklist' },
    SystemModstamp: systemDate
  },
  AsyncApexJob: {
    Id: id,
    Status: { type: 'Picklist' },
    JobType: { type: 'Picklist' },
    ApexClassId: lookup('ApexClass'),
    MethodName: text,
    NumberOfErrors: { type: 'Number' },
    JobItemsProcessed: { type: 'Number' },
    TotalJobItems: { type: 'Number' },
    ExtendedStatus: text,
    CompletedDate: systemDate,
    CreatedDate: systemDate,
    CreatedById: systemUser
  },
  ApexClass: { Id: id, Name: text, NamespacePrefix: text, Status: { type: 'Picklist' } },
  CronTrigger: {
    Id: id,
    CronJobDetailId: lookup('CronJobDetail'),
    State: text,
    NextFireTime: systemDate,
    PreviousFireTime: systemDate,
    CronExpression: text
  },
  CronJobDetail: { Id: id, Name: text, JobType: { type: 'Picklist' } },
  EmailTemplate: {
    ...AUDIT_FIELDS,
    Name: text,
    DeveloperName: text,
    Subject: text,
    Body: { type: 'LongTextArea' },
    HtmlValue: { type: 'LongTextArea' },
    IsActive: { type: 'Checkbox' }
  },
  OrgWideEmailAddress: { ...AUDIT_FIELDS, Address: { type: 'Email' }, DisplayName: text },
  Profile: { ...AUDIT_FIELDS, Name: { type: 'Text', required: true }, UserType: { type: 'Picklist' } },
  UserRole: { ...AUDIT_FIELDS, Name: { type: 'Text', required: true }, DeveloperName: text },
  Group: { ...AUDIT_FIELDS, Name: { type: 'Text', required: true }, DeveloperName: text, Type: { type: 'Picklist' } },
  GroupMember: { ...AUDIT_FIELDS, GroupId: lookup('Group'), UserOrGroupId: lookup('User') },
  Organization: {
    Id: id,
    Name: text,
    DefaultLocaleSidKey: { type: 'Picklist' },
    FiscalYearStartMonth: { type: 'Number' },
    UsesStartDateAsFiscalYearName: { type: 'Checkbox' },
    IsSandbox: { type: 'Checkbox' }
  },
  DatedConversionRate: {
    ...AUDIT_FIELDS,
    IsoCode: { type: 'Picklist', required: true },
    ConversionRate: { type: 'Number', required: true },
    StartDate: { type: 'Date', required: true },
    NextStartDate: { type: 'Date', readOnly: true }
  },
  CurrencyType: {
    ...AUDIT_FIELDS,
    IsoCode: { type: 'Picklist', required: true },
    ConversionRate: { type: 'Number', required: true },
    DecimalPlaces: { type: 'Number' },
    IsActive: { type: 'Checkbox' },
    IsCorporate: { type: 'Checkbox', readOnly: true }
  },
  CustomNotificationType: {
    ...AUDIT_FIELDS,
    DeveloperName: text,
    MasterLabel: text,
    CustomNotifTypeName: text
  },
  Task: {
    ...AUDIT_FIELDS,
    Subject: text,
    Status: { type: 'Picklist', valueSet: 'TaskStatus', required: true },
    Priority: { type: 'Picklist', valueSet: 'TaskPriority', required: true },
    ActivityDate: { type: 'Date' },
    Description: { type: 'LongTextArea' },
    OwnerId: lookup('User'),
    WhoId: lookup('Contact'),
    WhatId: { type: 'Lookup', referenceTo: [] }
  },
  Event: {
    ...AUDIT_FIELDS,
    Subject: text,
    StartDateTime: { type: 'DateTime' },
    EndDateTime: { type: 'DateTime' },
    ActivityDate: { type: 'Date' },
    Description: { type: 'LongTextArea' },
    OwnerId: lookup('User'),
    WhoId: lookup('Contact'),
    WhatId: { type: 'Lookup', referenceTo: [] }
  }
};

/**
 * Metadata-relationship targets that are not custom metadata types: their values name objects and
 * fields, not records.
 */
export const ENTITY_DEFINITION = 'EntityDefinition';
export const FIELD_DEFINITION = 'FieldDefinition';

/** Standard list view columns of every custom object (custom fields are named by API name). */
export const CUSTOM_OBJECT_LIST_VIEW_COLUMNS = new Set([
  'NAME',
  'OWNER.ALIAS',
  'OWNER.FIRST_NAME',
  'OWNER.LAST_NAME',
  'OWNER.NAME',
  'CREATED_DATE',
  'CREATEDBY_USER',
  'CREATEDBY_USER.ALIAS',
  'LAST_UPDATE',
  'UPDATEDBY_USER',
  'UPDATEDBY_USER.ALIAS',
  'LAST_ACTIVITY',
  'RECORDTYPE',
  'CURRENCY_ISO_CODE'
]);

/** Every field type a CustomField may declare (Metadata API `FieldType`). */
export const FIELD_TYPES = new Set([
  'AutoNumber',
  'Lookup',
  'MasterDetail',
  'MetadataRelationship',
  'Checkbox',
  'Currency',
  'Date',
  'DateTime',
  'Email',
  'EncryptedText',
  'ExternalLookup',
  'IndirectLookup',
  'Number',
  'Percent',
  'Phone',
  'Picklist',
  'MultiselectPicklist',
  'Summary',
  'Text',
  'TextArea',
  'LongTextArea',
  'Html',
  'Url',
  'Hierarchy',
  'File',
  'Location',
  'Time'
]);
