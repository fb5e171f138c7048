/*
 * The preview page: mounts the project's components for one sample partner, the way a Partner
 * Profile record page (`?as=manager`, the default) or the partner site (`?as=partner`) would.
 * `?partner=<name or id>` picks the partner (default: the first in the list). `?page=mdf` shows the
 * MDF components instead of the tier components: the request form, the claim form of the partner's
 * approved request, the partner's budget summary and (record page view) a region's summary.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import components from 'preview:components';

const params = new URLSearchParams(window.location.search);
const viewer = params.get('as') === 'partner' ? 'partner' : 'manager';
const page = params.get('page') === 'mdf' ? 'mdf' : 'tier';
const TIER_COMPONENTS = ['tierProgress', 'partnerChecklist', 'tierHistory'];
/** The region whose budgets the MDF page summarises next to the partner's (the sample's over-committed one). */
const MDF_REGION = 'EMEA';

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.appendChild(child);
  return node;
}

function showError(message) {
  const region = document.getElementById('components');
  region.replaceChildren(
    element('div', { class: 'slds-notify slds-notify_alert slds-alert_error', role: 'alert' }, [
      element('h2', { text: message })
    ])
  );
}

/** Toasts a component fires (lightning/platformShowToastEvent), shown as on a Lightning page. */
function showToast(detail) {
  const variant = ['success', 'warning', 'error'].includes(detail.variant) ? detail.variant : 'info';
  const toast = element('div', { class: `slds-notify slds-notify_toast slds-theme_${variant}`, role: 'status' }, [
    element('div', { class: 'slds-notify__content' }, [
      element('h2', { class: 'slds-text-heading_small', text: detail.title || '' }),
      element('p', { text: detail.message || '' })
    ])
  ]);
  document.getElementById('toasts').appendChild(toast);
  setTimeout(() => toast.remove(), 5000);
}

async function main() {
  document.addEventListener('lightning__showtoast', (event) => showToast(event.detail));
  // Where a component would navigate in the org (lightning/navigation stand-in).
  globalThis.__PREVIEW_NAVIGATIONS__ = [];
  document.addEventListener('preview__navigate', (event) => {
    const { pageReference } = event.detail;
    globalThis.__PREVIEW_NAVIGATIONS__.push(pageReference);
    const { type, attributes = {} } = pageReference;
    showToast({
      title: 'Navigation (not available in the preview)',
      message: [type, attributes.actionName, attributes.objectApiName, attributes.relationshipApiName]
        .filter(Boolean)
        .join(' · ')
    });
  });
  const response = await fetch('/api/partners');
  const { partners, quarter, snapshot } = await response.json();
  const wanted = params.get('partner');
  let partner = partners[0];
  if (wanted) {
    const resolved = await fetch(`/api/resolve?partner=${encodeURIComponent(wanted)}`);
    const body = await resolved.json();
    if (!resolved.ok) return showError(body.message);
    partner = body.partner;
  }

  const picker = document.getElementById('partner');
  for (const candidate of partners) {
    const option = element('option', {
      value: candidate.accountId,
      text: `${candidate.name} (${candidate.tier}${candidate.outcome ? `, ${candidate.outcome}` : `, ${candidate.status}`})`
    });
    if (candidate.accountId === partner.accountId) option.selected = true;
    picker.appendChild(option);
  }
  picker.addEventListener('change', () => {
    params.set('partner', picker.value);
    window.location.search = params.toString();
  });
  const viewerPicker = document.getElementById('viewer');
  viewerPicker.value = viewer;
  viewerPicker.addEventListener('change', () => {
    params.set('as', viewerPicker.value);
    window.location.search = params.toString();
  });
  const pagePicker = document.getElementById('page');
  pagePicker.value = page;
  pagePicker.addEventListener('change', () => {
    params.set('page', pagePicker.value);
    window.location.search = params.toString();
  });
  document.getElementById('context').textContent =
    `${snapshot} · ${quarter} evaluation applied · ` +
    (viewer === 'partner' ? `partner site, signed in as ${partner.name}` : `Partner Profile record page`);
  document.title = `${partner.name} · Partner Program preview`;

  // What the platform would provide: the signed-in user, and on the partner site the community.
  globalThis.__PREVIEW__ = {
    partner: partner.accountId,
    profileId: partner.profileId,
    viewer,
    userId: viewer === 'partner' ? '005PV0000000000002AAA' : '005PV0000000000001AAA',
    communityId: viewer === 'partner' ? '0DBPV0000000000001AAA' : undefined,
    communityBasePath: viewer === 'partner' ? '/partners/s' : undefined
  };

  const slots = { main: document.getElementById('main'), side: document.getElementById('side') };
  const byName = new Map(components.map((component) => [component.name, component]));
  const mount = (name, slot, properties = {}, region = name) => {
    const component = byName.get(name);
    if (!component) return;
    const node = createElement(component.tag, { is: component.ctor });
    Object.assign(node, properties);
    slots[slot].appendChild(element('div', { class: 'slds-m-bottom_medium', 'data-component': region }, [node]));
  };
  // A record page passes the record; the partner site has none (the controller finds the user's own profile).
  const record = viewer === 'manager' ? { recordId: partner.profileId, objectApiName: 'Partner_Profile__c' } : {};
  if (page === 'mdf') {
    const mdf = await (await fetch(`/api/mdf?partner=${encodeURIComponent(partner.accountId)}`)).json();
    mount('mdfRequestForm', 'main', record);
    // The claim form sits on the MDF Request record page (and its partner site page): the partner's approved request.
    if (mdf.claimRecordId) {
      mount('mdfClaimForm', 'main', { recordId: mdf.claimRecordId, objectApiName: 'MDF_Request__c' });
    }
    mount('mdfBudgetSummary', 'side', record);
    if (viewer === 'manager') mount('mdfBudgetSummary', 'side', { region: MDF_REGION }, 'mdfRegionSummary');
  } else {
    for (const name of TIER_COMPONENTS) mount(name, name === 'partnerChecklist' ? 'side' : 'main', record);
  }
  document.body.dataset.partner = partner.accountId;
  document.body.dataset.ready = 'mounted';
}

main().catch((error) => showError(`The preview could not start: ${error.message}`));
