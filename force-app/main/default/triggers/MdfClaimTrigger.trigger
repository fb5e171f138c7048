trigger MdfClaimTrigger on MDF_Claim__c(
  before insert,
  before update,
  after insert,
  after update,
  after delete,
  after undelete
) {
  new MdfClaimTriggerHandler().run();
}
