package io.pluginplatform.plugin.badinput;

import io.pluginplatform.common.testsupport.BadRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import tools.jackson.databind.json.JsonMapper;

/**
 * The R8 corpus of plugin-service, as data: the same malformed bodies (broken JSON, wrong top-level shapes, wrong
 * content types, oversize, invalid UTF-8) over every route that takes a body; wrong types, missing, unknown and
 * out-of-range fields per method; bad path and query parameters; query injection. Every get_plugin_endpoint case is
 * malformed enough to be refused before the catalogue (repository-service, absent here) would be asked.
 */
final class BadInputCorpus {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final String V1 = "/plugin/v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BadInputCorpus() {}

    /** A route that takes a JSON body; {@code optionalBody} routes accept no body at all. */
    private record BodyRoute(String name, String method, String path, String token, boolean optionalBody) {

        BadRequest request(String what, String json) {
            return BadRequest.of(name + ": " + what, method, path, token, json);
        }
    }

    static List<BadRequest> all(Target target) {
        List<BadRequest> cases = new ArrayList<>();
        cases.addAll(malformedBodies(bodyRoutes(target)));
        cases.addAll(publish(target));
        cases.addAll(administration(target));
        cases.addAll(reads(target));
        cases.addAll(endpoints(target));
        cases.addAll(queryParameters(target));
        cases.addAll(queries(target));
        cases.addAll(transport(target));
        cases.addAll(oddPaths(target));
        return cases;
    }

    private static List<BodyRoute> bodyRoutes(Target t) {
        String sid = t.supervisorId();
        String pid = t.pluginId();
        return List.of(
                new BodyRoute("publish (resource style)", "POST", V1 + "/supervisors", t.agent(), false),
                new BodyRoute("publish (verb style)", "POST", V1 + "/supervisor/publish", t.agent(), false),
                new BodyRoute(
                        "register (resource style)", "POST", V1 + "/supervisor/" + sid + "/register", t.admin(), false),
                new BodyRoute("register (verb style)", "POST", V1 + "/supervisor/register", t.admin(), false),
                new BodyRoute("update (resource style)", "PUT", V1 + "/supervisor/" + sid, t.admin(), false),
                new BodyRoute("update (verb style)", "POST", V1 + "/supervisor/update", t.admin(), false),
                new BodyRoute("deregister (verb style)", "POST", V1 + "/supervisor/deregister", t.admin(), false),
                new BodyRoute("enable (resource style)", "PUT", V1 + "/supervisor/" + sid + "/enable", t.admin(), true),
                new BodyRoute("enable (verb style)", "POST", V1 + "/supervisor/enable", t.admin(), false),
                new BodyRoute(
                        "disable (resource style)", "PUT", V1 + "/supervisor/" + sid + "/disable", t.admin(), true),
                new BodyRoute("disable (verb style)", "POST", V1 + "/supervisor/disable", t.admin(), false),
                new BodyRoute(
                        "recover_plugin (resource style)",
                        "POST",
                        V1 + "/supervisor/" + sid + "/plugin/" + pid + "/recover",
                        t.admin(),
                        false),
                new BodyRoute(
                        "recover_plugin (verb style)", "POST", V1 + "/supervisor/recover-plugin", t.admin(), false),
                new BodyRoute("get (verb style)", "POST", V1 + "/supervisor/get", t.member(), false),
                new BodyRoute("list (search)", "POST", V1 + "/supervisors/search", t.member(), false),
                new BodyRoute("list (verb style)", "POST", V1 + "/supervisor/list", t.member(), false),
                new BodyRoute("stat (resource style)", "POST", V1 + "/supervisors/stat", t.member(), false),
                new BodyRoute("stat (verb style)", "POST", V1 + "/supervisor/stat", t.member(), false),
                new BodyRoute(
                        "list_plugins (search)",
                        "POST",
                        V1 + "/supervisor/" + sid + "/plugins/search",
                        t.member(),
                        false),
                new BodyRoute("list_plugins (verb style)", "POST", V1 + "/supervisor/list-plugins", t.member(), false),
                new BodyRoute(
                        "notify_failure (resource style)",
                        "PUT",
                        V1 + "/plugin/" + pid + "/notify-failure",
                        t.member(),
                        false),
                new BodyRoute("notify_failure (verb style)", "POST", V1 + "/plugin/notify-failure", t.member(), false),
                new BodyRoute(
                        "get_plugin_endpoint (resource style)",
                        "POST",
                        V1 + "/plugin/" + pid + "/get-endpoint",
                        t.member(),
                        true),
                new BodyRoute(
                        "get_plugin_endpoint (verb style)", "POST", V1 + "/plugin/get-endpoint", t.member(), false),
                new BodyRoute(
                        "get_plugin_endpoint (alias)", "POST", V1 + "/plugin/get-plugin-endpoint", t.member(), false));
    }

    private static List<BadRequest> malformedBodies(List<BodyRoute> routes) {
        List<BadRequest> cases = new ArrayList<>();
        for (BodyRoute route : routes) {
            cases.add(route.request("truncated JSON", "{\"supervisor_id\": \"x").expect(400));
            cases.add(route.request("trailing garbage", "{} {}").expect(400));
            cases.add(route.request("a list instead of an object", "[]").expect(400));
            cases.add(route.request("a bare string", "\"supervisor\"").expect(400));
            cases.add(route.request("a bare number", "42").expect(400));
            cases.add(route.request("unknown top-level field", "{\"unexpected_field\": 1}")
                    .expect(400, "ERROR_INVALID_PARAMETER")
                    .mentioning("unexpected_field"));
            cases.add(route.request("unknown top-level field named with a $", "{\"$where\": \"1\"}")
                    .expect(400, "ERROR_INVALID_PARAMETER"));
            cases.add(route.request("a comment", "/* comment */ {}").expect(400));
            cases.add(route.request("text/plain", "{}")
                    .contentType("text/plain")
                    .expect(415, "ERROR_UNSUPPORTED_MEDIA_TYPE"));
            cases.add(route.request("a body over 1 MiB", oversizedJson()).expect(413, "ERROR_PAYLOAD_TOO_LARGE"));
            cases.add(route.request("invalid UTF-8", null)
                    .body(BadRequest.JSON, invalidUtf8())
                    .expect(400));
            cases.add(route.request("objects nested 5000 levels deep", "{\"tags\": " + nested(5000) + "}")
                    .expect(400));
            if (!route.optionalBody()) {
                cases.add(route.request("the JSON literal null", "null").expect(400));
                cases.add(route.request("an empty body", "").expect(400));
                cases.add(route.request("no body and no content type", null).expect(400));
            }
        }
        return cases;
    }

