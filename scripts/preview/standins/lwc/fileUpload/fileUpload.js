/*
 * Stand-in for lightning-file-upload (not in the npm package lightning-base-components: uploading
 * needs an org). Renders the SLDS file selector with the component's label; files chosen (or
 * dropped) are "uploaded" to the preview server, which counts them as files linked to the record
 * (`POST /api/upload`), then it fires `uploadfinished` with `{ files: [{ name, documentId }] }` as the
 * base component does.
 */
import { LightningElement, api } from 'lwc';

let counter = 0;

export default class FileUpload extends LightningElement {
  @api label;
  @api name;
  @api recordId;
  @api accept;
  @api multiple = false;
  @api disabled = false;
  inputId = `preview-file-upload-${++counter}`;

  get acceptText() {
    return Array.isArray(this.accept) ? this.accept.join(',') : this.accept;
  }

  async upload(fileList) {
    const files = Array.from(fileList || []);
    if (files.length === 0) return;
    const response = await fetch('/api/upload', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ recordId: this.recordId, names: files.map((file) => file.name) })
    });
    const body = await response.json();
    this.dispatchEvent(new CustomEvent('uploadfinished', { detail: { files: body.files } }));
  }

  handleChange(event) {
    void this.upload(event.target.files);
  }

  handleDragOver(event) {
    event.preventDefault();
  }

  handleDrop(event) {
    event.preventDefault();
    void this.upload(event.dataTransfer.files);
  }
}
