// The survey builder: a survey in Japanese and English with questions of every type (NPS, continued use, NRS, CSI
// with its dimension, CES, felt effort, DWB, text, choice with its options), saved as a draft and published with its
// first wave; a draft can be opened again, changed and published; then its waves: add one with its window and target
// (everyone, tiers, RFM segments, loyalty quadrants, listed members) or close one early.
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { api } from '../api.js';
import { format, language, t } from '../i18n.js';
import { View, problem } from './view.js';

const TYPES = ['NPS', 'CONTINUED_USE', 'NRS', 'CSI', 'CES', 'CES_BINARY', 'DWB', 'TEXT', 'CHOICE'];
const DIMENSIONS = ['EXPECTATION', 'PERCEIVED_QUALITY', 'PERCEIVED_VALUE', 'COMPLAINTS', 'LOYALTY', 'CUSTOM'];
const TARGETS = ['ALL', 'TIER', 'SEGMENT', 'QUADRANT', 'MEMBERS'];
const TARGET_LIST = { TIER: 'tiers', SEGMENT: 'segments', QUADRANT: 'quadrants', MEMBERS: 'memberIds' };

function blankQuestion(n) {
  return { id: `q${n}`, type: 'NPS', text: { en: '', ja: '' }, required: true, dimension: 'PERCEIVED_QUALITY', options: '' };
}

/** "id | English | 日本語" per line: the options of a choice question. */
function options(text) {
  return text
    .split('\n')
    .map((line) => line.split('|').map((x) => x.trim()))
    .filter(([id]) => id)
    .map(([id, en, ja]) => ({ id, text: JSON.parse(JSON.stringify({ en: en || undefined, ja: ja || undefined })) }));
}

/** A saved question back in the builder's shape (its options as "id | English | 日本語" lines). */
function editable(q) {
  return {
    id: q.id,
    type: q.type,
    text: { en: q.text?.en ?? '', ja: q.text?.ja ?? '' },
    required: q.required,
    dimension: q.dimension ?? 'PERCEIVED_QUALITY',
    options: (q.options ?? []).map((o) => [o.id, o.text?.en ?? '', o.text?.ja ?? ''].join(' | ')).join('\n'),
  };
}

function texts(byLanguage) {
  return Object.fromEntries(Object.entries(byLanguage).filter(([, v]) => v && v.trim()));
}

