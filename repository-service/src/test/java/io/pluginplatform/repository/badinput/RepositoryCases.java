package io.pluginplatform.repository.badinput;

import static io.pluginplatform.repository.badinput.Body.quote;

import io.pluginplatform.common.testsupport.BadRequest;
import java.util.ArrayList;
import java.util.List;

/** Malformed repository register, update, deregister and get requests, sent with a SYSTEM token. */
final class RepositoryCases {

    private static final String V1 = "/repository/v1";
    private static final List<String> REGISTER = List.of(V1 + "/repositories", V1 + "/repository/register");
    /** A remote repository id that is well formed but registered nowhere. */
    static final String UNKNOWN_REMOTE = "repo-0123456789ab";

    private final Target target;
    private final List<BadRequest> cases = new ArrayList<>();

    private RepositoryCases(Target target) {
        this.target = target;
    }

    static List<BadRequest> all(Target target) {
        RepositoryCases repositories = new RepositoryCases(target);
        repositories.registers();
        repositories.updates();
        repositories.deregistersAndGets();
        return repositories.cases;
    }

    /** A register body that would succeed. */
    private static Body validRegister() {
        return Body.of(
                "name", quote("bad-input-remote"),
                "endpoint", quote("http://127.0.0.1:9"),
                "token", quote("remote-token"));
    }

    private BadRequest request(String name, String method, String path, String json) {
        return BadRequest.of(name, method, path, target.system(), json);
    }

    private void register(String name, Body body, String code, String mentions) {
        String path = REGISTER.get(cases.size() % 2);
        BadRequest request = request("repository register: " + name, "POST", path, body.json());
        request = code == null ? request.expect(400) : request.expect(400, code);
        cases.add(mentions == null ? request : request.mentioning(mentions));
    }

    private void registers() {
        for (String field : List.of("name", "endpoint", "token")) {
            for (String value : List.of("5", "{\"a\": \"b\"}", "[\"x\"]", "true")) {
                register(field + " = " + value, validRegister().with(field, value), null, field);
            }
        }
        register("without name", validRegister().without("name"), "ERROR_REQUIRED_PARAMETER", "name");
        register("without endpoint", validRegister().without("endpoint"), "ERROR_REQUIRED_PARAMETER", "endpoint");
        register("blank name", validRegister().with("name", quote(" ")), "ERROR_REQUIRED_PARAMETER", "name");
        register("an empty object", Body.of(), "ERROR_REQUIRED_PARAMETER", null);
        register(
                "unknown field",
                validRegister().with("repository_type", quote("remote")),
                "ERROR_INVALID_PARAMETER",
                "repository_type");
        register(
                "repository_id is not settable",
                validRegister().with("repository_id", quote("repo-local")),
                "ERROR_INVALID_PARAMETER",
                "repository_id");
        register("name of 256 characters", validRegister().with("name", quote("n".repeat(256))), null, "name");
        register("token of 9000 characters", validRegister().with("token", quote("t".repeat(9000))), null, "token");
        register(
                "endpoint of 3000 characters",
                validRegister().with("endpoint", quote("http://127.0.0.1/" + "e".repeat(3000))),
                null,
                "endpoint");
        for (String endpoint : List.of(
                "ftp://127.0.0.1/",
                "127.0.0.1:8081",
                "not a url",
                "javascript:alert(1)",
                "file:///etc/passwd",
                "http:///no-host",
                "http://user:secret@127.0.0.1:8081",
                "http://127.0.0.1:8081/?token=x",
                "http://127.0.0.1:8081/#fragment",
                "http://[::1",
                "http://127.0.0.1:99999",
                "http://127.0.0.1:80\u000081/")) {
            register(
                    "endpoint " + quote(endpoint), validRegister().with("endpoint", quote(endpoint)), null, "endpoint");
        }
    }

