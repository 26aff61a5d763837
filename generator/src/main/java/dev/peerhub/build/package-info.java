/**
 * The pipeline that runs the stages in order ({@code site.yml -> SiteConfig}, {@code content -> Article},
 * {@code Article -> Site}, {@code Site -> OutputFile...}), stops between stages on errors, and owns the
 * only thread pool. Everything in this package is non-null unless documented otherwise.
 */
package dev.peerhub.build;
