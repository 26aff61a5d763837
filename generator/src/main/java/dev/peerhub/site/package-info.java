/**
 * Assembling the {@link dev.peerhub.site.Site}: each article's URL, sections, tags, ordering,
 * neighbours, and every URL collision found before anything is written.
 * Everything in this package is non-null unless documented otherwise.
 */
package dev.peerhub.site;
