// The console's shell: sign-in, the language switch, and the screens each role may use, by hash route
// (#/card, #/till, ...). Every screen is a web component (lit) under views/; the API enforces the roles anyway.
import { LitElement, html } from 'lit';
import { initAuth, login, logout, roles, user } from './auth.js';
import { initI18n, LANGUAGES, language, setLanguage, t } from './i18n.js';
import './views/member-home.js';
import './views/member-rewards.js';
import './views/member-surveys.js';
import './views/member-profile.js';
import './views/member-community.js';
import './views/staff-till.js';
import './views/marketer-tiers.js';
import './views/marketer-rules.js';
import './views/marketer-rewards.js';
import './views/marketer-card-designs.js';
import './views/marketer-nps.js';
import './views/marketer-surveys.js';
import './views/marketer-follow-ups.js';
import './views/marketer-behaviour.js';
import './views/marketer-community.js';
import './views/admin-adjust.js';
import './views/admin-audit.js';
import './views/admin-members.js';
import './views/admin-moderation.js';
import './views/admin-imports.js';

/** Every screen: its route, the roles that see it, its component. */
const SCREENS = [
  { route: 'card', roles: ['member'], label: 'nav.card', render: () => html`<member-home></member-home>` },
  { route: 'rewards', roles: ['member'], label: 'nav.rewards', render: () => html`<member-rewards></member-rewards>` },
  { route: 'surveys', roles: ['member'], label: 'nav.surveys', render: () => html`<member-surveys></member-surveys>` },
  {
    route: 'community',
    roles: ['member'],
    label: 'nav.community',
    render: () => html`<member-community></member-community>`,
  },
  { route: 'profile', roles: ['member'], label: 'nav.profile', render: () => html`<member-profile></member-profile>` },
  { route: 'till', roles: ['staff', 'admin'], label: 'nav.till', render: () => html`<staff-till></staff-till>` },
  { route: 'tiers', roles: ['marketer', 'admin'], label: 'nav.tiers', render: () => html`<marketer-tiers></marketer-tiers>` },
  { route: 'rules', roles: ['marketer', 'admin'], label: 'nav.rules', render: () => html`<marketer-rules></marketer-rules>` },
  {
    route: 'catalogue',
    roles: ['marketer', 'admin'],
    label: 'nav.catalogue',
    render: () => html`<marketer-rewards></marketer-rewards>`,
  },
  {
    route: 'card-designs',
    roles: ['marketer', 'admin'],
    label: 'nav.designs',
    render: () => html`<marketer-card-designs></marketer-card-designs>`,
  },
  {
    route: 'survey-builder',
    roles: ['marketer', 'admin'],
    label: 'nav.builder',
    render: () => html`<marketer-surveys></marketer-surveys>`,
  },
  { route: 'nps', roles: ['marketer', 'admin'], label: 'nav.nps', render: () => html`<marketer-nps></marketer-nps>` },
  {
    route: 'behaviour',
    roles: ['marketer', 'admin'],
    label: 'nav.behaviour',
    render: () => html`<marketer-behaviour></marketer-behaviour>`,
  },
  {
    route: 'community-analytics',
    roles: ['marketer', 'admin'],
    label: 'nav.communityAnalytics',
    render: () => html`<marketer-community></marketer-community>`,
  },
  {
    route: 'follow-ups',
    roles: ['marketer', 'admin'],
    label: 'nav.followUps',
    render: () => html`<marketer-follow-ups></marketer-follow-ups>`,
  },
  { route: 'adjust', roles: ['admin'], label: 'nav.adjust', render: () => html`<admin-adjust></admin-adjust>` },
  { route: 'members', roles: ['admin'], label: 'nav.members', render: () => html`<admin-members></admin-members>` },
  {
    route: 'moderation',
    roles: ['admin'],
    label: 'nav.moderation',
    render: () => html`<admin-moderation></admin-moderation>`,
  },
  { route: 'imports', roles: ['admin'], label: 'nav.imports', render: () => html`<admin-imports></admin-imports>` },
  { route: 'audit', roles: ['admin'], label: 'nav.audit', render: () => html`<admin-audit></admin-audit>` },
];

class LoyaltyConsole extends LitElement {
  static properties = { state: { state: true }, route: { state: true } };

  constructor() {
    super();
    this.state = 'loading';
    this.route = location.hash.replace(/^#\/?/, '');
    window.addEventListener('hashchange', () => {
      this.route = location.hash.replace(/^#\/?/, '');
    });
    window.addEventListener('language-changed', () => this.requestUpdate());
  }

  // Light DOM: one stylesheet (console.css) for the whole console, and tests find elements by id. The page's
  // "Loading" placeholder goes when the console renders.
  createRenderRoot() {
    this.replaceChildren();
    return this;
  }

  async connectedCallback() {
    super.connectedCallback();
    await initI18n();
    try {
      this.state = (await initAuth()) ? 'signed-in' : 'signed-out';
    } catch (e) {
      console.error(e);
      this.state = 'auth-error';
    }
  }

  screens() {
    const mine = roles();
    return SCREENS.filter((s) => s.roles.some((r) => mine.includes(r)));
  }

  render() {
    if (this.state === 'loading') {
      return html`<p class="loading">${t('common.loading')}</p>`;
    }
    return html`
      <header class="top">
        <span class="brand">${t('app.title')}</span>
        ${this.state === 'signed-in' ? this.nav() : ''}
        <span class="spacer"></span>
        <label class="language">
          <span class="visually-hidden">${t('app.language')}</span>
          <select id="language" @change=${(e) => setLanguage(e.target.value)}>
            ${LANGUAGES.map((l) => html`<option value=${l} ?selected=${language() === l}>${t(`languages.${l}`)}</option>`)}
          </select>
        </label>
        ${this.state === 'signed-in'
          ? html`<span class="who" id="who">${user().name}</span>
              <button id="logout" class="secondary" @click=${() => logout()}>${t('app.logout')}</button>`
          : ''}
      </header>
      <main id="main">${this.main()}</main>
    `;
  }

  nav() {
    return html`<nav aria-label=${t('app.navigation')}>
      ${this.screens().map(
        (s) => html`<a href="#/${s.route}" id="nav-${s.route}" aria-current=${this.current()?.route === s.route ? 'page' : 'false'}
          >${t(s.label)}</a
        >`,
      )}
    </nav>`;
  }

  current() {
    const screens = this.screens();
    return screens.find((s) => s.route === this.route) ?? screens[0];
  }

  main() {
    if (this.state === 'auth-error') {
      return html`<p role="alert" class="error">${t('app.authError')}</p>`;
    }
    if (this.state === 'signed-out') {
      return html`<section class="welcome">
        <h1>${t('app.welcome')}</h1>
        <p>${t('app.welcomeText')}</p>
        <button id="login" @click=${() => login(language())}>${t('app.login')}</button>
      </section>`;
    }
    const screen = this.current();
    if (!screen) {
      return html`<p role="alert">${t('app.noScreens')}</p>`;
    }
    return screen.render();
  }
}

customElements.define('loyalty-console', LoyaltyConsole);
