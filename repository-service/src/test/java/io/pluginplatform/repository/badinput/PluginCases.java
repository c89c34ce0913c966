package io.pluginplatform.repository.badinput;

import static io.pluginplatform.repository.badinput.Body.quote;

import io.pluginplatform.common.testsupport.BadRequest;
import java.util.ArrayList;
import java.util.List;

/** Malformed plugin register, update, enable, disable, deregister, get and get_versions requests. */
final class PluginCases {

    private static final String V1 = "/repository/v1";
    private static final List<String> REGISTER = List.of(V1 + "/plugins", V1 + "/plugin/register");
    private static final List<String> STRING_FIELDS = List.of(
            "name",
            "service_type",
            "image",
            "plugin_id",
            "provider",
            "registry_type",
            "registry_url",
            "project_id",
            "domain_id");
    private static final List<String> OBJECT_FIELDS = List.of("registry_config", "capability", "template", "tags");
    private static final List<String> NOT_STRINGS = List.of("5", "{\"a\": \"b\"}", "[\"x\"]", "true");
    private static final List<String> NOT_OBJECTS = List.of("\"x\"", "[{\"a\": 1}]", "5", "false");

    private final Target target;
    private final List<BadRequest> cases = new ArrayList<>();

    private PluginCases(Target target) {
        this.target = target;
    }

    static List<BadRequest> all(Target target) {
        PluginCases plugins = new PluginCases(target);
        plugins.registerTypes();
        plugins.registerRequiredFields();
        plugins.registerLimits();
        plugins.images();
        plugins.pluginIds();
        plugins.registries();
        plugins.templates();
        plugins.updates();
        plugins.stateChanges();
        plugins.deregisters();
        plugins.reads();
        return plugins.cases;
    }

    /** A register body that would succeed: the image exists and the plugin id is free. */
    private Body validRegister() {
        return Body.of(
                "name", quote("Bad input"),
                "service_type", quote("notification.Protocol"),
                "image", quote(target.image()),
                "plugin_id", quote("bad-input-fresh"),
                "provider", quote("example"),
                "registry_type", quote("OCI"),
                "registry_url", quote("127.0.0.1:5000"),
                "registry_config", "{}",
                "capability", "{\"port\": 50051}",
                "template", "{}",
                "labels", "[\"a\"]",
                "tags", "{\"k\": \"v\"}",
                "project_id", quote("project-1"));
    }

    private BadRequest register(String name, Body body) {
        String path = REGISTER.get(cases.size() % 2);
        return BadRequest.of("register: " + name, "POST", path, target.admin(), body.json());
    }

    private void add(BadRequest request) {
        cases.add(request);
    }

    private void registerTypes() {
        for (String field : STRING_FIELDS) {
            for (String value : NOT_STRINGS) {
                add(register(field + " = " + value, validRegister().with(field, value))
                        .expect(400)
                        .mentioning(field));
            }
        }
        for (String field : OBJECT_FIELDS) {
            for (String value : NOT_OBJECTS) {
                add(register(field + " = " + value, validRegister().with(field, value))
                        .expect(400)
                        .mentioning(field));
            }
        }
        for (String value : List.of("\"a\"", "{\"a\": \"b\"}", "[1]", "[{\"a\": \"b\"}]", "[[\"a\"]]", "true")) {
            add(register("labels = " + value, validRegister().with("labels", value))
                    .expect(400)
                    .mentioning("labels"));
        }
        for (String value : List.of("\"docker\"", "\"oci\"", "\"Oci\"", "\"DOCKER-HUB\"", "\"\"", "4", "0", "\"4\"")) {
            add(register("registry_type = " + value, validRegister().with("registry_type", value))
                    .expect(400)
                    .mentioning("registry_type"));
        }
        add(register(
                        "registry_config.password as a number",
                        validRegister().with("registry_config", "{\"password\": 5}"))
                .expect(400)
                .mentioning("registry_config.password"));
        add(register(
                        "registry_config.insecure as a string",
                        validRegister().with("registry_config", "{\"insecure\": \"true\"}"))
                .expect(400)
                .mentioning("registry_config.insecure"));
        add(register(
                        "registry_config.username as an object",
                        validRegister().with("registry_config", "{\"username\": {\"a\": 1}}"))
                .expect(400)
                .mentioning("registry_config.username"));
    }

