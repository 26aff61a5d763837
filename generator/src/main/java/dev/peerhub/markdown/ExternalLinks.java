package dev.peerhub.markdown;

import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;
import java.util.Locale;

/**
 * Adds {@code rel="noreferrer noopener"} to links that leave the site (any absolute http(s) or
 * protocol-relative URL), so the destination is not told which page of the hub the reader came from.
 * Also makes tables keyboard-focusable ({@code tabindex="0"}): the theme lets a wide table scroll
 * sideways inside the column, and a scrollable region must be reachable without a mouse (WCAG 2.1.1).
 */
final class ExternalLinks implements AttributeProvider {

    /** Whether a rendered href leads to another origin. */
    static boolean isExternal(String href) {
        String h = href.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("http://") || h.startsWith("https://") || h.startsWith("//");
    }

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if (node instanceof TableBlock && part == AttributablePart.NODE) {
            attributes.replaceValue("tabindex", "0");
            return;
        }
        if (part != AttributablePart.LINK) return;
        var href = attributes.get("href");
        if (href != null && isExternal(href.getValue())) attributes.replaceValue("rel", "noreferrer noopener");
    }

    static final class Factory extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return new ExternalLinks();
        }
    }
}
