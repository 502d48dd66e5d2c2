// Survey metrics over time: the NPS (or any net score or mean) of each period with its 95 % margin of error drawn as a
// band (Chart.js), the overall figure with its sample size, and a breakdown by tier, store, channel or wave.
import { html } from 'lit';
import { api } from '../api.js';
import { format, language, t } from '../i18n.js';
import { View, problem } from './view.js';

const SCORED = ['NPS', 'CONTINUED_USE', 'NRS', 'CSI', 'CES', 'CES_BINARY', 'DWB'];

class MarketerNps extends View {
  static properties = {
    surveys: { state: true },
    metrics: { state: true },
    comparison: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.surveyId = null;
    this.interval = 'week';
    this.by = 'tier';
  }

  disconnectedCallback() {
    this.chart?.destroy();
    super.disconnectedCallback();
  }

  async load() {
    try {
      const page = await api.get('/api/surveys?page=0&size=100');
      this.surveys = page.items.filter((s) => s.status !== 'DRAFT');
      this.surveyId = this.surveys[0]?.id ?? null;
      await this.loadMetrics();
    } catch (e) {
      this.error = e;
    }
  }

  async loadMetrics() {
    if (!this.surveyId) {
      return;
    }
    try {
      const base = `/api/metrics/surveys/${this.surveyId}`;
      const [series, groups] = await Promise.all([
        api.get(`${base}?interval=${this.interval}`),
        api.get(`${base}?by=${this.by}`),
      ]);
      this.metrics = { series, groups };
      this.error = null;
    } catch (e) {
      this.error = e;
    }
  }

  /** The question charted: the survey's first scored question (its NPS, usually). */
  question() {
    return this.metrics?.series?.questions?.find((q) => SCORED.includes(q.type) && !q.overall);
  }

  title(survey) {
    return survey.title?.[language()] ?? survey.title?.en ?? Object.values(survey.title ?? {})[0] ?? survey.id;
  }