    private static List<BadRequest> publish(Target t) {
        String path = V1 + "/supervisor/publish";
        Body valid = Body.of(
                "name", q("agent " + t.hostname()),
                "hostname", q(t.hostname()),
                "secret_key", q(t.secretKey()),
                "plugin_info", "[]",
                "agent", "{\"version\": \"1.0.0\", \"runtime\": \"docker\"}");
        String plugin = "{\"plugin_id\": " + q(t.pluginId()) + ", \"version\": " + q(t.version()) + "}";
        List<Object[]> bodies = List.of(
                new Object[] {"name missing", valid.without("name"), "name"},
                new Object[] {"name blank", valid.with("name", q("   ")), "name"},
                new Object[] {"name of 256 characters", valid.with("name", q("n".repeat(256))), "name"},
                new Object[] {"name a list", valid.with("name", "[\"a\"]"), "name"},
                new Object[] {"hostname missing", valid.without("hostname"), "hostname"},
                new Object[] {"hostname null", valid.with("hostname", "null"), "hostname"},
                new Object[] {"hostname with spaces", valid.with("hostname", q("host with spaces")), "hostname"},
                new Object[] {"hostname with a slash", valid.with("hostname", q("host/evil")), "hostname"},
                new Object[] {"hostname of 254 characters", valid.with("hostname", q("h".repeat(254))), "hostname"},
                new Object[] {"hostname an object", valid.with("hostname", "{\"$ne\": null}"), "hostname"},
                new Object[] {"hostname a number", valid.with("hostname", "42"), null},
                new Object[] {"secret_key too short", valid.with("secret_key", q("short")), "secret_key"},
                new Object[] {"secret_key of 257 characters", valid.with("secret_key", q("k".repeat(257))), "secret_key"
                },
                new Object[] {"secret_key an object", valid.with("secret_key", "{\"$ne\": null}"), "secret_key"},
                new Object[] {"secret_key a list", valid.with("secret_key", "[\"secret-key\"]"), "secret_key"},
                new Object[] {"the wrong secret_key", valid.with("secret_key", q("not-the-secret-key")), null},
                new Object[] {"plugin_info a string", valid.with("plugin_info", q("plugin")), "plugin_info"},
                new Object[] {"plugin_info a number", valid.with("plugin_info", "7"), "plugin_info"},
                new Object[] {
                    "plugin_info a list of strings", valid.with("plugin_info", "[\"a\", \"b\"]"), "plugin_info"
                },
                new Object[] {
                    "plugin_info with a missing plugin_id",
                    valid.with("plugin_info", "[{\"version\": \"1.0.0\", \"state\": \"ACTIVE\"}]"),
                    "plugin_id"
                },
                new Object[] {
                    "plugin_info as a single object with a missing plugin_id",
                    valid.with("plugin_info", "{\"version\": \"1.0.0\"}"),
                    "plugin_id"
                },
                new Object[] {
                    "plugin_info with a missing version",
                    valid.with("plugin_info", "[{\"plugin_id\": " + q(t.pluginId()) + "}]"),
                    "version"
                },
                new Object[] {
                    "plugin_info with state ON",
                    valid.with("plugin_info", "[" + with(plugin, "state", q("ON")) + "]"),
                    "state"
                },
                new Object[] {
                    "plugin_info with a negative generation",
                    valid.with("plugin_info", "[" + with(plugin, "generation", "-1") + "]"),
                    "generation"
                },
                new Object[] {
                    "plugin_info with a generation that is text",
                    valid.with("plugin_info", "[" + with(plugin, "generation", q("next")) + "]"),
                    "generation"
                },
                new Object[] {
                    "plugin_info with endpoints a string",
                    valid.with("plugin_info", "[" + with(plugin, "endpoints", "{\"a\": 1}") + "]"),
                    "endpoints"
                },
                new Object[] {
                    "plugin_info with an unknown nested field",
                    valid.with("plugin_info", "[" + with(plugin, "unexpected_nested", "1") + "]"),
                    "unexpected_nested"
                },
                new Object[] {
                    "plugin_info with 1001 plugins", valid.with("plugin_info", repeated(plugin, 1001)), "plugin_info"
                },
                new Object[] {"tags a list", valid.with("tags", "[\"a\"]"), "tags"},
                new Object[] {"tags a string", valid.with("tags", q("team")), "tags"},
                new Object[] {"tags with 101 keys", valid.with("tags", objectOfSize("t", 101)), "tags"},
                new Object[] {"tags nested 40 levels deep", valid.with("tags", nested(40)), "tags"},
                new Object[] {"is_public a string", valid.with("is_public", q("yes")), "is_public"},
                new Object[] {"domain_id a number", valid.with("domain_id", "5"), null},
                new Object[] {"domain_id an object", valid.with("domain_id", "{\"$ne\": null}"), "domain_id"},
                new Object[] {"agent a string", valid.with("agent", q("docker")), "agent"},
                new Object[] {"agent with a negative capacity", valid.with("agent", "{\"capacity\": -1}"), "capacity"},
                new Object[] {"agent with capacity text", valid.with("agent", "{\"capacity\": \"many\"}"), "capacity"},
                new Object[] {"agent with labels a list", valid.with("agent", "{\"labels\": [\"a\"]}"), "labels"},
                new Object[] {
                    "agent with an unknown nested field", valid.with("agent", "{\"colour\": \"red\"}"), "colour"
                },
                new Object[] {
                    "agent with plugin_count text", valid.with("agent", "{\"plugin_count\": \"two\"}"), "plugin_count"
                },
                new Object[] {"unknown top-level field", valid.with("secret", q("x")), "secret"});
        List<BadRequest> cases = new ArrayList<>();
        for (Object[] body : bodies) {
            BadRequest request = BadRequest.of("publish: " + body[0], "POST", path, t.agent(), body[1].toString());
            if (body[2] != null) {
                request = request.expect(400).mentioning((String) body[2]);
            }
            cases.add(request);
        }
        return cases;
    }

