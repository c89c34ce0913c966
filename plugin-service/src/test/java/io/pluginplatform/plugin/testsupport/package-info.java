/**
 * Test support of plugin-service: the base of its integration tests, over common's shared HTTP client, tokens and
 * database fixture.
 */
package io.pluginplatform.plugin.testsupport;
