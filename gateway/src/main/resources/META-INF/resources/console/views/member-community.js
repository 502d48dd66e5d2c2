// The brand community: the spaces the member sees, each space's feed (discussions, questions with their answers,
// reviews, announcements), writing a post of a kind the space allows, reporting one, and the upcoming events with
// their seats, registering for one or cancelling.
import { html } from 'lit';
import { api } from '../api.js';
import { format, language, t } from '../i18n.js';
import { View, problem } from './view.js';

class MemberCommunity extends View {
  static properties = {
    spaces: { state: true },
    space: { state: true },
    feed: { state: true },
    events: { state: true },
    reporting: { state: true },
    opened: { state: true },
    comments: { state: true },
    notice: { state: true },
    error: { state: true },
  };

  async load() {
    try {
      const [spaces, events] = await Promise.all([
        api.get('/api/community/spaces'),
        api.get('/api/community/events?page=0&size=20'),
      ]);
      this.spaces = spaces;
      this.events = events.items ?? [];
      if (!this.space && spaces.length) {
        await this.open(spaces[0]);
      }
    } catch (e) {
      this.error = e;
    }
  }

  async open(space) {
    this.space = space;
    this.reporting = null;
    try {
      this.feed = await api.get(`/api/community/spaces/${space.id}/posts?limit=20`);
    } catch (e) {
      this.error = e;
    }
  }

  spaceName(space) {
    return space.titles?.[language()] ?? space.name;
  }

  async post(e) {
    e.preventDefault();
    try {
      await api.post(`/api/community/spaces/${this.space.id}/posts`, {
        kind: this.querySelector('#post-kind').value,
        title: this.querySelector('#post-title').value.trim(),
        body: this.querySelector('#post-body').value.trim(),
        format: 'PLAIN',
      });
      e.target.reset();
      this.notice = t('community.posted');
      this.error = null;
      await this.open(this.space);
    } catch (err) {
      this.error = err;
    }
  }

  async openPost(post) {
    if (this.opened?.id === post.id) {
      this.opened = null;
      return;
    }
    try {
      this.comments = (await api.get(`/api/community/posts/${post.id}/comments?limit=50`)).items ?? [];
      this.opened = post;
    } catch (err) {
      this.error = err;
    }
  }

  async comment(e, post) {
    e.preventDefault();
    try {
      await api.post(`/api/community/posts/${post.id}/comments`, { body: this.querySelector('#comment-body').value.trim() });
      e.target.reset();
      this.comments = (await api.get(`/api/community/posts/${post.id}/comments?limit=50`)).items ?? [];
      this.error = null;
    } catch (err) {
      this.error = err;
    }
  }

  async accept(post, comment) {
    try {
      await api.post(`/api/community/posts/${post.id}/accepted-answer`, { commentId: comment.id });
      this.comments = (await api.get(`/api/community/posts/${post.id}/comments?limit=50`)).items ?? [];
      this.notice = t('community.acceptedNotice');
      this.error = null;
    } catch (err) {
      this.error = err;
    }
  }

  thread(post) {
    const asker = post.kind === 'QUESTION' && post.author?.you;
    return html`<div class="thread" id="thread">
      <ul class="plain">${this.comments.map((c) => html`<li class="comment" data-id=${c.id}>
        <p>${c.body}</p>
        <p class="muted">${c.author?.brand ? t('community.brand') : c.author?.displayName ?? t('community.someone')} · ${format.dateTime(c.createdAt)}
          ${c.accepted ? html` · <span class="good">✓ ${t('community.accepted')}</span>` : ''}</p>
        ${asker && c.answer && !c.accepted
          ? html`<button class="secondary accept" @click=${() => this.accept(post, c)}>${t('community.accept')}</button>`
          : ''}
      </li>`)}</ul>
      <form @submit=${(e) => this.comment(e, post)}>
        <label>${post.kind === 'QUESTION' && !post.author?.you ? t('community.yourAnswer') : t('community.yourComment')}
          <textarea id="comment-body" required maxlength="5000"></textarea></label>
        <button type="submit" id="send-comment">${t('community.send')}</button>
      </form>
    </div>`;
  }

  async report(post) {
    try {
      await api.post(`/api/community/posts/${post.id}/reports`, { reason: this.querySelector('#report-reason').value });
      this.reporting = null;
      this.notice = t('community.reported');
    } catch (err) {
      this.error = err;
    }
  }

  async register(event, on) {
    try {
      if (on) {
        await api.post(`/api/community/events/${event.id}/registrations`);
      } else {
        await api.delete(`/api/community/events/${event.id}/registrations/me`);
      }
      this.error = null;
      await this.load();
    } catch (err) {
      this.error = err;
    }
  }

