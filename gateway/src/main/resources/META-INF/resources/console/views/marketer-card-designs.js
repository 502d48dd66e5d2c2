// Card designs: the designs members choose their digital card in. Add one or change one with a live preview of the
// card and the contrast of its text (WCAG asks 4.5:1), retire one (its members see the default again) or bring it back.
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { api } from '../api.js';
import { designStyle, designTitle } from '../card-design.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

const BLANK = { name: '', titleJa: '', titleEn: '', backgroundColor: '#0B4F8A', textColor: '#FFFFFF', imageUrl: '' };

/** Relative luminance of #RRGGBB (WCAG 2). */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1 to 21. */
export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

class MarketerCardDesigns extends View {
  static properties = {
    designs: { state: true },
    draft: { state: true },
    editing: { state: true },
    notice: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.draft = { ...BLANK };
  }

  async load() {
    try {
      this.designs = await api.get('/api/points/card-designs');
    } catch (e) {
      this.error = e;
    }
  }

  set(field, value) {
    this.draft = { ...this.draft, [field]: value };
  }

  edit(d) {
    this.editing = d;
    this.draft = { name: d.name, titleJa: d.titleJa ?? '', titleEn: d.titleEn ?? '', backgroundColor: d.backgroundColor,
      textColor: d.textColor, imageUrl: d.imageUrl ?? '' };
    this.notice = null;
    this.querySelector('#design-form')?.scrollIntoView();
  }

  stopEditing() {
    this.editing = null;
    this.draft = { ...BLANK };
  }

  /** The request: the draft's fields, blanks left out, colours in upper case. */
  request(active) {
    const d = this.draft;
    return JSON.parse(JSON.stringify({
      name: d.name.trim(),
      titleJa: d.titleJa.trim() || undefined,
      titleEn: d.titleEn.trim() || undefined,
      backgroundColor: d.backgroundColor.toUpperCase(),
      textColor: d.textColor.toUpperCase(),
      imageUrl: d.imageUrl.trim() || undefined,
      active,
    }));
  }

  async save(e) {
    e.preventDefault();
    try {
      const saved = this.editing
        ? await api.put(`/api/points/card-designs/${this.editing.id}`, this.request(this.editing.active))
        : await api.post('/api/points/card-designs', this.request(undefined));
      this.notice = t('designs.saved', { name: saved.name });
      this.error = null;
      this.stopEditing();
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  /** Retires a design or brings it back: its fields as they are, with active changed. */
  async setActive(d, active) {
    try {
      const { name, titleJa, titleEn, backgroundColor, textColor, imageUrl } = d;
      await api.put(`/api/points/card-designs/${d.id}`, JSON.parse(JSON.stringify({
        name, titleJa, titleEn, backgroundColor, textColor, imageUrl, active,
      })));
      this.notice = t(active ? 'designs.restored' : 'designs.retired', { name: d.name });
      this.error = null;
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  render() {
    return html`
      <h1>${t('designs.title')}</h1>
      ${problem(this.error)}
      ${this.notice ? html`<p role="status" class="good" id="designs-notice">${this.notice}</p>` : ''}
      ${this.designs ? this.list() : html`<p class="loading">${t('common.loading')}</p>`}
      ${this.form()}
    `;
  }

  list() {
    return html`<table id="designs">
      <thead><tr><th>${t('designs.card')}</th><th>${t('designs.name')}</th><th>${t('rules.state')}</th>
        <th>${t('designs.updated')}</th><th>${t('common.actions')}</th></tr></thead>
      <tbody>${this.designs.map((d) => html`<tr data-id=${d.id}>
        <td><div class="card mini" style=${designStyle(d)}>${designTitle(d)}</div></td>
        <td>${d.name}</td>
        <td>${d.isDefault ? t('designs.default') : d.active ? t('designs.active') : t('designs.retiredState')}</td>
        <td>${format.dateTime(d.updatedAt)}</td>
        <td>
          <button class="secondary edit-design" @click=${() => this.edit(d)}>${t('builder.edit')}</button>
          ${d.isDefault ? '' : d.active
            ? html`<button class="secondary retire-design" @click=${() => this.setActive(d, false)}>${t('designs.retire')}</button>`
            : html`<button class="secondary restore-design" @click=${() => this.setActive(d, true)}>${t('designs.restore')}</button>`}
        </td>
      </tr>`)}</tbody>
    </table>`;
  }

  form() {
    const d = this.draft;
    const ratio = contrast(d.backgroundColor, d.textColor);
    return html`<form class="panel" id="design-form" @submit=${(e) => this.save(e)}>
      <h2>${this.editing ? t('designs.editing', { name: this.editing.name }) : t('designs.new')}</h2>
      <div class="grid">
        <div>
          <label>${t('designs.name')}<input id="design-name" required maxlength="64" .value=${live(d.name)}
            @input=${(e) => this.set('name', e.target.value)} /></label>
          <label>${t('designs.titleEn')}<input id="design-title-en" maxlength="100" .value=${live(d.titleEn)}
            @input=${(e) => this.set('titleEn', e.target.value)} /></label>
          <label>${t('designs.titleJa')}<input id="design-title-ja" maxlength="100" .value=${live(d.titleJa)}
            @input=${(e) => this.set('titleJa', e.target.value)} /></label>
          <label>${t('designs.background')}<input id="design-background" type="color" .value=${live(d.backgroundColor.toLowerCase())}
            @input=${(e) => this.set('backgroundColor', e.target.value)} /></label>
          <label>${t('designs.text')}<input id="design-text" type="color" .value=${live(d.textColor.toLowerCase())}
            @input=${(e) => this.set('textColor', e.target.value)} /></label>
          <label>${t('designs.image')}<input id="design-image" type="url" pattern="https://.*" maxlength="500"
            placeholder="https://" .value=${live(d.imageUrl)} @input=${(e) => this.set('imageUrl', e.target.value)} /></label>
        </div>
        <div>
          <p class="muted">${t('designs.preview')}</p>
          <div class="card" id="design-preview" style=${designStyle(d)}>
            <div>${designTitle({ ...d, name: d.name || t('designs.new') })}</div>
            <div class="code">1234 5678 9012 3456</div>
            <div>${t('designs.sampleMember')}</div>
          </div>
          <p id="design-contrast" class=${ratio < 4.5 ? 'error' : 'good'}>
            ${t('designs.contrast', { ratio: format.number(Math.floor(ratio * 10) / 10, 1) })}
            ${ratio < 4.5 ? t('designs.lowContrast') : ''}</p>
        </div>
      </div>
      <button type="submit" id="save-design">${t('designs.save')}</button>
      ${this.editing ? html`<button type="button" class="secondary" @click=${() => this.stopEditing()}>${t('builder.stopEditing')}</button>` : ''}
    </form>`;
  }
}

customElements.define('marketer-card-designs', MarketerCardDesigns);
