/** Web plumbing shared by the services: JSON settings, request ids, body limits and problem details. */
package io.pluginplatform.common.web;
