package io.pluginplatform.repository.badinput;

import static io.pluginplatform.repository.badinput.Body.quote;

import io.pluginplatform.common.testsupport.BadRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Malformed list, search and stat requests: query objects of the wrong shape, unknown nested fields, injection attempts
 * ({@code $where}, {@code $}-prefixed and undeclared keys, operator objects as values), regular-expression bombs, and
 * query-string parameters of the wrong type. Each body case is sent in both route styles.
 */
final class QueryCases {

    private static final String V1 = "/repository/v1";
    private static final List<String> PLUGIN_LISTS = List.of(V1 + "/plugins/search", V1 + "/plugin/list");
    private static final List<String> PLUGIN_STATS = List.of(V1 + "/plugins/stat", V1 + "/plugin/stat");
    private static final List<String> REPOSITORY_LISTS = List.of(V1 + "/repositories/search", V1 + "/repository/list");

    private static final String GROUP_BY_PROVIDER =
            "{\"group\": {\"keys\": [{\"key\": \"provider\", \"name\": \"provider\"}],"
                    + " \"fields\": [{\"operator\": \"count\", \"name\": \"count\"}]}}";

    private final Target target;
    private final List<BadRequest> cases = new ArrayList<>();

    private QueryCases(Target target) {
        this.target = target;
    }

    static List<BadRequest> all(Target target) {
        QueryCases queries = new QueryCases(target);
        queries.pluginListBodies();
        queries.pluginStats();
        queries.repositoryLists();
        queries.queryStrings();
        return queries.cases;
    }

    private void list(String name, String body, Integer status, String code, String mentions) {
        for (String path : PLUGIN_LISTS) {
            add(path, "plugin list " + style(path) + ": " + name, target.admin(), body, status, code, mentions);
        }
    }

    private void query(String name, String query, Integer status, String code, String mentions) {
        list(name, "{\"query\": " + query + "}", status, code, mentions);
    }

    private void filter(String name, String condition, String code, String mentions) {
        query(name, "{\"filter\": [" + condition + "]}", 400, code, mentions);
    }

    private void stat(String name, String body, String code, String mentions) {
        for (String path : PLUGIN_STATS) {
            add(path, "plugin stat " + style(path) + ": " + name, target.admin(), body, 400, code, mentions);
        }
    }

    private void statQuery(String name, String query, String code, String mentions) {
        stat(name, "{\"repository_id\": \"repo-local\", \"query\": " + query + "}", code, mentions);
    }

    private void stage(String name, String stage, String code, String mentions) {
        statQuery(name, "{\"aggregate\": [" + stage + "]}", code, mentions);
    }

    private void repositoryList(String name, String body, String code, String mentions) {
        for (String path : REPOSITORY_LISTS) {
            add(path, "repository list " + style(path) + ": " + name, target.admin(), body, 400, code, mentions);
        }
    }

    private void add(
            String path, String name, String token, String body, Integer status, String code, String mentions) {
        BadRequest request = BadRequest.of(name, "POST", path, token, body);
        if (status != null) {
            request = code == null ? request.expect(status) : request.expect(status, code);
        }
        cases.add(mentions == null ? request : request.mentioning(mentions));
    }

    private static String style(String path) {
        return path.contains("/plugins/") || path.contains("/repositories/") ? "(resource style)" : "(verb style)";
    }

