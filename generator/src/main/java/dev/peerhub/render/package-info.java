/**
 * Freemarker rendering: the typed template model (records documented in {@code templates/README.md}),
 * page rendering with template errors as diagnostics, Atom feeds and the sitemap.
 * Everything in this package is non-null unless documented otherwise.
 */
package dev.peerhub.render;
