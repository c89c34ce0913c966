/** Cross-cutting wiring of repository-service: clock, secret encryption, OpenAPI. */
package io.pluginplatform.repository.system;