/** A target from its type and its comma-separated list. */
function target(type, list) {
  const key = TARGET_LIST[type];
  const values = (list ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  return key ? { type, [key]: type === 'MEMBERS' ? values : values.map((v) => v.toUpperCase()) } : { type };
}

class MarketerSurveys extends View {
  static properties = {
    surveys: { state: true },
    questions: { state: true },
    selected: { state: true },
    editing: { state: true },
    waves: { state: true },
    targetType: { state: true },
    notice: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.questions = [blankQuestion(1)];
    this.targetType = 'ALL';
  }

  async load() {
    try {
      this.surveys = (await api.get('/api/surveys?page=0&size=50')).items ?? [];
    } catch (e) {
      this.error = e;
    }
  }

  title(s) {
    return s.title?.[language()] ?? s.title?.en ?? Object.values(s.title ?? {})[0] ?? s.id;
  }

  edit(index, field, value) {
    const q = { ...this.questions[index] };
    if (field === 'en' || field === 'ja') {
      q.text = { ...q.text, [field]: value };
    } else {
      q[field] = value;
    }
    this.questions = this.questions.map((x, i) => (i === index ? q : x));
  }

  move(index, by) {
    const qs = [...this.questions];
    const [q] = qs.splice(index, 1);
    qs.splice(Math.max(0, Math.min(qs.length, index + by)), 0, q);
    this.questions = qs;
  }

  definition() {
    return {
      title: texts({ en: this.querySelector('#survey-title-en').value, ja: this.querySelector('#survey-title-ja').value }),
      anonymous: this.querySelector('#survey-anonymous').checked,
      questions: this.questions.map((q) => JSON.parse(JSON.stringify({
        id: q.id.trim(),
        type: q.type,
        text: texts(q.text),
        required: q.required,
        dimension: q.type === 'CSI' ? q.dimension : undefined,
        options: q.type === 'CHOICE' ? options(q.options) : undefined,
      }))),
    };
  }

  closesAt(id) {
    const day = this.querySelector(`#${id}`).value;
    return day ? new Date(`${day}T23:59:59`).toISOString() : undefined;
  }

  /** Opens a draft in the builder: its titles, anonymity and questions, to change and save or publish. */
  async editDraft(draft) {
    try {
      const survey = await api.get(`/api/surveys/${draft.id}`);
      this.editing = survey;
      this.selected = null;
      this.questions = survey.questions.map(editable);
      this.notice = null;
      this.error = null;
      await this.updateComplete;
      this.querySelector('#survey-title-en').value = survey.title?.en ?? '';
      this.querySelector('#survey-title-ja').value = survey.title?.ja ?? '';
      this.querySelector('#survey-anonymous').checked = survey.anonymous;
      this.querySelector('#builder').scrollIntoView();
    } catch (err) {
      this.error = err;
    }
  }

  stopEditing() {
    this.editing = null;
    this.questions = [blankQuestion(1)];
    this.querySelector('#builder').reset();
  }

  async save(e, publish) {
    e.preventDefault();
    try {
      const survey = this.editing
        ? await api.put(`/api/surveys/${this.editing.id}`, this.definition())
        : await api.post('/api/surveys', this.definition());
      if (publish) {
        await api.post(`/api/surveys/${survey.id}/publish`, JSON.parse(JSON.stringify({
          waveName: this.querySelector('#wave-name').value.trim() || undefined,
          closesAt: this.closesAt('wave-closes'),
          target: target(this.targetType, this.querySelector('#wave-target-list')?.value),
        })));
      }
      this.notice = t(publish ? 'builder.published' : 'builder.saved', { title: this.title(survey) });
      this.error = null;
      this.stopEditing();
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  async openWaves(survey) {
    this.selected = survey;
    try {
      this.waves = await api.get(`/api/surveys/${survey.id}/waves`);
    } catch (e) {
      this.error = e;
    }
  }

  async addWave(e) {
    e.preventDefault();
    try {
      await api.post(`/api/surveys/${this.selected.id}/waves`, JSON.parse(JSON.stringify({
        name: this.querySelector('#new-wave-name').value.trim() || undefined,
        closesAt: this.closesAt('new-wave-closes'),
        target: target(this.targetType, this.querySelector('#wave-target-list')?.value),
      })));
      this.notice = t('builder.waveAdded');
      this.error = null;
      await this.openWaves(this.selected);
    } catch (err) {
      this.error = err;
    }
  }

  async closeWave(wave) {
    try {
      await api.post(`/api/surveys/${this.selected.id}/waves/${wave.id}/close`);
      await this.openWaves(this.selected);
    } catch (err) {
      this.error = err;
    }
  }

  render() {
    return html`
      <h1>${t('builder.title')}</h1>
      ${problem(this.error)}
      ${this.notice ? html`<p role="status" class="good" id="builder-notice">${this.notice}</p>` : ''}
      ${this.surveys ? this.list() : html`<p class="loading">${t('common.loading')}</p>`}
      ${this.selected ? this.wavesPanel() : ''}
      ${this.builder()}
    `;
  }

  list() {
    return html`<section class="panel" aria-labelledby="surveys-title">
      <h2 id="surveys-title">${t('builder.surveys')}</h2>
      <table id="survey-list">
        <thead><tr><th>${t('nps.survey')}</th><th>${t('rules.state')}</th><th>${t('builder.openWave')}</th><th>${t('common.actions')}</th></tr></thead>
        <tbody>${this.surveys.map((s) => html`<tr data-id=${s.id}>
          <td>${this.title(s)}</td><td>${t(`builder.status.${s.status}`, { defaultValue: s.status })}</td>
          <td>${s.openWave ? `${s.openWave.name} (${format.date(s.openWave.closesAt)})` : '–'}</td>
          <td>${s.status === 'PUBLISHED' ? html`<button class="secondary waves" @click=${() => this.openWaves(s)}>${t('builder.waves')}</button>` : ''}
            ${s.status === 'DRAFT' ? html`<button class="secondary edit-draft" @click=${() => this.editDraft(s)}>${t('builder.edit')}</button>` : ''}</td>
        </tr>`)}</tbody>
      </table>
    </section>`;
  }

  targetFields() {
    return html`<label>${t('builder.target')}
        <select id="wave-target" @change=${(e) => { this.targetType = e.target.value; }}>
          ${TARGETS.map((x) => html`<option value=${x} ?selected=${x === this.targetType}>${t(`builder.targets.${x}`)}</option>`)}
        </select></label>
      ${this.targetType !== 'ALL'
        ? html`<label>${t(`builder.targetList.${this.targetType}`)}<input id="wave-target-list" required /></label>`
        : ''}`;
  }

  wavesPanel() {
    return html`<section class="panel" aria-labelledby="waves-title">
      <h2 id="waves-title">${t('builder.wavesOf', { title: this.title(this.selected) })}</h2>
      <table id="waves">
        <thead><tr><th>${t('rules.name')}</th><th>${t('rules.window')}</th><th>${t('builder.target')}</th><th>${t('rules.state')}</th><th></th></tr></thead>
        <tbody>${(this.waves ?? []).map((w) => html`<tr>
          <td>${w.name}</td><td>${format.date(w.opensAt)} – ${format.date(w.closesAt)}</td>
          <td>${t(`builder.targets.${w.target?.type ?? 'ALL'}`)}</td><td>${t(`builder.waveStatus.${w.status}`, { defaultValue: w.status })}</td>
          <td>${w.status !== 'CLOSED' ? html`<button class="secondary close-wave" @click=${() => this.closeWave(w)}>${t('builder.closeWave')}</button>` : ''}</td>
        </tr>`)}</tbody>
      </table>
      <form @submit=${(e) => this.addWave(e)}>
        <h3>${t('builder.newWave')}</h3>
        <label>${t('rules.name')}<input id="new-wave-name" maxlength="200" /></label>
        <label>${t('builder.closes')}<input id="new-wave-closes" type="date" required /></label>
        ${this.targetFields()}
        <button type="submit" id="add-wave">${t('builder.addWave')}</button>
      </form>
    </section>`;
  }

  builder() {
    return html`<form class="panel" id="builder" @submit=${(e) => this.save(e, true)}>
      <h2 id="builder-title">${this.editing ? t('builder.editing', { title: this.title(this.editing) }) : t('builder.new')}</h2>
      <div class="grid">
        <label>${t('builder.titleEn')}<input id="survey-title-en" maxlength="200" /></label>
        <label>${t('builder.titleJa')}<input id="survey-title-ja" maxlength="200" /></label>
      </div>
      <label class="choice"><input type="checkbox" id="survey-anonymous" /> ${t('builder.anonymous')}</label>
      ${this.questions.map((q, i) => html`<fieldset class="question" data-index=${i}>
        <legend>${t('builder.question', { n: i + 1 })}</legend>
        <div class="grid">
          <label>${t('builder.type')}<select class="q-type" @change=${(e) => this.edit(i, 'type', e.target.value)}>
            ${TYPES.map((x) => html`<option value=${x} ?selected=${x === q.type}>${t(`builder.types.${x}`)}</option>`)}</select></label>
          <label>${t('builder.id')}<input class="q-id" .value=${live(q.id)} required pattern="[A-Za-z][A-Za-z0-9_-]{0,63}"
            @input=${(e) => this.edit(i, 'id', e.target.value)} /></label>
          <label>${t('builder.textEn')}<input class="q-en" .value=${live(q.text.en)} @input=${(e) => this.edit(i, 'en', e.target.value)} /></label>
          <label>${t('builder.textJa')}<input class="q-ja" .value=${live(q.text.ja)} @input=${(e) => this.edit(i, 'ja', e.target.value)} /></label>
        </div>
        ${q.type === 'CSI'
          ? html`<label>${t('builder.dimension')}<select @change=${(e) => this.edit(i, 'dimension', e.target.value)}>
              ${DIMENSIONS.map((d) => html`<option value=${d} ?selected=${d === q.dimension}>${t(`builder.dimensions.${d}`)}</option>`)}</select></label>`
          : ''}
        ${q.type === 'CHOICE'
          ? html`<label>${t('builder.options')}<textarea class="q-options" .value=${live(q.options)}
              placeholder="staff | The staff | スタッフ" @input=${(e) => this.edit(i, 'options', e.target.value)}></textarea></label>`
          : ''}
        <label class="choice"><input type="checkbox" .checked=${live(q.required)} @change=${(e) => this.edit(i, 'required', e.target.checked)} />
          ${t('builder.required')}</label>
        <button type="button" class="secondary" ?disabled=${i === 0} @click=${() => this.move(i, -1)}>${t('builder.up')}</button>
        <button type="button" class="secondary" ?disabled=${i === this.questions.length - 1} @click=${() => this.move(i, 1)}>${t('builder.down')}</button>
        <button type="button" class="secondary" ?disabled=${this.questions.length === 1}
          @click=${() => { this.questions = this.questions.filter((_, j) => j !== i); }}>${t('builder.remove')}</button>
      </fieldset>`)}
      <button type="button" class="secondary" id="add-question"
        @click=${() => { this.questions = [...this.questions, blankQuestion(this.questions.length + 1)]; }}>${t('builder.addQuestion')}</button>
      <h3>${t('builder.firstWave')}</h3>
      <label>${t('rules.name')}<input id="wave-name" maxlength="200" placeholder="Wave 1" /></label>
      <label>${t('builder.closes')}<input id="wave-closes" type="date" /></label>
      ${this.selected ? '' : this.targetFields()}
      <button type="button" class="secondary" id="save-draft" @click=${(e) => this.save(e, false)}>${t('builder.saveDraft')}</button>
      <button type="submit" id="publish-survey">${t('builder.publish')}</button>
      ${this.editing ? html`<button type="button" class="secondary" id="stop-editing" @click=${() => this.stopEditing()}>${t('builder.stopEditing')}</button>` : ''}
    </form>`;
  }
}

customElements.define('marketer-surveys', MarketerSurveys);
