package dev.peerhub.markdown;

import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.typographic.TypographicExtension;
import com.vladsch.flexmark.ext.typographic.TypographicQuotes;
import com.vladsch.flexmark.ext.typographic.TypographicSmarts;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.DoNotCollectText;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import dev.peerhub.content.Article;
import dev.peerhub.diagnostic.SourcePosition;
import dev.peerhub.search.SearchDocument;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Renders Markdown bodies with Flexmark. One instance serves all threads: Flexmark's parser and
 * renderer are immutable once built, and every call works on its own document.
 */
public final class MarkdownRenderer {

    private final DataHolder options;
    private final Parser parser;
    /**
     * The same parser without the tables extension, for bodies with no {@code |}: the extension only adds a
     * paragraph pre-processor that leaves a paragraph whose first line has no {@code |} untouched, so both
     * parsers give such a body the same tree; this one skips the pre-processor's cost on every paragraph.
     */
    private final Parser parserWithoutTables;
    private final HtmlRenderer renderer;
    private final FastHtml fastHtml; // byte-identical to renderer, falls back to it (see FastHtml)

    public MarkdownRenderer() {
        MutableDataSet options = options(true);
        this.options = options.toImmutable();
        this.parser = LinkLabels.parser(options);
        this.parserWithoutTables = LinkLabels.parser(options(false));
        this.renderer = HtmlRenderer.builder(options).attributeProviderFactory(new ExternalLinks.Factory()).build();
        this.fastHtml = new FastHtml(options, renderer);
    }

