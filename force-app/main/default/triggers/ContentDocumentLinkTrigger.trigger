trigger ContentDocumentLinkTrigger on ContentDocumentLink(after insert, after delete) {
  new FileAttachmentHandler().run();
}
