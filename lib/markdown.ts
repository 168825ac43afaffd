/**
 * Markdown → sanitised HTML for narrative text. Only http:, https: and mailto:
 * links survive (plus the portal's own relative links); no raw HTML. Images only from the
 * portal itself (a path on this site) or inline raster `data:` images: an image from anywhere
 * else becomes a link to it, so neither the PDF renderer nor a reader's browser fetches an
 * address an editor typed.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Element, ElementContent, Root, Text } from 'hast';

export type EntityLink = { text: string; href: string; title: string };

const schema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: 'md-',
  // `data:` survives on <img> only, and only after rehypeImagesFromHere kept it (raster images).
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https', 'data'] },
  attributes: {
    ...defaultSchema.attributes,
    // The sanitiser uses the first definition of an attribute it finds: the default schema already
    // lists `className` for <a> (footnotes), so 'entity-link' must join that entry, not follow it.
    a: [
      ...(defaultSchema.attributes?.a ?? []).filter((d) => !(Array.isArray(d) && d[0] === 'className')),
      'title',
      ['className', 'data-footnote-backref', 'entity-link'],
    ],
  },
};

const RASTER_DATA = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/i;

/** A path on this site (not `//host`, not `/\\host`), or an inline raster image. */
export function isOwnImage(src: string): boolean {
  return (src.startsWith('/') && !src.startsWith('//') && !src.startsWith('/\\')) || RASTER_DATA.test(src);
}

/** Every image that is not the portal's own becomes a link to where it points (with its description as text). */
function rehypeImagesFromHere() {
  const visit = (node: Root | Element) => {
    node.children = node.children.map((child) => {
      if (child.type !== 'element') return child;
      if (child.tagName !== 'img') {
        visit(child);
        return child;
      }
      const src = typeof child.properties.src === 'string' ? child.properties.src : '';
      if (isOwnImage(src)) return child;
      const alt = typeof child.properties.alt === 'string' && child.properties.alt.trim() ? child.properties.alt : src;
      const link: Element = { type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: `[ảnh: ${alt}]` }] };
      return link;
    }) as typeof node.children;
  };
  return (tree: Root) => visit(tree);
}

/** Turn every occurrence of a known name into a link to its page (never inside an existing link). */
function rehypeEntityLinks(links: EntityLink[]) {
  // Names are matched in NFC, like the text; an empty name would match everywhere.
  const sorted = links
    .map((link) => ({ ...link, text: link.text.normalize('NFC') }))
    .filter((link) => link.text.trim() !== '')
    .sort((a, b) => b.text.length - a.text.length);
  const splitText = (node: Text): ElementContent[] => {
    for (const link of sorted) {
      const at = node.value.indexOf(link.text);
      if (at === -1) continue;
      const before: Text = { type: 'text', value: node.value.slice(0, at) };
      const after: Text = { type: 'text', value: node.value.slice(at + link.text.length) };
      const anchor: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: link.href, title: link.title, className: ['entity-link'] },
        children: [{ type: 'text', value: link.text }],
      };
      return [...(before.value ? splitText(before) : []), anchor, ...(after.value ? splitText(after) : [])];
    }
    return [node];
  };
  const visit = (node: Root | Element) => {
    if (node.type === 'element' && node.tagName === 'a') return;
    const children: Array<Root['children'][number]> = [];
    for (const child of node.children) {
      if (child.type === 'text') children.push(...splitText(child));
      else {
        if (child.type === 'element') visit(child);
        children.push(child);
      }
    }
    node.children = children as typeof node.children;
  };
  return () => (tree: Root) => visit(tree);
}

export async function renderMarkdown(markdown: string, { links = [] }: { links?: EntityLink[] } = {}): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype) // raw HTML in the Markdown is dropped here, not passed through
    .use(rehypeEntityLinks(links))
    .use(rehypeImagesFromHere)
    .use(rehypeSanitize, schema)
    .use(rehypeStringify)
    .process(markdown.normalize('NFC'));
  return String(file);
}
