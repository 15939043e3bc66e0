"""The running server over real HTTP: the OpenAPI document, limits, health and metrics."""
import json
import urllib.error
import urllib.request

from openapi_spec_validator import validate


def get(server, path, headers=None):
    request = urllib.request.Request(server.base + path, headers=headers or {})
    try:
        with urllib.request.urlopen(request) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def test_openapi_document_is_valid_openapi_31(server):
    status, headers, body = get(server, "/api/openapi.json")
    assert status == 200
    document = json.loads(body)
    validate(document)  # raises on any violation of the OpenAPI 3.1 schema
    assert document["openapi"] == "3.1.0"
    assert "/api/v1/indicators" in document["paths"]


def test_every_documented_get_answers_as_documented(server):
    document = json.loads(get(server, "/api/openapi.json")[2])
    for path, operations in document["paths"].items():
        if "get" not in operations or "{" in path:
            continue
        status, headers, body = get(server, path)
        expected = "200" if status == 200 else str(status)
        assert expected in operations["get"]["responses"], (path, status)
        assert headers["Content-Type"].startswith("application/problem+json" if status >= 400 else "application/json")


def test_problem_json_in_english_on_request(server):
    status, headers, body = get(server, "/api/v1/indicators?year=x", {"Accept-Language": "en"})
    assert status == 400 and headers["Content-Type"].startswith("application/problem+json")
    problem = json.loads(body)
    assert problem["code"] == "invalid_parameter" and problem["title"] == "A parameter is not valid."


def test_oversized_body_is_refused(server):
    body = b"username=" + b"a" * (2 * 1024 * 1024)
    request = urllib.request.Request(server.base + "/signin", data=body, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    try:
        urllib.request.urlopen(request)
        assert False, "accepted a 2 MB form"
    except urllib.error.HTTPError as e:
        assert e.code == 413
    except (ConnectionResetError, urllib.error.URLError):
        pass  # the server may close the connection while the client is still sending


def test_health_and_metrics(server):
    assert get(server, "/healthz")[0] == 200
    status, headers, body = get(server, "/metrics")
    assert status == 200 and b"http_requests_total" in body and b"http_request_duration_seconds" in body
