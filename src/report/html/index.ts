export { renderHtml, type HtmlChart, type HtmlOptions } from './page.js';
export { escapeHtml, safeHref } from './escape.js';
