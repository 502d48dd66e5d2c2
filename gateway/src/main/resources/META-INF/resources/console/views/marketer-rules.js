// Earning rules and campaigns: every rule with its state and the version in force; create one (a campaign scheduled
// by its window, for some tiers or an RFM segment), and pause, resume or end it. Every change is versioned and
// audited by points-service; what a purchase would earn under them is the till's simulation.
import { html } from 'lit';
import { api } from '../api.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

const KINDS = ['CAMPAIGN', 'CHANNEL', 'CATEGORY', 'SKU', 'BASE_RATE'];
const CHANNELS = ['STORE', 'ONLINE', 'APP'];

/** A datetime-local value (the browser's zone) as an instant, or undefined when empty. */
function instant(value) {
  return value ? new Date(value).toISOString() : undefined;
}

function number(value) {
  return value === '' || value == null ? undefined : Number(value);
}

class MarketerRules extends View {
  static properties = {
    rules: { state: true },
    kind: { state: true },
    created: { state: true },
    ending: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.kind = 'CAMPAIGN';
  }

  async load() {
    try {
      this.rules = await api.get('/api/points/rules');
    } catch (e) {
      this.error = e;
    }
  }

  value(id) {
    return this.querySelector(`#rule-${id}`)?.value?.trim() ?? '';
  }

  body() {
    const body = { kind: this.kind, name: this.value('name') };
    const v = (id) => this.value(id);
    if (this.kind === 'BASE_RATE') {
      Object.assign(body, { currency: 'JPY', rate: number(v('rate')) });
    } else {
      body.multiplier = number(v('multiplier'));
    }
    if (this.kind === 'CHANNEL') {
      body.channel = v('channel');
    }
    if (this.kind === 'CATEGORY') {
      body.category = v('category');
    }
    if (this.kind === 'SKU') {
      body.sku = v('sku');
    }
    if (this.kind === 'CAMPAIGN') {
      Object.assign(body, {
        bonusPoints: number(v('bonus')),
        channel: v('channel') || undefined,
        maxPointsPerPurchase: number(v('max-purchase')),
      });
      const tiers = v('tiers').split(',').map((x) => x.trim().toUpperCase()).filter(Boolean);
      const segment = v('segment');
      if (tiers.length || segment) {
        body.audience = tiers.length ? { tiers } : { segment };
      }
    }
    body.validFrom = instant(v('from'));
    body.validTo = instant(v('to'));
    return JSON.parse(JSON.stringify(body));
  }

  async create(e) {
    e.preventDefault();
    try {
      this.created = await api.post('/api/points/rules', this.body());
      this.error = null;
      e.target.reset();
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  async change(rule, action) {
    try {
      await api.post(`/api/points/rules/${rule.id}/${action}`, {});
      this.ending = null;
      this.error = null;
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  render() {
    return html`
      <h1>${t('rules.title')}</h1>
      ${problem(this.error)}
      ${this.rules ? this.table() : html`<p class="loading">${t('common.loading')}</p>`}
      ${this.form()}
    `;
  }

  table() {
    return html`<table id="rules">
      <thead><tr><th>${t('rules.name')}</th><th>${t('rules.kind')}</th><th>${t('rules.state')}</th><th>${t('rules.window')}</th>
        <th class="num">${t('rules.effect')}</th><th>${t('common.actions')}</th></tr></thead>
      <tbody>${this.rules.map((r) => {
        const c = r.current ?? {};
        return html`<tr data-id=${r.id}>
          <td>${r.name}</td>
          <td>${t(`rules.kinds.${r.kind}`)}</td>
          <td class="state">${t(`rules.states.${r.status}`)}</td>
          <td>${format.dateTime(c.validFrom)} – ${c.validTo ? format.dateTime(c.validTo) : '∞'}</td>
          <td class="num">${c.multiplier != null ? `×${format.number(c.multiplier, 3)}` : ''}
            ${c.bonusPoints ? `+${format.points(c.bonusPoints)}` : ''} ${c.rate ? t('rules.per', { rate: format.money(c.rate) }) : ''}</td>
          <td>${this.actions(r)}</td>
        </tr>`;
      })}</tbody>
    </table>`;
  }

  actions(r) {
    if (r.status === 'ENDED') {
      return '';
    }
    if (this.ending === r.id) {
      return html`<button class="confirm-end" @click=${() => this.change(r, 'end')}>${t('rules.endForGood')}</button>
        <button class="secondary" @click=${() => { this.ending = null; }}>${t('surveys.back')}</button>`;
    }
    return html`${r.status === 'PAUSED'
        ? html`<button class="resume" @click=${() => this.change(r, 'resume')}>${t('rules.resume')}</button>`
        : html`<button class="pause secondary" @click=${() => this.change(r, 'pause')}>${t('rules.pause')}</button>`}
      <button class="end secondary" @click=${() => { this.ending = r.id; }}>${t('rules.end')}</button>`;
  }

  form() {
    const k = this.kind;
    const field = (id, label, attrs = {}) => html`<label>${label}<input id=${`rule-${id}`} type=${attrs.type ?? 'text'}
      ?required=${attrs.required} min=${attrs.min ?? ''} step=${attrs.step ?? ''} /></label>`;
    return html`<form class="panel" id="new-rule" @submit=${(e) => this.create(e)}>
      <h2>${t('rules.new')}</h2>
      <label>${t('rules.kind')}
        <select id="rule-kind" @change=${(e) => { this.kind = e.target.value; }}>
          ${KINDS.map((x) => html`<option value=${x} ?selected=${x === k}>${t(`rules.kinds.${x}`)}</option>`)}
        </select>
      </label>
      ${field('name', t('rules.name'), { required: true })}
      ${k === 'BASE_RATE' ? field('rate', t('rules.rate'), { type: 'number', min: 1, step: 1, required: true }) : ''}
      ${k !== 'BASE_RATE' ? field('multiplier', t('rules.multiplier'), { type: 'number', min: 0.001, step: 0.001, required: k !== 'CAMPAIGN' }) : ''}
      ${k === 'CHANNEL' || k === 'CAMPAIGN'
        ? html`<label>${t('till.channel')}<select id="rule-channel">
            ${k === 'CAMPAIGN' ? html`<option value="">${t('rules.anyChannel')}</option>` : ''}
            ${CHANNELS.map((c) => html`<option value=${c}>${t(`channels.${c}`)}</option>`)}</select></label>`
        : ''}
      ${k === 'CATEGORY' ? field('category', t('rules.category'), { required: true }) : ''}
      ${k === 'SKU' ? field('sku', t('rules.sku'), { required: true }) : ''}
      ${k === 'CAMPAIGN'
        ? html`${field('bonus', t('rules.bonus'), { type: 'number', min: 0, step: 1 })}
            ${field('max-purchase', t('rules.maxPerPurchase'), { type: 'number', min: 1, step: 1 })}
            ${field('tiers', t('rules.tiers'))}
            ${field('segment', t('rules.segment'))}`
        : ''}
      ${field('from', t('rules.from'), { type: 'datetime-local' })}
      ${field('to', t('rules.to'), { type: 'datetime-local', required: k === 'CAMPAIGN' })}
      <button type="submit" id="create-rule">${t('rules.create')}</button>
      ${this.created ? html`<p role="status" class="good" id="rule-created">${t('rules.created', { name: this.created.name, state: t(`rules.states.${this.created.status}`) })}</p>` : ''}
    </form>`;
  }
}

customElements.define('marketer-rules', MarketerRules);