    private void registerRequiredFields() {
        for (String field : List.of("name", "service_type", "image")) {
            add(register("without " + field, validRegister().without(field))
                    .expect(400, "ERROR_REQUIRED_PARAMETER")
                    .mentioning(field));
            add(register(field + " null", validRegister().with(field, "null"))
                    .expect(400, "ERROR_REQUIRED_PARAMETER")
                    .mentioning(field));
            BadRequest blank = register(field + " blank", validRegister().with(field, quote("   ")));
            // A blank service_type also breaks its pattern, so the answer names two reasons and is not just "required".
            add((field.equals("service_type") ? blank.expect(400) : blank.expect(400, "ERROR_REQUIRED_PARAMETER"))
                    .mentioning(field));
        }
        add(register("an empty object", Body.of()).expect(400, "ERROR_REQUIRED_PARAMETER"));
        add(register("OCI without registry_url", validRegister().without("registry_url"))
                .expect(400, "ERROR_REQUIRED_PARAMETER")
                .mentioning("registry_url"));
        add(register(
                        "HARBOR without registry_url",
                        validRegister().with("registry_type", quote("HARBOR")).without("registry_url"))
                .expect(400, "ERROR_REQUIRED_PARAMETER")
                .mentioning("registry_url"));
        add(register("unknown top-level field", validRegister().with("colour", quote("red")))
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("colour"));
        add(register("state is not settable", validRegister().with("state", quote("DISABLED")))
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("state"));
        add(register("repository_info is not settable", validRegister().with("repository_info", "{}"))
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("repository_info"));
    }

    private void registerLimits() {
        add(register("name of 256 characters", validRegister().with("name", quote("n".repeat(256))))
                .expect(400)
                .mentioning("name"));
        add(register("name of 200,000 characters", validRegister().with("name", quote("n".repeat(200_000))))
                .expect(400)
                .mentioning("name"));
        add(register("provider of 256 characters", validRegister().with("provider", quote("p".repeat(256))))
                .expect(400)
                .mentioning("provider"));
        add(register("project_id of 256 characters", validRegister().with("project_id", quote("p".repeat(256))))
                .expect(400)
                .mentioning("project_id"));
        add(register(
                        "service_type of 100,000 characters",
                        validRegister().with("service_type", quote("s".repeat(100_000) + ".Protocol")))
                .expect(400)
                .mentioning("service_type"));
        for (String serviceType : List.of("notification", "notification.", ".Protocol", "a.b.c", "no tification.P")) {
            add(register("service_type " + quote(serviceType), validRegister().with("service_type", quote(serviceType)))
                    .expect(400)
                    .mentioning("service_type"));
        }
        add(register("51 labels", validRegister().with("labels", Body.stringList("label-", 51)))
                .expect(400)
                .mentioning("labels"));
        add(register("a label of 65 characters", validRegister().with("labels", "[" + quote("l".repeat(65)) + "]"))
                .expect(400)
                .mentioning("labels"));
        add(register("an empty label", validRegister().with("labels", "[\"\"]"))
                .expect(400)
                .mentioning("labels"));
        add(register("a null label", validRegister().with("labels", "[null]"))
                .expect(400)
                .mentioning("labels"));
        add(register("101 tags", validRegister().with("tags", Body.objectOfSize("tag-", 101)))
                .expect(400)
                .mentioning("tags"));
        add(register("tags nested 200 levels deep", validRegister().with("tags", Body.nested(200)))
                .expect(400));
        add(register("capability nested 5000 levels deep", validRegister().with("capability", Body.nested(5000)))
                .expect(400));
        add(register(
                        "a tag value with 5000 digits",
                        validRegister().with("tags", "{\"big\": " + "9".repeat(5000) + "}"))
                .expect(400));
    }