    private void pluginListBodies() {
        // shapes
        list("query as a string", "{\"query\": \"name = x\"}", 400, null, "query");
        list("query as a list", "{\"query\": []}", 400, null, "query");
        list("query as a number", "{\"query\": 1}", 400, null, "query");
        query("filter as an object", "{\"filter\": {\"k\": \"name\", \"v\": \"x\"}}", 400, null, "filter");
        query("filter as a string", "{\"filter\": \"name\"}", 400, null, "filter");
        query("filter_or as an object", "{\"filter_or\": {}}", 400, null, "filter_or");
        query("a filter condition as a number", "{\"filter\": [5]}", 400, null, "filter");
        filter("key as a number", "{\"key\": 5, \"value\": \"x\"}", null, "key");
        filter("without key", "{\"value\": \"x\"}", null, null);
        filter("an empty key", "{\"key\": \"\", \"value\": \"x\"}", null, null);
        filter("operator as a number", "{\"k\": \"name\", \"v\": \"x\", \"o\": 5}", null, "o");
        filter("an unknown operator", "{\"k\": \"name\", \"v\": \"x\", \"o\": \"like\"}", null, "like");
        filter("a $ operator", "{\"k\": \"name\", \"v\": \"x\", \"o\": \"$where\"}", null, null);
        filter(
                "unknown field in a condition",
                "{\"k\": \"name\", \"v\": \"x\", \"x\": 1}",
                "ERROR_INVALID_PARAMETER",
                "query.filter[0].x");
        query(
                "unknown field in page",
                "{\"page\": {\"limit\": 5, \"foo\": 1}}",
                400,
                "ERROR_INVALID_PARAMETER",
                "query.page.foo");
        query(
                "unknown field in a sort key",
                "{\"sort\": [{\"key\": \"name\", \"asc\": true}]}",
                400,
                "ERROR_INVALID_PARAMETER",
                "query.sort[0].asc");
        query("unknown field in query", "{\"where\": \"1 = 1\"}", 400, "ERROR_INVALID_PARAMETER", "query.where");
        list(
                "unknown top-level field beside the query",
                "{\"query\": {}, \"plugin_name\": \"x\"}",
                400,
                "ERROR_INVALID_PARAMETER",
                "plugin_name");
        // paging
        query("page.limit 1001", "{\"page\": {\"limit\": 1001}}", 400, "ERROR_INVALID_PARAMETER", "limit");
        query("page.limit negative", "{\"page\": {\"limit\": -1}}", 400, null, "limit");
        query("page.start 0", "{\"page\": {\"start\": 0}}", 400, null, "start");
        query("page.start negative", "{\"page\": {\"start\": -5}}", 400, null, "start");
        query("page.start as a word", "{\"page\": {\"start\": \"first\"}}", 400, null, "start");
        query("page.limit as an object", "{\"page\": {\"limit\": {}}}", 400, null, "limit");
        query("page.limit beyond a long", "{\"page\": {\"limit\": 99999999999999999999999}}", 400, null, null);
        query("page.limit 1e400", "{\"page\": {\"limit\": 1e400}}", 400, null, null);
        query("page.limit with 5000 digits", "{\"page\": {\"limit\": " + "9".repeat(5000) + "}}", 400, null, null);
        query("page as a list", "{\"page\": [1, 10]}", 400, null, "page");
        query("page as a string", "{\"page\": \"1\"}", 400, null, "page");
        // sort, only, flags
        query("sort by $where", "{\"sort\": [{\"key\": \"$where\"}]}", 400, null, null);
        query("sort by an undeclared field", "{\"sort\": [{\"key\": \"no_such_field\"}]}", 400, null, null);
        query("sort by a secret", "{\"sort\": {\"key\": \"registry_config.password\"}}", 400, null, null);
        query("sort without key", "{\"sort\": [{\"desc\": true}]}", 400, null, null);
        query("sort.desc as a word", "{\"sort\": [{\"key\": \"name\", \"desc\": \"down\"}]}", 400, null, "desc");
        query("sort as a string", "{\"sort\": \"name\"}", 400, null, "sort");
        query("only as a string", "{\"only\": \"name\"}", 400, null, "only");
        query("only names a $ key", "{\"only\": [\"$where\"]}", 400, null, null);
        query("only names a secret", "{\"only\": [\"registry_config\"]}", 400, null, null);
        query("only of numbers", "{\"only\": [1]}", 400, null, "only");
        query("minimal as a word", "{\"minimal\": \"yes\"}", 400, null, "minimal");
        query("count_only as an object", "{\"count_only\": {}}", 400, null, "count_only");
        query("keyword as a number", "{\"keyword\": 5}", 400, null, "keyword");
        query("keyword as a list", "{\"keyword\": [\"a\"]}", 400, null, "keyword");
        // injection
        filter("key $where", "{\"k\": \"$where\", \"v\": \"sleep(1000) || true\"}", null, null);
        filter("key $expr", "{\"k\": \"$expr\", \"v\": {\"$eq\": [1, 1]}}", null, null);
        filter("key with a $ operator path", "{\"k\": \"name.$ne\", \"v\": \"\"}", null, null);
        filter("key with a $ below a map", "{\"k\": \"tags.$gt\", \"v\": \"\"}", null, null);
        filter("an undeclared key", "{\"k\": \"no_such_field\", \"v\": \"x\"}", null, null);
        filter("the internal _id", "{\"k\": \"_id\", \"v\": \"x\"}", null, null);
        filter("a secret nested key", "{\"k\": \"registry_config.password\", \"v\": \"x\"}", null, null);
        filter("a nested key below a string field", "{\"k\": \"name.first\", \"v\": \"x\"}", null, null);
        filter("an operator object as an eq value", "{\"k\": \"name\", \"v\": {\"$ne\": null}}", null, null);
        filter("an operator object as a map eq value", "{\"k\": \"tags\", \"v\": {\"$gt\": \"\"}}", null, null);
        filter(
                "$where inside a match value",
                "{\"k\": \"tags\", \"v\": {\"$where\": \"1\"}, \"o\": \"match\"}",
                null,
                null);
        filter("a $ key inside an in list", "{\"k\": \"name\", \"v\": [{\"$gt\": \"\"}], \"o\": \"in\"}", null, null);
        // operator value shapes
        filter("in with a string", "{\"k\": \"name\", \"v\": \"a\", \"o\": \"in\"}", null, null);
        filter("not_in with an object", "{\"k\": \"name\", \"v\": {}, \"o\": \"not_in\"}", null, null);
        filter("exists with a word", "{\"k\": \"name\", \"v\": \"yes\", \"o\": \"exists\"}", null, null);
        filter("match with a string", "{\"k\": \"labels\", \"v\": \"x\", \"o\": \"match\"}", null, null);
        filter("contain with an object", "{\"k\": \"name\", \"v\": {\"a\": 1}, \"o\": \"contain\"}", null, null);
        filter("contain_in with a number", "{\"k\": \"name\", \"v\": 5, \"o\": \"contain_in\"}", null, null);
        filter(
                "lt on a timestamp with a word",
                "{\"k\": \"created_at\", \"v\": \"yesterday\", \"o\": \"lt\"}",
                null,
                null);
        filter(
                "datetime_gt with a word",
                "{\"k\": \"created_at\", \"v\": \"last week\", \"o\": \"datetime_gt\"}",
                null,
                null);
        filter(
                "timediff_gt with an unknown unit",
                "{\"k\": \"created_at\", \"v\": \"now - 7x\", \"o\": \"timediff_gt\"}",
                null,
                null);
        filter(
                "timediff_lt with a list",
                "{\"k\": \"created_at\", \"v\": [\"now\"], \"o\": \"timediff_lt\"}",
                null,
                null);
        // regular expressions
        filter("a nested-quantifier regex bomb", "{\"k\": \"name\", \"v\": \"(a+)+$\", \"o\": \"regex\"}", null, null);
        filter("an alternation regex bomb", "{\"k\": \"name\", \"v\": \"(a|aa)*$\", \"o\": \"regex\"}", null, null);
        filter(
                "a regex of 300 characters",
                "{\"k\": \"name\", \"v\": " + quote("a".repeat(300)) + ", \"o\": \"regex\"}",
                null,
                null);
        filter("a regex look-ahead", "{\"k\": \"name\", \"v\": \"(?=a)a\", \"o\": \"regex\"}", null, null);
        filter("a regex back-reference", "{\"k\": \"name\", \"v\": \"(a)\\\\1\", \"o\": \"regex\"}", null, null);
        filter("an invalid regex", "{\"k\": \"name\", \"v\": \"[a-\", \"o\": \"regex\"}", null, null);
        filter(
                "a regex that is an object",
                "{\"k\": \"name\", \"v\": {\"$regex\": \"a\"}, \"o\": \"regex\"}",
                null,
                null);
        filter("regex_in with a string", "{\"k\": \"name\", \"v\": \"a\", \"o\": \"regex_in\"}", null, null);
        filter(
                "regex_in holding a bomb",
                "{\"k\": \"name\", \"v\": [\"ok\", \"(x+x+)+y\"], \"o\": \"regex_in\"}",
                null,
                null);
        // simple filters
        list("state in lower case", "{\"state\": \"enabled\"}", 400, null, "state");
        list("state ON", "{\"state\": \"ON\"}", 400, null, "state");
        list("state as a number", "{\"state\": 0}", 400, null, "state");
        list("registry_type docker", "{\"registry_type\": \"docker\"}", 400, null, "registry_type");
        list("provider as a list", "{\"provider\": [\"aws\"]}", 400, null, "provider");
        list("repository_id as an object", "{\"repository_id\": {\"$ne\": null}}", 400, null, "repository_id");
        list("an unknown repository", "{\"repository_id\": \"repo-nope\"}", 404, "ERROR_NOT_FOUND", null);
        list("duplicate query keys", "{\"query\": {}, \"query\": {\"page\": {\"limit\": 1}}}", 400, null, null);
        for (String path : PLUGIN_LISTS) {
            add(
                    path,
                    "plugin list " + style(path) + ": as SYSTEM without a domain",
                    target.system(),
                    "{}",
                    400,
                    "ERROR_REQUIRED_PARAMETER",
                    "domain_id");
        }
    }