  render() {
    if (!this.spaces) {
      return this.error ? problem(this.error) : html`<p class="loading">${t('common.loading')}</p>`;
    }
    return html`
      <h1>${t('community.title')}</h1>
      ${problem(this.error)}
      ${this.notice ? html`<p role="status" class="good" id="community-notice">${this.notice}</p>` : ''}
      <nav class="modes" aria-label=${t('community.spaces')}>
        ${this.spaces.map((s) => html`<button class=${this.space?.id === s.id ? '' : 'secondary'}
          aria-pressed=${this.space?.id === s.id ? 'true' : 'false'} @click=${() => this.open(s)}>${this.spaceName(s)}</button>`)}
      </nav>
      ${this.spaces.length === 0 ? html`<p class="muted">${t('community.noSpaces')}</p>` : ''}
      ${this.space ? this.spacePanel() : ''}
      ${this.eventsPanel()}
    `;
  }

  spacePanel() {
    const s = this.space;
    // no posting rules: every kind, by members (announcements are the brand's; reviews need a product and a rating)
    const rules = s.postingRules ?? {};
    const allowed = rules.allowedKinds?.length ? rules.allowedKinds : ['DISCUSSION', 'QUESTION'];
    const kinds = allowed.filter((k) => k !== 'ANNOUNCEMENT' && k !== 'REVIEW');
    const membersMayPost = rules.membersMayPost ?? true;
    const items = this.feed?.items ?? [];
    return html`<section class="panel" aria-labelledby="space-title">
      <h2 id="space-title">${this.spaceName(s)}</h2>
      ${s.description ? html`<p>${s.description}</p>` : ''}
      <ul class="plain" id="feed">
        ${items.length === 0 ? html`<li class="muted">${t('community.noPosts')}</li>` : ''}
        ${items.map((p) => html`<li class="post" data-id=${p.id}>
          <h3>${t(`community.kinds.${p.kind}`)} · ${p.title} ${p.solved ? html`<span class="good">✓ ${t('community.solved')}</span>` : ''}</h3>
          <p>${p.excerpt}</p>
          <p class="muted">${p.author?.brand ? t('community.brand') : p.author?.displayName ?? t('community.someone')} ·
            ${format.dateTime(p.createdAt)} · ${t('community.comments', { count: p.commentCount ?? 0 })}</p>
          <button class="secondary open-post" aria-expanded=${this.opened?.id === p.id ? 'true' : 'false'}
            @click=${() => this.openPost(p)}>${this.opened?.id === p.id ? t('community.close') : t('community.open')}</button>
          ${this.opened?.id === p.id ? this.thread(p) : ''}
          ${this.reporting === p.id
            ? html`<label>${t('community.why')}<select id="report-reason">
                  ${['SPAM', 'ABUSE', 'OFF_TOPIC', 'MISINFORMATION', 'OTHER'].map((r) => html`<option value=${r}>${t(`community.reasons.${r}`)}</option>`)}
                </select></label>
                <button class="confirm-report" @click=${() => this.report(p)}>${t('community.report')}</button>
                <button class="secondary" @click=${() => { this.reporting = null; }}>${t('surveys.back')}</button>`
            : p.author?.you ? '' : html`<button class="secondary report" @click=${() => { this.reporting = p.id; }}>${t('community.report')}</button>`}
        </li>`)}
      </ul>
      ${membersMayPost && kinds.length
        ? html`<form id="new-post" @submit=${(e) => this.post(e)}>
            <h3>${t('community.newPost')}</h3>
            <label>${t('rules.kind')}<select id="post-kind">${kinds.map((k) => html`<option value=${k}>${t(`community.kinds.${k}`)}</option>`)}</select></label>
            <label>${t('community.postTitle')}<input id="post-title" required maxlength="200" /></label>
            <label>${t('community.body')}<textarea id="post-body" required maxlength="20000"></textarea></label>
            <button type="submit" id="publish-post">${t('community.publish')}</button>
          </form>`
        : ''}
    </section>`;
  }

  eventsPanel() {
    return html`<section class="panel" aria-labelledby="events-title">
      <h2 id="events-title">${t('community.events')}</h2>
      ${this.events.length === 0 ? html`<p class="muted">${t('community.noEvents')}</p>` : ''}
      <ul class="plain" id="events">${this.events.map((e) => html`<li class="event" data-id=${e.id}>
        <h3>${e.title}</h3>
        <p>${format.dateTime(e.startsAt)} – ${format.dateTime(e.endsAt)} · ${t('community.seatsLeft', { count: e.seatsLeft ?? 0 })}</p>
        ${e.myRegistration
          ? html`<p class="good">${t(`community.registration.${e.myRegistration.status}`, { defaultValue: e.myRegistration.status })}</p>
              <button class="secondary cancel-registration" @click=${() => this.register(e, false)}>${t('community.cancel')}</button>`
          : html`<button class="register" @click=${() => this.register(e, true)}>${t('community.register')}</button>`}
      </li>`)}</ul>
    </section>`;
  }
}

customElements.define('member-community', MemberCommunity);