    private void images() {
        List<String> badFormats = List.of(
                "Test/Plugin",
                "test/plugin:1.0",
                "test/plugin:latest",
                "plugin@sha256:0123abcd",
                "/test/plugin",
                "test/../plugin",
                "../plugin",
                "test//plugin",
                "test/plugin/",
                "docker.io/test/plugin",
                "localhost/plugin",
                "127.0.0.1:5000/plugin",
                "test plugin",
                "t\u00ebst/plugin",
                "-test/plugin",
                "test/plugin-",
                "test/a___b",
                "test/\u0000plugin",
                "test/plug\tin");
        for (String image : badFormats) {
            add(register("image " + quote(image), validRegister().with("image", quote(image)))
                    .expect(400, "ERROR_INVALID_IMAGE_FORMAT")
                    .mentioning("image"));
        }
        for (String image : List.of(
                "a".repeat(41),
                "test/" + "p".repeat(36),
                "test/plugin@sha256:" + "0".repeat(64),
                "x".repeat(100_000))) {
            add(register(
                            "image of " + image.length() + " characters starting " + quote(image.substring(0, 8)),
                            validRegister().with("image", quote(image)))
                    .expect(400, "ERROR_INVALID_IMAGE_LENGTH")
                    .mentioning("image"));
        }
        add(register(
                        "an image whose last segment is no plugin id, without plugin_id",
                        validRegister().without("plugin_id").with("image", quote("test/x")))
                .expect(400)
                .mentioning("plugin_id"));
    }

    private void pluginIds() {
        List<String> badIds = List.of(
                "UPPER",
                "a",
                "p".repeat(64),
                "-leading-dash",
                "under_score",
                "has space",
                "\u00fcnicode-id",
                "../etc",
                "$where",
                "dot.ted",
                "nul\u0000id",
                "\u2603\u2603\u2603");
        for (String id : badIds) {
            add(register("plugin_id " + quote(id), validRegister().with("plugin_id", quote(id)))
                    .expect(400)
                    .mentioning("plugin_id"));
        }
    }

    private void registries() {
        List<String> badUrls = List.of(
                "http://127.0.0.1:5000",
                "https://registry.example.org",
                "127.0.0.1:5000/v2",
                "127.0.0.1:5000/",
                "user@127.0.0.1:5000",
                "127.0.0.1:5000?x=1",
                "127.0.0.1:99999",
                "127.0.0.1:",
                "registry example.org",
                "-bad-.example.org",
                "[::1",
                "exa$mple.org");
        for (String url : badUrls) {
            add(register("registry_url " + quote(url), validRegister().with("registry_url", quote(url)))
                    .expect(400)
                    .mentioning("registry_url"));
        }
        add(register("registry_url of 300 characters", validRegister().with("registry_url", quote("r".repeat(300))))
                .expect(400)
                .mentioning("registry_url"));
        add(register("registry_config with an unknown key", validRegister().with("registry_config", "{\"colour\": 1}"))
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("registry_config.colour"));
    }

    private void templates() {
        List<String> badTemplates = List.of(
                "{\"options\": {\"schema\": {\"type\": \"no-such-type\"}}}",
                "{\"options\": {\"schema\": \"a string\"}}",
                "{\"options\": {\"schema\": {\"properties\": 5}}}",
                "{\"options\": {\"schema\": {\"required\": \"name\"}}}",
                "{\"schema\": [1, 2]}",
                "{\"a\": [{\"schema\": {\"minLength\": -1}}]}");
        for (String template : badTemplates) {
            add(register("template " + template, validRegister().with("template", template))
                    .expect(400, "ERROR_INVALID_TEMPLATE_SCHEMA")
                    .mentioning("template."));
        }
    }