    private static List<BadRequest> administration(Target t) {
        String sid = t.supervisorId();
        String id = q(sid);
        List<Object[]> fields = List.of(
                new Object[] {"priority 0", "priority", "0"},
                new Object[] {"priority 101", "priority", "101"},
                new Object[] {"priority \"high\"", "priority", q("high")},
                new Object[] {"priority a list", "priority", "[50]"},
                new Object[] {"name empty", "name", q("")},
                new Object[] {"name of 256 characters", "name", q("n".repeat(256))},
                new Object[] {"name an object", "name", "{\"$set\": 1}"},
                new Object[] {"labels a list", "labels", "[\"region\"]"},
                new Object[] {"labels with a number value", "labels", "{\"region\": 1}"},
                new Object[] {"labels with a boolean value", "labels", "{\"region\": true}"},
                new Object[] {"labels with an object value", "labels", "{\"region\": {\"a\": \"b\"}}"},
                new Object[] {"labels with a null value", "labels", "{\"region\": null}"},
                new Object[] {"labels with a key with spaces", "labels", "{\"bad key\": \"x\"}"},
                new Object[] {"labels with a $ key", "labels", "{\"$where\": \"x\"}"},
                new Object[] {"labels with 51 keys", "labels", stringObject("l", 51)},
                new Object[] {"tags a string", "tags", q("x")},
                new Object[] {"tags with 101 keys", "tags", objectOfSize("t", 101)},
                new Object[] {"is_public a string", "is_public", q("yes")},
                new Object[] {"reset_secret_key a number", "reset_secret_key", "7"},
                new Object[] {"unknown field", "admin_state", q("ENABLED")});
        List<BadRequest> cases = new ArrayList<>();
        for (Object[] field : fields) {
            String name = (String) field[1];
            String value = (String) field[2];
            String mention = name.equals("admin_state") ? "admin_state" : name;
            cases.add(BadRequest.of(
                            "update (verb style): " + field[0],
                            "POST",
                            V1 + "/supervisor/update",
                            t.admin(),
                            Body.of("supervisor_id", id, name, value).json())
                    .expect(400)
                    .mentioning(mention));
            cases.add(BadRequest.of(
                            "update (resource style): " + field[0],
                            "PUT",
                            V1 + "/supervisor/" + sid,
                            t.admin(),
                            Body.of(name, value).json())
                    .expect(400));
            cases.add(BadRequest.of(
                    "register (verb style): " + field[0],
                    "POST",
                    V1 + "/supervisor/register",
                    t.admin(),
                    Body.of("supervisor_id", id, name, value).json()));
        }
        cases.add(BadRequest.of(
                        "update (resource style): a body supervisor_id contradicting the path",
                        "PUT",
                        V1 + "/supervisor/" + sid,
                        t.admin(),
                        "{\"supervisor_id\": \"supervisor-000000000000\", \"name\": \"x\"}")
                .expect(400, "ERROR_INVALID_PARAMETER"));
        cases.add(BadRequest.of(
                        "register (resource style): a body supervisor_id contradicting the path",
                        "POST",
                        V1 + "/supervisor/" + sid + "/register",
                        t.admin(),
                        "{\"supervisor_id\": \"supervisor-000000000000\"}")
                .expect(400, "ERROR_INVALID_PARAMETER"));
        cases.add(BadRequest.of(
                        "update (verb style): supervisor_id missing",
                        "POST",
                        V1 + "/supervisor/update",
                        t.admin(),
                        "{\"name\": \"x\"}")
                .expect(400));
        cases.add(BadRequest.of(
                        "update (verb style): a name of 500,000 characters",
                        "POST",
                        V1 + "/supervisor/update",
                        t.admin(),
                        "{\"supervisor_id\": " + id + ", \"name\": \"" + "n".repeat(500_000) + "\"}")
                .expect(400)
                .mentioning("name"));
        for (String verb : List.of("enable", "disable", "deregister")) {
            String path = V1 + "/supervisor/" + verb;
            cases.add(BadRequest.of(verb + " (verb style): supervisor_id missing", "POST", path, t.admin(), "{}")
                    .expect(400)
                    .mentioning("supervisor_id"));
            cases.add(BadRequest.of(
                            verb + " (verb style): supervisor_id blank",
                            "POST",
                            path,
                            t.admin(),
                            "{\"supervisor_id\": \" \"}")
                    .expect(400));
            cases.add(BadRequest.of(
                            verb + " (verb style): supervisor_id a list",
                            "POST",
                            path,
                            t.admin(),
                            "{\"supervisor_id\": [" + id + "]}")
                    .expect(400));
            cases.add(BadRequest.of(
                            verb + " (verb style): supervisor_id an object",
                            "POST",
                            path,
                            t.admin(),
                            "{\"supervisor_id\": {\"$ne\": null}}")
                    .expect(400));
            cases.add(BadRequest.of(
                            verb + " (verb style): force a string",
                            "POST",
                            path,
                            t.admin(),
                            "{\"supervisor_id\": " + id + ", \"force\": \"yes\"}")
                    .expect(400));
        }
        for (String verb : List.of("enable", "disable")) {
            cases.add(BadRequest.of(
                            verb + " (resource style): a body supervisor_id contradicting the path",
                            "PUT",
                            V1 + "/supervisor/" + sid + "/" + verb,
                            t.admin(),
                            "{\"supervisor_id\": \"supervisor-000000000000\"}")
                    .expect(400, "ERROR_INVALID_PARAMETER"));
            cases.add(BadRequest.of(
                            verb + " (resource style): an unknown field",
                            "PUT",
                            V1 + "/supervisor/" + sid + "/" + verb,
                            t.admin(),
                            "{\"state\": \"ENABLED\"}")
                    .expect(400, "ERROR_INVALID_PARAMETER"));
        }
        String recoverVerb = V1 + "/supervisor/recover-plugin";
        String recoverPath = V1 + "/supervisor/" + sid + "/plugin/" + t.pluginId() + "/recover";
        String pid = q(t.pluginId());
        String version = q(t.version());
        cases.add(BadRequest.of(
                        "recover_plugin (verb style): version missing",
                        "POST",
                        recoverVerb,
                        t.admin(),
                        "{\"supervisor_id\": " + id + ", \"plugin_id\": " + pid + "}")
                .expect(400)
                .mentioning("version"));
        cases.add(BadRequest.of(
                        "recover_plugin (verb style): version a number",
                        "POST",
                        recoverVerb,
                        t.admin(),
                        "{\"supervisor_id\": " + id + ", \"plugin_id\": " + pid + ", \"version\": [1]}")
                .expect(400));
        cases.add(BadRequest.of(
                "recover_plugin (verb style): supervisor_id missing",
                "POST",
                recoverVerb,
                t.admin(),
                "{\"plugin_id\": " + pid + ", \"version\": " + version + "}"));
        cases.add(BadRequest.of(
                "recover_plugin (verb style): plugin_id missing",
                "POST",
                recoverVerb,
                t.admin(),
                "{\"supervisor_id\": " + id + ", \"version\": " + version + "}"));
        cases.add(BadRequest.of(
                        "recover_plugin (verb style): generation is not a field",
                        "POST",
                        recoverVerb,
                        t.admin(),
                        "{\"supervisor_id\": " + id + ", \"plugin_id\": " + pid + ", \"version\": " + version
                                + ", \"generation\": 9}")
                .expect(400, "ERROR_INVALID_PARAMETER"));
        cases.add(BadRequest.of(
                        "recover_plugin (resource style): a body plugin_id contradicting the path",
                        "POST",
                        recoverPath,
                        t.admin(),
                        "{\"plugin_id\": \"plugin-other\", \"version\": " + version + "}")
                .expect(400, "ERROR_INVALID_PARAMETER"));
        cases.add(BadRequest.of(
                        "recover_plugin (resource style): a body supervisor_id contradicting the path",
                        "POST",
                        recoverPath,
                        t.admin(),
                        "{\"supervisor_id\": \"supervisor-000000000000\", \"version\": " + version + "}")
                .expect(400, "ERROR_INVALID_PARAMETER"));
        cases.add(BadRequest.of(
                        "recover_plugin (resource style): version empty",
                        "POST",
                        recoverPath,
                        t.admin(),
                        "{\"version\": \"\"}")
                .expect(400));
        return cases;
    }

