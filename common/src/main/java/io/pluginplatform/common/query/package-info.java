/**
 * The query language of list, search and stat methods (api-conventions §4): the wire records, their validation against
 * a resource's {@link io.pluginplatform.common.query.FieldCatalogue}, the translation to Spring Data queries and
 * aggregations, and the runner that executes them with a time limit and maps database errors to platform errors.
 */
package io.pluginplatform.common.query;