    private void pluginStats() {
        statQuery("neither aggregate nor distinct", "{}", null, null);
        statQuery("only a filter", "{\"filter\": [{\"k\": \"name\", \"v\": \"x\"}]}", null, null);
        stat("without query", "{\"repository_id\": \"repo-local\"}", "ERROR_REQUIRED_PARAMETER", "query");
        stat(
                "without repository_id",
                "{\"query\": {\"distinct\": \"name\"}}",
                "ERROR_REQUIRED_PARAMETER",
                "repository_id");
        stat(
                "repository_id as a number",
                "{\"repository_id\": 5, \"query\": {\"distinct\": \"name\"}}",
                null,
                "repository_id");
        stat("query as a list", "{\"repository_id\": \"repo-local\", \"query\": []}", null, "query");
        stat(
                "unknown top-level field beside the query",
                "{\"repository_id\": \"repo-local\", \"query\": {\"distinct\": \"name\"}, \"explain\": true}",
                "ERROR_INVALID_PARAMETER",
                "explain");
        statQuery(
                "unknown query field",
                "{\"distinct\": \"name\", \"pipeline\": []}",
                "ERROR_INVALID_PARAMETER",
                "pipeline");
        statQuery("aggregate as a string", "{\"aggregate\": \"group\"}", null, "aggregate");
        statQuery("aggregate of numbers", "{\"aggregate\": [1]}", null, "aggregate");
        stage("an empty stage", "{}", null, null);
        stage("an unknown stage", "{\"lookup\": {\"from\": \"repositories\"}}", null, "lookup");
        stage("a $ stage", "{\"$lookup\": {\"from\": \"repositories\", \"as\": \"r\"}}", null, null);
        stage("a $out stage", "{\"$out\": \"plugins_copy\"}", null, null);
        stage("a stage with two keys", "{\"limit\": 1, \"skip\": 1}", null, null);
        stage(
                "group with an unknown operator",
                "{\"group\": {\"keys\": [{\"key\": \"provider\", \"name\": \"p\"}],"
                        + " \"fields\": [{\"key\": \"name\", \"name\": \"n\", \"operator\": \"median\"}]}}",
                null,
                "median");
        stage(
                "group with a $ operator",
                "{\"group\": {\"keys\": [{\"key\": \"provider\", \"name\": \"p\"}],"
                        + " \"fields\": [{\"key\": \"name\", \"name\": \"n\", \"operator\": \"$push\"}]}}",
                null,
                null);
        stage("group by a $ key", "{\"group\": {\"keys\": [{\"key\": \"$name\", \"name\": \"p\"}]}}", null, null);
        stage(
                "group by a secret",
                "{\"group\": {\"keys\": [{\"key\": \"registry_config.password\", \"name\": \"p\"}]}}",
                null,
                null);
        stage(
                "group field named with a $",
                "{\"group\": {\"keys\": [{\"key\": \"provider\", \"name\": \"p\"}],"
                        + " \"fields\": [{\"name\": \"$x\", \"operator\": \"count\"}]}}",
                null,
                null);
        stage(
                "group field key $$ROOT",
                "{\"group\": {\"keys\": [{\"key\": \"provider\", \"name\": \"p\"}],"
                        + " \"fields\": [{\"key\": \"$$ROOT\", \"name\": \"all\", \"operator\": \"push\"}]}}",
                null,
                null);
        stage("group keys as a string", "{\"group\": {\"keys\": \"provider\"}}", null, null);
        stage(
                "group with an unknown field",
                "{\"group\": {\"keys\": [{\"key\": \"provider\", \"name\": \"p\"}], \"having\": {}}}",
                null,
                "having");
        stage(
                "group with a date_format number",
                "{\"group\": {\"keys\": [{\"key\": \"created_at\", \"name\": \"d\", \"date_format\": 5}]}}",
                null,
                null);
        stage("group as a list", "{\"group\": []}", null, null);
        stage("unwind a $ path", "{\"unwind\": {\"path\": \"$labels\"}}", null, null);
        stage("unwind path as a number", "{\"unwind\": {\"path\": 5}}", null, null);
        stage("unwind as a string", "{\"unwind\": \"labels\"}", null, null);
        stage("match as a string", "{\"match\": \"name = x\"}", null, null);
        stage("match on $where", "{\"match\": [{\"k\": \"$where\", \"v\": \"1\"}]}", null, null);
        stage("sort by $where", "{\"sort\": [{\"key\": \"$where\"}]}", null, null);
        stage("sort as a number", "{\"sort\": 1}", null, null);
        stage(
                "project with an unknown operator",
                "{\"project\": {\"fields\": [{\"key\": \"labels\", \"name\": \"n\", \"operator\": \"concat\"}]}}",
                null,
                "concat");
        stage("project $$ROOT", "{\"project\": {\"fields\": [{\"key\": \"$$ROOT\", \"name\": \"all\"}]}}", null, null);
        stage("count named with a $", "{\"count\": {\"name\": \"$x\"}}", null, null);
        stage("count without name", "{\"count\": {}}", null, null);
        stage("limit negative", "{\"limit\": -1}", null, null);
        stage("limit as a string", "{\"limit\": \"5\"}", null, null);
        stage("limit fractional", "{\"limit\": 1.5}", null, null);
        stage("limit 1e30", "{\"limit\": 1e30}", null, null);
        stage("skip as an object", "{\"skip\": {}}", null, null);
        statQuery("distinct $where", "{\"distinct\": \"$where\"}", null, null);
        statQuery("distinct of a secret", "{\"distinct\": \"registry_config.password\"}", null, null);
        statQuery("distinct as a number", "{\"distinct\": 5}", null, "distinct");
        statQuery("distinct as a list", "{\"distinct\": [\"name\"]}", null, "distinct");
        statQuery(
                "page.limit 1001",
                "{\"aggregate\": [" + GROUP_BY_PROVIDER + "], \"page\": {\"limit\": 1001}}",
                "ERROR_INVALID_PARAMETER",
                "limit");
        statQuery(
                "unknown field in page",
                "{\"distinct\": \"name\", \"page\": {\"size\": 1}}",
                "ERROR_INVALID_PARAMETER",
                "query.page.size");
        statQuery(
                "filter on $where",
                "{\"distinct\": \"name\", \"filter\": [{\"k\": \"$where\", \"v\": \"1\"}]}",
                null,
                null);
        statQuery(
                "unknown field in a filter",
                "{\"distinct\": \"name\", \"filter\": [{\"k\": \"name\", \"v\": \"x\", \"x\": 1}]}",
                "ERROR_INVALID_PARAMETER",
                "query.filter[0].x");
        for (String path : PLUGIN_STATS) {
            add(
                    path,
                    "plugin stat " + style(path) + ": an unknown repository",
                    target.admin(),
                    "{\"repository_id\": \"repo-nope\", \"query\": {\"distinct\": \"name\"}}",
                    404,
                    "ERROR_NOT_FOUND",
                    null);
        }
    }

