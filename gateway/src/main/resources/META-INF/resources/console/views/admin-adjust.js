// Point adjustments: an admin credits or takes points off a member's balance, always with a reason, which the
// member's history and the audit log show. The key makes a double click one adjustment, not two.
import { html } from 'lit';
import { api, idempotencyKey } from '../api.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

class AdminAdjust extends View {
  static properties = { member: { state: true }, result: { state: true }, error: { state: true }, busy: { state: true } };

  async find(e) {
    e.preventDefault();
    const card = this.querySelector('#adjust-card').value.replace(/\s+/g, '');
    this.result = null;
    try {
      this.member = await api.get(`/api/points/members?card=${encodeURIComponent(card)}`);
      this.key = idempotencyKey();
      this.error = null;
    } catch (err) {
      this.member = null;
      this.error = err;
    }
  }

  async adjust(e) {
    e.preventDefault();
    this.busy = true;
    try {
      this.result = await api.post('/api/points/adjustments', {
        idempotencyKey: this.key,
        memberId: this.member.id,
        points: Number(this.querySelector('#adjust-points').value),
        reason: this.querySelector('#adjust-reason').value.trim(),
      });
      this.key = idempotencyKey();
      this.error = null;
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
  }

  render() {
    return html`
      <h1>${t('adjust.title')}</h1>
      <section class="panel">
        <form @submit=${(e) => this.find(e)}>
          <label>${t('adjust.card')}<input id="adjust-card" required inputmode="numeric" autocomplete="off" /></label>
          <button type="submit" id="adjust-find">${t('till.find')}</button>
        </form>
      </section>
      ${problem(this.error)}
      ${this.member
        ? html`<section class="panel">
            <p id="adjust-member"><strong>${this.member.displayName ?? this.member.cardCode}</strong> · ${format.points(this.member.balance)}</p>
            <form @submit=${(e) => this.adjust(e)}>
              <label>${t('adjust.points')}<input id="adjust-points" type="number" step="1" required /></label>
              <label>${t('adjust.reason')}<textarea id="adjust-reason" required maxlength="500"></textarea></label>
              <button type="submit" id="adjust-save" ?disabled=${this.busy}>${t('adjust.save')}</button>
            </form>
          </section>`
        : ''}
      ${this.result
        ? html`<p role="status" class="good" id="adjusted">${t('adjust.done', { points: format.points(this.result.points), balance: format.points(this.result.balance) })}</p>`
        : ''}
    `;
  }
}

customElements.define('admin-adjust', AdminAdjust);
