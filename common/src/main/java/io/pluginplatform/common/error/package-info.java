/** The error model: one exception type with a code, a status and message arguments, rendered as RFC 9457 problems. */
package io.pluginplatform.common.error;