    private void repositoryLists() {
        repositoryList(
                "filter on the token", "{\"query\": {\"filter\": [{\"k\": \"token\", \"v\": \"x\"}]}}", null, null);
        repositoryList("sort by the token", "{\"query\": {\"sort\": [{\"key\": \"token\"}]}}", null, null);
        repositoryList("only the token", "{\"query\": {\"only\": [\"token\"]}}", null, null);
        repositoryList(
                "filter on $where", "{\"query\": {\"filter\": [{\"k\": \"$where\", \"v\": \"1\"}]}}", null, null);
        repositoryList(
                "page.limit 1001", "{\"query\": {\"page\": {\"limit\": 1001}}}", "ERROR_INVALID_PARAMETER", "limit");
        repositoryList(
                "unknown field in a condition",
                "{\"query\": {\"filter\": [{\"k\": \"name\", \"v\": \"x\", \"x\": 1}]}}",
                "ERROR_INVALID_PARAMETER",
                "query.filter[0].x");
        repositoryList("repository_type in upper case", "{\"repository_type\": \"LOCAL\"}", null, "repository_type");
        repositoryList("an unknown repository_type", "{\"repository_type\": \"cloud\"}", null, "repository_type");
        repositoryList("repository_type as a number", "{\"repository_type\": 1}", null, "repository_type");
        repositoryList("name as a list", "{\"name\": [\"local\"]}", null, "name");
        repositoryList(
                "unknown top-level field endpoint",
                "{\"endpoint\": \"http://x\"}",
                "ERROR_INVALID_PARAMETER",
                "endpoint");
    }

