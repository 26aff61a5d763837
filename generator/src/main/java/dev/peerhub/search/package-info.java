/**
 * Search: Lucene indexing at build time, the {@code peerhub search} reference searcher, and the
 * export of the static index that the browser client queries with the same analysis and the same
 * BM25 scores. Everything in this package is non-null unless documented otherwise.
 */
package dev.peerhub.search;
