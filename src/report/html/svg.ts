/**
 * A chart's SVG file text made fit to sit inline in report.html: no XML prolog or doctype (invalid
 * inside HTML), and every id (vega's clip paths and gradients restart at the same numbers in every
 * chart) prefixed per chart, so one chart's `url(#clip1)` cannot draw with another chart's clip.
 *
 * @example inlineSvg('<?xml version="1.0"?><svg><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>', 'c2')
 * // '<svg><clipPath id="c2-clip1"/><g clip-path="url(#c2-clip1)"/></svg>'
 */
const PROLOG = /^\s*(<\?xml[^>]*\?>\s*)?(<!DOCTYPE[^>]*>\s*)?/i;
const ID_REF = /(\bid="|url\(#|url\(&quot;#|href="#)([^")&]+)/g;

export function inlineSvg(svg: string, prefix: string): string {
  return svg.replace(PROLOG, '').replace(ID_REF, (_, lead: string, id: string) => `${lead}${prefix}-${id}`);
}