    private static MutableDataSet options(boolean tables) {
        MutableDataSet options = new MutableDataSet();
        List<com.vladsch.flexmark.util.misc.Extension> extensions = new ArrayList<>(List.of(TablesExtension.create(),
                FootnoteExtension.create(), StrikethroughExtension.create(), TypographicExtension.create(),
                DefinitionExtension.create(), new HeadingAnchors()));
        if (!tables) extensions.removeFirst();
        options.set(Parser.EXTENSIONS, extensions);
        options.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        options.set(HtmlRenderer.RENDER_HEADER_ID, false);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true);
        options.set(HtmlRenderer.HEADER_ID_GENERATOR_TO_DASH_CHARS, " -_");
        options.set(HtmlRenderer.ESCAPE_HTML, true);
        options.set(HtmlRenderer.SOFT_BREAK, "\n");
        options.set(TablesExtension.COLUMN_SPANS, false);
        options.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        options.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        options.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        options.set(FootnoteExtension.FOOTNOTE_BACK_LINK_REF_CLASS, "footnote-back");
        options.set(FootnoteExtension.FOOTNOTE_BACK_REF_STRING, "\u21a9\ufe0e");
        return options;
    }

    /**
     * Renders an article's body.
     *
     * @param article the article (for positions and the source path)
     * @param body    its Markdown body ({@link dev.peerhub.content.MarkdownBody#of})
     * @param targets how to rewrite links to other content files
     */
    public RenderedArticle render(Article article, String body, LinkTargets targets) {
        return DeepStack.run(() -> rendered(article, analyse(article, body, targets, parse(body))));
    }

    /** {@link #render} through Flexmark's parser, whatever the body (the tests compare the two). */
    RenderedArticle renderWithFlexmark(Article article, String body, LinkTargets targets) {
        return rendered(article, analyse(article, body, targets, flexmarkParse(body)));
    }

    private RenderedArticle rendered(Article article, Analysed a) {
        String html = fastHtml.render(a.doc());
        return new RenderedArticle(article, html, a.toc(), passages(a.doc()), a.links(), a.anchors());
    }

    /**
     * Whether {@link #render} tries {@link QuickParse} before Flexmark's parser: always, unless the system
     * property {@code peerhub.quickparse} is {@code false} (to compare a build's output with and without it).
     */
    private static final boolean QUICK_PARSE = !"false".equals(System.getProperty("peerhub.quickparse"));

    /**
     * The body's tree: {@link QuickParse}'s for a body in its subset (the tree Flexmark's parser builds, in a
     * fraction of the time), else Flexmark's.
     */
    Document parse(String body) {
        Parser parser = parserFor(body);
        if (QUICK_PARSE) {
            Document doc = QuickParse.parse(body, parser.getOptions());
            if (doc != null) return doc;
        }
        return parser.parse(body);
    }

    /** Flexmark's tree of {@code body}, from the parser picked for it ({@link #parserFor}). */
    private Document flexmarkParse(String body) {
        return parserFor(body).parse(body);
    }

    /**
     * What {@code peerhub check} needs of an article's body, without the cost of HTML: the same parse, links,
     * anchors and table of contents as {@link #render}, with the HTML left empty and no search passages.
     * Everything the link checker reads is identical to what {@code render} gives for the same body.
     *
     * @param article the article (for positions and the source path)
     * @param body    its Markdown body ({@link dev.peerhub.content.MarkdownBody#of})
     * @param targets how to resolve links to other content files
     */
    public RenderedArticle inspect(Article article, String body, LinkTargets targets) {
        Optional<QuickScan.Scan> quick = QuickScan.scan(body);
        if (quick.isPresent()) return fromScan(article, body, targets, quick.get());
        return DeepStack.run(() -> inspectWithFlexmark(article, body, targets));
    }

    /** {@link #inspect} through Flexmark's parser, whatever the body (the tests compare the two). */
    RenderedArticle inspectWithFlexmark(Article article, String body, LinkTargets targets) {
        Analysed a = analyse(article, body, targets, flexmarkParse(body));
        return new RenderedArticle(article, "", a.toc(), List.of(), a.links(), a.anchors());
    }

    /**
     * What {@link #analyse} finds, from a body {@link QuickScan} could read: the links resolved the same way,
     * and the headings given their ids by Flexmark's own id generator, over a document holding just them.
     */
    private RenderedArticle fromScan(Article article, String body, LinkTargets targets, QuickScan.Scan scan) {
        LineIndex lines = new LineIndex(body);
        String dir = directoryOf(article);
        List<FoundLink> links = new ArrayList<>();
        for (QuickScan.ScannedLink l : scan.links()) {
            found(links, lines.position(article, l.offset()), l.raw(), l.image(), l.image() ? l.text() : null, dir, targets);
        }
        Document doc = new Document(options, BasedSequence.of(body));
        List<Heading> headings = new ArrayList<>();
        for (QuickScan.ScannedHeading sh : scan.headings()) {
            Heading h = new Heading();
            h.setLevel(sh.level());
            BasedSequence text = BasedSequence.of(sh.text());
            h.setText(text);
            h.appendChild(new Text(text));
            doc.appendChild(h);
            headings.add(h);
        }
        new HeaderIdGenerator.Factory().create().generateIds(doc);
        Set<String> anchors = new HashSet<>();
        for (Heading h : headings) {
            if (h.getAnchorRefId() != null && !h.getAnchorRefId().isEmpty()) anchors.add(h.getAnchorRefId());
        }
        return new RenderedArticle(article, "", toc(headings), List.of(), links, anchors);
    }

    /** The parser without tables where no line can be a table row (a fifth of the build's parse time saved). */
    private Parser parserFor(String body) {
        return body.indexOf('|') < 0 ? parserWithoutTables : parser;
    }

    private record Analysed(Document doc, List<TocEntry> toc, List<FoundLink> links, Set<String> anchors) {}

    /** Resolves and rewrites the links of {@code body}'s tree and gives headings their ids: everything before HTML. */
    private static Analysed analyse(Article article, String body, LinkTargets targets, Document doc) {
        // text nodes hold contiguous ranges of the body, so none holds "http" when the body does not
        if (body.contains("http")) BareLinks.link(doc);
        LineIndex lines = new LineIndex(body);
        List<FoundLink> links = new ArrayList<>();
        rewriteLinks(doc, article, lines, targets, links);

        HeaderIdGenerator ids = new HeaderIdGenerator.Factory().create();
        ids.generateIds(doc);
        Set<String> anchors = new HashSet<>();
        List<Heading> headings = new ArrayList<>();
        for (Node n : doc.getDescendants()) {
            if (n instanceof Heading h) {
                headings.add(h);
                if (h.getAnchorRefId() != null && !h.getAnchorRefId().isEmpty()) anchors.add(h.getAnchorRefId());
            } else if (n instanceof FootnoteBlock fb) {
                anchors.add("fn-" + fb.getFootnoteOrdinal());
            } else if (n instanceof Footnote f) {
                anchors.add("fnref-" + f.getReferenceOrdinal());
            }
        }
        return new Analysed(doc, toc(headings), links, anchors);
    }

    /** Renders a short text (footer, notes) as inline HTML without the wrapping paragraph. */
    public String renderInline(String markdown) {
        Document doc = parser.parse(markdown);
        BareLinks.link(doc);
        String html = fastHtml.render(doc).strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
            html = html.substring(3, html.length() - 4);
        }
        return html;
    }

    private static List<TocEntry> toc(List<Heading> headings) {
        List<TocEntry> top = new ArrayList<>();
        List<TocEntry> children = null;
        String parentId = null;
        String parentText = null;
        for (Heading h : headings) {
            if (h.getLevel() < 2 || h.getLevel() > 3 || h.getAnchorRefId() == null) continue;
            String text = collectText(h);
            if (h.getLevel() == 2) {
                if (parentId != null) top.add(new TocEntry(2, parentId, parentText, children));
                parentId = h.getAnchorRefId();
                parentText = text;
                children = new ArrayList<>();
            } else if (children != null) {
                children.add(new TocEntry(3, h.getAnchorRefId(), text, List.of()));
            } else {
                top.add(new TocEntry(3, h.getAnchorRefId(), text, List.of()));
            }
        }
        if (parentId != null) top.add(new TocEntry(2, parentId, parentText, children));
        return top;
    }

    private static List<SearchDocument.Passage> passages(Document doc) {
        List<SearchDocument.Passage> result = new ArrayList<>();
        String anchor = "";
        String heading = "";
        StringBuilder text = new StringBuilder();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() <= 3) {
                if (!text.isEmpty() || !heading.isEmpty()) {
                    result.add(new SearchDocument.Passage(anchor, heading, text.toString().strip()));
                }
                anchor = h.getAnchorRefId() == null ? "" : h.getAnchorRefId();
                heading = collectText(h);
                text.setLength(0);
            } else {
                String t = collectText(n);
                if (!t.isEmpty()) {
                    if (!text.isEmpty()) text.append('\n');
                    text.append(t);
                }
            }
        }
        if (!text.isEmpty() || !heading.isEmpty() || result.isEmpty()) {
            result.add(new SearchDocument.Passage(anchor, heading, text.toString().strip()));
        }
        return result;
    }

    /**
     * The plain text of {@code n}, stripped: the text of the passages (the search index's body and the
     * excerpts) and of the table of contents. The rules are those of Flexmark's (deprecated)
     * {@code flexmark.ast.util.TextCollectingVisitor}, used before, with one change: typographic quotes,
     * apostrophes, dashes and ellipses give the characters the writer typed. The visitor dropped them, so
     * the index had "dont" for "don't" and "23" for "2--3", and excerpts showed them so. (The visitor of
     * {@code flexmark-util-ast} keeps them, but trips its own assertions on some of our pages.)
     * <ul>
     *   <li>a paragraph: a blank line before it unless nothing was collected yet, then its children;</li>
     *   <li>text, soft line breaks and {@code TextBase}: their characters (text only outside nodes marked
     *       {@code DoNotCollectText}); a hard line break: its last character; an entity: what it stands for;</li>
     *   <li>a typographic replacement: its source characters; typographic quotes: the source quote marks
     *       around their children;</li>
     *   <li>anything else: its children.</li>
     * </ul>
     * A paragraph or heading at the top level whose children are only text and soft line breaks (most of
     * them) is cut from the source string in one piece per child.
     */
    static String collectText(Node n) {
        String plain = plainText(n);
        if (plain != null) return plain.strip();
        StringBuilder out = new StringBuilder();
        collect(n, out);
        return out.toString().strip();
    }

    private static void collect(Node n, StringBuilder out) {
        Class<?> c = n.getClass(); // by exact class, as the visitor's handlers
        if (c == Text.class) {
            if (!n.isOrDescendantOfType(DoNotCollectText.class)) out.append(n.getChars());
        } else if (c == TextBase.class || c == SoftLineBreak.class || c == TypographicSmarts.class) {
            out.append(n.getChars());
        } else if (c == HardLineBreak.class) {
            BasedSequence chars = n.getChars();
            out.append(chars, chars.length() - 1, chars.length());
        } else if (c == HtmlEntity.class) {
            out.append(n.getChars().unescape());
        } else if (c == Paragraph.class) {
            if (n.isOrDescendantOfType(DoNotCollectText.class)) return;
            if (!out.isEmpty()) out.append("\n\n");
            for (Node k = n.getFirstChild(); k != null; k = k.getNext()) collect(k, out);
        } else if (c == TypographicQuotes.class) {
            TypographicQuotes q = (TypographicQuotes) n;
            out.append(q.getOpeningMarker());
            for (Node k = n.getFirstChild(); k != null; k = k.getNext()) collect(k, out);
            out.append(q.getClosingMarker());
        } else {
            for (Node k = n.getFirstChild(); k != null; k = k.getNext()) collect(k, out);
        }
    }

    private static String plainText(Node n) {
        if (!(n instanceof Paragraph || n instanceof Heading) || !(n.getParent() instanceof Document)) return null;
        if (!(n.getChars().getBase() instanceof String base)) return null;
        Node first = n.getFirstChild();
        if (first == null) return null;
        StringBuilder sb = null;
        String only = null;
        for (Node c = first; c != null; c = c.getNext()) {
            if ((c.getClass() != Text.class && c.getClass() != SoftLineBreak.class) || c.getFirstChild() != null) return null;
            int start = c.getStartOffset();
            int end = c.getEndOffset();
            // Only characters that are one stretch of the source, as parsed (no inserted or skipped ones).
            if (c.getChars().length() != end - start || end > base.length()) return null;
            if (only == null && sb == null) {
                only = base.substring(start, end);
            } else {
                if (sb == null) sb = new StringBuilder(only);
                sb.append(base, start, end);
            }
        }
        return sb != null ? sb.toString() : only;
    }

    private static void rewriteLinks(Document doc, Article article, LineIndex lines, LinkTargets targets,
                                     List<FoundLink> found) {
        String dir = directoryOf(article);
        for (Node n : doc.getDescendants()) {
            BasedSequence url;
            boolean image = false;
            String alt = null;
            if (n instanceof Link l) {
                url = l.getUrl();
            } else if (n instanceof Image i) {
                url = i.getUrl();
                image = true;
                alt = i.getText().toString();
            } else if (n instanceof Reference r) {
                url = r.getUrl();
            } else if (n instanceof ImageRef ir) {
                image = true;
                alt = ir.getText().toString();
                SourcePosition at = lines.position(article, n.getStartOffset());
                if (alt.isBlank()) found.add(new FoundLink(at, ir.getReference().toString(), "", "", FoundLink.Kind.IMAGE_WITHOUT_ALT));
                continue;
            } else {
                continue;
            }
            SourcePosition at = lines.position(article, n.getStartOffset());
            Resolution res = found(found, at, url.toString(), image, alt, dir, targets);
            if (res != null && res.rewritten != null) {
                BasedSequence replacement = BasedSequence.of(res.rewritten);
                if (n instanceof Link l) l.setUrl(replacement);
                else if (n instanceof Image i) i.setUrl(replacement);
                else if (n instanceof Reference r) r.setUrl(replacement);
            }
        }
    }

    /**
     * Whether every link of {@code links}, found in {@code article} when it was rendered, resolves as it did
     * against {@code targets} now: then the HTML rendered then (whose link URLs follow those resolutions) is
     * still what rendering the same text would give. {@code serve} reuses such bodies when a page is added or
     * removed instead of rendering every page again.
     */
    public static boolean resolvesAlike(Article article, List<FoundLink> links, LinkTargets targets) {
        String dir = directoryOf(article);
        for (FoundLink l : links) {
            // these two never depend on the site (an image's alternative text; an address of another site)
            if (l.kind() == FoundLink.Kind.IMAGE_WITHOUT_ALT || l.kind() == FoundLink.Kind.REMOTE_IMAGE) continue;
            Resolution now = resolve(l.raw(), dir, targets);
            if (now.kind != l.kind() || !now.path.equals(l.path()) || !now.fragment.equals(l.fragment())) return false;
        }
        return true;
    }

    private static String directoryOf(Article article) {
        return article.sourcePath().contains("/")
                ? article.sourcePath().substring(0, article.sourcePath().lastIndexOf('/') + 1) : "";
    }

    /**
     * Records a link, an image or a reference definition found at {@code at}: its resolution, and for an
     * image without alternative text or with a remote source, that problem. Null when nothing is to be
     * rewritten (a remote image).
     */
    private static Resolution found(List<FoundLink> found, SourcePosition at, String raw, boolean image, String alt,
                                    String dir, LinkTargets targets) {
        if (image && (alt == null || alt.isBlank())) {
            found.add(new FoundLink(at, raw, "", "", FoundLink.Kind.IMAGE_WITHOUT_ALT));
        }
        Resolution res = resolve(raw, dir, targets);
        if (image && res.kind == FoundLink.Kind.EXTERNAL) {
            found.add(new FoundLink(at, raw, "", "", FoundLink.Kind.REMOTE_IMAGE));
            return null;
        }
        found.add(new FoundLink(at, raw, res.path, res.fragment, res.kind));
        return res;
    }

    private record Resolution(FoundLink.Kind kind, String path, String fragment, String rewritten) {}

    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("^[a-z][a-z0-9+.-]*:.*");

    static boolean isExternal(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        return lower.startsWith("//") || SCHEME.matcher(lower).matches();
    }

    private static Resolution resolve(String raw, String dir, LinkTargets targets) {
        if (raw.isEmpty()) {
            return new Resolution(FoundLink.Kind.MISSING_FILE, "", "", null);
        }
        if (isExternal(raw)) {
            return new Resolution(FoundLink.Kind.EXTERNAL, "", "", null);
        }
        int hash = raw.indexOf('#');
        String pathPart = hash < 0 ? raw : raw.substring(0, hash);
        String fragment = hash < 0 ? "" : raw.substring(hash + 1);
        int q = pathPart.indexOf('?');
        if (q >= 0) pathPart = pathPart.substring(0, q);
        if (pathPart.isEmpty()) {
            return new Resolution(FoundLink.Kind.INTERNAL, "", fragment, null);
        }
        String decoded = decode(pathPart);
        if (decoded.startsWith("/")) {
            String sitePath = decoded;
            if (!sitePath.startsWith(targets.basePath())) {
                sitePath = targets.basePath() + sitePath.substring(1);
            }
            String rewritten = sitePath.equals(decoded) ? null : sitePath + (hash < 0 ? "" : "#" + fragment);
            return new Resolution(FoundLink.Kind.INTERNAL, sitePath, fragment, rewritten);
        }
        String contentPath = normalise(dir + decoded);
        if (contentPath == null) {
            return new Resolution(FoundLink.Kind.MISSING_FILE, "", fragment, null);
        }
        if (contentPath.endsWith(".md")) {
            Optional<String> page = targets.pageUrl(contentPath);
            if (page.isEmpty()) {
                return new Resolution(FoundLink.Kind.MISSING_FILE, contentPath, fragment, null);
            }
            return new Resolution(FoundLink.Kind.INTERNAL, page.get(), fragment, page.get() + (hash < 0 ? "" : "#" + fragment));
        }
        Optional<String> file = targets.fileUrl(contentPath);
        if (file.isPresent()) {
            return new Resolution(FoundLink.Kind.INTERNAL, file.get(), fragment, file.get() + (hash < 0 ? "" : "#" + fragment));
        }
        Optional<String> folder = targets.pageUrl(contentPath.endsWith("/") ? contentPath + "_index.md" : contentPath + "/_index.md");
        if (folder.isPresent()) {
            return new Resolution(FoundLink.Kind.INTERNAL, folder.get(), fragment, folder.get() + (hash < 0 ? "" : "#" + fragment));
        }
        return new Resolution(FoundLink.Kind.MISSING_FILE, contentPath, fragment, null);
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) return s; // what the decoding below gives for it (a '+' is kept)
        try {
            return new URI(null, null, s, null).getPath() == null ? s : java.net.URLDecoder.decode(s.replace("+", "%2B"),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (Exception e) {
            return s;
        }
    }

    /** Resolves {@code .} and {@code ..}; null when the path climbs out of the site. */
    static String normalise(String path) {
        List<String> parts = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.remove(parts.size() - 1);
            } else {
                parts.add(seg);
            }
        }
        return String.join("/", parts);
    }

    /** For FastHtml's tests: a body parsed and prepared as {@link #render} does (links not rewritten). */
    Document parseForTest(String markdown) {
        return prepared(parser.parse(markdown));
    }

    /** For the tests: as {@link #parseForTest}, with the parser {@link #render} picks for this body. */
    Document parsePickedForTest(String markdown) {
        return prepared(flexmarkParse(markdown));
    }

    private static Document prepared(Document doc) {
        BareLinks.link(doc);
        new HeaderIdGenerator.Factory().create().generateIds(doc);
        return doc;
    }

    /** For QuickParse's tests: Flexmark's tree of a body, from the parser {@link #render} would use. */
    Document flexmarkParseForTest(String body) {
        return flexmarkParse(body);
    }

    /** For QuickParse's tests: the options {@link #parse} gives {@link QuickParse} for this body. */
    DataHolder quickParseOptionsForTest(String body) {
        return parserFor(body).getOptions();
    }

    /** For FastHtml's tests: Flexmark's renderer and the fast one. */
    HtmlRenderer flexmarkForTest() {
        return renderer;
    }

    FastHtml fastHtmlForTest() {
        return fastHtml;
    }

    /** Renders headings with their id and a visible anchor link after the text. */
    private static final class HeadingAnchors implements HtmlRenderer.HtmlRendererExtension, Parser.ParserExtension {
        @Override
        public void rendererOptions(com.vladsch.flexmark.util.data.MutableDataHolder options) {}

        @Override
        public void extend(HtmlRenderer.Builder builder, String rendererType) {
            builder.nodeRendererFactory(HeadingRenderer::new);
        }

        @Override
        public void parserOptions(com.vladsch.flexmark.util.data.MutableDataHolder options) {}

        @Override
        public void extend(Parser.Builder builder) {}
    }

    private static final class HeadingRenderer implements NodeRenderer {
        HeadingRenderer(DataHolder options) {}

        @Override
        public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
            return Set.of(new NodeRenderingHandler<>(Heading.class, this::render));
        }

        private void render(Heading node, NodeRendererContext context, HtmlWriter html) {
            String id = context.getNodeId(node);
            String tag = "h" + node.getLevel();
            if (id != null && !id.isEmpty()) html.attr("id", id);
            html.withAttr().tag(tag);
            context.renderChildren(node);
            if (id != null && !id.isEmpty() && node.getLevel() >= 2) {
                html.raw("<a class=\"heading-anchor\" href=\"#" + id + "\"><span aria-hidden=\"true\">#</span>"
                        + "<span class=\"visually-hidden\">Link to this section</span></a>");
            }
            html.tag("/" + tag);
            html.line();
        }
    }

    /** Maps offsets in the body to lines and columns of the file (line starts found on first use). */
    private static final class LineIndex {
        private final String text;
        private int[] starts;

        LineIndex(String text) {
            this.text = text;
        }

        SourcePosition position(Article article, int offset) {
            if (starts == null) starts = lineStarts(text);
            int lo = 0, hi = starts.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (starts[mid] <= offset) lo = mid;
                else hi = mid - 1;
            }
            return SourcePosition.of(article.sourcePath(), article.bodyLine() + lo, offset - starts[lo] + 1);
        }

        private static int[] lineStarts(String text) {
            int[] s = new int[64];
            int n = 1; // s[0] = 0: the first line starts the text
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (n == s.length) s = java.util.Arrays.copyOf(s, n * 2);
                s[n++] = i + 1;
            }
            return java.util.Arrays.copyOf(s, n);
        }
    }
}
