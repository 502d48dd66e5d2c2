// Open surveys, and answering one: every question type with its own control (0-10 scales as a row of choices, yes/no
// for felt effort, text, one option of a choice), in the console's language.
import { html } from 'lit';
import { api } from '../api.js';
import { language, t } from '../i18n.js';
import { View, problem } from './view.js';

const SCALES = ['NPS', 'CONTINUED_USE', 'NRS', 'CSI', 'CES', 'DWB'];

class MemberSurveys extends View {
  static properties = { surveys: { state: true }, open: { state: true }, done: { state: true }, error: { state: true } };

  async load() {
    try {
      this.surveys = await api.get(`/api/surveys/me/open?lang=${language()}`);
    } catch (e) {
      this.error = e;
    }
  }

  answers(survey) {
    const answers = {};
    for (const q of survey.questions) {
      const name = `q-${q.id}`;
      if (SCALES.includes(q.type) || q.type === 'CHOICE' || q.type === 'CES_BINARY') {
        const picked = this.querySelector(`input[name="${name}"]:checked`);
        if (picked) {
          answers[q.id] = q.type === 'CHOICE' ? picked.value : q.type === 'CES_BINARY' ? picked.value === 'true' : Number(picked.value);
        }
      } else {
        const text = this.querySelector(`#${name}`)?.value?.trim();
        if (text) {
          answers[q.id] = text;
        }
      }
    }
    return answers;
  }

  async submit(e, survey) {
    e.preventDefault();
    try {
      await api.post(`/api/surveys/${survey.id}/responses`, { answers: this.answers(survey), channel: 'APP' });
      this.done = survey.id;
      this.open = null;
      this.error = null;
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  render() {
    if (!this.surveys) {
      return this.error ? problem(this.error) : html`<p class="loading">${t('common.loading')}</p>`;
    }
    const survey = this.surveys.find((s) => s.id === this.open);
    return html`
      <h1>${t('surveys.title')}</h1>
      ${this.done ? html`<p role="status" class="good" id="answered">${t('surveys.thanks')}</p>` : ''}
      ${problem(this.error)}
      ${survey ? this.form(survey) : this.list()}
    `;
  }

  list() {
    if (this.surveys.length === 0) {
      return html`<p class="muted">${t('surveys.none')}</p>`;
    }
    return html`<ul class="plain">${this.surveys.map((s) => html`<li class="panel">
      <h2>${s.title}</h2>
      <button @click=${() => { this.open = s.id; this.done = null; }}>${t('surveys.answer')}</button>
    </li>`)}</ul>`;
  }

  form(survey) {
    return html`<form class="panel" @submit=${(e) => this.submit(e, survey)}>
      <h2>${survey.title}</h2>
      ${survey.questions.map((q) => this.question(q))}
      <button type="submit" id="submit-answers">${t('surveys.send')}</button>
      <button type="button" class="secondary" @click=${() => { this.open = null; }}>${t('surveys.back')}</button>
    </form>`;
  }

  question(q) {
    const name = `q-${q.id}`;
    const legend = html`<legend>${q.text}${q.required ? html` <span aria-hidden="true">*</span>` : ''}</legend>`;
    if (SCALES.includes(q.type)) {
      const values = [];
      const step = q.type === 'CSI' ? 10 : 1;
      for (let v = q.min; v <= q.max; v += step) {
        values.push(v);
      }
      return html`<fieldset class="scale">${legend}
        ${values.map((v) => html`<label class="choice"><input type="radio" name=${name} value=${v} ?required=${q.required} /> ${v}</label>`)}
      </fieldset>`;
    }
    if (q.type === 'CES_BINARY') {
      return html`<fieldset>${legend}
        <label class="choice"><input type="radio" name=${name} value="true" ?required=${q.required} /> ${t('surveys.yes')}</label>
        <label class="choice"><input type="radio" name=${name} value="false" /> ${t('surveys.no')}</label>
      </fieldset>`;
    }
    if (q.type === 'CHOICE') {
      return html`<fieldset>${legend}
        ${(q.options ?? []).map((o) => html`<label class="choice"><input type="radio" name=${name} value=${o.id} ?required=${q.required} /> ${o.text}</label>`)}
      </fieldset>`;
    }
    return html`<label>${q.text}<textarea id=${name} maxlength="2000" ?required=${q.required}></textarea></label>`;
  }
}

customElements.define('member-surveys', MemberSurveys);
