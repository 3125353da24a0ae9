import json
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import (content_type_conformance, negative_data_rejection, not_a_server_error,
                                 response_headers_conformance, response_schema_conformance, status_code_conformance)

from tests.conftest import ApiClient, sign_in

with open("webapp/api/openapi.json") as fh:
    SPEC = json.load(fh)
OPS = [(m.upper(), p) for p, item in SPEC["paths"].items() for m in item]
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance, response_headers_conformance]

@pytest.fixture
def signed_in(app, user):
    client = app.test_client()
    assert sign_in(client).status_code == 302
    return ApiClient(client, "fuzz-device")


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("method,path", OPS)
def test_signed_in(app, signed_in, method, path, mode):
    if mode == GenerationMode.NEGATIVE and path == "/session":
        pytest.skip()
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operation = schema[path][method]
    seen = {}

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=50, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case):
        response = case.call(session=signed_in.client, headers={"X-CSRFToken": signed_in.token})
        seen[response.status_code] = seen.get(response.status_code, 0) + 1
        checks = CHECKS + ([negative_data_rejection] if mode == GenerationMode.NEGATIVE and response.status_code != 410 else [])
        try:
            case.validate_response(response, checks=checks)
        except Exception:
            print(case.headers, case.query, case.body, response.status_code, response.text[:300])
            raise

    run()
    print(method, path, mode, seen)
