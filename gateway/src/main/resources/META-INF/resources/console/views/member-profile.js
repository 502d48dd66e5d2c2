// The member's own profile (name, e-mail, phone, birthday, as the program knows them) and their opt-ins, which they
// change here; every change is recorded with its time and source by points-service.
import { html } from 'lit';
import { api } from '../api.js';
import { format, t } from '../i18n.js';
import { View, problem } from './view.js';

const CHANNELS = ['newsletter', 'email', 'push'];

class MemberProfile extends View {
  static properties = { member: { state: true }, optIns: { state: true }, saved: { state: true }, error: { state: true } };

  async load() {
    try {
      [this.member, this.optIns] = await Promise.all([
        api.get('/api/points/members/me'),
        api.get('/api/points/members/me/opt-ins'),
      ]);
    } catch (e) {
      this.error = e;
    }
  }

  async save(e) {
    e.preventDefault();
    const body = Object.fromEntries(CHANNELS.map((c) => [c, this.querySelector(`#opt-${c}`).checked]));
    try {
      this.optIns = await api.put('/api/points/members/me/opt-ins', body);
      this.saved = true;
      this.error = null;
    } catch (err) {
      this.error = err;
    }
  }

  render() {
    if (!this.member || !this.optIns) {
      return this.error ? problem(this.error) : html`<p class="loading">${t('common.loading')}</p>`;
    }
    const m = this.member;
    return html`
      <h1>${t('profile.title')}</h1>
      ${problem(this.error)}
      <section class="panel">
        <dl class="facts">
          <dt>${t('profile.name')}</dt><dd id="profile-name">${m.displayName ?? '–'}</dd>
          <dt>${t('profile.email')}</dt><dd>${m.email ?? '–'} ${m.emailVerified ? html`<span class="good">(${t('profile.verified')})</span>` : ''}</dd>
          <dt>${t('profile.phone')}</dt><dd>${m.phone ?? '–'} ${m.phoneVerified ? html`<span class="good">(${t('profile.verified')})</span>` : ''}</dd>
          <dt>${t('profile.birthday')}</dt><dd>${m.birthday ? format.day(m.birthday) : '–'}</dd>
          <dt>${t('profile.since')}</dt><dd>${format.date(m.enrolledAt)}</dd>
        </dl>
      </section>
      <form class="panel" @submit=${(e) => this.save(e)}>
        <h2>${t('profile.optIns')}</h2>
        ${CHANNELS.map((c) => html`<label class="choice"><input type="checkbox" id=${`opt-${c}`} ?checked=${this.optIns[c]} /> ${t(`profile.channels.${c}`)}</label>`)}
        <button type="submit" id="save-opt-ins">${t('profile.save')}</button>
        ${this.saved ? html`<p role="status" class="good" id="opt-ins-saved">${t('profile.saved')}</p>` : ''}
      </form>
    `;
  }
}

customElements.define('member-profile', MemberProfile);
