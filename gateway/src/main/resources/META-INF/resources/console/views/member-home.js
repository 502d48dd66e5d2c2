// The member's screen: the digital card with its QR code for the till, balance, pending points and what expires soon,
// the tier with the progress to the next one and what keeping it needs, and the history. The member picks the card's
// design from the marketer's active designs.
import { html } from 'lit';
import { api, ApiError } from '../api.js';
import { format, t } from '../i18n.js';
import { designStyle, designTitle } from '../card-design.js';
import { View, problem } from './view.js';

class MemberHome extends View {
  static properties = { member: { state: true }, card: { state: true }, designs: { state: true }, error: { state: true } };

  constructor() {
    super();
    this.member = null;
    this.ledger = null;
    this.qr = null;
  }

  async load() {
    try {
      this.member = await this.account();
      const [card, progress, expiring, ledger, qr, designs] = await Promise.all([
        api.get('/api/points/members/me/card'),
        api.get('/api/points/members/me/tier-progress'),
        api.get('/api/points/members/me/expiring?within=90d'),
        api.get('/api/points/members/me/ledger?page=0&size=20'),
        api.image('/api/points/members/me/card.svg'),
        api.get('/api/points/card-designs'),
      ]);
      Object.assign(this, { progress, expiring, ledger, qr, designs });
      this.card = card;
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  async chooseDesign(designId) {
    try {
      this.card = await api.put('/api/points/members/me/card', { designId });
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  /** The account, enrolled on the first visit (the app's first screen is where a member joins). */
  async account() {
    try {
      return await api.get('/api/points/members/me');
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        return api.post('/api/points/members/me', {});
      }
      throw e;
    }
  }

  render() {
    if (this.error) {
      return problem(this.error);
    }
    if (!this.card) {
      return html`<p class="loading">${t('common.loading')}</p>`;
    }
    const m = this.member;
    return html`
      <h1>${t('member.title')}</h1>
      <div class="grid">
        <div>
          <section class="card" aria-label=${t('member.card')} id="member-card" style=${this.cardStyle()}>
            <div>${this.designTitle()}</div>
            <img class="qr" id="card-qr" src=${this.qr} alt=${t('member.qrAlt', { code: this.card.cardCode })} />
            <div class="code" id="card-code">${this.card.cardCode}</div>
            <div>${this.card.displayName ?? ''} · ${this.card.tierName ?? this.card.tier}</div>
          </section>
          ${this.designs?.length > 1
            ? html`<label>${t('member.design')}<select id="card-design" @change=${(e) => this.chooseDesign(e.target.value)}>
                ${this.designs.map((d) => html`<option value=${d.id} ?selected=${d.id === this.card.design?.id}>${designTitle(d)}</option>`)}
              </select></label>`
            : ''}
          ${this.card.chosenDesignRetired ? html`<p class="muted" id="design-retired">${t('member.designRetired')}</p>` : ''}
        </div>
        <section class="panel" aria-labelledby="balance-title">
          <h2 id="balance-title">${t('member.balance')}</h2>
          <div class="big" id="balance">${format.points(m.balance)}</div>
          <p>${t('member.available')}: <span id="available">${format.points(m.available)}</span></p>
          <p>${t('member.pending')}: <span id="pending">${format.points(m.pending)}</span></p>
          ${m.debt ? html`<p class="error">${t('member.debt')}: ${format.points(m.debt)}</p>` : ''}
          <p>
            ${t('member.expiring', { points: format.points(this.expiring?.total ?? 0) })}
            ${this.expiring?.dates?.length ? html`(${format.day(this.expiring.dates[0].lastDay)})` : ''}
          </p>
        </section>
        ${this.tier()}
      </div>
      ${this.history()}
    `;
  }

  /** The card in its design's colours (the marketer's card designs), else the console's. */
  cardStyle() {
    return designStyle(this.card.design);
  }

  designTitle() {
    return this.card.design ? designTitle(this.card.design) : t('member.card');
  }

  tier() {
    const p = this.progress;
    if (!p) {
      return '';
    }
    const needed = p.needed ?? {};
    const current = p.current ?? {};
    // needed: what the next tier still needs (0: reached); the bar shows spend so far against spend in all
    const spent = current.spend ?? 0;
    const ratio = needed.spend > 0 ? spent / (spent + needed.spend) : 1;
    return html`<section class="panel" aria-labelledby="tier-title">
      <h2 id="tier-title">${t('member.tier')}</h2>
      <div class="big" id="tier-name">${p.tierName ?? p.tier}</div>
      ${p.nextTier
        ? html`<p>${t('member.next', { tier: p.nextTierName ?? p.nextTier })}</p>
            <div class="progress" role="progressbar" aria-label=${t('member.progress')}
              aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(ratio * 100)}>
              <span style="width:${Math.round(ratio * 100)}%"></span>
            </div>
            ${needed.spend ? html`<p>${t('member.spendMore', { amount: format.money(needed.spend) })}</p>` : ''}
            ${needed.purchases ? html`<p>${t('member.purchasesMore', { count: needed.purchases })}</p>` : ''}`
        : html`<p>${t('member.top')}</p>`}
      ${p.keep
        ? html`<p>${p.keep.qualifies ? t('member.keeps') : t('member.keepBy', { date: format.day(p.keep.by) })}</p>`
        : ''}
    </section>`;
  }

  history() {
    const items = this.ledger?.items ?? [];
    return html`<section class="panel" aria-labelledby="history-title">
      <h2 id="history-title">${t('member.history')}</h2>
      ${items.length === 0
        ? html`<p class="muted">${t('member.noHistory')}</p>`
        : html`<table id="history">
            <thead><tr><th>${t('common.date')}</th><th>${t('member.what')}</th><th class="num">${t('common.points')}</th><th class="num">${t('member.balance')}</th></tr></thead>
            <tbody>${items.map(
              (e) => html`<tr>
                <td>${format.dateTime(e.createdAt)}</td>
                <td>${t(`ledger.${e.kind}`, { defaultValue: e.kind })}${e.reason ? html` · ${e.reason}` : ''}</td>
                <td class="num ${e.points >= 0 ? 'up' : 'down'}">${e.points > 0 ? '+' : ''}${format.number(e.points)}</td>
                <td class="num">${format.number(e.balanceAfter)}</td>
              </tr>`,
            )}</tbody>
          </table>`}
    </section>`;
  }
}

customElements.define('member-home', MemberHome);
