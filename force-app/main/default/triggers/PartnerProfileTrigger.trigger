trigger PartnerProfileTrigger on Partner_Profile__c(before insert, before update) {
  new PartnerProfileTriggerHandler().run();
}
