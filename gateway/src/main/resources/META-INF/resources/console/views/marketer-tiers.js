// Tiers: edit the ladder and see, live, what it would do to the real members (members per tier, moved up and down,
// held by an override) before publishing it. Publishing re-evaluates every member.
import { html } from 'lit';
import { api } from '../api.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

const FIELDS = ['thresholdSpend', 'minPurchases', 'minPoints'];

class MarketerTiers extends View {
  static properties = {
    ladder: { state: true },
    preview: { state: true },
    published: { state: true },
    error: { state: true },
  };

  async load() {
    try {
      this.ladder = await api.get('/api/points/tiers');
      this.draft = structuredClone(this.ladder);
      await this.refreshPreview();
    } catch (e) {
      this.error = e;
    }
  }

  /** The draft as the API takes it: read-only members left out. */
  body() {
    const { version, evaluationId, ...ladder } = this.draft;
    return ladder;
  }

  change(index, field, value) {
    const tier = this.draft.tiers[index];
    tier[field] = field === 'multiplier' ? Number(value) : field === 'name' ? value : Math.max(0, Math.trunc(Number(value) || 0));
    this.published = null;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refreshPreview(), 300);
  }

  async refreshPreview() {
    try {
      this.preview = await api.post('/api/points/tiers/preview', this.body());
      this.error = null;
    } catch (e) {
      this.preview = null;
      this.error = e;
    }
  }

  async publish() {
    try {
      this.ladder = await api.put('/api/points/tiers', this.body());
      this.draft = structuredClone(this.ladder);
      this.published = this.ladder;
      this.error = null;
      await this.refreshPreview();
    } catch (e) {
      this.error = e;
    }
  }

  render() {
    if (!this.draft) {
      return this.error ? problem(this.error) : html`<p class="loading">${t('common.loading')}</p>`;
    }
    return html`
      <h1>${t('tiers.title')}</h1>
      <section class="panel">
        <table id="ladder">
          <thead><tr>
            <th>${t('tiers.code')}</th><th>${t('tiers.name')}</th><th class="num">${t('tiers.thresholdSpend')}</th>
            <th class="num">${t('tiers.minPurchases')}</th><th class="num">${t('tiers.minPoints')}</th>
            <th class="num">${t('tiers.multiplier')}</th>
          </tr></thead>
          <tbody>${this.draft.tiers.map((tier, i) => html`<tr>
            <td>${tier.code}</td>
            <td><input aria-label=${`${t('tiers.name')} ${tier.code}`} .value=${tier.name} maxlength="64"
              @input=${(e) => this.change(i, 'name', e.target.value)} /></td>
            ${FIELDS.map((f) => html`<td class="num"><input type="number" min="0" step="1" id=${`tier-${tier.code}-${f}`}
              aria-label=${`${t(`tiers.${f}`)} ${tier.code}`} .value=${String(tier[f] ?? 0)} ?disabled=${i === 0}
              @input=${(e) => this.change(i, f, e.target.value)} /></td>`)}
            <td class="num"><input type="number" min="0.01" step="0.01" aria-label=${`${t('tiers.multiplier')} ${tier.code}`}
              .value=${String(tier.multiplier)} @input=${(e) => this.change(i, 'multiplier', e.target.value)} /></td>
          </tr>`)}</tbody>
        </table>
      </section>
      ${problem(this.error)}
      ${this.preview ? this.previewPanel() : ''}
      <button id="publish" @click=${() => this.publish()} ?disabled=${!this.preview}>${t('tiers.publish')}</button>
      ${this.published ? html`<p role="status" class="good" id="published">${t('tiers.published', { version: this.published.version })}</p>` : ''}
    `;
  }

  previewPanel() {
    const p = this.preview;
    return html`<section class="panel" id="preview" aria-live="polite" aria-labelledby="preview-title">
      <h2 id="preview-title">${t('tiers.preview')}</h2>
      <p>
        <span class="up" id="moved-up">${t('tiers.movedUp', { count: p.movedUp })}</span> ·
        <span class="down" id="moved-down">${t('tiers.movedDown', { count: p.movedDown })}</span> ·
        ${t('tiers.unchanged', { count: p.unchanged })}
        ${p.heldByOverride ? html` · ${t('tiers.held', { count: p.heldByOverride })}` : ''}
      </p>
      <table>
        <thead><tr><th>${t('tiers.name')}</th><th class="num">${t('tiers.members')}</th></tr></thead>
        <tbody>${(p.tiers ?? []).map((c) => html`<tr><td>${c.name}</td><td class="num">${format.number(c.members)}</td></tr>`)}</tbody>
      </table>
    </section>`;
  }
}

customElements.define('marketer-tiers', MarketerTiers);
