// The follow-up queue: unhappy answers (detractors, at risk, high effort) for a person to act on. Filter by status
// and kind, assign, note what was done, and move an item open -> contacted -> resolved.
import { html } from 'lit';
import { api } from '../api.js';
import { user } from '../auth.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

const NEXT = { open: ['contacted', 'resolved'], contacted: ['resolved'], resolved: [] };

class MarketerFollowUps extends View {
  static properties = { page: { state: true }, error: { state: true }, moved: { state: true } };

  constructor() {
    super();
    this.status = 'open';
    this.kind = '';
  }

  async load() {
    const query = new URLSearchParams({ page: '0', size: '50' });
    if (this.status) {
      query.set('status', this.status);
    }
    if (this.kind) {
      query.set('kind', this.kind);
    }
    try {
      this.page = await api.get(`/api/metrics/follow-ups?${query}`);
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  async work(item, change) {
    try {
      const updated = await api.patch(`/api/metrics/follow-ups/${item.id}`, change);
      this.moved = updated;
      await this.load();
    } catch (e) {
      this.error = e;
    }
  }

  filter(field, value) {
    this[field] = value;
    this.load();
  }

  render() {
    return html`
      <h1>${t('followUps.title')}</h1>
      <section class="panel">
        <label>${t('followUps.status')}
          <select id="status-filter" @change=${(e) => this.filter('status', e.target.value)}>
            ${['open', 'contacted', 'resolved', ''].map((s) => html`<option value=${s} ?selected=${s === this.status}>${t(`followUps.statuses.${s || 'all'}`)}</option>`)}
          </select>
        </label>
        <label>${t('followUps.kind')}
          <select id="kind-filter" @change=${(e) => this.filter('kind', e.target.value)}>
            ${['', 'DETRACTOR', 'AT_RISK', 'HIGH_EFFORT'].map((k) => html`<option value=${k} ?selected=${k === this.kind}>${t(`followUps.kinds.${k || 'all'}`)}</option>`)}
          </select>
        </label>
      </section>
      ${problem(this.error)}
      ${this.moved ? html`<p role="status" class="good" id="moved">${t('followUps.moved', { status: t(`followUps.statuses.${this.moved.status}`) })}</p>` : ''}
      ${this.page ? this.table() : html`<p class="loading">${t('common.loading')}</p>`}
    `;
  }

  table() {
    const items = this.page.items ?? [];
    if (items.length === 0) {
      return html`<p class="muted" id="no-items">${t('followUps.none')}</p>`;
    }
    return html`<p class="muted">${t('followUps.count', { count: this.page.total })}</p>
      <table id="follow-ups">
        <thead><tr><th>${t('common.date')}</th><th>${t('followUps.kind')}</th><th class="num">${t('followUps.score')}</th>
          <th>${t('followUps.reason')}</th><th>${t('followUps.assignee')}</th><th>${t('followUps.status')}</th><th>${t('followUps.actions')}</th></tr></thead>
        <tbody>${items.map((item) => html`<tr data-id=${item.id}>
          <td>${format.dateTime(item.answeredAt)}</td>
          <td>${t(`followUps.kinds.${item.kind}`)}</td>
          <td class="num">${item.score ?? '–'}</td>
          <td>${item.reason ?? ''}</td>
          <td>${item.assignee ?? html`<button class="secondary" @click=${() => this.work(item, { assignee: user().name })}>${t('followUps.takeIt')}</button>`}</td>
          <td>${t(`followUps.statuses.${item.status}`)}</td>
          <td>${NEXT[item.status].map((next) => html`<button class="move" data-status=${next}
            @click=${() => this.work(item, { status: next })}>${t(`followUps.to.${next}`)}</button> `)}</td>
        </tr>`)}</tbody>
      </table>`;
  }
}

customElements.define('marketer-follow-ups', MarketerFollowUps);
