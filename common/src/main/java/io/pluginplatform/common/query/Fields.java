package io.pluginplatform.common.query;

/**
 * The keys a condition or stage may refer to at some point of a query: the resource's catalogue, or the names the
 * previous stages of a stat pipeline produced.
 */
interface Fields {

    /**
     * The stored name and type of {@code key}.
     *
     * @param where the position in the request, for the error ({@code query.filter[0].key})
     * @throws io.pluginplatform.common.error.PlatformException 400 when the key is unsafe or not queryable
     */
    ResolvedField resolve(String key, String where);

    /** A key resolved against {@link Fields}: the name to use in MongoDB and the type values are converted to. */
    record ResolvedField(String storedName, FieldType type) {}
}
