/**
 * Supervisors: the agents' hosts or clusters. Publish (the agent's authenticated heartbeat), the administrative
 * lifecycle (register, update, enable, disable, deregister), reads, and the job that marks silent supervisors
 * disconnected.
 */
package io.pluginplatform.plugin.supervisor;
