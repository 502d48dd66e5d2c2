// Rewards and causes: the catalogue with its stock, redemptions held and who may redeem; add a reward (a product, a
// coupon, a prize, an experience), restock or retire one; the causes members donate to, with their totals and the
// brand's matching, and opening a new one (its own donation reward comes with it).
import { html } from 'lit';
import { api } from '../api.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

const KINDS = ['PRODUCT', 'COUPON', 'PRIZE', 'EXPERIENCE'];

class MarketerRewards extends View {
  static properties = { rewards: { state: true }, causes: { state: true }, notice: { state: true }, error: { state: true } };

  async load() {
    try {
      [this.rewards, this.causes] = await Promise.all([
        api.get('/api/points/rewards?all=true'),
        api.get('/api/points/causes'),
      ]);
    } catch (e) {
      this.error = e;
    }
  }

  field(id) {
    return this.querySelector(`#${id}`)?.value?.trim() ?? '';
  }

  async addReward(e) {
    e.preventDefault();
    const stock = this.field('reward-stock');
    const tiers = this.field('reward-tiers').split(',').map((x) => x.trim().toUpperCase()).filter(Boolean);
    try {
      const r = await api.post('/api/points/rewards', {
        name: this.field('reward-name'),
        description: this.field('reward-description') || undefined,
        kind: this.field('reward-kind'),
        pointsPrice: Number(this.field('reward-price')),
        ...(stock ? { stock: Number(stock) } : {}),
        eligibleTiers: tiers,
      });
      this.notice = t('catalogue.added', { name: r.name });
      this.error = null;
      e.target.reset();
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  async restock(reward) {
    try {
      // PUT replaces the descriptive fields: send them as they are, and add 10 to the stock atomically
      const { name, description, pointsPrice, eligibleTiers, validFrom, validTo, perMemberLimit } = reward;
      await api.put(`/api/points/rewards/${reward.id}`, JSON.parse(JSON.stringify({
        name, description, pointsPrice, eligibleTiers, validFrom, validTo, perMemberLimit, addStock: 10,
      })));
      this.notice = t('catalogue.restocked', { name: reward.name });
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  async retire(reward) {
    try {
      await api.post(`/api/points/rewards/${reward.id}/retire`, { reason: t('catalogue.retiredFromConsole') });
      this.notice = t('catalogue.retired', { name: reward.name });
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  async addCause(e) {
    e.preventDefault();
    try {
      const c = await api.post('/api/points/causes', {
        name: this.field('cause-name'),
        description: this.field('cause-description') || undefined,
        matchingRatio: Number(this.field('cause-ratio') || 0),
      });
      this.notice = t('catalogue.added', { name: c.name });
      this.error = null;
      e.target.reset();
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  render() {
    if (!this.rewards || !this.causes) {
      return this.error ? problem(this.error) : html`<p class="loading">${t('common.loading')}</p>`;
    }
    return html`
      <h1>${t('catalogue.title')}</h1>
      ${problem(this.error)}
      ${this.notice ? html`<p role="status" class="good" id="catalogue-notice">${this.notice}</p>` : ''}
      <section class="panel" aria-labelledby="rewards-title">
        <h2 id="rewards-title">${t('catalogue.rewards')}</h2>
        <table id="catalogue">
          <thead><tr><th>${t('rules.name')}</th><th>${t('rules.kind')}</th><th class="num">${t('common.points')}</th>
            <th class="num">${t('catalogue.stock')}</th><th class="num">${t('catalogue.redeemed')}</th><th>${t('catalogue.tiers')}</th>
            <th>${t('rules.state')}</th><th>${t('common.actions')}</th></tr></thead>
          <tbody>${this.rewards.filter((r) => r.kind !== 'DONATION').map((r) => html`<tr data-id=${r.id}>
            <td>${r.name}</td><td>${t(`catalogue.kinds.${r.kind}`, { defaultValue: r.kind })}</td>
            <td class="num">${format.number(r.pointsPrice)}</td>
            <td class="num">${r.stock == null ? '∞' : format.number(r.stock)}</td>
            <td class="num">${format.number((r.counts?.issued ?? 0) + (r.counts?.fulfilled ?? 0))}</td>
            <td>${r.eligibleTiers?.length ? r.eligibleTiers.join(', ') : t('catalogue.everyone')}</td>
            <td>${t(`catalogue.status.${r.status}`, { defaultValue: r.status })}</td>
            <td>${r.status === 'ACTIVE'
              ? html`${r.stock != null ? html`<button class="secondary restock" @click=${() => this.restock(r)}>${t('catalogue.restock')}</button>` : ''}
                  <button class="secondary retire" @click=${() => this.retire(r)}>${t('catalogue.retire')}</button>`
              : ''}</td>
          </tr>`)}</tbody>
        </table>
        <form id="new-reward" @submit=${(e) => this.addReward(e)}>
          <h3>${t('catalogue.newReward')}</h3>
          <label>${t('rules.name')}<input id="reward-name" required maxlength="200" /></label>
          <label>${t('catalogue.description')}<input id="reward-description" maxlength="2000" /></label>
          <label>${t('rules.kind')}<select id="reward-kind">${KINDS.map((k) => html`<option value=${k}>${t(`catalogue.kinds.${k}`)}</option>`)}</select></label>
          <label>${t('catalogue.price')}<input id="reward-price" type="number" min="1" step="1" required /></label>
          <label>${t('catalogue.stockNew')}<input id="reward-stock" type="number" min="0" step="1" /></label>
          <label>${t('rules.tiers')}<input id="reward-tiers" /></label>
          <button type="submit" id="add-reward">${t('catalogue.add')}</button>
        </form>
      </section>
      <section class="panel" aria-labelledby="causes-title">
        <h2 id="causes-title">${t('catalogue.causes')}</h2>
        <table id="causes">
          <thead><tr><th>${t('rules.name')}</th><th class="num">${t('catalogue.donated')}</th><th class="num">${t('catalogue.matched')}</th>
            <th class="num">${t('catalogue.donors')}</th><th class="num">${t('catalogue.ratio')}</th><th>${t('rules.state')}</th></tr></thead>
          <tbody>${this.causes.map((c) => html`<tr><td>${c.name}</td><td class="num">${format.number(c.donatedPoints)}</td>
            <td class="num">${format.number(c.matchedPoints)}</td><td class="num">${format.number(c.donors)}</td>
            <td class="num">${format.number(c.matchingRatio, 4)}</td><td>${c.open ? t('catalogue.open') : t('catalogue.closed')}</td></tr>`)}</tbody>
        </table>
        <form id="new-cause" @submit=${(e) => this.addCause(e)}>
          <h3>${t('catalogue.newCause')}</h3>
          <label>${t('rules.name')}<input id="cause-name" required maxlength="200" /></label>
          <label>${t('catalogue.description')}<input id="cause-description" maxlength="2000" /></label>
          <label>${t('catalogue.ratioInput')}<input id="cause-ratio" type="number" min="0" step="0.0001" /></label>
          <button type="submit" id="add-cause">${t('catalogue.add')}</button>
        </form>
      </section>
    `;
  }
}

customElements.define('marketer-rewards', MarketerRewards);
