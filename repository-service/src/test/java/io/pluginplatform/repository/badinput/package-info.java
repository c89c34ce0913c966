/** The bad-input corpus of quality bar R8: malformed requests over every route, each answered 4xx problem+json. */
package io.pluginplatform.repository.badinput;