    private static List<BadRequest> reads(Target t) {
        String id = q(t.supervisorId());
        String get = V1 + "/supervisor/get";
        String list = V1 + "/supervisor/list";
        String plugins = V1 + "/supervisor/list-plugins";
        String m = t.member();
        List<BadRequest> cases = new ArrayList<>();
        cases.add(BadRequest.of("get (verb style): supervisor_id missing", "POST", get, m, "{}")
                .expect(400)
                .mentioning("supervisor_id"));
        cases.add(BadRequest.of("get (verb style): supervisor_id a number", "POST", get, m, "{\"supervisor_id\": [1]}")
                .expect(400));
        cases.add(BadRequest.of(
                        "get (verb style): only a number",
                        "POST",
                        get,
                        m,
                        "{\"supervisor_id\": " + id + ", \"only\": 5}")
                .expect(400));
        cases.add(BadRequest.of(
                        "get (verb style): only $where",
                        "POST",
                        get,
                        m,
                        "{\"supervisor_id\": " + id + ", \"only\": [\"$where\"]}")
                .expect(400));
        cases.add(BadRequest.of(
                        "get (verb style): only the secret hash",
                        "POST",
                        get,
                        m,
                        "{\"supervisor_id\": " + id + ", \"only\": [\"secret_hash\"]}")
                .expect(400));
        cases.add(BadRequest.of("list (verb style): state ON", "POST", list, m, "{\"state\": \"ON\"}")
                .expect(400)
                .mentioning("state"));
        cases.add(BadRequest.of("list (verb style): state lower case", "POST", list, m, "{\"state\": \"enabled\"}")
                .expect(400));
        cases.add(BadRequest.of("list (verb style): is_public a string", "POST", list, m, "{\"is_public\": \"yes\"}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list (verb style): hostname an object", "POST", list, m, "{\"hostname\": {\"$ne\": null}}")
                .expect(400));
        cases.add(BadRequest.of("list (verb style): query a string", "POST", list, m, "{\"query\": \"all\"}")
                .expect(400));
        cases.add(BadRequest.of("list (verb style): query a list", "POST", list, m, "{\"query\": []}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list (verb style): page limit abc",
                        "POST",
                        list,
                        m,
                        "{\"query\": {\"page\": {\"limit\": \"abc\"}}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list (verb style): page limit over the maximum",
                        "POST",
                        list,
                        m,
                        "{\"query\": {\"page\": {\"limit\": 100000}}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list (verb style): negative page start",
                        "POST",
                        list,
                        m,
                        "{\"query\": {\"page\": {\"start\": -5}}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list (verb style): filter an object",
                        "POST",
                        list,
                        m,
                        "{\"query\": {\"filter\": {\"k\": \"name\"}}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list (verb style): a condition without a key",
                        "POST",
                        list,
                        m,
                        "{\"query\": {\"filter\": [{\"v\": \"x\", \"o\": \"eq\"}]}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list (verb style): an unknown field in the query",
                        "POST",
                        list,
                        m,
                        "{\"query\": {\"filters\": []}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list (verb style): an unknown field in a condition",
                        "POST",
                        list,
                        m,
                        "{\"query\": {\"filter\": [{\"k\": \"name\", \"v\": \"x\", \"o\": \"eq\", \"x\": 1}]}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list (verb style): count_only a string",
                        "POST",
                        list,
                        m,
                        "{\"query\": {\"count_only\": \"yes\"}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list (verb style): an in operator with a scalar",
                        "POST",
                        list,
                        m,
                        "{\"query\": {\"filter\": [{\"k\": \"name\", \"v\": \"x\", \"o\": \"in\"}]}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list (verb style): exists with a string",
                        "POST",
                        list,
                        m,
                        "{\"query\": {\"filter\": [{\"k\": \"name\", \"v\": \"yes\", \"o\": \"exists\"}]}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list (verb style): a bad timediff",
                        "POST",
                        list,
                        m,
                        "{\"query\": {\"filter\": [{\"k\": \"created_at\", \"v\": \"yesterday\", \"o\": \"timediff_gt\"}]}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list (verb style): a bad datetime",
                        "POST",
                        list,
                        m,
                        "{\"query\": {\"filter\": [{\"k\": \"created_at\", \"v\": \"2024-13-45\", \"o\": \"datetime_gt\"}]}}")
                .expect(400));
        cases.add(BadRequest.of("stat (verb style): query missing", "POST", V1 + "/supervisor/stat", m, "{}")
                .expect(400)
                .mentioning("query"));
        cases.add(BadRequest.of(
                        "stat (resource style): neither aggregate nor distinct",
                        "POST",
                        V1 + "/supervisors/stat",
                        m,
                        "{\"query\": {}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "stat (resource style): aggregate a string",
                        "POST",
                        V1 + "/supervisors/stat",
                        m,
                        "{\"query\": {\"aggregate\": \"limit\"}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "stat (verb style): an unknown stage",
                        "POST",
                        V1 + "/supervisor/stat",
                        m,
                        "{\"query\": {\"aggregate\": [{\"explode\": {}}]}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "stat (verb style): a group with an unknown operator",
                        "POST",
                        V1 + "/supervisor/stat",
                        m,
                        "{\"query\": {\"aggregate\": [{\"group\": {\"fields\": [{\"operator\": \"median\", \"name\": \"m\"}]}}]}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "stat (verb style): distinct a number",
                        "POST",
                        V1 + "/supervisor/stat",
                        m,
                        "{\"query\": {\"distinct\": 5}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list_plugins (verb style): watch revision -1",
                        "POST",
                        plugins,
                        m,
                        "{\"supervisor_id\": " + id + ", \"watch\": {\"revision\": -1}}")
                .expect(400)
                .mentioning("revision"));
        cases.add(BadRequest.of(
                        "list_plugins (verb style): watch timeout 61",
                        "POST",
                        plugins,
                        m,
                        "{\"supervisor_id\": " + id + ", \"watch\": {\"revision\": 0, \"timeout_seconds\": 61}}")
                .expect(400)
                .mentioning("timeout_seconds"));
        cases.add(BadRequest.of(
                        "list_plugins (verb style): watch timeout -1",
                        "POST",
                        plugins,
                        m,
                        "{\"supervisor_id\": " + id + ", \"watch\": {\"revision\": 0, \"timeout_seconds\": -1}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list_plugins (verb style): watch without a revision",
                        "POST",
                        plugins,
                        m,
                        "{\"supervisor_id\": " + id + ", \"watch\": {\"timeout_seconds\": 5}}")
                .expect(400)
                .mentioning("revision"));
        cases.add(BadRequest.of(
                        "list_plugins (verb style): watch a number",
                        "POST",
                        plugins,
                        m,
                        "{\"supervisor_id\": " + id + ", \"watch\": 5}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list_plugins (verb style): watch revision text",
                        "POST",
                        plugins,
                        m,
                        "{\"supervisor_id\": " + id + ", \"watch\": {\"revision\": \"latest\"}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list_plugins (verb style): an unknown field in watch",
                        "POST",
                        plugins,
                        m,
                        "{\"supervisor_id\": " + id + ", \"watch\": {\"revision\": 0, \"forever\": true}}")
                .expect(400));
        cases.add(BadRequest.of("list_plugins (verb style): state ON", "POST", plugins, m, "{\"state\": \"ON\"}")
                .expect(400)
                .mentioning("state"));
        cases.add(BadRequest.of(
                        "list_plugins (verb style): supervisor_id an object",
                        "POST",
                        plugins,
                        m,
                        "{\"supervisor_id\": {\"$ne\": null}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "list_plugins (search): a body supervisor_id contradicting the path",
                        "POST",
                        V1 + "/supervisor/" + t.supervisorId() + "/plugins/search",
                        m,
                        "{\"supervisor_id\": \"supervisor-000000000000\"}")
                .expect(400, "ERROR_INVALID_PARAMETER"));
        return cases;
    }

