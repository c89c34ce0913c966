-- wrk script of bench/p1-endpoint.sh: POST the get_plugin_endpoint body given in the environment (P1_BODY).
wrk.method = "POST"
wrk.body = os.getenv("P1_BODY")
wrk.headers["Content-Type"] = "application/json"
