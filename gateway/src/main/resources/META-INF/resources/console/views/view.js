// What every screen shares: light DOM (the console's one stylesheet), loading its data when shown (its load(), if it
// has one), re-rendering when the language changes, and showing an API error (a problem's title and detail, and its
// field errors) where the action happened.
import { LitElement, html } from 'lit';
import { t } from '../i18n.js';

export class View extends LitElement {
  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.languageListener = () => this.requestUpdate();
    window.addEventListener('language-changed', this.languageListener);
    this.load?.();
  }

  disconnectedCallback() {
    window.removeEventListener('language-changed', this.languageListener);
    super.disconnectedCallback();
  }
}

/** An error as an alert: the problem's title and detail, and up to ten field errors. */
export function problem(error) {
  if (!error) {
    return '';
  }
  const fields = error.fieldErrors ?? [];
  return html`<div role="alert" class="error">
    <strong>${error.problem?.title ?? t('common.error')}</strong>
    ${error.message && error.message !== error.problem?.title ? html`<span>: ${error.message}</span>` : ''}
    ${fields.length ? html`<ul>${fields.slice(0, 10).map((f) => html`<li>${f}</li>`)}</ul>` : ''}
  </div>`;
}
