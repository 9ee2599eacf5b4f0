/**
 * Text and attribute values placed into report.html. Event titles, ids and sources come from user
 * files: every one goes through here, so `<script>` in a title is shown as text, never run.
 *
 * @example escapeHtml('<b>"A&B"</b>') // '&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;'
 */
const SPECIAL = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(SPECIAL, (c) => ENTITY[c]);
}

/**
 * An href a reader may follow: web and mail links and in-page anchors. Anything else from a user
 * file (`javascript:`, `data:`, `file:`) is not made a link: its text is shown instead.
 *
 * @example safeHref('javascript:alert(1)') // null
 */
export function safeHref(url: string): string | null {
  const u = url.trim();
  if (/^#[A-Za-z0-9_-]*$/.test(u)) return u;
  if (/^(https?:\/\/|mailto:)/i.test(u)) return u;
  return null;
}
