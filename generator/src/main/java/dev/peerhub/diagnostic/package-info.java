/**
 * Problems found in a writer's input, as values: {@link dev.peerhub.diagnostic.Diagnostic} with a
 * {@link dev.peerhub.diagnostic.SourcePosition}, collected by {@link dev.peerhub.diagnostic.Diagnostics}
 * and reported together. Everything in this package is non-null unless documented otherwise.
 */
package dev.peerhub.diagnostic;
