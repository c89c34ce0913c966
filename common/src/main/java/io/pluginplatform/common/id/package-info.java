/** Resource identifiers: a resource prefix followed by random lower-case hexadecimal digits. */
package io.pluginplatform.common.id;
