// The audit log: every change a marketer or admin made (tier ladders, adjustments, imports, ...), newest first,
// filtered by action, and paged by cursor.
import { html } from 'lit';
import { api } from '../api.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

class AdminAudit extends View {
  static properties = { items: { state: true }, next: { state: true }, error: { state: true } };

  constructor() {
    super();
    this.action = '';
    this.items = [];
  }

  async load(more) {
    const query = new URLSearchParams({ size: '50' });
    if (this.action) {
      query.set('action', this.action);
    }
    if (more && this.next) {
      query.set('cursor', this.next);
    }
    try {
      const page = await api.get(`/api/points/audit?${query}`);
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.next = page.nextCursor;
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  render() {
    return html`
      <h1>${t('audit.title')}</h1>
      <section class="panel">
        <form @submit=${(e) => { e.preventDefault(); this.action = this.querySelector('#audit-action').value.trim(); this.load(false); }}>
          <label>${t('audit.action')}<input id="audit-action" placeholder="POINTS_ADJUSTED" /></label>
          <button type="submit">${t('audit.filter')}</button>
        </form>
      </section>
      ${problem(this.error)}
      <table id="audit">
        <thead><tr><th>${t('common.date')}</th><th>${t('audit.actor')}</th><th>${t('audit.action')}</th><th>${t('audit.target')}</th><th>${t('audit.reason')}</th><th>${t('audit.change')}</th></tr></thead>
        <tbody>${this.items.map((e) => html`<tr>
          <td>${format.dateTime(e.at)}</td><td>${e.actor}</td><td>${e.action}</td>
          <td>${e.targetType} ${e.targetId ?? ''}</td><td>${e.reason ?? ''}</td>
          <td><code>${e.after == null ? '' : JSON.stringify(e.after).slice(0, 200)}</code></td>
        </tr>`)}</tbody>
      </table>
      ${this.next ? html`<button class="secondary" @click=${() => this.load(true)}>${t('audit.more')}</button>` : ''}
    `;
  }
}

customElements.define('admin-audit', AdminAudit);
