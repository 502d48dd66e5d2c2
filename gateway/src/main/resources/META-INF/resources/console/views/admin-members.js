// Members: find one by card code (or by a verified e-mail or phone), export everything stored about them (a JSON
// file), merge another member into them, or erase their personal data. Merge and erasure are confirmed in place and
// carry a reason for the audit log (no personal data in it: the audit log is never erased).
import { html } from 'lit';
import { api } from '../api.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

class AdminMembers extends View {
  static properties = {
    member: { state: true },
    confirming: { state: true },
    done: { state: true },
    error: { state: true },
  };

  async find(e) {
    e.preventDefault();
    const query = this.querySelector('#member-search').value.trim().replace(/\s+/g, '');
    this.member = null;
    this.done = null;
    this.confirming = null;
    try {
      this.member = /^\d{16}$/.test(query)
        ? await api.get(`/api/points/members?card=${encodeURIComponent(query)}`)
        : await api.post('/api/points/members/lookup', query.includes('@') ? { email: query } : { phone: query });
      this.error = null;
    } catch (err) {
      this.error = err;
    }
  }

  async exportData() {
    try {
      const data = await api.get(`/api/points/members/${this.member.id}/export`);
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: `member-${this.member.id}.json` });
      a.click();
      URL.revokeObjectURL(url);
      this.done = t('members.exported');
    } catch (err) {
      this.error = err;
    }
  }

  async merge() {
    try {
      const r = await api.post(`/api/points/members/${this.member.id}/merge`, {
        cardCode: this.querySelector('#merge-card').value.replace(/\s+/g, ''),
        reason: this.querySelector('#merge-reason').value.trim() || undefined,
      });
      this.member = r.survivor;
      this.done = t('members.merged', { card: r.mergedCardCode, points: format.points(r.pointsMoved) });
      this.confirming = null;
      this.error = null;
    } catch (err) {
      this.error = err;
    }
  }

  async erase() {
    try {
      await api.post(`/api/points/members/${this.member.id}/erasure`, {
        reason: this.querySelector('#erase-reason').value.trim() || undefined,
      });
      this.done = t('members.erased');
      this.member = null;
      this.confirming = null;
      this.error = null;
    } catch (err) {
      this.error = err;
    }
  }

  render() {
    return html`
      <h1>${t('members.title')}</h1>
      <section class="panel">
        <form @submit=${(e) => this.find(e)}>
          <label>${t('till.query')}<input id="member-search" required autocomplete="off" /></label>
          <button type="submit" id="member-find">${t('till.find')}</button>
        </form>
      </section>
      ${problem(this.error)}
      ${this.done ? html`<p role="status" class="good" id="member-done">${this.done}</p>` : ''}
      ${this.member ? this.panel() : ''}
    `;
  }

  panel() {
    const m = this.member;
    return html`<section class="panel" aria-labelledby="member-title">
      <h2 id="member-title">${m.displayName ?? m.cardCode}</h2>
      <dl class="facts">
        <dt>${t('adjust.card')}</dt><dd id="member-card-code">${m.cardCode}</dd>
        <dt>${t('profile.email')}</dt><dd>${m.email ?? '–'}</dd>
        <dt>${t('profile.phone')}</dt><dd>${m.phone ?? '–'}</dd>
        <dt>${t('member.tier')}</dt><dd>${m.tierName ?? m.tier}</dd>
        <dt>${t('member.balance')}</dt><dd>${format.points(m.balance)}</dd>
        <dt>${t('profile.since')}</dt><dd>${format.date(m.enrolledAt)}</dd>
      </dl>
      <p>
        <button id="export" class="secondary" @click=${() => this.exportData()}>${t('members.export')}</button>
        <button id="start-merge" class="secondary" @click=${() => { this.confirming = 'merge'; }}>${t('members.merge')}</button>
        <button id="start-erase" class="secondary" @click=${() => { this.confirming = 'erase'; }}>${t('members.erase')}</button>
      </p>
      ${this.confirming === 'merge'
        ? html`<div class="panel">
            <label>${t('members.mergeCard')}<input id="merge-card" required inputmode="numeric" /></label>
            <label>${t('adjust.reason')}<input id="merge-reason" maxlength="500" /></label>
            <p>${t('members.mergeWarning')}</p>
            <button id="confirm-merge" @click=${() => this.merge()}>${t('members.merge')}</button>
            <button class="secondary" @click=${() => { this.confirming = null; }}>${t('surveys.back')}</button>
          </div>`
        : ''}
      ${this.confirming === 'erase'
        ? html`<div class="panel">
            <label>${t('adjust.reason')}<input id="erase-reason" maxlength="500" /></label>
            <p class="error">${t('members.eraseWarning')}</p>
            <button id="confirm-erase" @click=${() => this.erase()}>${t('members.erase')}</button>
            <button class="secondary" @click=${() => { this.confirming = null; }}>${t('surveys.back')}</button>
          </div>`
        : ''}
    </section>`;
  }
}

customElements.define('admin-members', AdminMembers);
