// The till: find the member by scanning the QR code of their card with the device's camera (html5-qrcode, ZXing
// inside) or by typing the card code, phone or e-mail; see what a purchase would earn, and why, before saving it;
// record it, with a receipt of what was earned; or redeem points, or record a return of an earlier purchase. A reward
// the member redeemed in the app comes to the till as a coupon: look it up, hand the reward over, or void it (the
// points go back). E-mail and phone go in a POST body, never in a URL.
import { html } from 'lit';
import { api, idempotencyKey } from '../api.js';
import { user } from '../auth.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

const CARD = /^\d{16}$/;

class StaffTill extends View {
  static properties = {
    member: { state: true },
    simulation: { state: true },
    receipt: { state: true },
    error: { state: true },
    scanning: { state: true },
    busy: { state: true },
    mode: { state: true },
    outcome: { state: true },
    coupon: { state: true },
    couponNote: { state: true },
  };

  constructor() {
    super();
    this.transactionId = StaffTill.newTransactionId();
    this.mode = 'purchase';
  }

  static newTransactionId() {
    const now = new Date();
    const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
    return `T${stamp}-${Math.floor(Math.random() * 1e6).toString().padStart(6, '0')}`;
  }

  disconnectedCallback() {
    this.stopScan();
    super.disconnectedCallback();
  }

  async find(e) {
    e?.preventDefault();
    const query = this.querySelector('#member-query').value.trim().replace(/\s+/g, '');
    this.member = null;
    this.simulation = null;
    this.receipt = null;
    this.outcome = null;
    this.error = null;
    if (!query) {
      return;
    }
    try {
      if (CARD.test(query)) {
        this.member = await api.get(`/api/points/members?card=${encodeURIComponent(query)}`);
      } else if (query.includes('@')) {
        this.member = await api.post('/api/points/members/lookup', { email: query });
      } else {
        this.member = await api.post('/api/points/members/lookup', { phone: query });
      }
    } catch (err) {
      this.error = err;
    }
  }

