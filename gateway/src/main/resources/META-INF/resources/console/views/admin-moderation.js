// Community moderation: the queue of reported posts and comments, most reported first as the service orders them,
// with their reasons and notes and who wrote it; hide the content, dismiss the reports, or ban (or let back) its author,
// always with a reason for the moderation log.
import { html } from 'lit';
import { api } from '../api.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

class AdminModeration extends View {
  static properties = { queue: { state: true }, acting: { state: true }, done: { state: true }, error: { state: true } };

  async load() {
    try {
      this.queue = (await api.get('/api/community/moderation/reports?status=OPEN')).items ?? [];
    } catch (e) {
      this.error = e;
    }
  }

  async act(entry, action) {
    const reason = this.querySelector('#moderation-reason').value.trim();
    const kind = entry.contentType === 'COMMENT' ? 'comments' : 'posts';
    try {
      if (action === 'hide') {
        await api.post(`/api/community/${kind}/${entry.contentId}/hide`, { reason });
      } else if (action === 'ban' || action === 'unban') {
        await api.post(`/api/community/members/${entry.authorMemberId}/${action}`, { reason });
      } else {
        await api.post(`/api/community/moderation/reports/${entry.contentId}/dismiss`, { reason });
      }
      this.done = t(`moderation.done.${action}`);
      this.acting = null;
      this.error = null;
      await this.load();
    } catch (e) {
      this.error = e;
    }
  }

  render() {
    if (!this.queue) {
      return this.error ? problem(this.error) : html`<p class="loading">${t('common.loading')}</p>`;
    }
    return html`
      <h1>${t('moderation.title')}</h1>
      ${problem(this.error)}
      ${this.done ? html`<p role="status" class="good" id="moderated">${this.done}</p>` : ''}
      ${this.queue.length === 0
        ? html`<p class="muted" id="no-reports">${t('moderation.none')}</p>`
        : html`<table id="reports">
            <thead><tr><th>${t('moderation.content')}</th><th class="num">${t('moderation.reports')}</th><th>${t('moderation.reasons')}</th>
              <th>${t('moderation.author')}</th><th>${t('moderation.latest')}</th><th>${t('common.actions')}</th></tr></thead>
            <tbody>${this.queue.map((e) => html`<tr data-id=${e.contentId}>
              <td>${e.contentType === 'COMMENT' ? html`${t('moderation.commentOn')} “${e.postTitle}”: ${e.commentExcerpt}` : e.postTitle}</td>
              <td class="num">${e.reports}</td>
              <td>${Object.entries(e.reasons ?? {}).map(([r, n]) => `${t(`community.reasons.${r}`)} ×${n}`).join(', ')}</td>
              <td class="author">${e.authorMemberId
                ? html`${e.authorDisplayName ?? t('moderation.unnamed')}${e.authorBanned ? html` <strong class="error">${t('moderation.banned')}</strong>` : ''}`
                : t('moderation.staff')}</td>
              <td>${format.dateTime(e.latestReportedAt)}${e.latestNote ? html`<br />${e.latestNote}` : ''}</td>
              <td>${this.acting === e.contentId
                ? html`<label>${t('adjust.reason')}<input id="moderation-reason" required maxlength="500" /></label>
                    <button class="hide" @click=${() => this.act(e, 'hide')}>${t('moderation.hide')}</button>
                    <button class="secondary dismiss" @click=${() => this.act(e, 'dismiss')}>${t('moderation.dismiss')}</button>
                    ${!e.authorMemberId ? '' : e.authorBanned
                      ? html`<button class="secondary unban" @click=${() => this.act(e, 'unban')}>${t('moderation.unban')}</button>`
                      : html`<button class="secondary ban" @click=${() => this.act(e, 'ban')}>${t('moderation.ban')}</button>`}`
                : html`<button class="secondary moderate" @click=${() => { this.acting = e.contentId; }}>${t('moderation.moderate')}</button>`}</td>
            </tr>`)}</tbody>
          </table>`}
    `;
  }
}

customElements.define('admin-moderation', AdminModeration);
