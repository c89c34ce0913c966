/** The one ordering of image tags shared by every registry: versions newest first, other tags after them. */
package io.pluginplatform.common.version;