    private static List<BadRequest> endpoints(Target t) {
        String verb = V1 + "/plugin/get-endpoint";
        String alias = V1 + "/plugin/get-plugin-endpoint";
        String resource = V1 + "/plugin/" + t.pluginId() + "/get-endpoint";
        String pid = q(t.pluginId());
        String m = t.member();
        List<Object[]> fields = List.of(
                new Object[] {"upgrade_mode SOMETIMES", "upgrade_mode", q("SOMETIMES"), "upgrade_mode"},
                new Object[] {"upgrade_mode lower case", "upgrade_mode", q("auto"), "upgrade_mode"},
                new Object[] {"timeout_seconds 0", "timeout_seconds", "0", "timeout_seconds"},
                new Object[] {"timeout_seconds 301", "timeout_seconds", "301", "timeout_seconds"},
                new Object[] {"timeout_seconds text", "timeout_seconds", q("soon"), "timeout_seconds"},
                new Object[] {"labels a list", "labels", "[\"region\"]", "labels"},
                new Object[] {"labels with a number value", "labels", "{\"region\": 1}", "labels"},
                new Object[] {"labels with an object value", "labels", "{\"region\": {\"$ne\": null}}", "labels"},
                new Object[] {"labels with 21 keys", "labels", stringObject("l", 21), "labels"},
                new Object[] {"version of 129 characters", "version", q("v".repeat(129)), "version"},
                new Object[] {"version an object", "version", "{\"$gt\": \"\"}", "version"},
                new Object[] {"an unknown field", "replicas", "3", "replicas"});
        List<BadRequest> cases = new ArrayList<>();
        for (Object[] field : fields) {
            String name = (String) field[1];
            String value = (String) field[2];
            cases.add(BadRequest.of(
                            "get_plugin_endpoint (verb style): " + field[0],
                            "POST",
                            verb,
                            m,
                            Body.of("plugin_id", pid, name, value).json())
                    .expect(400)
                    .mentioning((String) field[3]));
            cases.add(BadRequest.of(
                            "get_plugin_endpoint (resource style): " + field[0],
                            "POST",
                            resource,
                            m,
                            Body.of(name, value).json())
                    .expect(400));
        }
        cases.add(BadRequest.of(
                        "get_plugin_endpoint (verb style): plugin_id missing",
                        "POST",
                        verb,
                        m,
                        "{\"version\": \"1.0.0\"}")
                .expect(400, "ERROR_REQUIRED_PARAMETER")
                .mentioning("plugin_id"));
        cases.add(BadRequest.of(
                        "get_plugin_endpoint (alias): plugin_id blank", "POST", alias, m, "{\"plugin_id\": \"  \"}")
                .expect(400, "ERROR_REQUIRED_PARAMETER"));
        cases.add(BadRequest.of(
                        "get_plugin_endpoint (alias): plugin_id a list",
                        "POST",
                        alias,
                        m,
                        "{\"plugin_id\": [" + pid + "]}")
                .expect(400));
        cases.add(BadRequest.of(
                        "get_plugin_endpoint (resource style): a body plugin_id contradicting the path",
                        "POST",
                        resource,
                        m,
                        "{\"plugin_id\": \"plugin-other\"}")
                .expect(400, "ERROR_INVALID_PARAMETER"));
        String failure = V1 + "/plugin/notify-failure";
        String failureResource = V1 + "/plugin/" + t.pluginId() + "/notify-failure";
        String sid = q(t.supervisorId());
        String version = q(t.version());
        cases.add(BadRequest.of(
                        "notify_failure (verb style): supervisor_id missing",
                        "POST",
                        failure,
                        m,
                        "{\"plugin_id\": " + pid + ", \"version\": " + version + "}")
                .expect(400)
                .mentioning("supervisor_id"));
        cases.add(BadRequest.of(
                        "notify_failure (verb style): version missing",
                        "POST",
                        failure,
                        m,
                        "{\"supervisor_id\": " + sid + ", \"plugin_id\": " + pid + "}")
                .expect(400)
                .mentioning("version"));
        cases.add(BadRequest.of(
                "notify_failure (verb style): plugin_id missing",
                "POST",
                failure,
                m,
                "{\"supervisor_id\": " + sid + ", \"version\": " + version + "}"));
        cases.add(BadRequest.of(
                        "notify_failure (verb style): version of 129 characters",
                        "POST",
                        failure,
                        m,
                        "{\"supervisor_id\": " + sid + ", \"plugin_id\": " + pid + ", \"version\": "
                                + q("v".repeat(129)) + "}")
                .expect(400)
                .mentioning("version"));
        cases.add(BadRequest.of(
                        "notify_failure (verb style): a message of 2001 characters",
                        "POST",
                        failure,
                        m,
                        "{\"supervisor_id\": " + sid + ", \"plugin_id\": " + pid + ", \"version\": " + version
                                + ", \"message\": " + q("m".repeat(2001)) + "}")
                .expect(400)
                .mentioning("message"));
        cases.add(BadRequest.of(
                        "notify_failure (verb style): message an object",
                        "POST",
                        failure,
                        m,
                        "{\"supervisor_id\": " + sid + ", \"plugin_id\": " + pid + ", \"version\": " + version
                                + ", \"message\": {\"a\": 1}}")
                .expect(400));
        cases.add(BadRequest.of(
                        "notify_failure (verb style): an unknown installation",
                        "POST",
                        failure,
                        m,
                        "{\"supervisor_id\": \"supervisor-000000000000\", \"plugin_id\": " + pid + ", \"version\": "
                                + version + "}")
                .expect(404, "ERROR_NOT_FOUND"));
        cases.add(BadRequest.of(
                        "notify_failure (resource style): a body plugin_id contradicting the path",
                        "PUT",
                        failureResource,
                        m,
                        "{\"supervisor_id\": " + sid + ", \"plugin_id\": \"plugin-other\", \"version\": " + version
                                + "}")
                .expect(400, "ERROR_INVALID_PARAMETER"));
        cases.add(BadRequest.of(
                        "notify_failure (resource style): supervisor_id a number",
                        "PUT",
                        failureResource,
                        m,
                        "{\"supervisor_id\": [7], \"version\": " + version + "}")
                .expect(400));
        cases.add(BadRequest.of(
                        "notify_failure (resource style): an unknown field",
                        "PUT",
                        failureResource,
                        m,
                        "{\"supervisor_id\": " + sid + ", \"version\": " + version + ", \"count\": 3}")
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("count"));
        return cases;
    }

