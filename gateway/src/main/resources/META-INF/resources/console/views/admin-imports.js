// History imports: a CSV file of members or purchases (columns by name, docs/imports.md), uploaded as it is, then its
// progress polled until done, with a progress bar and the first rejected rows by line.
import { html } from 'lit';
import { accessToken } from '../auth.js';
import { api, ApiError } from '../api.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

const POLL_MS = 1000;

class AdminImports extends View {
  static properties = { progress: { state: true }, error: { state: true }, busy: { state: true } };

  disconnectedCallback() {
    clearTimeout(this.timer);
    super.disconnectedCallback();
  }

  async upload(e) {
    e.preventDefault();
    const file = this.querySelector('#import-file').files[0];
    const kind = this.querySelector('#import-kind').value;
    const award = this.querySelector('#import-award').checked;
    this.busy = true;
    this.error = null;
    try {
      // the file goes as the body, text/csv: points-service streams it, however large (the gateway allows 1 GiB here)
      const response = await fetch(`/api/points/imports?kind=${kind}&award=${award}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await accessToken()}`, 'Content-Type': 'text/csv', Accept: 'application/json' },
        body: file,
      });
      const body = await response.json().catch(() => null);
      if (!response.ok) {
        throw new ApiError(response.status, body);
      }
      this.progress = body;
      this.poll();
    } catch (err) {
      this.error = err;
    } finally {
      this.busy = false;
    }
  }

  async poll() {
    clearTimeout(this.timer);
    if (!this.progress || this.progress.status !== 'RUNNING') {
      return;
    }
    this.timer = setTimeout(async () => {
      try {
        this.progress = await api.get(`/api/points/imports/${this.progress.id}`);
        this.poll();
      } catch (err) {
        this.error = err;
      }
    }, POLL_MS);
  }

  render() {
    const p = this.progress;
    const percent = p && p.rowsTotal > 0 ? Math.round((100 * (p.rowsDone + p.rowsRejected)) / p.rowsTotal) : p?.status === 'DONE' ? 100 : 0;
    return html`
      <h1>${t('imports.title')}</h1>
      <form class="panel" @submit=${(e) => this.upload(e)}>
        <label>${t('imports.kind')}
          <select id="import-kind">
            <option value="members">${t('imports.kinds.members')}</option>
            <option value="purchases">${t('imports.kinds.purchases')}</option>
          </select>
        </label>
        <label class="choice"><input type="checkbox" id="import-award" /> ${t('imports.award')}</label>
        <label>${t('imports.file')}<input type="file" id="import-file" accept=".csv,text/csv" required /></label>
        <button type="submit" id="start-import" ?disabled=${this.busy || p?.status === 'RUNNING'}>${t('imports.start')}</button>
      </form>
      ${problem(this.error)}
      ${p
        ? html`<section class="panel" aria-labelledby="import-title">
            <h2 id="import-title">${t(`imports.status.${p.status}`, { defaultValue: p.status })}</h2>
            <div class="progress" role="progressbar" aria-label=${t('imports.progress')} aria-valuemin="0" aria-valuemax="100"
              aria-valuenow=${percent}><span style="width:${percent}%"></span></div>
            <p id="import-counts">${t('imports.counts', {
              done: format.number(p.rowsDone),
              rejected: format.number(p.rowsRejected),
              total: format.number(p.rowsTotal),
            })}</p>
            ${p.failure ? html`<p class="error">${p.failure}</p>` : ''}
            ${(p.errors ?? []).length
              ? html`<table id="import-errors"><thead><tr><th class="num">${t('imports.line')}</th><th>${t('imports.why')}</th></tr></thead>
                  <tbody>${p.errors.map((r) => html`<tr><td class="num">${r.line}</td><td>${r.message}</td></tr>`)}</tbody></table>`
              : ''}
          </section>`
        : ''}
    `;
  }
}

customElements.define('admin-imports', AdminImports);
