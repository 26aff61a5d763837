/**
 * {@code site.yml} read once into a validated {@link dev.peerhub.config.SiteConfig}.
 * Everything in this package is non-null unless documented otherwise.
 */
package dev.peerhub.config;
