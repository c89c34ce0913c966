/** repository-service: the plugin catalogue. The application class; the features live in the packages below. */
package io.pluginplatform.repository;
