/*
 * The five profile sections of DESIGN.md §2 as the checklist asks for them: the Partner_Profile__c
 * fields that answer each section (the layout's sections; PartnerChecklistController reads the same
 * fields) and the evidence, certified people and plays that back its claims.
 */
import type { Requirement, SectionSpec } from 'c/partnerChecklistModel';
import SECTION_WHO_THEY_SERVE from '@salesforce/label/c.PP_Section_Who_They_Serve';
import INDUSTRIES_FIELD from '@salesforce/schema/Partner_Profile__c.Industries__c';
import INDUSTRIES_LABEL from '@salesforce/label/c.PP_Checklist_Industries';
import REGIONS_FIELD from '@salesforce/schema/Partner_Profile__c.Regions__c';
import REGIONS_LABEL from '@salesforce/label/c.PP_Checklist_Regions';
import EMPLOYEE_BANDS_FIELD from '@salesforce/schema/Partner_Profile__c.Employee_Bands__c';
import EMPLOYEE_BANDS_LABEL from '@salesforce/label/c.PP_Checklist_Employee_Bands';
import CUSTOMER_SYSTEMS_FIELD from '@salesforce/schema/Partner_Profile__c.Customer_Systems__c';
import CUSTOMER_SYSTEMS_LABEL from '@salesforce/label/c.PP_Checklist_Customer_Systems';
import SIGNING_AUTHORITY_FIELD from '@salesforce/schema/Partner_Profile__c.Signing_Authority__c';
import SIGNING_AUTHORITY_LABEL from '@salesforce/label/c.PP_Checklist_Signing_Authority';
import DECISION_MAKER_ROLES_FIELD from '@salesforce/schema/Partner_Profile__c.Decision_Maker_Roles__c';
import DECISION_MAKER_ROLES_LABEL from '@salesforce/label/c.PP_Checklist_Decision_Maker_Roles';
import REFERENCE_CUSTOMER_LABEL from '@salesforce/label/c.PP_Checklist_Reference_Customer';
import SECTION_GO_TO_MARKET from '@salesforce/label/c.PP_Section_Go_To_Market';
import GTM_MODELS_FIELD from '@salesforce/schema/Partner_Profile__c.GTM_Models__c';
import GTM_MODELS_LABEL from '@salesforce/label/c.PP_Checklist_GTM_Models';
import SALES_MOTION_FIELD from '@salesforce/schema/Partner_Profile__c.Sales_Motion__c';
import SALES_MOTION_LABEL from '@salesforce/label/c.PP_Checklist_Sales_Motion';
import AVERAGE_DEAL_SIZE_FIELD from '@salesforce/schema/Partner_Profile__c.Average_Deal_Size__c';
import AVERAGE_DEAL_SIZE_LABEL from '@salesforce/label/c.PP_Checklist_Average_Deal_Size';
import SALES_CYCLE_DAYS_FIELD from '@salesforce/schema/Partner_Profile__c.Sales_Cycle_Days__c';
import SALES_CYCLE_DAYS_LABEL from '@salesforce/label/c.PP_Checklist_Sales_Cycle_Days';
import MARKETPLACE_LISTING_LABEL from '@salesforce/label/c.PP_Checklist_Marketplace_Listing';
import SECTION_WHAT_THEY_DELIVER from '@salesforce/label/c.PP_Section_What_They_Deliver';
import PACKAGED_SERVICES_FIELD from '@salesforce/schema/Partner_Profile__c.Packaged_Services__c';
import PACKAGED_SERVICES_LABEL from '@salesforce/label/c.PP_Checklist_Packaged_Services';
import INTEGRATIONS_FIELD from '@salesforce/schema/Partner_Profile__c.Integrations__c';
import INTEGRATIONS_LABEL from '@salesforce/label/c.PP_Checklist_Integrations';
import SUPPORT_MODEL_FIELD from '@salesforce/schema/Partner_Profile__c.Support_Model__c';
import SUPPORT_MODEL_LABEL from '@salesforce/label/c.PP_Checklist_Support_Model';
import SUPPORT_HOURS_FIELD from '@salesforce/schema/Partner_Profile__c.Support_Hours__c';
import SUPPORT_HOURS_LABEL from '@salesforce/label/c.PP_Checklist_Support_Hours';
import PRICING_MODEL_FIELD from '@salesforce/schema/Partner_Profile__c.Pricing_Model__c';
import PRICING_MODEL_LABEL from '@salesforce/label/c.PP_Checklist_Pricing_Model';
import MARGIN_EXPECTATION_PCT_FIELD from '@salesforce/schema/Partner_Profile__c.Margin_Expectation_Pct__c';
import MARGIN_EXPECTATION_PCT_LABEL from '@salesforce/label/c.PP_Checklist_Margin_Expectation_Pct';
import CERTIFIED_PEOPLE_LABEL from '@salesforce/label/c.PP_Checklist_Certified_People';
import DELIVERY_PROOF_LABEL from '@salesforce/label/c.PP_Checklist_Delivery_Proof';
import SECTION_WHY_IT_WORKS from '@salesforce/label/c.PP_Section_Why_It_Works';
import JOINT_VALUE_PROPOSITION_FIELD from '@salesforce/schema/Partner_Profile__c.Joint_Value_Proposition__c';
import JOINT_VALUE_PROPOSITION_LABEL from '@salesforce/label/c.PP_Checklist_Joint_Value_Proposition';
import JOINT_CUSTOMERS_FIELD from '@salesforce/schema/Partner_Profile__c.Joint_Customers__c';
import JOINT_CUSTOMERS_LABEL from '@salesforce/label/c.PP_Checklist_Joint_Customers';
import PLAYS_LABEL from '@salesforce/label/c.PP_Checklist_Plays';
import CASE_STUDY_LABEL from '@salesforce/label/c.PP_Checklist_Case_Study';
import SECTION_WHAT_GOOD_MEANS from '@salesforce/label/c.PP_Section_What_Good_Means';
import SHARED_KPIS_FIELD from '@salesforce/schema/Partner_Profile__c.Shared_KPIs__c';
import SHARED_KPIS_LABEL from '@salesforce/label/c.PP_Checklist_Shared_KPIs';
import SUCCESS_CRITERIA_90_DAYS_FIELD from '@salesforce/schema/Partner_Profile__c.Success_Criteria_90_Days__c';
import SUCCESS_CRITERIA_90_DAYS_LABEL from '@salesforce/label/c.PP_Checklist_Success_Criteria_90_Days';

