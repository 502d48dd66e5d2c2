// Behavioural loyalty: RFM segments as a grid (members and share of each, darker where more), the loyalty quadrant
// (attitude by behaviour) with the action for each, churn per period and lifetime value by cohort (Chart.js).
import { html } from 'lit';
import { api } from '../api.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

// attitude high: behaviour low, high; attitude low: behaviour low, high; then those not asked yet
const QUADRANT_ORDER = ['LATENT_FAN', 'KEEP_AND_REWARD', 'FIX_EXPERIENCE', 'TEMPORARY_FAN', 'UNKNOWN'];

class MarketerBehaviour extends View {
  static properties = { data: { state: true }, error: { state: true }, recomputed: { state: true } };

  disconnectedCallback() {
    this.charts?.forEach((c) => c.destroy());
    super.disconnectedCallback();
  }

  async load() {
    // each part on its own: RFM is 404 until its first recompute, and the rest still shows
    const part = (path) => api.get(path).catch((e) => ({ failed: e }));
    const [rfm, quadrants, churn, ltv] = await Promise.all([
      part('/api/metrics/rfm'),
      part('/api/metrics/quadrants'),
      part('/api/metrics/churn?interval=month'),
      part('/api/metrics/ltv'),
    ]);
    this.data = { rfm, quadrants, churn, ltv };
  }

  /** The members of a segment as CSV (metrics-service writes it), for a campaign tool or a mailing. */
  async exportSegment(segment) {
    try {
      await api.download(`/api/metrics/rfm/members?segment=${segment}`, 'text/csv', `rfm-${segment.toLowerCase()}.csv`);
      this.exported = segment;
      this.requestUpdate();
    } catch (e) {
      this.error = e;
    }
  }

  async exportQuadrant(quadrant) {
    try {
      await api.download(`/api/metrics/quadrants/${quadrant.name}/members`, 'text/csv', `quadrant-${quadrant.name}.csv`);
      this.exported = null;
      this.requestUpdate();
    } catch (e) {
      this.error = e;
    }
  }

  async recompute() {
    try {
      this.recomputed = await api.post('/api/metrics/rfm/recompute');
      await this.load();
    } catch (e) {
      this.error = e;
    }
  }

  updated() {
    if (!this.data) {
      return;
    }
    this.charts?.forEach((c) => c.destroy());
    const churn = this.data.churn.periods ?? [];
    const cohorts = this.data.ltv.cohorts ?? [];
    this.charts = [];
    const churnCanvas = this.querySelector('#churn-chart');
    const ltvCanvas = this.querySelector('#ltv-chart');
    if (churnCanvas) {
      this.charts.push(new Chart(churnCanvas, {
        type: 'bar',
        data: {
          labels: churn.map((p) => format.day(p.start)),
          datasets: [{ label: t('behaviour.churnRate'), data: churn.map((p) => p.churnRate), backgroundColor: '#a11a1a' }],
        },
        options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } },
      }));
    }
    if (ltvCanvas) {
      this.charts.push(new Chart(ltvCanvas, {
        type: 'bar',
        data: {
          labels: cohorts.map((c) => c.cohort),
          datasets: [{ label: t('behaviour.averageLtv'), data: cohorts.map((c) => c.averageLtv), backgroundColor: '#0b4f8a' }],
        },
        options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } },
      }));
    }
  }

  render() {
    if (!this.data) {
      return this.error ? problem(this.error) : html`<p class="loading">${t('common.loading')}</p>`;
    }
    const { rfm, quadrants, churn, ltv } = this.data;
    return html`
      <h1>${t('behaviour.title')}</h1>
      ${problem(this.error)}
      <section class="panel" aria-labelledby="rfm-title">
        <h2 id="rfm-title">${t('behaviour.rfm')}</h2>
        <p class="muted">${rfm.failed ? t('behaviour.rfmNone') : t('behaviour.rfmAsOf', { date: format.day(rfm.asOf), count: rfm.members, members: format.number(rfm.members) })}
          <button class="secondary" id="recompute" @click=${() => this.recompute()}>${t('behaviour.recompute')}</button></p>
        ${rfm.failed ? '' : this.segments(rfm)}
        ${this.exported ? html`<p role="status" class="good" id="exported">${t('behaviour.exported', { segment: t(`behaviour.segments.${this.exported}`) })}</p>` : ''}
      </section>
      ${quadrants.failed ? problem(quadrants.failed) : this.quadrants(quadrants)}
      <div class="grid">
        <section class="panel" aria-labelledby="churn-title">
          <h2 id="churn-title">${t('behaviour.churn')}</h2>
          ${churn.failed ? problem(churn.failed) : html`<div class="chart"><canvas id="churn-chart" role="img" aria-label=${t('behaviour.churn')}></canvas></div>`}
        </section>
        <section class="panel" aria-labelledby="ltv-title">
          <h2 id="ltv-title">${t('behaviour.ltv')}</h2>
          ${ltv.failed ? problem(ltv.failed) : html`<div class="chart"><canvas id="ltv-chart" role="img" aria-label=${t('behaviour.ltv')}></canvas></div>`}
        </section>
      </div>
    `;
  }

  segments(rfm) {
    const most = Math.max(1, ...rfm.segments.map((s) => s.members));
    return html`<div class="segments" id="rfm-grid">
          ${rfm.segments.map((s) => html`<div class="segment" style=${`--share:${(s.members / most).toFixed(2)}`}>
            <strong>${t(`behaviour.segments.${s.segment}`, { defaultValue: s.segment })}</strong>
            <span class="big">${format.number(s.members)}</span>
            <span>${s.percent == null ? '–' : `${format.number(s.percent, 1)} %`}</span>
            ${s.members > 0
              ? html`<button class="secondary export-segment" data-segment=${s.segment}
                  aria-label=${t('behaviour.exportSegment', { segment: t(`behaviour.segments.${s.segment}`, { defaultValue: s.segment }) })}
                  @click=${() => this.exportSegment(s.segment)}>${t('behaviour.export')}</button>`
              : ''}
          </div>`)}
        </div>`;
  }

  quadrants(quadrants) {
    const byName = Object.fromEntries((quadrants.quadrants ?? []).map((q) => [q.quadrant, q]));
    return html`
      <section class="panel" aria-labelledby="quadrant-title">
        <h2 id="quadrant-title">${t('behaviour.quadrant')}</h2>
        <div class="quadrants" id="quadrants">
          ${QUADRANT_ORDER.filter((q) => byName[q]).map((q) => html`<div class="quadrant">
            <strong>${t(`behaviour.quadrants.${q}`, { defaultValue: byName[q].name })}</strong>
            <span class="big">${format.number(byName[q].members)}</span>
            <span>${byName[q].action}</span>
            ${byName[q].members > 0
              ? html`<button class="secondary export-quadrant" @click=${() => this.exportQuadrant(byName[q])}
                  aria-label=${t('behaviour.exportSegment', { segment: t(`behaviour.quadrants.${q}`, { defaultValue: byName[q].name }) })}
                  >${t('behaviour.export')}</button>`
              : ''}
          </div>`)}
        </div>
      </section>`;
  }
}

customElements.define('marketer-behaviour', MarketerBehaviour);
