/**
 * The writer's files: scanning {@code content/}, reading them safely, splitting and typing front
 * matter into {@link dev.peerhub.content.Article} values.
 * Everything in this package is non-null unless documented otherwise.
 */
package dev.peerhub.content;