    private static List<BadRequest> queryParameters(Target t) {
        String list = V1 + "/supervisors";
        String get = V1 + "/supervisor/" + t.supervisorId();
        String plugins = V1 + "/supervisor/" + t.supervisorId() + "/plugins";
        String deregister = V1 + "/supervisor/" + t.supervisorId() + "/register";
        String m = t.member();
        List<String[]> requests = List.of(
                new String[] {"list: limit=abc", "GET", list + "?limit=abc", "limit"},
                new String[] {"list: limit=-1", "GET", list + "?limit=-1", "limit"},
                new String[] {"list: limit over the maximum", "GET", list + "?limit=1000000", "limit"},
                new String[] {"list: start=abc", "GET", list + "?start=abc", "start"},
                new String[] {"list: state=ON", "GET", list + "?state=ON", "state"},
                new String[] {"list: is_public=yes", "GET", list + "?is_public=yes", "is_public"},
                new String[] {"list: an unknown parameter", "GET", list + "?colour=red", "colour"},
                new String[] {"list: sort by an undeclared key", "GET", list + "?sort=secret_hash", null},
                new String[] {"list: sort by $where", "GET", list + "?sort=" + enc("$where"), null},
                new String[] {"get: an unknown parameter", "GET", get + "?colour=red", "colour"},
                new String[] {"get: only=secret_hash", "GET", get + "?only=secret_hash", null},
                new String[] {"get: limit is not a parameter of get", "GET", get + "?limit=5", "limit"},
                new String[] {"list_plugins: watch_revision=-1", "GET", plugins + "?watch_revision=-1", "watch_revision"
                },
                new String[] {
                    "list_plugins: watch_revision=abc", "GET", plugins + "?watch_revision=abc", "watch_revision"
                },
                new String[] {
                    "list_plugins: watch_timeout_seconds=61",
                    "GET",
                    plugins + "?watch_revision=0&watch_timeout_seconds=61",
                    "watch_timeout_seconds"
                },
                new String[] {
                    "list_plugins: watch_timeout_seconds=61 without watch_revision",
                    "GET",
                    plugins + "?watch_timeout_seconds=61",
                    "watch_timeout_seconds"
                },
                new String[] {
                    "list_plugins: watch_timeout_seconds=abc",
                    "GET",
                    plugins + "?watch_revision=0&watch_timeout_seconds=abc",
                    "watch_timeout_seconds"
                },
                new String[] {"list_plugins: state=ON", "GET", plugins + "?state=ON", "state"},
                new String[] {"list_plugins: limit=abc", "GET", plugins + "?limit=abc", "limit"},
                new String[] {"list_plugins: an unknown parameter", "GET", plugins + "?colour=red", "colour"},
                new String[] {"deregister: force=yes", "DELETE", deregister + "?force=yes", "force"},
                new String[] {"deregister: an unknown parameter", "DELETE", deregister + "?cascade=true", "cascade"},
                new String[] {"deregister: force twice", "DELETE", deregister + "?force=yes&force=no", null});
        List<BadRequest> cases = new ArrayList<>();
        for (String[] request : requests) {
            String token = request[1].equals("DELETE") ? t.admin() : m;
            BadRequest bad = BadRequest.of(request[0], request[1], request[2], token, null)
                    .expect(400);
            cases.add(request[3] == null ? bad : bad.mentioning(request[3]));
        }
        return cases;
    }

