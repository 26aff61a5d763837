/** The one place stages hand per-item work to the build's fork-join pool. */
package dev.peerhub.concurrent;