    private void queryStrings() {
        String plugins = V1 + "/plugins";
        String repositories = V1 + "/repositories";
        List<String[]> parameters = List.of(
                new String[] {"limit=abc", "limit"},
                new String[] {"limit=1.5", "limit"},
                new String[] {"limit=100000", "limit"},
                new String[] {"limit=1001", "limit"},
                new String[] {"limit=-1", "limit"},
                new String[] {"limit=99999999999", "limit"},
                new String[] {"start=-1", "start"},
                new String[] {"start=0", "start"},
                new String[] {"start=abc", "start"},
                new String[] {"sort=$where", null},
                new String[] {"sort=-$where", null},
                new String[] {"sort=no_such_field", null},
                new String[] {"limit=1&limit=2", "limit"},
                new String[] {"colour=red", "colour"},
                new String[] {"only=name", "only"},
                new String[] {"limit=%ZZ", null});
        for (String[] parameter : parameters) {
            for (String path : List.of(plugins, repositories)) {
                BadRequest request = BadRequest.of(
                                (path.equals(plugins) ? "plugin" : "repository") + " list (query string): "
                                        + parameter[0],
                                "GET",
                                path + "?" + parameter[0],
                                target.admin(),
                                null)
                        .expect(400);
                cases.add(parameter[1] == null ? request : request.mentioning(parameter[1]));
            }
        }
        for (String parameter : List.of(
                "state=enabled",
                "state=ON",
                "state=0",
                "registry_type=docker",
                "registry_type=oci",
                "sort=registry_config.password")) {
            cases.add(BadRequest.of(
                            "plugin list (query string): " + parameter,
                            "GET",
                            plugins + "?" + parameter,
                            target.admin(),
                            null)
                    .expect(400));
        }
        for (String parameter : List.of("repository_type=cloud", "repository_type=LOKAL", "sort=token")) {
            cases.add(BadRequest.of(
                            "repository list (query string): " + parameter,
                            "GET",
                            repositories + "?" + parameter,
                            target.admin(),
                            null)
                    .expect(400));
        }
        cases.add(BadRequest.of(
                        "plugin list (query string): as SYSTEM without a domain", "GET", plugins, target.system(), null)
                .expect(400, "ERROR_REQUIRED_PARAMETER")
                .mentioning("domain_id"));
        StringBuilder many = new StringBuilder("limit=1");
        for (int i = 0; i < 2000; i++) {
            many.append("&p").append(i).append("=x");
        }
        cases.add(BadRequest.of(
                "plugin list (query string): 2000 parameters", "GET", plugins + "?" + many, target.admin(), null));
        cases.add(BadRequest.of(
                        "plugin list (query string): a name that is not percent-encoding",
                        "GET",
                        plugins + "?%ZZ=1",
                        target.admin(),
                        null)
                .expect(400));
    }
}
