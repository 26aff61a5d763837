/** The one place stages hand per-item work to the build's fork-join pool, and how failures on other threads come back. */
package dev.peerhub.concurrent;
