/** UTC timestamps as the API writes them: ISO-8601 with exactly three fractional digits and a {@code Z}. */
package io.pluginplatform.common.time;
