/**
 * The add-in's charts in a saved package: each chart a DrawingML chart part
 * (`xl/charts/chartN.xml`: c:barChart, each series' c:cat / c:val with the engine's
 * references as c:strRef / c:numRef formulas and their cached values), anchored in the
 * sheet's drawing (`xl/drawings/drawingN.xml`, a twoCellAnchor graphicFrame), with the
 * relationships and [Content_Types].xml overrides. A sheet that already has a drawing keeps
 * it: the chart's anchor is appended to it. Removing the add-in's charts takes out only
 * anchors whose name starts with the given prefix, and their chart parts.
 */
import type { ChartSpec } from '../../../engine';
import { relsPath, resolveTarget } from '../fast/read-package';
import { attr } from '../fast/xml';
import { escapeText, escapeXml, findElement, findElements, inner, insertBefore, splice } from './xml-edit';
import type { PartContent } from './zip-write';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const REL_PACKAGE = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
export const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
export const DRAWING_CONTENT = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_CONTENT = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
/** Worksheet children after `drawing`, in the schema's order. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

const hex = (colour: string): string => colour.replace(/^#/, '').toUpperCase();
const solid = (colour: string): string => `<c:spPr><a:solidFill><a:srgbClr val="${hex(colour)}"/></a:solidFill></c:spPr>`;
const number = (v: number): string => String(Number(v.toPrecision(15)));

function richText(text: string): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="en-GB" b="1"/><a:t>${escapeText(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/>`;
}

/** The chart part's XML. */
export function chartXml(spec: ChartSpec): string {
  const categories = spec.cachedCategories;
  const cat = `<c:cat><c:strRef><c:f>${escapeText(spec.categories)}</c:f><c:strCache><c:ptCount val="${categories.length}"/>${categories
    .map((label, i) => `<c:pt idx="${i}"><c:v>${escapeText(label)}</c:v></c:pt>`)
    .join('')}</c:strCache></c:strRef></c:cat>`;
  const series = spec.series
    .map((s, i) => {
      const points = (s.pointColors ?? []).map((colour, p) => `<c:dPt><c:idx val="${p}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/>${solid(colour)}</c:dPt>`).join('');
      const cache = s.cached.map((v, p) => (v === null ? '' : `<c:pt idx="${p}"><c:v>${number(v)}</c:v></c:pt>`)).join('');
      const val = `<c:val><c:numRef><c:f>${escapeText(s.values)}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${s.cached.length}"/>${cache}</c:numCache></c:numRef></c:val>`;
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${escapeText(s.name)}</c:v></c:tx>${s.color ? solid(s.color) : ''}<c:invertIfNegative val="0"/>${points}${cat}${val}</c:ser>`;
    })
    .join('');
  const axisTitle = spec.valueAxisTitle ? `<c:title>${richText(spec.valueAxisTitle)}</c:title>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title>${richText(spec.title)}</c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}<c:gapWidth val="50"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    // Categories top to bottom in the table's order; the value axis stays at the bottom.
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:majorGridlines/>${axisTitle}<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010"/><c:crosses val="max"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>${spec.series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : ''}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** One twoCellAnchor holding the chart (its own namespace declarations, so it fits any drawing). */
export function anchorXml(spec: ChartSpec, id: number, rId: string): string {
  const cell = (tag: string, at: { row: number; col: number }) =>
    `<xdr:${tag}><xdr:col>${at.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor xmlns:xdr="${NS_XDR}" editAs="oneCell">${cell('from', spec.anchor.from)}${cell('to', spec.anchor.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeXml(spec.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off xmlns:a="${NS_A}" x="0" y="0"/><a:ext xmlns:a="${NS_A}" cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic xmlns:a="${NS_A}"><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${rId}"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

export function emptyDrawingXml(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}"></xdr:wsDr>`;
}

function emptyRels(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_PACKAGE}"></Relationships>`;
}

/** Adds a relationship; returns the new rels XML and its id. */
function addRelationship(rels: string | undefined, type: string, target: string): { xml: string; id: string } {
  const xml = rels ?? emptyRels();
  const ids = new Set(findElements(xml, 'Relationship').map((r) => attr(r.text, 'Id') ?? ''));
  let k = ids.size + 1;
  while (ids.has(`rId${k}`)) k++;
  const id = `rId${k}`;
  const tag = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const root = findElement(xml, 'Relationships')!;
  const body = inner(root);
  const text = root.text.endsWith('/>') ? `${root.text.slice(0, -2)}>${tag}</Relationships>` : undefined;
  return { xml: text ? splice(xml, root.start, root.end, text) : splice(xml, body.end, body.end, tag), id };
}

function removeRelationship(rels: string, id: string): string {
  const found = findElements(rels, 'Relationship').find((r) => attr(r.text, 'Id') === id);
  return found ? splice(rels, found.start, found.end, '') : rels;
}

/** A target relative to a part's folder (`../charts/chart1.xml` from `xl/drawings/drawing1.xml`). */
function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** What the chart writer needs from the package editor. */
export interface ChartPackage {
  /** A part's text as it stands (pending edits included), or undefined. */
  text(name: string): Promise<string | undefined>;
  set(name: string, content: PartContent): void;
  /** Every part name, existing or pending, lower-case. */
  names(): Set<string>;
  addOverride(partName: string, contentType: string): void;
  removeOverride(partName: string): void;
}

/** Adds and removes the add-in's charts on sheets, keeping track of the drawings it creates. */
export class SheetCharts {
  /** Sheet part → relationship id of a drawing created here, to add `<drawing r:id>` to its XML at the end. */
  readonly newDrawings = new Map<string, string>();
  private readonly drawingOf = new Map<string, string>();

  constructor(private readonly pkg: ChartPackage) {}

  private freePart(folder: string, stem: string): string {
    const names = this.pkg.names();
    let n = 1;
    while (names.has(`${folder}/${stem}${n}.xml`.toLowerCase())) n++;
    return `${folder}/${stem}${n}.xml`;
  }

  /** The sheet's drawing part, if it has one (from its `<drawing r:id>` and rels, or one made here). */
  private async existingDrawing(sheetPart: string, sheetXml: string | undefined): Promise<string | undefined> {
    const made = this.drawingOf.get(sheetPart);
    if (made) return made;
    const tag = sheetXml ? /<(?:\w+:)?drawing\b[^>]*>/.exec(sheetXml)?.[0] : undefined;
    const rId = tag ? /\s\w+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1] : undefined;
    if (!rId) return undefined;
    const rels = await this.pkg.text(relsPath(sheetPart));
    const rel = rels ? findElements(rels, 'Relationship').find((r) => attr(r.text, 'Id') === rId) : undefined;
    return rel ? resolveTarget(sheetPart, attr(rel.text, 'Target') ?? '') : undefined;
  }

  async add(sheetPart: string, sheetXml: string | undefined, spec: ChartSpec): Promise<void> {
    let drawing = await this.existingDrawing(sheetPart, sheetXml);
    if (!drawing) {
      drawing = this.freePart('xl/drawings', 'drawing');
      this.pkg.set(drawing, emptyDrawingXml());
      this.pkg.addOverride(`/${drawing}`, DRAWING_CONTENT);
      const sheetRels = relsPath(sheetPart);
      const rel = addRelationship(await this.pkg.text(sheetRels), DRAWING_REL, relativeTarget(sheetPart, drawing));
      this.pkg.set(sheetRels, rel.xml);
      this.newDrawings.set(sheetPart, rel.id);
    }
    this.drawingOf.set(sheetPart, drawing);
    const chart = this.freePart('xl/charts', 'chart');
    this.pkg.set(chart, chartXml(spec));
    this.pkg.addOverride(`/${chart}`, CHART_CONTENT);
    const drawingRels = relsPath(drawing);
    const rel = addRelationship(await this.pkg.text(drawingRels), CHART_REL, relativeTarget(drawing, chart));
    this.pkg.set(drawingRels, rel.xml);
    const xml = (await this.pkg.text(drawing)) ?? emptyDrawingXml();
    const ids = [...xml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\sid\s*=\s*"(\d+)"/g)].map((m) => Number(m[1]));
    const id = Math.max(1, ...ids) + 1;
    const root = /<\/(\w+:)?wsDr>\s*$/.exec(xml);
    if (!root) throw new Error(`${drawing} has no </wsDr>`);
    this.pkg.set(drawing, splice(xml, root.index, root.index, anchorXml(spec, id, rel.id)));
  }

  /** Takes out the anchors named with the prefix, their relationships and chart parts. */
  async remove(sheetPart: string, sheetXml: string | undefined, prefix: string): Promise<void> {
    const drawing = await this.existingDrawing(sheetPart, sheetXml);
    if (!drawing) return;
    let xml = (await this.pkg.text(drawing)) ?? '';
    const drawingRels = relsPath(drawing);
    let rels = (await this.pkg.text(drawingRels)) ?? emptyRels();
    const anchors = ['twoCellAnchor', 'oneCellAnchor', 'absoluteAnchor'].flatMap((n) => findElements(xml, n)).sort((a, b) => b.start - a.start);
    let changed = false;
    for (const anchor of anchors) {
      const name = /<(?:\w+:)?cNvPr\b[^>]*\sname\s*=\s*"([^"]*)"/.exec(anchor.text)?.[1];
      if (name === undefined || !unescape(name).startsWith(prefix)) continue;
      const rId = /<(?:\w+:)?chart\b[^>]*\s\w+:id\s*=\s*"([^"]*)"/.exec(anchor.text)?.[1];
      if (!rId) continue;
      const rel = findElements(rels, 'Relationship').find((r) => attr(r.text, 'Id') === rId);
      if (rel) {
        const part = resolveTarget(drawing, attr(rel.text, 'Target') ?? '');
        this.pkg.set(part, null);
        this.pkg.set(relsPath(part), null);
        this.pkg.removeOverride(`/${part}`);
        rels = removeRelationship(rels, rId);
      }
      xml = splice(xml, anchor.start, anchor.end, '');
      changed = true;
    }
    if (!changed) return;
    this.pkg.set(drawing, xml);
    this.pkg.set(drawingRels, rels);
  }
}

const unescape = (text: string): string => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** A sheet's XML with `<drawing r:id>` added where the schema wants it (and the r namespace declared). */
export function withDrawing(sheetXml: string, rId: string): string {
  const root = /<(\w+:)?worksheet\b[^>]*>/.exec(sheetXml);
  if (!root) return sheetXml;
  let xml = sheetXml;
  const prefix = root[1] ?? '';
  let rPrefix = /\sxmlns:(\w+)\s*=\s*"http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(root[0])?.[1];
  if (!rPrefix) {
    rPrefix = 'r';
    const tag = root[0].replace(/\s*>$/, ` xmlns:r="${NS_R}">`);
    xml = splice(xml, root.index, root.index + root[0].length, tag);
  }
  return insertBefore(xml, `<${prefix}drawing ${rPrefix}:id="${rId}"/>`, AFTER_DRAWING, 'worksheet');
}
