trigger ContentDocumentTrigger on ContentDocument(before delete, after undelete) {
  new ContentDocumentTriggerHandler().run();
}
