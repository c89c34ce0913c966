/**
 * Test support every service's tests share (published as common's test-jar): an HTTP client, token minting, the
 * database fixture and the local OCI registry.
 */
package io.pluginplatform.common.testsupport;