    private void updates() {
        String resource = V1 + "/repository/" + UNKNOWN_REMOTE;
        String verb = V1 + "/repository/update";
        List<String[]> bodies = List.of(
                new String[] {"name as a number", "\"name\": 5", "name"},
                new String[] {"name empty", "\"name\": \"\"", "name"},
                new String[] {"endpoint as a list", "\"endpoint\": [\"http://127.0.0.1:9\"]", "endpoint"},
                new String[] {"endpoint with another scheme", "\"endpoint\": \"gopher://127.0.0.1:9\"", "endpoint"},
                new String[] {"token as an object", "\"token\": {\"value\": \"x\"}", "token"},
                new String[] {"unknown field", "\"repository_type\": \"local\"", "repository_type"});
        for (String[] body : bodies) {
            cases.add(request("repository update (resource style): " + body[0], "PUT", resource, "{" + body[1] + "}")
                    .expect(400)
                    .mentioning(body[2]));
            cases.add(request(
                            "repository update (verb style): " + body[0],
                            "POST",
                            verb,
                            "{\"repository_id\": " + quote(UNKNOWN_REMOTE) + ", " + body[1] + "}")
                    .expect(400)
                    .mentioning(body[2]));
        }
        cases.add(request(
                        "repository update (resource style): a body contradicting the path",
                        "PUT",
                        resource,
                        "{\"repository_id\": \"repo-local\", \"name\": \"x\"}")
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("repository_id"));
        cases.add(request(
                        "repository update (resource style): the local repository",
                        "PUT",
                        V1 + "/repository/repo-local",
                        "{\"name\": \"renamed\"}")
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("repository_id"));
        cases.add(request(
                        "repository update (verb style): the managed repository",
                        "POST",
                        verb,
                        "{\"repository_id\": \"repo-managed\", \"endpoint\": \"http://127.0.0.1:9\"}")
                .expect(400, "ERROR_INVALID_PARAMETER")
                .mentioning("repository_id"));
        cases.add(request("repository update (verb style): without repository_id", "POST", verb, "{\"name\": \"x\"}")
                .expect(400, "ERROR_REQUIRED_PARAMETER")
                .mentioning("repository_id"));
        cases.add(request(
                        "repository update (verb style): repository_id as a number",
                        "POST",
                        verb,
                        "{\"repository_id\": 7}")
                .expect(400)
                .mentioning("repository_id"));
    }

    private void deregistersAndGets() {
        cases.add(request(
                        "repository deregister (resource style): the local repository",
                        "DELETE",
                        V1 + "/repository/repo-local",
                        null)
                .expect(400, "ERROR_INVALID_PARAMETER"));
        cases.add(request(
                        "repository deregister (resource style): the managed repository",
                        "DELETE",
                        V1 + "/repository/repo-managed",
                        null)
                .expect(400, "ERROR_INVALID_PARAMETER"));
        for (String verb : List.of("deregister", "get")) {
            String path = V1 + "/repository/" + verb;
            cases.add(request("repository " + verb + " (verb style): without repository_id", "POST", path, "{}")
                    .expect(400, "ERROR_REQUIRED_PARAMETER")
                    .mentioning("repository_id"));
            cases.add(request(
                            "repository " + verb + " (verb style): repository_id as a list",
                            "POST",
                            path,
                            "{\"repository_id\": [\"repo-local\"]}")
                    .expect(400)
                    .mentioning("repository_id"));
            cases.add(request(
                            "repository " + verb + " (verb style): unknown field",
                            "POST",
                            path,
                            "{\"repository_id\": \"repo-local\", \"name\": \"local\"}")
                    .expect(400, "ERROR_INVALID_PARAMETER")
                    .mentioning("name"));
        }
        cases.add(request(
                        "repository get (resource style): an unknown repository",
                        "GET",
                        V1 + "/repository/" + UNKNOWN_REMOTE,
                        null)
                .expect(404, "ERROR_NOT_FOUND"));
    }
}