function field(reference: { fieldApiName?: string }, label: string): Requirement {
  return { kind: 'field', field: reference.fieldApiName ?? '', label };
}

export function checklistSections(): SectionSpec[] {
  return [
    {
      key: 'whoTheyServe',
      title: SECTION_WHO_THEY_SERVE,
      items: [
        field(INDUSTRIES_FIELD, INDUSTRIES_LABEL),
        field(REGIONS_FIELD, REGIONS_LABEL),
        field(EMPLOYEE_BANDS_FIELD, EMPLOYEE_BANDS_LABEL),
        field(CUSTOMER_SYSTEMS_FIELD, CUSTOMER_SYSTEMS_LABEL),
        field(SIGNING_AUTHORITY_FIELD, SIGNING_AUTHORITY_LABEL),
        field(DECISION_MAKER_ROLES_FIELD, DECISION_MAKER_ROLES_LABEL),
        { kind: 'evidence', types: ['Reference Customer'], label: REFERENCE_CUSTOMER_LABEL }
      ]
    },
    {
      key: 'goToMarket',
      title: SECTION_GO_TO_MARKET,
      items: [
        field(GTM_MODELS_FIELD, GTM_MODELS_LABEL),
        field(SALES_MOTION_FIELD, SALES_MOTION_LABEL),
        field(AVERAGE_DEAL_SIZE_FIELD, AVERAGE_DEAL_SIZE_LABEL),
        field(SALES_CYCLE_DAYS_FIELD, SALES_CYCLE_DAYS_LABEL),
        { kind: 'evidence', types: ['Marketplace Listing'], label: MARKETPLACE_LISTING_LABEL }
      ]
    },
    {
      key: 'whatTheyDeliver',
      title: SECTION_WHAT_THEY_DELIVER,
      items: [
        field(PACKAGED_SERVICES_FIELD, PACKAGED_SERVICES_LABEL),
        field(INTEGRATIONS_FIELD, INTEGRATIONS_LABEL),
        field(SUPPORT_MODEL_FIELD, SUPPORT_MODEL_LABEL),
        field(SUPPORT_HOURS_FIELD, SUPPORT_HOURS_LABEL),
        field(PRICING_MODEL_FIELD, PRICING_MODEL_LABEL),
        field(MARGIN_EXPECTATION_PCT_FIELD, MARGIN_EXPECTATION_PCT_LABEL),
        { kind: 'certifiedPeople', min: 1, label: CERTIFIED_PEOPLE_LABEL },
        {
          kind: 'evidence',
          types: ['Validated Integration', 'Hands-on Test', 'SOW', 'Playbook'],
          label: DELIVERY_PROOF_LABEL
        }
      ]
    },
    {
      key: 'whyItWorks',
      title: SECTION_WHY_IT_WORKS,
      items: [
        field(JOINT_VALUE_PROPOSITION_FIELD, JOINT_VALUE_PROPOSITION_LABEL),
        field(JOINT_CUSTOMERS_FIELD, JOINT_CUSTOMERS_LABEL),
        { kind: 'plays', min: 2, label: PLAYS_LABEL },
        { kind: 'evidence', types: ['Case Study'], label: CASE_STUDY_LABEL }
      ]
    },
    {
      key: 'whatGoodMeans',
      title: SECTION_WHAT_GOOD_MEANS,
      items: [
        field(SHARED_KPIS_FIELD, SHARED_KPIS_LABEL),
        field(SUCCESS_CRITERIA_90_DAYS_FIELD, SUCCESS_CRITERIA_90_DAYS_LABEL)
      ]
    }
  ];
}
