/**
 * Markdown to HTML with Flexmark: {@code Article -> RenderedArticle}, with heading ids and anchor
 * links, a table of contents, links to other Markdown files rewritten to page URLs, and the plain text
 * cut into passages for search. Everything in this package is non-null unless documented otherwise.
 */
package dev.peerhub.markdown;