    private void updates() {
        String resource = V1 + "/plugin/" + target.pluginId();
        String verb = V1 + "/plugin/update";
        String id = quote(target.pluginId());
        List<String[]> bodies = List.of(
                new String[] {"name as a number", "\"name\": 5", "name", null},
                new String[] {"name empty", "\"name\": \"\"", "name", null},
                new String[] {"name of 256 characters", "\"name\": " + quote("n".repeat(256)), "name", null},
                new String[] {"labels as a string", "\"labels\": \"a\"", "labels", null},
                new String[] {"labels of numbers", "\"labels\": [1, 2]", "labels", null},
                new String[] {"51 labels", "\"labels\": " + Body.stringList("l", 51), "labels", null},
                new String[] {"a label of 65 characters", "\"labels\": [" + quote("l".repeat(65)) + "]", "labels", null
                },
                new String[] {"101 tags", "\"tags\": " + Body.objectOfSize("t", 101), "tags", null},
                new String[] {"tags as a list", "\"tags\": [\"a\"]", "tags", null},
                new String[] {"capability as a string", "\"capability\": \"x\"", "capability", null},
                new String[] {"capability as a list", "\"capability\": [{\"port\": 1}]", "capability", null},
                new String[] {"capability nested 200 levels deep", "\"capability\": " + Body.nested(200), null, null},
                new String[] {"capability nested 5000 levels deep", "\"capability\": " + Body.nested(5000), null, null},
                new String[] {"template as a number", "\"template\": 1", "template", null},
                new String[] {
                    "template with an invalid schema",
                    "\"template\": {\"options\": {\"schema\": {\"type\": 12}}}",
                    "template.options.schema",
                    "ERROR_INVALID_TEMPLATE_SCHEMA"
                },
                new String[] {"unknown field", "\"colour\": \"red\"", "colour", "ERROR_INVALID_PARAMETER"},
                new String[] {"image is not updatable", "\"image\": \"test/other\"", "image", "ERROR_INVALID_PARAMETER"
                },
                new String[] {"state is not updatable", "\"state\": \"DISABLED\"", "state", "ERROR_INVALID_PARAMETER"},
                new String[] {
                    "registry_url is not updatable",
                    "\"registry_url\": \"127.0.0.1:5001\"",
                    "registry_url",
                    "ERROR_INVALID_PARAMETER"
                },
                new String[] {"domain_id as a list", "\"domain_id\": [\"d\"]", "domain_id", null},
                new String[] {"a duplicate name", "\"name\": \"First\", \"name\": \"Second\"", null, null});
        for (String[] body : bodies) {
            String fields = body[1];
            BadRequest put = BadRequest.of(
                    "update (resource style): " + body[0], "PUT", resource, target.admin(), "{" + fields + "}");
            BadRequest post = BadRequest.of(
                    "update (verb style): " + body[0],
                    "POST",
                    verb,
                    target.admin(),
                    "{\"plugin_id\": " + id + ", " + fields + "}");
            for (BadRequest request : List.of(put, post)) {
                BadRequest expected = body[3] == null ? request.expect(400) : request.expect(400, body[3]);
                add(body[2] == null ? expected : expected.mentioning(body[2]));
            }
        }
        add(BadRequest.of(
                        "update (resource style): plugin_id as a number",
                        "PUT",
                        resource,
                        target.admin(),
                        "{\"plugin_id\": 5, \"name\": \"x\"}")
                .expect(400)
                .mentioning("plugin_id"));
        add(BadRequest.of(
                        "update (resource style): a body contradicting the path",
                        "PUT",
                        resource,
                        target.admin(),
                        "{\"plugin_id\": \"some-other-plugin\", \"name\": \"x\"}")
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("plugin_id"));
        add(BadRequest.of("update (verb style): without plugin_id", "POST", verb, target.admin(), "{\"name\": \"x\"}")
                .expect(400, "ERROR_REQUIRED_PARAMETER")
                .mentioning("plugin_id"));
        add(BadRequest.of(
                        "update (verb style): blank plugin_id",
                        "POST",
                        verb,
                        target.admin(),
                        "{\"plugin_id\": \"  \", \"name\": \"x\"}")
                .expect(400, "ERROR_REQUIRED_PARAMETER")
                .mentioning("plugin_id"));
        add(BadRequest.of(
                        "update (verb style): plugin_id as a list",
                        "POST",
                        verb,
                        target.admin(),
                        "{\"plugin_id\": [" + id + "], \"name\": \"x\"}")
                .expect(400)
                .mentioning("plugin_id"));
    }