    private static List<BadRequest> queries(Target t) {
        List<String[]> injected = List.of(
                new String[] {
                    "a $where key", "{\"filter\": [{\"k\": \"$where\", \"v\": \"sleep(5000) || true\", \"o\": \"eq\"}]}"
                },
                new String[] {
                    "a $-prefixed operator", "{\"filter\": [{\"k\": \"name\", \"v\": \".*\", \"o\": \"$regex\"}]}"
                },
                new String[] {
                    "an undeclared key", "{\"filter\": [{\"k\": \"secret_hash\", \"v\": true, \"o\": \"exists\"}]}"
                },
                new String[] {
                    "an operator object as a value",
                    "{\"filter\": [{\"k\": \"name\", \"v\": {\"$ne\": null}, \"o\": \"eq\"}]}"
                },
                new String[] {"a regex bomb", "{\"filter\": [{\"k\": \"name\", \"v\": \"(a+)+$\", \"o\": \"regex\"}]}"},
                new String[] {
                    "a regex with a back-reference",
                    "{\"filter\": [{\"k\": \"name\", \"v\": \"(a)\\\\1\", \"o\": \"regex\"}]}"
                },
                new String[] {"a $where property", "{\"$where\": \"1\"}"},
                new String[] {"sort by $natural", "{\"sort\": {\"key\": \"$natural\"}}"},
                new String[] {"only $where", "{\"only\": [\"$where\"]}"});
        List<BadRequest> cases = new ArrayList<>();
        for (String[] query : injected) {
            cases.add(BadRequest.of(
                            "list (search): " + query[0],
                            "POST",
                            V1 + "/supervisors/search",
                            t.member(),
                            "{\"query\": " + query[1] + "}")
                    .expect(400));
            String plugins = query[1].replace("\"name\"", "\"plugin_id\"");
            cases.add(BadRequest.of(
                            "list_plugins (verb style): " + query[0],
                            "POST",
                            V1 + "/supervisor/list-plugins",
                            t.member(),
                            "{\"query\": " + plugins + "}")
                    .expect(400));
        }
        List<String[]> stats = List.of(
                new String[] {
                    "a $lookup stage",
                    "{\"aggregate\": [{\"$lookup\": {\"from\": \"installed_plugins\", \"as\": \"x\"}}]}"
                },
                new String[] {"an $out stage", "{\"aggregate\": [{\"$out\": \"stolen\"}]}"},
                new String[] {
                    "a group key $$ROOT",
                    "{\"aggregate\": [{\"group\": {\"keys\": [{\"key\": \"$$ROOT\", \"name\": \"r\"}]}}]}"
                },
                new String[] {"distinct the secret hash", "{\"distinct\": \"secret_hash\"}"},
                new String[] {
                    "a match with $where",
                    "{\"aggregate\": [{\"match\": [{\"k\": \"$where\", \"v\": \"1\", \"o\": \"eq\"}]}]}"
                });
        for (String[] stat : stats) {
            cases.add(BadRequest.of(
                            "stat (resource style): " + stat[0],
                            "POST",
                            V1 + "/supervisors/stat",
                            t.member(),
                            "{\"query\": " + stat[1] + "}")
                    .expect(400));
        }
        return cases;
    }

    private static List<BadRequest> transport(Target t) {
        String list = V1 + "/supervisor/list";
        List<BadRequest> cases = new ArrayList<>();
        for (String type : List.of(
                "application/xml",
                "text/json",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=corpus",
                "application/octet-stream",
                "not a media type",
                "application/json; charset=no-such-charset")) {
            cases.add(BadRequest.of("list (verb style): content type " + type, "POST", list, t.member(), "{}")
                    .contentType(type)
                    .expect(415));
        }
        cases.add(BadRequest.of(
                        "publish: a body without a content type",
                        "POST",
                        V1 + "/supervisors",
                        t.agent(),
                        "{\"name\": \"x\"}")
                .contentType(null)
                .expect(415, "ERROR_UNSUPPORTED_MEDIA_TYPE"));
        cases.add(BadRequest.of(
                        "publish: a body over 1 MiB streamed in chunks",
                        "POST",
                        V1 + "/supervisors",
                        t.agent(),
                        oversizedJson())
                .streamed()
                .expect(413, "ERROR_PAYLOAD_TOO_LARGE"));
        cases.add(BadRequest.of(
                        "update (resource style): a body over 1 MiB streamed in chunks",
                        "PUT",
                        V1 + "/supervisor/" + t.supervisorId(),
                        t.admin(),
                        oversizedJson())
                .streamed()
                .expect(413, "ERROR_PAYLOAD_TOO_LARGE"));
        cases.add(BadRequest.of(
                        "list (search): a body of exactly 1 MiB + 1 byte",
                        "POST",
                        V1 + "/supervisors/search",
                        t.member(),
                        exactly(MAX_BODY_BYTES + 1))
                .expect(413, "ERROR_PAYLOAD_TOO_LARGE"));
        List<String[]> broken = List.of(
                new String[] {"NaN", "{\"query\": {\"page\": {\"limit\": NaN}}}"},
                new String[] {"single quotes", "{'query': {}}"},
                new String[] {"unquoted keys", "{query: {}}"},
                new String[] {"a trailing comma", "{\"query\": {},}"},
                new String[] {"a leading zero", "{\"query\": {\"page\": {\"limit\": 007}}}"},
                new String[] {"a raw control character in a string", "{\"name\": \"a\u0001b\"}"},
                new String[] {"an invalid escape", "{\"name\": \"a\\qb\"}"},
                new String[] {
                    "lists nested 5000 levels deep", "{\"query\": " + "[".repeat(5000) + "]".repeat(5000) + "}"
                },
                new String[] {"only whitespace", "   \n\t  "},
                new String[] {"a missing colon", "{\"query\" {}}"});
        for (String[] body : broken) {
            cases.add(BadRequest.of("list (verb style): " + body[0], "POST", list, t.member(), body[1])
                    .expect(400));
            cases.add(BadRequest.of(
                            "update (resource style): " + body[0],
                            "PUT",
                            V1 + "/supervisor/" + t.supervisorId(),
                            t.admin(),
                            body[1].replace("\"query\"", "\"tags\""))
                    .expect(400));
        }
        cases.add(BadRequest.of(
                        "publish: a truncated UTF-8 sequence in the hostname",
                        "POST",
                        V1 + "/supervisor/publish",
                        t.agent(),
                        null)
                .body(
                        BadRequest.JSON,
                        concat("{\"name\": \"a\", \"hostname\": \"", new byte[] {(byte) 0xE2, (byte) 0x98}, "\"}"))
                .expect(400));
        cases.add(BadRequest.of(
                        "publish: an overlong UTF-8 encoding in the secret key",
                        "POST",
                        V1 + "/supervisor/publish",
                        t.agent(),
                        null)
                .body(
                        BadRequest.JSON,
                        concat(
                                "{\"name\": \"a\", \"hostname\": " + q(t.hostname()) + ", \"secret_key\": \"",
                                new byte[] {(byte) 0xC0, (byte) 0xAF},
                                "-padding\"}")));
        cases.add(BadRequest.of("PATCH on the supervisor list", "PATCH", V1 + "/supervisors", t.member(), "{}")
                .expect(405, "ERROR_METHOD_NOT_ALLOWED"));
        // read as get of a supervisor named "publish": not found
        cases.add(BadRequest.of("GET on a verb route", "GET", V1 + "/supervisor/publish", t.member(), null));
        cases.add(BadRequest.of(
                        "GET on a verb route without a path twin",
                        "GET",
                        V1 + "/plugin/notify-failure",
                        t.member(),
                        null)
                .expect(405, "ERROR_METHOD_NOT_ALLOWED"));
        cases.add(BadRequest.of(
                        "DELETE on a supervisor", "DELETE", V1 + "/supervisor/" + t.supervisorId(), t.admin(), null)
                .expect(405, "ERROR_METHOD_NOT_ALLOWED"));
        cases.add(BadRequest.of(
                        "GET on get_plugin_endpoint",
                        "GET",
                        V1 + "/plugin/" + t.pluginId() + "/get-endpoint",
                        t.member(),
                        null)
                .expect(405, "ERROR_METHOD_NOT_ALLOWED"));
        return cases;
    }

