package io.pluginplatform.repository.badinput;

import io.pluginplatform.common.testsupport.BadRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The whole corpus: the same malformed bodies (broken JSON, wrong top-level shapes, wrong content types, oversize,
 * invalid UTF-8) over every route that takes a body, odd path parameters over every route that takes one, and the
 * per-method cases of {@link PluginCases}, {@link QueryCases} and {@link RepositoryCases}.
 */
final class BadInputCorpus {

    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final String V1 = "/repository/v1";

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
        cases.addAll(transport(target));
        cases.addAll(oddPaths(target));
        cases.addAll(PluginCases.all(target));
        cases.addAll(QueryCases.all(target));
        cases.addAll(RepositoryCases.all(target));
        return cases;
    }

    private static List<BodyRoute> bodyRoutes(Target target) {
        String admin = target.admin();
        String system = target.system();
        String plugin = target.pluginId();
        String remote = RepositoryCases.UNKNOWN_REMOTE;
        return List.of(
                new BodyRoute("plugin register (resource style)", "POST", V1 + "/plugins", admin, false),
                new BodyRoute("plugin register (verb style)", "POST", V1 + "/plugin/register", admin, false),
                new BodyRoute("plugin update (resource style)", "PUT", V1 + "/plugin/" + plugin, admin, false),
                new BodyRoute("plugin update (verb style)", "POST", V1 + "/plugin/update", admin, false),
                new BodyRoute("plugin deregister (verb style)", "POST", V1 + "/plugin/deregister", admin, false),
                new BodyRoute(
                        "plugin enable (resource style)", "PUT", V1 + "/plugin/" + plugin + "/enable", admin, true),
                new BodyRoute("plugin enable (verb style)", "POST", V1 + "/plugin/enable", admin, false),
                new BodyRoute(
                        "plugin disable (resource style)", "PUT", V1 + "/plugin/" + plugin + "/disable", admin, true),
                new BodyRoute("plugin disable (verb style)", "POST", V1 + "/plugin/disable", admin, false),
                new BodyRoute("plugin get_versions (verb style)", "POST", V1 + "/plugin/get-versions", admin, false),
                new BodyRoute("plugin get (verb style)", "POST", V1 + "/plugin/get", admin, false),
                new BodyRoute("plugin search (resource style)", "POST", V1 + "/plugins/search", admin, false),
                new BodyRoute("plugin list (verb style)", "POST", V1 + "/plugin/list", admin, false),
                new BodyRoute("plugin stat (resource style)", "POST", V1 + "/plugins/stat", admin, false),
                new BodyRoute("plugin stat (verb style)", "POST", V1 + "/plugin/stat", admin, false),
                new BodyRoute("repository register (resource style)", "POST", V1 + "/repositories", system, false),
                new BodyRoute("repository register (verb style)", "POST", V1 + "/repository/register", system, false),
                new BodyRoute("repository update (resource style)", "PUT", V1 + "/repository/" + remote, system, false),
                new BodyRoute("repository update (verb style)", "POST", V1 + "/repository/update", system, false),
                new BodyRoute(
                        "repository deregister (verb style)", "POST", V1 + "/repository/deregister", system, false),
                new BodyRoute("repository get (verb style)", "POST", V1 + "/repository/get", admin, false),
                new BodyRoute("repository search (resource style)", "POST", V1 + "/repositories/search", admin, false),
                new BodyRoute("repository list (verb style)", "POST", V1 + "/repository/list", admin, false));
    }

    private static List<BadRequest> malformedBodies(List<BodyRoute> routes) {
        List<BadRequest> cases = new ArrayList<>();
        for (BodyRoute route : routes) {
            cases.add(route.request("truncated JSON", "{\"plugin_id\": \"x").expect(400));
            cases.add(route.request("trailing garbage", "{} {}").expect(400));
            cases.add(route.request("a list instead of an object", "[]").expect(400));
            cases.add(route.request("a bare string", "\"plugin\"").expect(400));
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
            if (!route.optionalBody()) {
                cases.add(route.request("the JSON literal null", "null").expect(400));
                cases.add(route.request("an empty body", "").expect(400));
                cases.add(route.request("no body and no content type", null).expect(400));
            }
        }
        return cases;
    }

    private static List<BadRequest> transport(Target target) {
        String admin = target.admin();
        String list = V1 + "/plugin/list";
        String search = V1 + "/plugins/search";
        String register = V1 + "/plugins";
        String update = V1 + "/plugin/" + target.pluginId();
        List<BadRequest> cases = new ArrayList<>();
        for (String type : List.of(
                "application/xml",
                "text/json",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=corpus",
                "application/octet-stream",
                "not a media type",
                "application/json; charset=no-such-charset")) {
            cases.add(BadRequest.of("plugin list (verb style): content type " + type, "POST", list, admin, "{}")
                    .contentType(type)
                    .expect(415));
        }
        cases.add(BadRequest.of(
                        "plugin update (resource style): content type text/plain",
                        "PUT",
                        update,
                        admin,
                        "{\"name\": \"x\"}")
                .contentType("text/plain")
                .expect(415, "ERROR_UNSUPPORTED_MEDIA_TYPE"));
        cases.add(BadRequest.of(
                        "plugin register: a body without a content type", "POST", register, admin, "{\"name\": \"x\"}")
                .contentType(null)
                .expect(415, "ERROR_UNSUPPORTED_MEDIA_TYPE"));
        cases.add(BadRequest.of(
                        "plugin register: a body over 1 MiB streamed in chunks",
                        "POST",
                        register,
                        admin,
                        oversizedJson())
                .streamed()
                .expect(413, "ERROR_PAYLOAD_TOO_LARGE"));
        cases.add(BadRequest.of(
                        "plugin update: a body over 1 MiB streamed in chunks", "PUT", update, admin, oversizedJson())
                .streamed()
                .expect(413, "ERROR_PAYLOAD_TOO_LARGE"));
        cases.add(BadRequest.of(
                        "plugin list: a body of exactly 1 MiB + 1 byte",
                        "POST",
                        search,
                        admin,
                        exactly(MAX_BODY_BYTES + 1))
                .expect(413, "ERROR_PAYLOAD_TOO_LARGE"));
        // invalid JSON in many flavours, on a read route and on the existing plugin's update
        List<String[]> broken = List.of(
                new String[] {"NaN", "{\"query\": {\"page\": {\"limit\": NaN}}}"},
                new String[] {"Infinity", "{\"query\": {\"page\": {\"limit\": Infinity}}}"},
                new String[] {"single quotes", "{'query': {}}"},
                new String[] {"unquoted keys", "{query: {}}"},
                new String[] {"a trailing comma", "{\"query\": {},}"},
                new String[] {"a leading zero", "{\"query\": {\"page\": {\"limit\": 007}}}"},
                new String[] {"a hexadecimal number", "{\"query\": {\"page\": {\"limit\": 0x10}}}"},
                new String[] {"a line comment", "{\"query\": {} // comment\n}"},
                new String[] {"a raw control character in a string", "{\"name\": \"a\u0001b\"}"},
                new String[] {"a raw newline in a string", "{\"name\": \"a\nb\"}"},
                new String[] {"an invalid escape", "{\"name\": \"a\\qb\"}"},
                new String[] {"objects nested 5000 levels deep", "{\"query\": " + Body.nested(5000) + "}"},
                new String[] {
                    "lists nested 5000 levels deep", "{\"query\": " + "[".repeat(5000) + "]".repeat(5000) + "}"
                },
                new String[] {"an unterminated list", "{\"query\": {\"only\": [\"name\"}}"},
                new String[] {"only whitespace", "   \n\t  "},
                new String[] {"a missing colon", "{\"query\" {}}"},
                new String[] {"two objects", "{}{}"});
        for (String[] body : broken) {
            cases.add(BadRequest.of("plugin list (verb style): " + body[0], "POST", list, admin, body[1])
                    .expect(400));
        }
        for (String[] body : broken.subList(8, broken.size())) {
            cases.add(BadRequest.of(
                            "plugin update (resource style): " + body[0],
                            "PUT",
                            update,
                            admin,
                            body[1].replace("\"query\"", "\"capability\""))
                    .expect(400));
        }
        cases.add(BadRequest.of(
                        "plugin get (verb style): an overlong UTF-8 encoding", "POST", V1 + "/plugin/get", admin, null)
                .body(BadRequest.JSON, concat("{\"plugin_id\": \"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}")));
        cases.add(BadRequest.of(
                        "plugin get (verb style): a truncated UTF-8 sequence", "POST", V1 + "/plugin/get", admin, null)
                .body(BadRequest.JSON, concat("{\"plugin_id\": \"", new byte[] {(byte) 0xE2, (byte) 0x98}, "\"}"))
                .expect(400));
        cases.add(BadRequest.of(
                        "plugin update (verb style): a string of 500,000 characters",
                        "POST",
                        V1 + "/plugin/update",
                        admin,
                        "{\"plugin_id\": \"" + target.pluginId() + "\", \"name\": \"" + "n".repeat(500_000) + "\"}")
                .expect(400)
                .mentioning("name"));
        // methods a route does not serve
        cases.add(BadRequest.of("PATCH on the plugin list", "PATCH", V1 + "/plugins", admin, "{}")
                .expect(405, "ERROR_METHOD_NOT_ALLOWED"));
        cases.add(BadRequest.of("GET on a verb route", "GET", V1 + "/plugin/register", admin, null)
                .expect(405, "ERROR_METHOD_NOT_ALLOWED"));
        cases.add(BadRequest.of("DELETE on the repository list", "DELETE", V1 + "/repositories", target.system(), null)
                .expect(405, "ERROR_METHOD_NOT_ALLOWED"));
        cases.add(BadRequest.of("an unknown verb", "POST", V1 + "/plugin/delete", admin, "{}")
                .expect(405, "ERROR_METHOD_NOT_ALLOWED"));
        return cases;
    }

    private static List<BadRequest> oddPaths(Target target) {
        List<String[]> ids = List.of(
                new String[] {"an encoded NUL", "bad%00id"},
                new String[] {"an encoded dot-dot", "%2e%2e"},
                new String[] {"an encoded slash", "a%2Fb"},
                new String[] {"an encoded backslash", "a%5Cb"},
                new String[] {"a semicolon", "a;jsessionid=x"},
                new String[] {"an encoded percent", "a%25b"},
                new String[] {"encoded CR LF", "a%0D%0Ab"},
                new String[] {"an encoded space", "a%20b"},
                new String[] {"unicode", "%E2%98%83-plugin"},
                new String[] {"a $ operator", "$where"},
                new String[] {"an invalid percent-encoding", "a%ZZb"},
                new String[] {"4000 characters", "p".repeat(4000)},
                new String[] {"20000 characters", "p".repeat(20_000)});
        List<String[]> routes = List.of(
                new String[] {"plugin get", "GET", "/plugins/{}", "admin"},
                new String[] {"plugin get_versions", "GET", "/plugins/{}/versions", "admin"},
                new String[] {"plugin update", "PUT", "/plugin/{}", "admin"},
                new String[] {"plugin deregister", "DELETE", "/plugin/{}", "admin"},
                new String[] {"plugin enable", "PUT", "/plugin/{}/enable", "admin"},
                new String[] {"plugin disable", "PUT", "/plugin/{}/disable", "admin"},
                new String[] {"repository get", "GET", "/repository/{}", "admin"},
                new String[] {"repository update", "PUT", "/repository/{}", "system"},
                new String[] {"repository deregister", "DELETE", "/repository/{}", "system"});
        List<BadRequest> cases = new ArrayList<>();
        for (String[] route : routes) {
            for (String[] id : ids) {
                String token = route[3].equals("admin") ? target.admin() : target.system();
                String body = route[1].equals("PUT") ? "{\"name\": \"x\"}" : null;
                cases.add(BadRequest.of(
                        route[0] + ": path parameter with " + id[0],
                        route[1],
                        V1 + route[2].replace("{}", id[1]),
                        token,
                        body));
            }
        }
        cases.add(BadRequest.of(
                "plugin get: a dot-dot segment", "GET", V1 + "/plugins/../plugins/x/..", target.admin(), null));
        cases.add(
                BadRequest.of("plugin get: an empty segment", "GET", V1 + "/plugins//versions", target.admin(), null));
        return cases;
    }

    /** Valid JSON just over the body limit, so that only its size is wrong. */
    static String oversizedJson() {
        return exactly(MAX_BODY_BYTES + 64 * 1024);
    }

    /** A JSON object of exactly {@code size} bytes. */
    private static String exactly(int size) {
        String head = "{\"name\": \"";
        String tail = "\"}";
        return head + "x".repeat(size - head.length() - tail.length()) + tail;
    }

    private static byte[] invalidUtf8() {
        return concat("{\"plugin_id\": \"", new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) 0xFD}, "\"}");
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
