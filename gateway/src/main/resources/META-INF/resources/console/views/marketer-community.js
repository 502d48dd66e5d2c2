// Community analytics: totals of the last 30 days (posts, comments, reactions, views, active members), how questions
// fare (answered share, median hours to a first and to an accepted answer), activity per day (Chart.js), the most
// viewed content and the top contributors.
import { html } from 'lit';
import { api } from '../api.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

const TOTALS = ['posts', 'comments', 'reactions', 'views', 'activeMembers'];

class MarketerCommunity extends View {
  static properties = { data: { state: true }, error: { state: true } };

  async load() {
    try {
      this.data = await api.get('/api/community/analytics');
    } catch (e) {
      this.error = e;
    }
  }

  disconnectedCallback() {
    this.chart?.destroy();
    super.disconnectedCallback();
  }

  updated() {
    const canvas = this.querySelector('#community-chart');
    if (!canvas || !this.data) {
      return;
    }
    this.chart?.destroy();
    const days = this.data.daily ?? [];
    const series = (key, color) => ({ label: t(`communityAnalytics.${key}`), data: days.map((d) => d[key]), borderColor: color, backgroundColor: color });
    this.chart = new Chart(canvas, {
      type: 'line',
      data: {
        labels: days.map((d) => format.day(d.day)),
        datasets: [series('posts', '#0b4f8a'), series('comments', '#156b36'), series('reactions', '#a15c00')],
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } },
    });
  }

  render() {
    if (!this.data) {
      return this.error ? problem(this.error) : html`<p class="loading">${t('common.loading')}</p>`;
    }
    const d = this.data;
    const q = d.questions ?? {};
    return html`
      <h1>${t('communityAnalytics.title')}</h1>
      <p class="muted">${format.day(d.from)} – ${format.day(d.to)}</p>
      <div class="segments" id="community-totals">
        ${TOTALS.map((k) => html`<div class="segment"><strong>${t(`communityAnalytics.${k}`)}</strong>
          <span class="big">${format.number(d.totals?.[k] ?? 0)}</span></div>`)}
      </div>
      <section class="panel" aria-labelledby="questions-title">
        <h2 id="questions-title">${t('communityAnalytics.questions')}</h2>
        <p id="questions-figures">${t('communityAnalytics.answered', {
          answered: format.number(q.answered ?? 0),
          asked: format.number(q.asked ?? 0),
          share: format.number(q.answeredShare ?? 0, 1),
        })}</p>
        <p>${t('communityAnalytics.medians', {
          first: q.medianHoursToFirstAnswer == null ? '–' : format.number(q.medianHoursToFirstAnswer, 1),
          accepted: q.medianHoursToAcceptedAnswer == null ? '–' : format.number(q.medianHoursToAcceptedAnswer, 1),
        })}</p>
      </section>
      <section class="panel" aria-labelledby="daily-title">
        <h2 id="daily-title">${t('communityAnalytics.daily')}</h2>
        <div class="chart"><canvas id="community-chart" role="img" aria-label=${t('communityAnalytics.daily')}></canvas></div>
      </section>
      <div class="grid">
        <section class="panel" aria-labelledby="top-content-title">
          <h2 id="top-content-title">${t('communityAnalytics.topContent')}</h2>
          <table><thead><tr><th>${t('community.postTitle')}</th><th class="num">${t('communityAnalytics.views')}</th></tr></thead>
            <tbody>${(d.topContentByViews ?? []).map((c) => html`<tr><td>${c.title}</td><td class="num">${format.number(c.views)}</td></tr>`)}</tbody></table>
        </section>
        <section class="panel" aria-labelledby="contributors-title">
          <h2 id="contributors-title">${t('communityAnalytics.contributors')}</h2>
          <table id="contributors"><thead><tr><th>${t('profile.name')}</th><th class="num">${t('communityAnalytics.score')}</th></tr></thead>
            <tbody>${(d.topContributors ?? []).map((c) => html`<tr><td>${c.displayName ?? '–'}</td><td class="num">${format.number(c.score)}</td></tr>`)}</tbody></table>
        </section>
      </div>
    `;
  }
}

customElements.define('marketer-community', MarketerCommunity);
