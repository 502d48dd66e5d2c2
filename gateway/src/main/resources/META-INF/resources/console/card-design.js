// How a card design looks on screen: the member's card and the marketer's preview draw it the same way.
import { language } from './i18n.js';

/** A CSS url() argument that cannot close its quotes or start another declaration. */
function cssUrl(address) {
  return `url("${address.replace(/["\\\n\r()]/g, (c) => encodeURIComponent(c))}")`;
}

/** The inline style of a card in the design: its colours, and its image over the background colour when it has one. */
export function designStyle(d) {
  if (!d?.backgroundColor || !d?.textColor) {
    return '';
  }
  const image = d.imageUrl ? `background-image:${cssUrl(d.imageUrl)};background-size:cover;background-position:center;` : 'background-image:none;';
  return `background-color:${d.backgroundColor};${image}color:${d.textColor}`;
}

/** The design's title in the console's language, else in the other one, else its name. */
export function designTitle(d) {
  const [first, second] = language() === 'ja' ? [d.titleJa, d.titleEn] : [d.titleEn, d.titleJa];
  return first || second || d.name;
}
