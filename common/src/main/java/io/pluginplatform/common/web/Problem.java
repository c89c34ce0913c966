package io.pluginplatform.common.web;

import io.pluginplatform.common.error.FieldViolation;
import java.util.List;

/** The RFC 9457 problem detail every error answers with, plus the reference system's code and the request id. */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        String requestId,
        List<FieldViolation> errors) {}
