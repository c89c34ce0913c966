/** Authentication and scoping: JWT verification, roles, the permission table and the caller's domain. */
package io.pluginplatform.common.auth;