  updated() {
    const q = this.question();
    const canvas = this.querySelector('#nps-chart');
    if (!q || !canvas) {
      return;
    }
    const periods = this.metrics.series.periods ?? [];
    const point = (p) => p.questions.find((x) => x.questionId === q.questionId) ?? {};
    const labels = periods.map((p) => format.day(p.start));
    const data = {
      labels,
      datasets: [
        { label: t('nps.high'), data: periods.map((p) => point(p).high ?? null), borderWidth: 0, pointRadius: 0,
          backgroundColor: 'rgba(11, 79, 138, 0.18)', fill: '+1' },
        { label: t('nps.low'), data: periods.map((p) => point(p).low ?? null), borderWidth: 0, pointRadius: 0, fill: false },
        { label: t('nps.score', { type: q.type }), data: periods.map((p) => point(p).score ?? null),
          borderColor: '#0b4f8a', backgroundColor: '#0b4f8a', spanGaps: true, fill: false },
      ],
    };
    if (this.chart) {
      this.chart.data = data;
      this.chart.update();
      return;
    }
    this.chart = new Chart(canvas, {
      type: 'line',
      data,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { suggestedMin: -100, suggestedMax: 100 } },
        plugins: { legend: { labels: { filter: (item) => item.datasetIndex === 2 } } },
      },
    });
  }

  select(field, value) {
    this[field] = value;
    this.chart?.destroy();
    this.chart = null;
    this.loadMetrics();
  }

  render() {
    if (!this.surveys) {
      return this.error ? problem(this.error) : html`<p class="loading">${t('common.loading')}</p>`;
    }
    const q = this.question();
    return html`
      <h1>${t('nps.title')}</h1>
      <section class="panel">
        <label>${t('nps.survey')}
          <select id="survey" @change=${(e) => this.select('surveyId', e.target.value)}>
            ${this.surveys.map((s) => html`<option value=${s.id} ?selected=${s.id === this.surveyId}>${this.title(s)}</option>`)}
          </select>
        </label>
        <label>${t('nps.interval')}
          <select id="interval" @change=${(e) => this.select('interval', e.target.value)}>
            ${['day', 'week', 'month'].map((i) => html`<option value=${i} ?selected=${i === this.interval}>${t(`nps.${i}`)}</option>`)}
          </select>
        </label>
      </section>
      ${problem(this.error)}
      ${this.surveys.length === 0 ? html`<p>${t('nps.noSurveys')}</p>` : ''}
      ${q ? this.figures(q) : ''}
    `;
  }

  figures(q) {
    return html`<section class="panel" aria-labelledby="score-title">
        <h2 id="score-title">${t('nps.score', { type: q.type })}</h2>
        <p class="big" id="nps-score">${q.score == null ? '–' : format.number(q.score, 1)}
          ${q.marginOfError == null ? '' : html`<span class="muted">± ${format.number(q.marginOfError, 1)}</span>`}</p>
        <p>n = <span id="nps-n">${format.number(q.n)}</span>
          ${q.reliable ? '' : html` · <span class="error">${t('nps.smallSample', { min: q.minimumSample })}</span>`}</p>
        <div class="chart"><canvas id="nps-chart" role="img"
          aria-label=${t('nps.chartLabel', { type: q.type })}></canvas></div>
        <p class="muted">${t('nps.band')}</p>
      </section>
      ${this.breakdown(q)}
      ${this.compare(q)}`;
  }

  /** A selector of one side: a group of the breakdown and/or a period (compare endpoint's syntax). */
  side(name) {
    const group = this.querySelector(`#${name}-group`).value;
    const from = this.querySelector(`#${name}-from`).value;
    const to = this.querySelector(`#${name}-to`).value;
    const terms = [];
    if (group) {
      terms.push(`${this.by}:${group}`);
    }
    if (from || to || terms.length === 0) {
      // an open range: period:.. is every answer, so a side with nothing chosen is everyone
      terms.push(`period:${from}..${to}`);
    }
    return terms.join(',');
  }

  async runComparison(e, q) {
    e.preventDefault();
    try {
      const query = new URLSearchParams({ a: this.side('a'), b: this.side('b'), question: q.questionId });
      this.comparison = await api.get(`/api/metrics/surveys/${this.surveyId}/compare?${query}`);
      this.error = null;
    } catch (err) {
      this.comparison = null;
      this.error = err;
    }
  }

  compare(q) {
    const groups = (this.metrics.groups?.groups ?? []).map((g) => g.value);
    const side = (name) => html`<fieldset>
      <legend>${t(`nps.side_${name}`)}</legend>
      <label>${t(`nps.by_${this.by}`)}<select id=${`${name}-group`}>
        <option value="">${t('nps.anyGroup')}</option>
        ${groups.map((g) => html`<option value=${g}>${g}</option>`)}
      </select></label>
      <label>${t('nps.from')}<input type="date" id=${`${name}-from`} /></label>
      <label>${t('nps.to')}<input type="date" id=${`${name}-to`} /></label>
    </fieldset>`;
    const c = this.comparison?.questions?.[0];
    return html`<section class="panel" aria-labelledby="compare-title">
      <h2 id="compare-title">${t('nps.compare')}</h2>
      <form @submit=${(e) => this.runComparison(e, q)}>
        <div class="grid">${side('a')}${side('b')}</div>
        <button type="submit" id="run-compare">${t('nps.compareRun')}</button>
      </form>
      ${c ? html`<div id="comparison" aria-live="polite">
          ${c.comparable
            ? html`<p class="big">${c.difference > 0 ? '+' : ''}${format.number(c.difference, 1)}
                  <span class="muted">± ${format.number(c.marginOfError, 1)}</span></p>
                <p>${t('nps.sides', { a: format.number(c.a?.score, 1), na: c.a?.n, b: format.number(c.b?.score, 1), nb: c.b?.n })}</p>
                <p class=${c.significant ? 'good' : 'muted'} id="significance">${c.significant
                  ? t('nps.significant', { p: format.number(c.pValue, 3), level: format.number(this.comparison.confidenceLevel * 100) })
                  : t('nps.notSignificant', { p: format.number(c.pValue, 3) })}</p>`
            : html`<p class="muted" id="significance">${t('nps.notComparable', { reason: c.reason ?? '' })}</p>`}
        </div>` : ''}
    </section>`;
  }

  breakdown(q) {
    const groups = this.metrics.groups?.groups ?? [];
    return html`<section class="panel" aria-labelledby="breakdown-title">
      <h2 id="breakdown-title">${t('nps.breakdown')}</h2>
      <label>${t('nps.by')}
        <select id="by" @change=${(e) => this.select('by', e.target.value)}>
          ${['tier', 'store', 'channel', 'wave'].map((b) => html`<option value=${b} ?selected=${b === this.by}>${t(`nps.by_${b}`)}</option>`)}
        </select>
      </label>
      <table id="breakdown">
        <thead><tr><th>${t(`nps.by_${this.by}`)}</th><th class="num">n</th><th class="num">${t('nps.score', { type: q.type })}</th><th class="num">± </th></tr></thead>
        <tbody>${groups.map((g) => {
          const m = g.questions?.find((x) => x.questionId === q.questionId) ?? {};
          return html`<tr><td>${g.value ?? '–'}</td><td class="num">${format.number(m.n)}</td>
            <td class="num">${m.score == null ? '–' : format.number(m.score, 1)}</td>
            <td class="num">${m.marginOfError == null ? '–' : format.number(m.marginOfError, 1)}</td></tr>`;
        })}</tbody>
      </table>
    </section>`;
  }
}

customElements.define('marketer-nps', MarketerNps);