  async scan() {
    if (this.scanning) {
      await this.stopScan();
      return;
    }
    this.error = null;
    this.scanning = true;
    await this.updateComplete;
    // QR codes only: a card is one, and trying every format costs about five times the CPU per frame
    const scanner = new Html5Qrcode('scanner', { formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE] });
    this.scanner = scanner;
    try {
      await scanner.start({ facingMode: 'environment' }, { fps: 10, qrbox: 220 }, async (text) => {
        if (this.scanner !== scanner) {
          return; // a later frame read the code too, before the camera closed
        }
        await this.stopScan();
        this.querySelector('#member-query').value = text;
        await this.find();
      });
      if (this.scanner !== scanner && scanner.isScanning) {
        // read (or stopped) while the camera was still starting: close it now that it has
        await scanner.stop();
      }
    } catch (err) {
      if (this.scanner === scanner) {
        this.scanner = null;
        this.scanning = false;
        this.error = { message: t('till.noCamera'), problem: { title: t('till.scan') } };
      }
    }
  }

  async stopScan() {
    const scanner = this.scanner;
    this.scanner = null;
    this.scanning = false;
    if (scanner?.isScanning) {
      await scanner.stop();
    }
  }

  purchase() {
    const amount = Number(this.querySelector('#amount').value);
    const store = this.store();
    return {
      transactionId: this.querySelector('#transaction-id').value.trim(),
      cardCode: this.member.cardCode,
      amount,
      currency: 'JPY',
      storeId: store,
      channel: this.querySelector('#channel').value,
    };
  }

  async simulate() {
    this.error = null;
    this.receipt = null;
    try {
      const { transactionId, storeId, ...purchase } = this.purchase();
      this.simulation = await api.post('/api/points/rules/simulate', purchase);
    } catch (err) {
      this.error = err;
    }
  }

  async record(e) {
    e.preventDefault();
    this.error = null;
    this.busy = true;
    try {
      // the transaction id is the purchase's idempotency key: sent again, it is a replay, never a second earn
      this.receipt = await api.post('/api/points/purchases', this.purchase());
      this.simulation = null;
      this.member = { ...this.member, balance: this.receipt.balance, tierName: this.receipt.tierName };
      this.transactionId = StaffTill.newTransactionId();
      this.querySelector('#transaction-id').value = this.transactionId;
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
  }

  store() {
    return this.querySelector('#store')?.value?.trim() || user().storeId;
  }

  async redeemPoints(e) {
    e.preventDefault();
    this.error = null;
    try {
      const r = await api.post('/api/points/redemptions', {
        idempotencyKey: this.redemptionKey,
        cardCode: this.member.cardCode,
        points: Number(this.querySelector('#redeem-points').value),
        reason: this.querySelector('#redeem-reason').value.trim() || t('till.redeemedAtTill'),
      });
      this.redemptionKey = idempotencyKey();
      this.member = { ...this.member, balance: r.balance };
      this.outcome = { title: t('till.redeemed', { points: format.points(r.points) }), balance: r.balance };
    } catch (err) {
      this.error = err;
    }
  }

  async recordReturn(e) {
    e.preventDefault();
    this.error = null;
    const amount = this.querySelector('#return-amount').value;
    try {
      const r = await api.post('/api/points/returns', {
        returnId: `R${StaffTill.newTransactionId().slice(1)}`,
        transactionId: this.querySelector('#return-transaction').value.trim(),
        storeId: this.store(),
        ...(amount ? { amount: Number(amount) } : {}),
      });
      this.member = { ...this.member, balance: r.balance };
      this.outcome = {
        title: t('till.returned', { points: format.points(r.pointsReversed) }),
        balance: r.balance,
        note: r.shortfall ? t('till.shortfall', { points: format.points(r.shortfall) }) : null,
      };
    } catch (err) {
      this.error = err;
    }
  }

  /** The coupon's code as typed (any case, with or without hyphens); the service reads it forgivingly. */
  couponCode() {
    return this.querySelector('#coupon-code').value.trim().replace(/\s+/g, '');
  }

  async lookUpCoupon(e) {
    e.preventDefault();
    this.error = null;
    this.coupon = null;
    this.couponNote = null;
    const code = this.couponCode();
    if (!code) {
      return;
    }
    try {
      this.coupon = await api.get(`/api/points/coupons/${encodeURIComponent(code)}`);
    } catch (err) {
      this.error = err;
    }
  }

  /** Fulfils (the reward was handed over) or voids the coupon; both are idempotent in the service. */
  async settleCoupon(action) {
    this.error = null;
    try {
      const reason = this.querySelector('#coupon-reason')?.value.trim();
      this.coupon = action === 'fulfil'
        ? await api.post(`/api/points/coupons/${this.coupon.couponCode}/fulfil`)
        : await api.post(`/api/points/coupons/${this.coupon.couponCode}/void`, reason ? { reason } : {});
      this.couponNote = action === 'fulfil'
        ? t('till.coupon.handedOver', { reward: this.coupon.rewardName })
        : t('till.coupon.voided', { points: format.points(this.coupon.points) });
    } catch (err) {
      this.error = err;
    }
  }

  couponPanel() {
    const c = this.coupon;
    return html`<section class="panel" aria-labelledby="coupon-title">
      <h2 id="coupon-title">${t('till.coupon.title')}</h2>
      <form @submit=${(e) => this.lookUpCoupon(e)}>
        <label>${t('till.coupon.code')}<input id="coupon-code" autocomplete="off" autocapitalize="characters"
          placeholder="7QK3-M0Z9-RT4X-W2HC" maxlength="40" /></label>
        <button type="submit" class="secondary" id="look-up-coupon">${t('till.coupon.lookUp')}</button>
      </form>
      ${c ? html`<dl class="facts" id="coupon-facts">
          <dt>${t('rewards.reward')}</dt><dd id="coupon-reward">${c.rewardName}</dd>
          <dt>${t('rewards.coupon')}</dt><dd>${c.couponDisplay}</dd>
          <dt>${t('common.points')}</dt><dd>${format.points(c.points)}</dd>
          <dt>${t('till.coupon.card')}</dt><dd>${c.cardCode}</dd>
          <dt>${t('till.coupon.redeemedAt')}</dt><dd>${format.dateTime(c.createdAt)}</dd>
          <dt>${t('followUps.status')}</dt><dd id="coupon-status">${t(`rewards.status.${c.status}`, { defaultValue: c.status })}</dd>
        </dl>
        ${c.status === 'ISSUED'
          ? html`<button type="button" id="fulfil-coupon" @click=${() => this.settleCoupon('fulfil')}>${t('till.coupon.handOver')}</button>
              <label>${t('till.coupon.voidReason')}<input id="coupon-reason" maxlength="500" /></label>
              <button type="button" class="secondary" id="void-coupon" @click=${() => this.settleCoupon('void')}>${t('till.coupon.void')}</button>`
          : ''}` : ''}
      ${this.couponNote ? html`<p role="status" class="good" id="coupon-outcome">${this.couponNote}</p>` : ''}
    </section>`;
  }

  setMode(mode) {
    this.mode = mode;
    this.outcome = null;
    this.receipt = null;
    this.simulation = null;
    this.error = null;
    this.redemptionKey = idempotencyKey();
  }

  render() {
    return html`
      <h1>${t('till.title')}</h1>
      <section class="panel">
        <form @submit=${(e) => this.find(e)}>
          <label>${t('till.query')}
            <input id="member-query" autocomplete="off" inputmode="text" placeholder="1234 5678 9012 3456" />
          </label>
          <button type="submit" id="find">${t('till.find')}</button>
          <button type="button" class="secondary" id="scan" @click=${() => this.scan()}>
            ${this.scanning ? t('till.stopScan') : t('till.scan')}
          </button>
        </form>
        ${this.scanning ? html`<div id="scanner" aria-label=${t('till.camera')}></div>` : ''}
      </section>
      ${problem(this.error)}
      ${this.member ? this.memberPanel() : ''}
      ${this.receipt ? this.receiptPanel() : ''}
      ${this.outcome ? html`<section class="receipt" id="outcome" role="status" aria-live="polite">
          <h2>${this.outcome.title}</h2>
          <p>${t('till.newBalance')}: <strong id="outcome-balance">${format.points(this.outcome.balance)}</strong></p>
          ${this.outcome.note ? html`<p>${this.outcome.note}</p>` : ''}
        </section>` : ''}
      ${this.couponPanel()}
    `;
  }

  memberPanel() {
    const m = this.member;
    const staffStore = user().storeId;
    return html`<section class="panel" aria-labelledby="found-title">
      <h2 id="found-title">${t('till.member')}</h2>
      <p id="found-member"><strong>${m.displayName ?? m.cardCode}</strong> · ${m.tierName ?? m.tier} ·
        <span id="found-balance">${format.points(m.balance)}</span></p>
      <div role="group" aria-label=${t('till.what')} class="modes">
        ${['purchase', 'redeem', 'return'].map((mode) => html`<button type="button" id=${`mode-${mode}`}
          class=${this.mode === mode ? '' : 'secondary'} aria-pressed=${this.mode === mode ? 'true' : 'false'}
          @click=${() => this.setMode(mode)}>${t(`till.modes.${mode}`)}</button>`)}
      </div>
      ${this.mode === 'redeem' ? this.redeemForm() : this.mode === 'return' ? this.returnForm() : this.purchaseForm(staffStore)}
    </section>`;
  }

  redeemForm() {
    this.redemptionKey ??= idempotencyKey();
    return html`<form @submit=${(e) => this.redeemPoints(e)}>
      <label>${t('till.redeemPoints')}<input id="redeem-points" type="number" min="1" step="1" required inputmode="numeric" /></label>
      <label>${t('adjust.reason')}<input id="redeem-reason" maxlength="200" placeholder=${t('till.redeemedAtTill')} /></label>
      <button type="submit" id="redeem">${t('till.modes.redeem')}</button>
    </form>`;
  }

  returnForm() {
    const staffStore = user().storeId;
    return html`<form @submit=${(e) => this.recordReturn(e)}>
      <label>${t('till.returnOf')}<input id="return-transaction" required maxlength="128" /></label>
      <label>${t('till.returnAmount')}<input id="return-amount" type="number" min="1" step="1" inputmode="numeric" /></label>
      ${staffStore ? '' : html`<label>${t('till.store')}<input id="store" required maxlength="64" /></label>`}
      <button type="submit" id="record-return">${t('till.modes.return')}</button>
    </form>`;
  }

  purchaseForm(staffStore) {
    return html`
      <form @submit=${(e) => this.record(e)}>
        <label>${t('till.amount')}
          <input id="amount" type="number" min="1" step="1" required inputmode="numeric" />
        </label>
        <label>${t('till.transaction')}
          <input id="transaction-id" required maxlength="128" .value=${this.transactionId} />
        </label>
        ${staffStore
          ? html`<p>${t('till.store')}: <strong>${staffStore}</strong></p>`
          : html`<label>${t('till.store')}<input id="store" required maxlength="64" /></label>`}
        <label>${t('till.channel')}
          <select id="channel">
            ${['STORE', 'ONLINE', 'APP'].map((c) => html`<option value=${c}>${t(`channels.${c}`)}</option>`)}
          </select>
        </label>
        <button type="button" class="secondary" id="simulate" @click=${() => this.simulate()}>${t('till.simulate')}</button>
        <button type="submit" id="record" ?disabled=${this.busy}>${t('till.record')}</button>
      </form>
      ${this.simulation ? this.simulationPanel() : ''}`;
  }

  simulationPanel() {
    const s = this.simulation;
    return html`<div id="simulation" aria-live="polite">
      <h2>${t('till.wouldEarn', { points: format.points(s.points) })}</h2>
      <ul>${(s.steps ?? []).map((step) => html`<li>${step.name ?? step.kind}: ${step.effect}</li>`)}</ul>
    </div>`;
  }

  receiptPanel() {
    const r = this.receipt;
    return html`<section class="receipt" id="receipt" role="status" aria-live="polite">
      <h2>${t('till.receipt')}</h2>
      <p class="big" id="earned">${t('till.earned', { points: format.points(r.pointsEarned) })}</p>
      <p>${t('till.newBalance')}: <strong id="receipt-balance">${format.points(r.balance)}</strong></p>
      ${r.tierChanged ? html`<p class="up">${t('till.tierUp', { tier: r.tierName })}</p>` : ''}
      ${r.replayed ? html`<p class="muted">${t('till.replayed')}</p>` : ''}
      <p class="muted">${t('till.transaction')}: ${r.transactionId}</p>
    </section>`;
  }
}

customElements.define('staff-till', StaffTill);
