/**
 * {@code peerhub serve}: the built site kept in memory, an HTTP server that serves only its files
 * (with ranges and the site's 404 page), a watcher of the site folder, and live reload through
 * server-sent events. Everything in this package is non-null unless documented otherwise.
 */
package dev.peerhub.serve;