    private void stateChanges() {
        String id = quote(target.pluginId());
        for (String verb : List.of("enable", "disable")) {
            String resource = V1 + "/plugin/" + target.pluginId() + "/" + verb;
            String verbPath = V1 + "/plugin/" + verb;
            add(BadRequest.of(
                            verb + " (resource style): plugin_id as a number",
                            "PUT",
                            resource,
                            target.admin(),
                            "{\"plugin_id\": 5}")
                    .expect(400)
                    .mentioning("plugin_id"));
            add(BadRequest.of(
                            verb + " (resource style): unknown field",
                            "PUT",
                            resource,
                            target.admin(),
                            "{\"colour\": \"red\"}")
                    .expect(400, "ERROR_INVALID_PARAMETER")
                    .mentioning("colour"));
            add(BadRequest.of(
                            verb + " (resource style): state in the body",
                            "PUT",
                            resource,
                            target.admin(),
                            "{\"state\": \"ENABLED\"}")
                    .expect(400, "ERROR_INVALID_PARAMETER")
                    .mentioning("state"));
            add(BadRequest.of(
                            verb + " (resource style): a body contradicting the path",
                            "PUT",
                            resource,
                            target.admin(),
                            "{\"plugin_id\": \"some-other-plugin\"}")
                    .expect(400, "ERROR_INVALID_PARAMETER")
                    .mentioning("plugin_id"));
            add(BadRequest.of(
                            verb + " (resource style): domain_id as an object",
                            "PUT",
                            resource,
                            target.admin(),
                            "{\"domain_id\": {}}")
                    .expect(400)
                    .mentioning("domain_id"));
            add(BadRequest.of(verb + " (verb style): without plugin_id", "POST", verbPath, target.admin(), "{}")
                    .expect(400, "ERROR_REQUIRED_PARAMETER")
                    .mentioning("plugin_id"));
            add(BadRequest.of(
                            verb + " (verb style): plugin_id as a list",
                            "POST",
                            verbPath,
                            target.admin(),
                            "{\"plugin_id\": [" + id + "]}")
                    .expect(400)
                    .mentioning("plugin_id"));
            add(BadRequest.of(
                            verb + " (verb style): unknown field",
                            "POST",
                            verbPath,
                            target.admin(),
                            "{\"plugin_id\": " + id + ", \"state\": \"DISABLED\"}")
                    .expect(400, "ERROR_INVALID_PARAMETER")
                    .mentioning("state"));
            add(BadRequest.of(
                            verb + " (verb style): plugin_id as a boolean",
                            "POST",
                            verbPath,
                            target.admin(),
                            "{\"plugin_id\": true}")
                    .expect(400)
                    .mentioning("plugin_id"));
            add(BadRequest.of(
                            verb + " (resource style): an unknown plugin with a null body",
                            "PUT",
                            V1 + "/plugin/no-such-plugin/" + verb,
                            target.admin(),
                            "null")
                    .expect(404, "ERROR_NOT_FOUND"));
        }
    }

    private void deregisters() {
        String resource = V1 + "/plugin/" + target.pluginId();
        String verb = V1 + "/plugin/deregister";
        String id = quote(target.pluginId());
        add(BadRequest.of(
                        "deregister (resource style): unknown query parameter",
                        "DELETE",
                        resource + "?colour=red",
                        target.admin(),
                        null)
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("colour"));
        add(BadRequest.of(
                        "deregister (resource style): domain_id given twice",
                        "DELETE",
                        resource + "?domain_id=a&domain_id=b",
                        target.admin(),
                        null)
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("domain_id"));
        add(BadRequest.of(
                        "deregister (resource style): a query string that is not percent-encoding",
                        "DELETE",
                        resource + "?domain_id=%ZZ",
                        target.admin(),
                        null)
                .expect(400));
        add(BadRequest.of("deregister (verb style): without plugin_id", "POST", verb, target.admin(), "{}")
                .expect(400, "ERROR_REQUIRED_PARAMETER")
                .mentioning("plugin_id"));
        add(BadRequest.of(
                        "deregister (verb style): plugin_id as a number",
                        "POST",
                        verb,
                        target.admin(),
                        "{\"plugin_id\": 5}")
                .expect(400)
                .mentioning("plugin_id"));
        add(BadRequest.of(
                        "deregister (verb style): unknown field",
                        "POST",
                        verb,
                        target.admin(),
                        "{\"plugin_id\": " + id + ", \"force\": true}")
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("force"));
        add(BadRequest.of(
                        "deregister (verb style): domain_id as a list",
                        "POST",
                        verb,
                        target.admin(),
                        "{\"plugin_id\": " + id + ", \"domain_id\": []}")
                .expect(400)
                .mentioning("domain_id"));
        add(BadRequest.of(
                        "deregister (verb style): duplicate plugin_id keys",
                        "POST",
                        verb,
                        target.admin(),
                        "{\"plugin_id\": \"no-such-plugin\", \"plugin_id\": " + id + "}")
                .expect(400));
    }

