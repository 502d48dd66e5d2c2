// The member's rewards: what they can redeem now (and why not, when not), redeeming one for a coupon to show at the
// till, and the rewards they hold. One key per redemption: a double tap is one redemption, not two.
import { html } from 'lit';
import { api, idempotencyKey } from '../api.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

class MemberRewards extends View {
  static properties = {
    rewards: { state: true },
    mine: { state: true },
    redeemed: { state: true },
    confirming: { state: true },
    error: { state: true },
  };

  async load() {
    try {
      const [rewards, mine] = await Promise.all([
        api.get('/api/points/rewards'),
        api.get('/api/points/members/me/rewards?page=0&size=20'),
      ]);
      this.rewards = rewards.filter((r) => r.kind !== 'DONATION');
      this.mine = mine.items ?? [];
    } catch (e) {
      this.error = e;
    }
  }

  async redeem(reward) {
    this.confirming = null;
    try {
      this.redeemed = await api.post(`/api/points/rewards/${reward.id}/redemptions`, {}, { 'Idempotency-Key': idempotencyKey() });
      this.error = null;
      await this.load();
    } catch (e) {
      this.error = e;
    }
  }

  render() {
    if (!this.rewards) {
      return this.error ? problem(this.error) : html`<p class="loading">${t('common.loading')}</p>`;
    }
    return html`
      <h1>${t('rewards.title')}</h1>
      ${problem(this.error)}
      ${this.redeemed
        ? html`<section class="receipt" role="status" id="redeemed">
            <h2>${this.redeemed.rewardName}</h2>
            ${this.redeemed.couponDisplay ? html`<p class="big" id="coupon">${this.redeemed.couponDisplay}</p><p>${t('rewards.showCoupon')}</p>` : ''}
            <p>${t('till.newBalance')}: ${format.points(this.redeemed.balance)}</p>
          </section>`
        : ''}
      <div class="grid" id="rewards">
        ${this.rewards.length === 0 ? html`<p class="muted">${t('rewards.none')}</p>` : ''}
        ${this.rewards.map((r) => html`<section class="panel">
          <h2>${r.name}</h2>
          ${r.description ? html`<p>${r.description}</p>` : ''}
          <p class="big">${format.points(r.pointsPrice)}</p>
          ${r.stock != null ? html`<p class="muted">${t('rewards.stock', { count: r.stock })}</p>` : ''}
          ${r.redeemable && this.confirming === r.id
            ? html`<p>${t('rewards.confirm', { name: r.name, points: format.points(r.pointsPrice) })}</p>
                <button class="confirm-redeem" @click=${() => this.redeem(r)}>${t('rewards.redeem')}</button>
                <button class="secondary" @click=${() => { this.confirming = null; }}>${t('surveys.back')}</button>`
            : r.redeemable
            ? html`<button class="redeem" data-id=${r.id} @click=${() => { this.confirming = r.id; }}>${t('rewards.redeem')}</button>`
            : html`<p class="muted">${t(`rewards.why.${r.unavailableReason}`, { defaultValue: r.unavailableReason ?? '' })}</p>`}
        </section>`)}
      </div>
      <h2>${t('rewards.mine')}</h2>
      ${this.mine.length === 0
        ? html`<p class="muted">${t('rewards.noneHeld')}</p>`
        : html`<table><thead><tr><th>${t('common.date')}</th><th>${t('rewards.reward')}</th><th>${t('rewards.coupon')}</th><th>${t('followUps.status')}</th></tr></thead>
            <tbody>${this.mine.map((m) => html`<tr><td>${format.dateTime(m.createdAt)}</td><td>${m.rewardName}</td>
              <td>${m.couponDisplay ?? '–'}</td><td>${t(`rewards.status.${m.status}`, { defaultValue: m.status })}</td></tr>`)}</tbody></table>`}
    `;
  }
}

customElements.define('member-rewards', MemberRewards);
