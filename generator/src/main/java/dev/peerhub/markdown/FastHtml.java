package dev.peerhub.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ast.util.ReferenceRepository;
import com.vladsch.flexmark.ext.definition.DefinitionItem;
import com.vladsch.flexmark.ext.definition.DefinitionList;
import com.vladsch.flexmark.ext.definition.DefinitionTerm;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.footnotes.internal.FootnoteRepository;
import com.vladsch.flexmark.ext.gfm.strikethrough.Strikethrough;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughSubscriptExtension;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableBody;
import com.vladsch.flexmark.ext.tables.TableCaption;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableHead;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlRendererOptions;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.LineAppendable;
import com.vladsch.flexmark.util.sequence.SubSequence;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A fast HTML renderer for the Flexmark documents {@link MarkdownRenderer} parses, producing output
 * byte-identical to Flexmark's {@link HtmlRenderer} configured with {@link MarkdownRenderer}'s options.
 *
 * <p><b>Why it exists.</b> Profiling a 10,000-article build showed Flexmark's {@code HtmlRenderer.render}
 * taking about 38% of all Markdown time: every character goes through {@code LineAppendableImpl}'s
 * per-character line bookkeeping (a {@code LineInfo} and a copied line per output line), every
 * {@code Text} node through the regular expressions of {@code Escaping.unescapeString} and every
 * escape through the regular expression of {@code Escaping.escapeHtml}. This renderer walks the tree
 * once and appends to one {@link StringBuilder}; text without {@code \} or {@code &} is not unescaped,
 * and escaping is a plain loop.
 *
 * <p><b>What it handles.</b> The core nodes (document, paragraphs tight and loose, headings rendered as
 * {@code MarkdownRenderer}'s heading renderer does, with id and anchor link; emphasis, strong, code
 * spans, fenced and indented code with the info-string class, block quotes, bullet and ordered lists,
 * links, images, reference links and images, reference definitions, autolinks including
 * {@link BareLinks}' nodes, mail links, soft and hard breaks, thematic breaks, HTML blocks, HTML
 * comment blocks and inline HTML (escaped, as {@code ESCAPE_HTML} does), entities and backslash
 * escapes) and those of the extensions we enable: tables (alignment, header, body, caption, the
 * {@code tabindex} {@link ExternalLinks} adds), footnote references and the footnotes section with
 * back-links, strikethrough, typographic quotes and smarts, definition lists. Links get
 * {@link ExternalLinks}' {@code rel} attribute. Links matching Flexmark's suppressed-links pattern
 * ({@code javascript:}) are rendered as their text, as Flexmark does.
 *
 * <p>The output layout imitates Flexmark's {@code LineAppendableImpl} with our settings (indent size 0,
 * only leading-whitespace trimming): spaces at the start of an output line outside {@code <pre>} are
 * dropped, {@code line()} ends the current line only if it has text, and runs of empty lines outside
 * {@code <pre>} collapse to one.
 *
 * <p><b>Fallback.</b> Before rendering, a walk checks that every node's exact class is one of
 * {@link #SUPPORTED} (and that no HTML block has inner-block children). If not, or if the options differ
 * from the ones this renderer was written for (checked once, in the constructor), the document is rendered
 * with Flexmark's {@link HtmlRenderer} exactly as before; so is a document on which this renderer throws.
 * Nodes that fall back: any class not listed,
 * subclasses of listed ones included; among Flexmark's own, those our parser options never produce
 * ({@code TextBase}, {@code CodeBlock}, {@code HtmlInnerBlock}, {@code HtmlInnerBlockComment},
 * {@code Subscript}, {@code WhiteSpace}, ...) and nodes of extensions we do not enable. The differential tests in {@code FastHtmlTest} compare both
 * renderers on the sample hub, the seeds, a generated corpus, edge cases and random snippets. If
 * {@code MarkdownRenderer}'s heading renderer or {@code ExternalLinks} changes, this class must change
 * with it (those tests will say so).
 */
final class FastHtml {

    static final Set<Class<?>> SUPPORTED = Set.of(
            Document.class, Paragraph.class, Heading.class, Text.class, SoftLineBreak.class,
            HardLineBreak.class, Emphasis.class, StrongEmphasis.class, Code.class, FencedCodeBlock.class,
            IndentedCodeBlock.class, BlockQuote.class, BulletList.class, OrderedList.class,
            BulletListItem.class, OrderedListItem.class, ThematicBreak.class, HtmlBlock.class, HtmlCommentBlock.class,
            HtmlInline.class, HtmlInlineComment.class, HtmlEntity.class, Link.class, Image.class, LinkRef.class,
            ImageRef.class, Reference.class, AutoLink.class, MailLink.class,
            TableBlock.class, TableHead.class, TableBody.class, TableRow.class, TableCell.class, TableSeparator.class,
            TableCaption.class, Footnote.class, FootnoteBlock.class, Strikethrough.class, TypographicQuotes.class,
            TypographicSmarts.class, DefinitionList.class, DefinitionTerm.class, DefinitionItem.class);

    private static final String ANCHOR_TAIL = "\"><span aria-hidden=\"true\">#</span>"
            + "<span class=\"visually-hidden\">Link to this section</span></a>";

    private final HtmlRenderer fallback;
    private final boolean enabled;
    private final HtmlRendererOptions html;
    private final ListOptions listOptions;
    private final String tableClass;
    private final String footnoteRefPrefix;
    private final String footnoteRefSuffix;
    private final String footnoteBackRef;
    private final String footnoteLinkRefClass;
    private final String footnoteBackLinkRefClass;

    /**
     * @param options  the options {@code renderer} was built with
     * @param fallback Flexmark's renderer, for documents (or options) this renderer does not handle
     */
    FastHtml(DataHolder options, HtmlRenderer fallback) {
        this.fallback = fallback;
        this.html = new HtmlRendererOptions(options);
        this.listOptions = ListOptions.get(options);
        this.tableClass = TablesExtension.CLASS_NAME.get(options);
        this.footnoteRefPrefix = FootnoteExtension.FOOTNOTE_REF_PREFIX.get(options);
        this.footnoteRefSuffix = FootnoteExtension.FOOTNOTE_REF_SUFFIX.get(options);
        this.footnoteBackRef = FootnoteExtension.FOOTNOTE_BACK_REF_STRING.get(options);
        this.footnoteLinkRefClass = FootnoteExtension.FOOTNOTE_LINK_REF_CLASS.get(options);
        this.footnoteBackLinkRefClass = FootnoteExtension.FOOTNOTE_BACK_LINK_REF_CLASS.get(options);
        this.enabled = html.indentSize == 0 && html.formatFlags == LineAppendable.F_TRIM_LEADING_WHITESPACE
                && html.maxBlankLines == 1 && html.maxTrailingBlankLines == 1
                && html.htmlBlockOpenTagEol && html.htmlBlockCloseTagEol
                && html.sourcePositionAttribute.isEmpty() && !html.sourcePositionParagraphLines
                && !html.sourceWrapHtmlBlocks && !html.percentEncodeUrls && !html.doNotRenderLinksInDocument
                && !html.noPTagsUseBr && !html.renderHeaderId && html.generateHeaderIds && html.unescapeHtmlEntities
                && html.escapeHtmlBlocks && html.escapeHtmlCommentBlocks && html.escapeInlineHtml
                && html.escapeInlineHtmlComments && !html.suppressHtmlBlocks && !html.suppressHtmlCommentBlocks
                && !html.suppressInlineHtml && !html.suppressInlineHtmlComments
                && html.strongEmphasisStyleHtmlOpen == null && html.emphasisStyleHtmlOpen == null
                && html.codeStyleHtmlOpen == null
                && StrikethroughSubscriptExtension.STRIKETHROUGH_STYLE_HTML_OPEN.get(options) == null
                && !Parser.FENCED_CODE_CONTENT_BLOCK.get(options) && !Parser.CODE_SOFT_LINE_BREAKS.get(options)
                && !HtmlRenderer.OBFUSCATE_EMAIL.get(options) && !HtmlRenderer.RECHECK_UNDEFINED_REFERENCES.get(options)
                && !TablesExtension.COLUMN_SPANS.get(options);
    }

    /** Renders a document, with Flexmark's renderer when this one cannot. */
    String render(Document doc) {
        if (!handles(doc)) return fallback.render(doc);
        try {
            return new Writer(doc).render();
        } catch (RuntimeException e) {
            // A bug here must not cost a page: Flexmark renders it as before (the tests use renderFast).
            return fallback.render(doc);
        }
    }

    /** Renders with this renderer only; the document must be one it {@link #handles}. */
    String renderFast(Document doc) {
        return new Writer(doc).render();
    }

    /** Whether this renderer handles the document (else {@link #render} falls back to Flexmark's). */
    boolean handles(Document doc) {
        return enabled && supported(doc);
    }

    private static boolean supported(Node node) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            Class<?> c = n.getClass();
            if (!SUPPORTED.contains(c)) return false;
            if (c == FencedCodeBlock.class || c == IndentedCodeBlock.class) continue;
            if (c == HtmlBlock.class && n.hasChildren()) return false;
            if (n.hasChildren() && !supported(n)) return false;
        }
        return true;
    }

    /** One rendering: the output and the state of Flexmark's line appender it imitates. */
    private final class Writer {
        private final Document doc;
        private final StringBuilder sb;
        private final ReferenceRepository references;
        private int lineLength;      // characters on the current output line
        private boolean lineHasText; // the current line has a character other than space or tab
        private int pre;             // nesting of pre-formatted output
        private boolean lastBlank;   // the last line ended was empty and not pre-formatted
        private final String source; // the parsed text, when sub-sequences of it can be read directly

        Writer(Document doc) {
            this.doc = doc;
            BasedSequence chars = doc.getChars();
            this.source = chars.getClass() == SubSequence.class && chars.getBase() instanceof String s
                    && s.indexOf('\0') < 0 ? s : null;
            this.sb = new StringBuilder(Math.max(256, doc.getChars().length() + doc.getChars().length() / 4));
            this.references = Parser.REFERENCES.get(doc);
        }

        String render() {
            new HeaderIdGenerator().generateIds(doc);
            FootnoteRepository footnotes = FootnoteExtension.FOOTNOTES.get(doc);
            footnotes.resolveFootnoteOrdinals();
            children(doc);
            if (!footnotes.getReferencedFootnoteBlocks().isEmpty()) footnotesSection(footnotes);
            line();
            return sb.toString();
        }

        // ---- output primitives (LineAppendableImpl with F_TRIM_LEADING_WHITESPACE, no prefixes)

        private void eol() {
            boolean blank = lineLength == 0 && pre == 0;
            if (!(blank && lastBlank)) sb.append('\n');
            lastBlank = blank;
            lineLength = 0;
            lineHasText = false;
        }

        /** Ends the current line if it has any characters (or always inside pre-formatted output). */
        private void line() {
            if (pre > 0 || lineLength != 0) eol();
        }

        private void put(char c) {
            switch (c) {
                case '\n' -> eol();
                case ' ' -> {
                    if (pre > 0 || lineHasText) {
                        sb.append(' ');
                        lineLength++;
                    }
                }
                case '\t' -> {
                    sb.append('\t');
                    lineLength++;
                }
                default -> {
                    sb.append(c);
                    lineLength++;
                    lineHasText = true;
                }
            }
        }

        /** Appends markup (no escaping). */
        private void raw(String s) {
            int n = s.length();
            if (n == 0) return;
            if (lineHasText && s.indexOf('\n') < 0) {
                sb.append(s);
                lineLength += n;
                return;
            }
            for (int i = 0; i < n; i++) put(s.charAt(i));
        }

        /** Appends text, escaping {@code & < > "} as {@code Escaping.escapeHtml(s, false)} does. */
        private void text(CharSequence s) {
            if (s instanceof String str) {
                text(str, 0, str.length());
            } else if (source != null && s.getClass() == SubSequence.class && ((SubSequence) s).getBase() == source) {
                SubSequence sub = (SubSequence) s;
                text(source, sub.getStartOffset(), sub.getEndOffset());
            } else {
                String str = s.toString();
                text(str, 0, str.length());
            }
        }

        private void text(String s, int from, int to) {
            int start = from;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                String rep;
                switch (c) {
                    case '&' -> rep = "&amp;";
                    case '<' -> rep = "&lt;";
                    case '>' -> rep = "&gt;";
                    case '"' -> rep = "&quot;";
                    case '\n', ' ', '\t' -> rep = null;
                    default -> {
                        continue;
                    }
                }
                if (i > start) plain(s, start, i);
                if (rep != null) {
                    sb.append(rep);
                    lineLength += rep.length();
                    lineHasText = true;
                } else if (c == ' ' && lineHasText) {
                    sb.append(' ');
                    lineLength++;
                } else {
                    put(c);
                }
                start = i + 1;
            }
            if (to > start) plain(s, start, to);
        }

        /** Appends characters known to be none of {@code \n}, space, tab or an escaped one. */
        private void plain(String s, int start, int end) {
            sb.append(s, start, end);
            lineLength += end - start;
            lineHasText = true;
        }

        /** Appends an attribute value as {@code Escaping.escapeHtml(s, true)} does (entities kept). */
        private void attrValue(CharSequence s) {
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '&' -> {
                        int len = entityLength(s, i);
                        if (len > 0) {
                            for (int j = i; j < i + len; j++) put(s.charAt(j));
                            i += len - 1;
                        } else {
                            rawEscape("&amp;");
                        }
                    }
                    case '<' -> rawEscape("&lt;");
                    case '>' -> rawEscape("&gt;");
                    case '"' -> rawEscape("&quot;");
                    default -> put(c);
                }
            }
        }

        private void rawEscape(String rep) {
            sb.append(rep);
            lineLength += rep.length();
            lineHasText = true;
        }

        private void attr(String name, CharSequence value) {
            raw(" ");
            raw(name);
            raw("=\"");
            attrValue(value);
            raw("\"");
        }

        // ---- nodes

        private void children(Node parent) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) node(n);
        }

        private void node(Node n) {
            Class<?> type = n.getClass();
            if (type == Text.class) {
                textNode((Text) n);
                return;
            } else if (type == SoftLineBreak.class) {
                raw(html.softBreak);
                return;
            } else if (type == Paragraph.class) {
                paragraph((Paragraph) n);
                return;
            }
            switch (n) {
                case Text t -> textNode(t);
                case SoftLineBreak b -> raw(html.softBreak);
                case Paragraph p -> paragraph(p);
                case Heading h -> heading(h);
                case Emphasis e -> inlineTag("em", e);
                case StrongEmphasis s -> inlineTag("strong", s);
                case Strikethrough s -> inlineTag("del", s);
                case Code c -> code(c);
                case Link l -> link(l);
                case AutoLink a -> autoLink(a);
                case TypographicSmarts s -> raw(s.getTypographicText());
                case TypographicQuotes q -> typographicQuotes(q);
                case HtmlEntity e -> text(e.getChars().unescape());
                case HtmlInline h -> text(h.getChars().normalizeEOL());
                case HtmlInlineComment h -> text(h.getChars().normalizeEOL());
                case HardLineBreak b -> raw(html.hardBreak);
                case BulletListItem i -> listItem(i);
                case OrderedListItem i -> listItem(i);
                case BulletList l -> list("ul", l, null);
                case OrderedList l -> list("ol", l, l);
                case FencedCodeBlock f -> fencedCode(f);
                case IndentedCodeBlock c -> indentedCode(c);
                case BlockQuote q -> blockQuote(q);
                case ThematicBreak t -> {
                    line();
                    raw("<hr />");
                    line();
                }
                case Image i -> image(i);
                case LinkRef r -> linkRef(r);
                case ImageRef r -> imageRef(r);
                case MailLink m -> mailLink(m);
                case HtmlBlock b -> htmlBlock(b);
                case HtmlCommentBlock b -> text(b.getChars().normalizeEOL());
                case Footnote f -> footnote(f);
                case TableBlock t -> table(t);
                case TableHead h -> tableSection("thead", h);
                case TableBody b -> tableSection("tbody", b);
                case TableRow r -> {
                    line();
                    raw("<tr>");
                    children(r);
                    raw("</tr>");
                    line();
                }
                case TableCell c -> tableCell(c);
                case TableCaption c -> {
                    line();
                    raw("<caption>");
                    children(c);
                    raw("</caption>");
                    line();
                }
                case DefinitionList d -> {
                    raw("<dl>");
                    line();
                    children(d);
                    line();
                    raw("</dl>");
                }
                case DefinitionTerm t -> definitionTerm(t);
                case DefinitionItem i -> definitionItem(i);
                case Reference r -> { }
                case FootnoteBlock b -> { }
                case TableSeparator s -> { }
                default -> throw new IllegalStateException("unsupported node " + n.getClass().getName());
            }
        }

        private void textNode(Text t) {
            BasedSequence chars = t.getChars();
            if (source != null && chars.getClass() == SubSequence.class && chars.getBase() == source) {
                int from = chars.getStartOffset();
                int to = chars.getEndOffset();
                if (plainText(source, from, to)) {
                    text(source, from, to);
                    return;
                }
            } else if (plainText(chars)) {
                text(chars);
                return;
            }
            text(Escaping.normalizeEOL(chars.unescape()));
        }

        /** Whether text needs neither unescaping nor EOL normalisation. */
        private static boolean plainText(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c == '\\' || c == '&' || c == '\r') return false;
            }
            return true;
        }

        private static boolean plainText(BasedSequence s) {
            return s.indexOf('\\') < 0 && s.indexOf('&') < 0 && s.indexOf('\r') < 0;
        }

        private void inlineTag(String tag, Node n) {
            raw("<");
            raw(tag);
            raw(">");
            children(n);
            raw("</");
            raw(tag);
            raw(">");
        }

        private void paragraph(Paragraph p) {
            if (p.getFirstChildAnyNot(NonRenderingInline.class) == null) return;
            if (p.getParent() instanceof ParagraphItemContainer c && c.isParagraphWrappingDisabled(p, listOptions, doc)) {
                children(p);
            } else {
                line();
                raw("<p>");
                children(p);
                raw("</p>");
                line();
            }
        }

        /** As {@code MarkdownRenderer.HeadingRenderer}. */
        private void heading(Heading h) {
            String id = h.getAnchorRefId();
            boolean hasId = id != null && !id.isEmpty();
            String tag = "h" + h.getLevel();
            raw("<");
            raw(tag);
            if (hasId) attr("id", id);
            raw(">");
            children(h);
            if (hasId && h.getLevel() >= 2) {
                raw("<a class=\"heading-anchor\" href=\"#" + id + ANCHOR_TAIL);
            }
            raw("</");
            raw(tag);
            raw(">");
            line();
        }

        private void code(Code c) {
            raw("<code>");
            BasedSequence s = c.getText();
            if (needsCollapse(s)) text(Escaping.collapseWhitespace(s, true));
            else text(s);
            raw("</code>");
        }

        private static boolean needsCollapse(CharSequence s) {
            int n = s.length();
            if (n == 0) return false;
            if (s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') return true;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c == '\t' || c == '\n' || c == '\r' || c == ' ' && s.charAt(i - 1) == ' ') return true;
            }
            return false;
        }

        private void typographicQuotes(TypographicQuotes q) {
            String open = q.getTypographicOpening();
            String close = q.getTypographicClosing();
            if (open != null && !open.isEmpty()) raw(open);
            children(q);
            if (close != null && !close.isEmpty()) raw(close);
        }

        private boolean suppressed(CharSequence url) {
            return html.suppressedLinks != null && html.suppressedLinks.matcher(url).matches();
        }

        private void linkAttrs(String href, String title) {
            attr("href", href);
            if (title != null) attr("title", title);
            if (ExternalLinks.isExternal(href)) attr("rel", "noreferrer noopener");
        }

        private void link(Link l) {
            if (suppressed(l.getUrl())) {
                children(l);
                return;
            }
            String url = l.getUrl().unescape();
            raw("<a");
            linkAttrs(url, l.getTitle().isNotNull() ? l.getTitle().unescape() : null);
            raw(">");
            children(l);
            raw("</a>");
        }

        private void autoLink(AutoLink a) {
            String text = a.getText().toString();
            if (suppressed(a.getUrl())) {
                text(text);
                return;
            }
            String url = text.startsWith("www.") ? html.autolinkWwwPrefix + text : text;
            raw("<a");
            linkAttrs(url, null);
            raw(">");
            text(text);
            raw("</a>");
        }

        private void mailLink(MailLink m) {
            String text = m.getText().unescape();
            if (suppressed(m.getUrl())) {
                text(text);
                return;
            }
            raw("<a");
            linkAttrs("mailto:" + text, null);
            raw(">");
            text(text);
            raw("</a>");
        }

        private void image(Image i) {
            if (suppressed(i.getUrl())) return;
            String alt = new TextCollectingVisitor().collectAndGetText(i);
            String url = i.getUrl().unescape();
            if (!i.getUrlContent().isEmpty()) {
                url += Escaping.percentEncodeUrl(i.getUrlContent()).replace("+", "%2B").replace("%3D", "=")
                        .replace("%26", "&amp;");
            }
            raw("<img");
            attr("src", url);
            attr("alt", alt);
            if (i.getTitle().isNotNull()) attr("title", i.getTitle().unescape());
            raw(" />");
        }

        private void linkRef(LinkRef r) {
            if (!r.isDefined()) {
                if (!r.hasChildren()) {
                    text(r.getChars().unescape());
                } else {
                    text(r.getChars().prefixOf(r.getChildChars()).unescape());
                    children(r);
                    text(r.getChars().suffixOf(r.getChildChars()).unescape());
                }
                return;
            }
            Reference reference = r.getReferenceNode(references);
            String url = reference.getUrl().unescape();
            if (suppressed(url)) {
                children(r);
                return;
            }
            raw("<a");
            linkAttrs(url, reference.getTitle().isNotNull() ? reference.getTitle().unescape() : null);
            raw(">");
            children(r);
            raw("</a>");
        }

        private void imageRef(ImageRef r) {
            if (!r.isDefined()) {
                text(r.getChars().unescape());
                return;
            }
            Reference reference = r.getReferenceNode(references);
            String url = reference.getUrl().unescape();
            if (suppressed(url)) return;
            String alt = new TextCollectingVisitor().collectAndGetText(r);
            raw("<img");
            attr("src", url);
            attr("alt", alt);
            if (reference.getTitle().isNotNull()) attr("title", reference.getTitle().unescape());
            raw(" />");
        }

        private void list(String tag, Node l, OrderedList ordered) {
            line();
            raw("<");
            raw(tag);
            if (ordered != null && listOptions.isOrderedListManualStart() && ordered.getStartNumber() != 1) {
                attr("start", String.valueOf(ordered.getStartNumber()));
            }
            raw(">");
            line();
            children(l);
            line();
            raw("</");
            raw(tag);
            raw(">");
            line();
        }

        private void listItem(ListItem i) {
            line();
            raw("<li>");
            text(i.getMarkerSuffix().unescape());
            children(i);
            raw("</li>");
            line();
        }

        private void blockQuote(BlockQuote q) {
            line();
            raw("<blockquote>");
            line();
            children(q);
            line();
            line();
            raw("</blockquote>");
            line();
        }

        private void fencedCode(FencedCodeBlock f) {
            line();
            raw("<pre>");
            pre++;
            raw("<code");
            BasedSequence info = f.getInfo();
            if (info.isNotNull() && !info.isBlank()) {
                String language = f.getInfoDelimitedByAny(html.languageDelimiterSet).unescape();
                attr("class", html.languageClassMap.getOrDefault(language, html.languageClassPrefix + language));
            } else {
                String noLanguageClass = html.noLanguageClass.trim();
                if (!noLanguageClass.isEmpty()) attr("class", noLanguageClass);
            }
            raw(">");
            text(f.getContentChars().normalizeEOL());
            raw("</code>");
            raw("</pre>");
            pre--;
            line();
        }

        private void indentedCode(IndentedCodeBlock c) {
            line();
            raw("<pre>");
            pre++;
            raw("<code");
            String noLanguageClass = html.noLanguageClass.trim();
            if (!noLanguageClass.isEmpty()) attr("class", noLanguageClass);
            raw(">");
            text(c.getContentChars().trimTailBlankLines().normalizeEndWithEOL());
            raw("</code>");
            raw("</pre>");
            pre--;
            line();
        }

        private void htmlBlock(HtmlBlock b) {
            line();
            String s = b.getContentChars().normalizeEOL();
            if (!s.isEmpty() && s.charAt(s.length() - 1) == '\n') s = s.substring(0, s.length() - 1);
            raw("<p>");
            text(s);
            raw("</p>");
            line();
        }

        private void footnote(Footnote f) {
            FootnoteBlock block = f.getFootnoteBlock();
            if (block == null) {
                raw("[^");
                children(f);
                raw("]");
                return;
            }
            int ordinal = block.getFootnoteOrdinal();
            int i = f.getReferenceOrdinal();
            raw("<sup");
            attr("id", "fnref-" + ordinal + (i == 0 ? "" : String.format(Locale.US, "-%d", i)));
            raw("><a");
            if (!footnoteLinkRefClass.isEmpty()) attr("class", footnoteLinkRefClass);
            attr("href", "#fn-" + ordinal);
            raw(">");
            raw(footnoteRefPrefix + ordinal + footnoteRefSuffix);
            raw("</a></sup>");
        }

        private void footnotesSection(FootnoteRepository footnotes) {
            line();
            raw("<div class=\"footnotes\">");
            line();
            line();
            raw("<hr />");
            line();
            line();
            raw("<ol>");
            line();
            List<FootnoteBlock> blocks = footnotes.getReferencedFootnoteBlocks();
            for (FootnoteBlock block : blocks) {
                int ordinal = block.getFootnoteOrdinal();
                line();
                raw("<li");
                attr("id", "fn-" + ordinal);
                raw(">");
                line();
                children(block);
                int refs = block.getFootnoteReferences();
                for (int i = 0; i < refs; i++) {
                    line();
                    raw("<a");
                    attr("href", "#fnref-" + ordinal + (i == 0 ? "" : String.format(Locale.US, "-%d", i)));
                    if (!footnoteBackLinkRefClass.isEmpty()) attr("class", footnoteBackLinkRefClass);
                    raw(">");
                    raw(footnoteBackRef);
                    raw("</a>");
                }
                line();
                raw("</li>");
                line();
            }
            line();
            raw("</ol>");
            line();
            line();
            raw("</div>");
            line();
        }

        private void table(TableBlock t) {
            line();
            raw("<table");
            if (!tableClass.isEmpty()) attr("class", tableClass);
            attr("tabindex", "0");
            raw(">");
            line();
            children(t);
            line();
            line();
            raw("</table>");
            line();
            line();
        }

        private void tableSection(String tag, Node n) {
            line();
            raw("<");
            raw(tag);
            raw(">");
            children(n);
            raw("</");
            raw(tag);
            raw(">");
            line();
        }

        private void tableCell(TableCell c) {
            String tag = c.isHeader() ? "th" : "td";
            raw("<");
            raw(tag);
            if (c.getAlignment() != null) {
                attr("align", switch (c.getAlignment()) {
                    case LEFT -> "left";
                    case CENTER -> "center";
                    case RIGHT -> "right";
                });
            }
            raw(">");
            children(c);
            raw("</");
            raw(tag);
            raw(">");
        }

        private void definitionTerm(DefinitionTerm t) {
            if (t.getFirstChild() == null) return;
            line();
            raw("<dt>");
            text(t.getMarkerSuffix().unescape());
            children(t);
            raw("</dt>");
            line();
        }

        private void definitionItem(DefinitionItem i) {
            if (listOptions.isTightListItem(i)) {
                line();
                raw("<dd>");
                text(i.getMarkerSuffix().unescape());
                children(i);
                raw("</dd>");
                line();
            } else {
                line();
                raw("<dd>");
                line();
                text(i.getMarkerSuffix().unescape());
                children(i);
                line();
                raw("</dd>");
                line();
            }
        }
    }

    /** Length of an entity at {@code i} ({@code &name;}, {@code &#9;}, {@code &#x9;}) as Flexmark's pattern has it; 0 if none. */
    static int entityLength(CharSequence s, int i) {
        int n = s.length();
        int j = i + 1;
        if (j >= n) return 0;
        char c = s.charAt(j);
        if (c == '#') {
            j++;
            if (j < n && (s.charAt(j) == 'x' || s.charAt(j) == 'X')) {
                int k = j + 1;
                int start = k;
                while (k < n && k - start < 8 && isHex(s.charAt(k))) k++;
                if (k > start && k < n && s.charAt(k) == ';') return k + 1 - i;
                // fall through: "&#x" may not be decimal either
                return 0;
            }
            int start = j;
            while (j < n && j - start < 8 && isDigit(s.charAt(j))) j++;
            if (j > start && j < n && s.charAt(j) == ';') return j + 1 - i;
            return 0;
        }
        if (!isAsciiLetter(c)) return 0;
        int start = j + 1;
        int k = start;
        while (k < n && k - start < 31 && (isAsciiLetter(s.charAt(k)) || isDigit(s.charAt(k)))) k++;
        if (k > start && k < n && s.charAt(k) == ';') return k + 1 - i;
        return 0;
    }

    private static boolean isHex(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