    private static List<BadRequest> oddPaths(Target t) {
        List<String[]> ids = List.of(
                new String[] {"an encoded NUL", "bad%00id"},
                new String[] {"an encoded dot-dot", "%2e%2e"},
                new String[] {"an encoded slash", "a%2Fb"},
                new String[] {"an encoded backslash", "a%5Cb"},
                new String[] {"a semicolon", "a;jsessionid=x"},
                new String[] {"encoded CR LF", "a%0D%0Ab"},
                new String[] {"a $ operator", "$where"},
                new String[] {"an invalid percent-encoding", "a%ZZb"},
                new String[] {"unicode", "%E2%98%83-supervisor"},
                new String[] {"4000 characters", "s".repeat(4000)});
        List<String[]> routes = List.of(
                new String[] {"get", "GET", "/supervisor/{}", null},
                new String[] {"update", "PUT", "/supervisor/{}", "{\"name\": \"x\"}"},
                new String[] {"enable", "PUT", "/supervisor/{}/enable", null},
                new String[] {"disable", "PUT", "/supervisor/{}/disable", null},
                new String[] {"deregister", "DELETE", "/supervisor/{}/register", null},
                new String[] {"list_plugins", "GET", "/supervisor/{}/plugins", null},
                new String[] {
                    "recover_plugin",
                    "POST",
                    "/supervisor/{}/plugin/" + t.pluginId() + "/recover",
                    "{\"version\": \"" + t.version() + "\"}"
                });
        List<BadRequest> cases = new ArrayList<>();
        for (String[] route : routes) {
            for (String[] id : ids) {
                String token = route[0].equals("get") || route[0].equals("list_plugins") ? t.member() : t.admin();
                cases.add(BadRequest.of(
                        route[0] + ": supervisor_id path parameter with " + id[0],
                        route[1],
                        V1 + route[2].replace("{}", id[1]),
                        token,
                        route[3]));
            }
        }
        for (String[] id : ids.subList(0, 4)) {
            cases.add(BadRequest.of(
                    "recover_plugin: plugin_id path parameter with " + id[0],
                    "POST",
                    V1 + "/supervisor/" + t.supervisorId() + "/plugin/" + id[1] + "/recover",
                    t.admin(),
                    "{\"version\": \"" + t.version() + "\"}"));
            cases.add(BadRequest.of(
                    "notify_failure: plugin_id path parameter with " + id[0],
                    "PUT",
                    V1 + "/plugin/" + id[1] + "/notify-failure",
                    t.member(),
                    "{\"supervisor_id\": " + q(t.supervisorId()) + ", \"version\": \"" + t.version() + "\"}"));
        }
        cases.add(BadRequest.of(
                "get: a dot-dot segment", "GET", V1 + "/supervisor/../supervisor/x/..", t.member(), null));
        cases.add(
                BadRequest.of("list_plugins: an empty segment", "GET", V1 + "/supervisor//plugins", t.member(), null));
        return cases;
    }

    /** A JSON object from raw member values, to swap one member for a wrong one and keep the others valid. */
    private static final class Body {

        private final java.util.LinkedHashMap<String, String> members;

        private Body(java.util.LinkedHashMap<String, String> members) {
            this.members = members;
        }

        static Body of(String... namesAndRawValues) {
            java.util.LinkedHashMap<String, String> members = new java.util.LinkedHashMap<>();
            for (int i = 0; i + 1 < namesAndRawValues.length; i += 2) {
                members.put(namesAndRawValues[i], namesAndRawValues[i + 1]);
            }
            return new Body(members);
        }

        Body with(String name, String rawValue) {
            java.util.LinkedHashMap<String, String> changed = new java.util.LinkedHashMap<>(members);
            changed.put(name, rawValue);
            return new Body(changed);
        }

        Body without(String name) {
            java.util.LinkedHashMap<String, String> changed = new java.util.LinkedHashMap<>(members);
            changed.remove(name);
            return new Body(changed);
        }

        String json() {
            StringJoiner joiner = new StringJoiner(", ", "{", "}");
            members.forEach((name, value) -> joiner.add(q(name) + ": " + value));
            return joiner.toString();
        }

        @Override
        public String toString() {
            return json();
        }
    }

    /** A JSON string literal. */
    static String q(String text) {
        return JSON.writeValueAsString(text);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** {@code object} (raw JSON of an object) with one more raw member. */
    private static String with(String object, String name, String rawValue) {
        return object.substring(0, object.length() - 1) + ", " + q(name) + ": " + rawValue + "}";
    }

    private static String repeated(String element, int count) {
        StringJoiner joiner = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < count; i++) {
            joiner.add(element);
        }
        return joiner.toString();
    }

    private static String objectOfSize(String prefix, int count) {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < count; i++) {
            joiner.add(q(prefix + i) + ": " + i);
        }
        return joiner.toString();
    }

    private static String stringObject(String prefix, int count) {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < count; i++) {
            joiner.add(q(prefix + i) + ": " + q("v" + i));
        }
        return joiner.toString();
    }

    static String nested(int depth) {
        return "{\"a\": ".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    static String oversizedJson() {
        return exactly(MAX_BODY_BYTES + 64 * 1024);
    }

    private static String exactly(int size) {
        String head = "{\"name\": \"";
        String tail = "\"}";
        return head + "x".repeat(size - head.length() - tail.length()) + tail;
    }

    private static byte[] invalidUtf8() {
        return concat("{\"supervisor_id\": \"", new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD}, "\"}");
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(start, start.length + middle.length + end.length);
        System.arraycopy(middle, 0, all, start.length, middle.length);
        System.arraycopy(end, 0, all, start.length + middle.length, end.length);
        return all;
    }
}
