trigger MdfRequestTrigger on MDF_Request__c(
  before insert,
  before update,
  after insert,
  after update,
  after delete,
  after undelete
) {
  new MdfRequestTriggerHandler().run();
}
