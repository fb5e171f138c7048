import type { IsoDate } from '../../../force-app/main/default/lwc/tierEngine/tierEngine.ts';

/** The records behind one partner's metrics, for `explain` (answering an appeal with data). */
export interface PartnerDetail {
  accountId: string;
  opportunities: {
    id: string;
    name: string;
    type: string;
    involvement: string;
    closeDate: IsoDate;
    isClosed: boolean;
    isWon: boolean;
    amount: number | null;
    currency: string;
    /** The dated rate used, when the deal counted toward revenue. */
    rate: number | null;
    corporateAmount: number | null;
    nextStep: string | null;
    /** Which metrics this opportunity feeds (`revenue`, `renewal won`, …); empty when none. */
    counts: string[];
  }[];
  reviews: {
    id: string;
    reviewedOn: IsoDate;
    csat: number | null;
    escalated: boolean;
    counted: boolean;
    note: string;
  }[];
  certifications: {
    id: string;
    contactId: string;
    contactName?: string;
    certification: string;
    issuedOn: IsoDate | null;
    expiresOn: IsoDate | null;
    counted: boolean;
    note: string;
  }[];
  evidence: { id: string; type: string; title: string; date: IsoDate | null; counted: boolean; note: string }[];
}
