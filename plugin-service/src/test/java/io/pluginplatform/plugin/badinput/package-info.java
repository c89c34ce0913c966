/** Quality bar R8 for plugin-service: a corpus of malformed requests, each a 4xx problem, none of them a write. */
package io.pluginplatform.plugin.badinput;
