/**
 * Safe YAML reading for {@code site.yml} and front matter: SnakeYAML composes a node tree (it never
 * constructs Java objects), aliases and size are bounded, and {@link dev.peerhub.yaml.YamlMap} reads
 * typed values, reporting each wrong type or unknown key with its line and column.
 * Everything in this package is non-null unless documented otherwise.
 */
package dev.peerhub.yaml;
