/**
 * The only stage that writes: {@link dev.peerhub.output.OutputFile} values go into a staging
 * folder beside the output folder, which is swapped in only when the whole build succeeded.
 * Everything in this package is non-null unless documented otherwise.
 */
package dev.peerhub.output;