    private void reads() {
        String get = V1 + "/plugins/" + target.pluginId();
        String getVerb = V1 + "/plugin/get";
        String versionsVerb = V1 + "/plugin/get-versions";
        String id = quote(target.pluginId());
        add(BadRequest.of(
                        "get (resource style): unknown query parameter",
                        "GET",
                        get + "?colour=red",
                        target.admin(),
                        null)
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("colour"));
        add(BadRequest.of("get (resource style): only names a $ key", "GET", get + "?only=$where", target.admin(), null)
                .expect(400));
        add(BadRequest.of(
                        "get (resource style): only names an unknown field",
                        "GET",
                        get + "?only=no_such_field",
                        target.admin(),
                        null)
                .expect(400));
        add(BadRequest.of(
                        "get (resource style): only names a secret",
                        "GET",
                        get + "?only=registry_config.password",
                        target.admin(),
                        null)
                .expect(400));
        add(BadRequest.of(
                        "get (resource style): repository_id given twice",
                        "GET",
                        get + "?repository_id=repo-local&repository_id=repo-managed",
                        target.admin(),
                        null)
                .expect(400, "ERROR_INVALID_PARAMETER"));
        add(BadRequest.of(
                        "get (resource style): an unknown repository",
                        "GET",
                        get + "?repository_id=repo-nope",
                        target.admin(),
                        null)
                .expect(404, "ERROR_NOT_FOUND"));
        add(BadRequest.of("get (verb style): without plugin_id", "POST", getVerb, target.admin(), "{}")
                .expect(400, "ERROR_REQUIRED_PARAMETER")
                .mentioning("plugin_id"));
        add(BadRequest.of(
                        "get (verb style): plugin_id as a number",
                        "POST",
                        getVerb,
                        target.admin(),
                        "{\"plugin_id\": 12}")
                .expect(400)
                .mentioning("plugin_id"));
        add(BadRequest.of(
                        "get (verb style): only as an object",
                        "POST",
                        getVerb,
                        target.admin(),
                        "{\"plugin_id\": " + id + ", \"only\": {\"name\": 1}}")
                .expect(400)
                .mentioning("only"));
        add(BadRequest.of(
                        "get (verb style): only of numbers",
                        "POST",
                        getVerb,
                        target.admin(),
                        "{\"plugin_id\": " + id + ", \"only\": [1]}")
                .expect(400)
                .mentioning("only"));
        add(BadRequest.of(
                        "get (verb style): only names a $ key",
                        "POST",
                        getVerb,
                        target.admin(),
                        "{\"plugin_id\": " + id + ", \"only\": [\"$where\"]}")
                .expect(400));
        add(BadRequest.of(
                        "get (verb style): repository_id as a list",
                        "POST",
                        getVerb,
                        target.admin(),
                        "{\"plugin_id\": " + id + ", \"repository_id\": [\"repo-local\"]}")
                .expect(400)
                .mentioning("repository_id"));
        add(BadRequest.of(
                        "get (verb style): unknown field",
                        "POST",
                        getVerb,
                        target.admin(),
                        "{\"plugin_id\": " + id + ", \"version\": \"1.0\"}")
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("version"));
        add(BadRequest.of(
                        "get_versions (resource style): unknown query parameter",
                        "GET",
                        get + "/versions?only=name",
                        target.admin(),
                        null)
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("only"));
        add(BadRequest.of(
                        "get_versions (resource style): an unknown repository",
                        "GET",
                        get + "/versions?repository_id=repo-000000000000",
                        target.admin(),
                        null)
                .expect(404, "ERROR_NOT_FOUND"));
        add(BadRequest.of("get_versions (verb style): without plugin_id", "POST", versionsVerb, target.admin(), "{}")
                .expect(400, "ERROR_REQUIRED_PARAMETER")
                .mentioning("plugin_id"));
        add(BadRequest.of(
                        "get_versions (verb style): plugin_id as a boolean",
                        "POST",
                        versionsVerb,
                        target.admin(),
                        "{\"plugin_id\": false}")
                .expect(400)
                .mentioning("plugin_id"));
        add(BadRequest.of(
                        "get_versions (verb style): unknown field",
                        "POST",
                        versionsVerb,
                        target.admin(),
                        "{\"plugin_id\": " + id + ", \"limit\": 5}")
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("limit"));
        add(BadRequest.of(
                        "get (verb style) as SYSTEM without a domain",
                        "POST",
                        getVerb,
                        target.system(),
                        "{\"plugin_id\": " + id + "}")
                .expect(400, "ERROR_REQUIRED_PARAMETER")
                .mentioning("domain_id"));
    }
}
