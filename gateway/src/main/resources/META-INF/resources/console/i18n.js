// Japanese and English with i18next (a WebJar): chosen from the browser, switchable, remembered. Numbers, yen, points
// and dates follow the language through the browser's Intl; times are shown in the program's zone, Asia/Tokyo.
import en from './locales/en.js';
import ja from './locales/ja.js';

export const LANGUAGES = ['ja', 'en'];
const STORAGE_KEY = 'loyalty.console.language';
const ZONE = 'Asia/Tokyo';

export function initialLanguage() {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (LANGUAGES.includes(saved)) {
    return saved;
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) {
      return base;
    }
  }
  return 'en';
}

export async function initI18n() {
  await i18next.init({
    lng: initialLanguage(),
    fallbackLng: 'en',
    resources: { en: { translation: en }, ja: { translation: ja } },
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = i18next.language;
}

export const t = (key, options) => i18next.t(key, options);
export const language = () => i18next.language;

export async function setLanguage(lang) {
  localStorage.setItem(STORAGE_KEY, lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  window.dispatchEvent(new CustomEvent('language-changed'));
}

const locale = () => (language() === 'ja' ? 'ja-JP' : 'en-US');

export const format = {
  number: (n, digits = 0) =>
    n == null ? '–' : new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(n),
  /** An amount in minor units of a currency (JPY has none). */
  money: (minor, currency = 'JPY') => {
    if (minor == null) {
      return '–';
    }
    const f = new Intl.NumberFormat(locale(), { style: 'currency', currency });
    const digits = f.resolvedOptions().maximumFractionDigits;
    return f.format(minor / 10 ** digits);
  },
  points: (n) => t('common.points', { count: Number(n ?? 0), value: format.number(n) }),
  date: (iso) =>
    iso ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: ZONE }).format(new Date(iso)) : '–',
  dateTime: (iso) =>
    iso
      ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: ZONE }).format(
          new Date(iso),
        )
      : '–',
  /** A calendar day (yyyy-mm-dd) as it is, not moved by a zone. */
  day: (isoDate) =>
    isoDate
      ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`))
      : '–',
};
