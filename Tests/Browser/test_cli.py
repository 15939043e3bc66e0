"""The `learncity` command as users run it: help, configuration errors, first and second start,
demo, indicators, backup, and PostgreSQL via DATABASE_URL."""
import json
import os
import socket
import sqlite3
import tempfile
import uuid

import pytest

from conftest import Server, run_cli


def one_line_error(result):
    assert result.returncode == 1, result
    lines = [l for l in result.stderr.splitlines() if l.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("learncity: ")
    assert "Traceback" not in result.stderr and "Fatal error" not in result.stderr
    return lines[0]


def test_help_lists_the_commands():
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ["serve", "migrate", "demo", "indicators", "import", "backup"]:
        assert command in result.stdout


def test_unknown_command_is_one_line():
    one_line_error(run_cli("frobnicate"))


@pytest.mark.parametrize("url", ["mysql://u@h/db", "postgres://nohost", "postgres://u@127.0.0.1:1/db"])
def test_bad_database_url_creates_nothing(url, tmp_path):
    data = tmp_path / "data"
    line = one_line_error(run_cli("migrate", env={"DATABASE_URL": url, "LEARNCITY_DATA_DIR": str(data)}))
    assert "DATABASE_URL" in line
    assert not data.exists() or not any(data.iterdir())


def test_unwritable_data_directory():
    line = one_line_error(run_cli("migrate", env={"LEARNCITY_DATA_DIR": "/proc/learncity-test"}))
    assert "LEARNCITY_DATA_DIR" in line


def test_port_in_use_creates_nothing(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        data = tmp_path / "data"
        line = one_line_error(run_cli("serve", "--port", str(port), env={"LEARNCITY_DATA_DIR": str(data)}))
        assert str(port) in line and "--port" in line
        assert not data.exists()


def test_migrate_demo_indicators_backup(tmp_path):
    env = {"LEARNCITY_DATA_DIR": str(tmp_path / "data"), "LEARNCITY_DEMO": "0"}
    assert run_cli("migrate", env=env).returncode == 0
    first = run_cli("demo", env=env)
    assert first.returncode == 0 and "demo city loaded" in first.stdout
    second = run_cli("demo", env=env)
    assert second.returncode == 0 and "already loaded" in second.stdout

    result = run_cli("indicators", "--year", "2014", "--json", env=env)
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["year"] == 2014 and body["region"] == "511700"
    t4 = next(i for i in body["indicators"] if i["code"] == "T4")
    assert t4 == {"code": "T4", "name": "社区教育参与率", "unit": "rate", "value": 0.0, "target": 0.35,
                  "numerator": 0, "denominator": 5630000}
    one_line_error(run_cli("indicators", "--year", "2014", "--region", "999999", env=env))

    backup = run_cli("backup", str(tmp_path / "backup"), env=env)
    assert backup.returncode == 0, backup.stderr
    copy = backup.stdout.split()[0]
    with sqlite3.connect(copy) as db:
        assert db.execute("select count(*) from organisations").fetchone()[0] == 39
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_first_start_prints_password_once_and_second_start_loads_nothing(tmp_path):
    data = str(tmp_path / "data")
    first = Server(data, env={"LEARNCITY_ADMIN_PASSWORD": ""})
    try:
        import urllib.request
        orgs = json.load(urllib.request.urlopen(first.base + "/api/v1/organisations"))
    finally:
        first.stop()
    assert "initial password" in first.output()
    second = Server(data, env={"LEARNCITY_ADMIN_PASSWORD": ""})
    try:
        again = json.load(urllib.request.urlopen(second.base + "/api/v1/organisations"))
    finally:
        second.stop()
    assert "initial password" not in second.output()
    assert len(orgs) == len(again) == 39


def test_empty_start_still_has_reference_data(tmp_path):
    import urllib.request
    server = Server(str(tmp_path / "data"), env={"LEARNCITY_DEMO": "0"})
    try:
        assert json.load(urllib.request.urlopen(server.base + "/api/v1/organisations")) == []
        regions = json.load(urllib.request.urlopen(server.base + "/api/v1/regions"))
        assert len([r for r in regions if r["level"] == 1]) == 34
    finally:
        server.stop()


def test_json_logs(tmp_path):
    import urllib.request
    server = Server(str(tmp_path / "data"), env={"LEARNCITY_LOG_FORMAT": "json"})
    try:
        urllib.request.urlopen(server.base + "/healthz").read()
    finally:
        server.stop()
    records = [json.loads(l) for l in server.output().splitlines() if l.startswith("{")]
    assert any(r.get("message") == "GET /healthz 200" and r.get("status") == "200" for r in records)


def postgres_url():
    url = os.environ.get("LEARNCITY_TEST_DATABASE_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("CI is set but no PostgreSQL is available for the CLI test")
        pytest.skip("no PostgreSQL (LEARNCITY_TEST_DATABASE_URL)")
    return url


def test_same_binary_on_postgres(tmp_path):
    """DATABASE_URL switches the same binary to PostgreSQL: migrate, demo, serve, indicators."""
    url = postgres_url() + f"?schema=cli_{uuid.uuid4().hex[:12]}"
    env = {"DATABASE_URL": url, "LEARNCITY_DATA_DIR": str(tmp_path / "data")}
    assert run_cli("migrate", env=env).returncode == 0
    assert "demo city loaded" in run_cli("demo", env=env).stdout
    result = run_cli("indicators", "--year", "2014", "--json", env=env)
    assert result.returncode == 0, result.stderr
    assert [i["code"] for i in json.loads(result.stdout)["indicators"]] == ["T1", "T2", "T3", "T4", "T5"]
    import urllib.request
    server = Server(str(tmp_path / "data"), env={"DATABASE_URL": url})
    try:
        assert json.load(urllib.request.urlopen(server.base + "/healthz"))["database"] == "reachable"
        assert len(json.load(urllib.request.urlopen(server.base + "/api/v1/organisations"))) == 39
    finally:
        server.stop()
    assert not (tmp_path / "data" / "learncity.sqlite").exists()


def test_user_create_and_key_file(tmp_path):
    data = tmp_path / "data"
    env = {"LEARNCITY_DATA_DIR": str(data)}
    assert run_cli("demo", env=env).returncode == 0
    result = run_cli("user", "create", "xh.admin", "--name", "宣汉管理员", "--role", "county_admin", "--org", "CL-511722", env=env)
    assert result.returncode == 0, result.stderr
    assert "initial password" in result.stdout
    key = data / "learncity.key"
    assert key.exists() and (key.stat().st_mode & 0o777) == 0o600
    one_line_error(run_cli("user", "create", "xh.admin", "--role", "county_admin", env=env))  # taken
    one_line_error(run_cli("user", "create", "other", "--role", "emperor", env=env))
    one_line_error(run_cli("user", "create", "other", "--role", "teacher", "--org", "NOPE", env=env))


def test_wrong_key_refuses_to_start(tmp_path):
    data = tmp_path / "data"
    assert run_cli("migrate", env={"LEARNCITY_DATA_DIR": str(data)}).returncode == 0
    import base64
    other = base64.b64encode(b"\x01" * 32).decode()
    line = one_line_error(run_cli("migrate", env={"LEARNCITY_DATA_DIR": str(data), "LEARNCITY_SECRET_KEY": other}))
    assert "learncity.key" in line
    one_line_error(run_cli("migrate", env={"LEARNCITY_DATA_DIR": str(data), "LEARNCITY_SECRET_KEY": "too-short"}))


SAMPLES = os.path.join(os.path.dirname(__file__), "..", "Fixtures")


def test_import_people_contract(tmp_path):
    env = {"LEARNCITY_DATA_DIR": str(tmp_path / "data")}
    assert run_cli("demo", env=env).returncode == 0
    sample = os.path.join(SAMPLES, "people-gbk.csv")
    expected = json.load(open(os.path.join(SAMPLES, "expected.json")))["people-gbk.csv"]

    strict = run_cli("import", "people", sample, "--strict", "--json", env=env)
    assert strict.returncode == 2, strict.stderr
    assert json.loads(strict.stdout)["status"] == "error"

    dry = json.loads(run_cli("import", "people", sample, "--dry-run", "--json", env=env).stdout)
    assert dry["dryRun"] is True and dry["imported"] == expected["valid_people"]

    first = run_cli("import", "people", sample, "--json", env=env)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["rows"] == expected["rows"] and summary["imported"] == expected["valid_people"]
    assert sorted({c["row"] for c in summary["conflicts"]}) == expected["bad_lines"]
    assert all(c["code"] and c["message"] for c in summary["conflicts"])
    rows_with_conflicts = len({c["row"] for c in summary["conflicts"]})
    assert summary["rows"] == summary["imported"] + summary["updated"] + summary["ignored"] + rows_with_conflicts

    again = json.loads(run_cli("import", "people", sample, "--json", env=env).stdout)
    assert again["imported"] == 0 and again["updated"] == 0 and again["ignored"] == expected["valid_people"]

    text = run_cli("import", "people", sample, env=env)
    assert "校验位错误" in text.stdout


def test_import_refuses_what_is_not_a_spreadsheet(tmp_path):
    env = {"LEARNCITY_DATA_DIR": str(tmp_path / "data")}
    junk = tmp_path / "scan.pdf"
    junk.write_bytes(b"%PDF-1.4\x00\x01\x02binary")
    line = one_line_error(run_cli("import", "people", str(junk), env=env))
    assert "CSV" in line and "XLSX" in line
    one_line_error(run_cli("import", "people", str(tmp_path / "missing.csv"), env=env))
    one_line_error(run_cli("import", "courses", str(junk), env=env))


def test_import_orgs_gbk_strict_then_warning(tmp_path):
    env = {"LEARNCITY_DATA_DIR": str(tmp_path / "data")}
    assert run_cli("demo", env=env).returncode == 0
    orgs = tmp_path / "机构.csv"
    orgs.write_bytes("机构名称,机构类型,上级机构,区县,是否示范\r\n"
                     "宣汉县南坝镇村级继续教育中心,村级中心,宣汉县继续教育学院,宣汉县,是\r\n"
                     "无名机构,外星机构,宣汉县继续教育学院,宣汉县,否\r\n".encode("gb18030"))
    strict = run_cli("import", "orgs", str(orgs), "--strict", "--json", env=env)
    assert strict.returncode == 2, strict.stderr
    refused = json.loads(strict.stdout)
    assert refused["status"] == "error" and refused["conflicts"][0]["row"] == 3 and refused["conflicts"][0]["column"] == "类型"
    done = run_cli("import", "orgs", str(orgs), "--json", env=env)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["status"] == "warning" and summary["imported"] == 1 and summary["rows"] == 2
    again = json.loads(run_cli("import", "orgs", str(orgs), "--json", env=env).stdout)
    assert again["imported"] == 0 and again["ignored"] == 1


def test_import_records_sample_then_indicators(tmp_path):
    env = {"LEARNCITY_DATA_DIR": str(tmp_path / "data")}
    expected = json.load(open(os.path.join(SAMPLES, "expected.json")))["records-2014Q3.xlsx"]
    assert run_cli("demo", env=env).returncode == 0
    sample = os.path.join(SAMPLES, "records-2014Q3.xlsx")
    first = run_cli("import", "records", sample, "--json", env=env)
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["rows"] == expected["rows"] and summary["imported"] == expected["valid_records"]
    assert sorted({c["row"] for c in summary["conflicts"]}) == expected["bad_lines"]
    again = json.loads(run_cli("import", "records", sample, "--json", env=env).stdout)
    assert again["imported"] == 0 and again["ignored"] == expected["valid_records"]
    figures = json.loads(run_cli("indicators", "--year", "2014", "--json", env=env).stdout)
    values = {i["code"]: i for i in figures["indicators"]}
    assert values["T3"]["value"] > 0 and values["T4"]["numerator"] > 0
    strict = run_cli("import", "records", sample, "--strict", "--json", env=env)
    assert strict.returncode == 2 and json.loads(strict.stdout)["status"] == "error"
