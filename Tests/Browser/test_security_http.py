"""An attacker's requests against the real server (issue 12): refused before the body is read,
no crash from a URL, every error with its security headers, a quick stop on SIGTERM."""
import os
import signal
import socket
import tempfile
import time
import urllib.request

from conftest import Server


def raw(server, head: bytes, body: bytes = b"", wait=5.0) -> bytes:
    """Sends a request by hand (so it can lie about its length) and returns what came back."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=wait) as s:
        s.sendall(head + body)
        data = b""
        try:
            while b"\r\n\r\n" not in data:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        except (ConnectionResetError, socket.timeout):
            pass
        return data


def rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS"))


def test_anonymous_uploads_are_refused_unread(server):
    # Eight anonymous imports announcing 199 MB each: answered at once, and memory stays flat.
    before = rss_kb(server.process.pid)
    for _ in range(8):
        started = time.time()
        answer = raw(server, b"POST /imports HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                     b"Content-Length: 208666624\r\n\r\n", b"a" * 65536)
        assert answer.startswith((b"HTTP/1.1 303", b"HTTP/1.1 403", b"HTTP/1.1 413")), answer[:80]
        assert time.time() - started < 3
    assert rss_kb(server.process.pid) - before < 100_000


def test_bad_token_is_refused_before_the_body(server):
    answer = raw(server, b"POST /api/v1/imports/people HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer lc_junk\r\n"
                 b"Content-Type: text/csv\r\nContent-Length: 157286400\r\n\r\n", b"a" * 1024)
    assert answer.startswith(b"HTTP/1.1 401"), answer[:80]


def test_overflowing_page_number_does_not_stop_the_server(server):
    for path in ["/courses?page=9223372036854775807", "/people?page=9223372036854775807",
                 "/api/v1/people?page=9223372036854775807"]:
        answer = raw(server, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
        assert answer.startswith(b"HTTP/1.1 "), answer[:40]
        assert not answer.startswith(b"HTTP/1.1 5"), answer[:40]
    with urllib.request.urlopen(server.base + "/healthz") as r:
        assert r.status == 200


def test_reflected_path_is_escaped_and_errors_carry_headers(server):
    answer = raw(server, b'GET /x%22%3E%3Cscript%3Ealert(1)%3C/script%3E HTTP/1.1\r\nHost: x\r\n\r\n')
    head = answer.split(b"\r\n\r\n")[0].lower()
    assert head.startswith(b"http/1.1 404")
    assert b"content-security-policy:" in head and b"x-frame-options: deny" in head
    assert b"x-content-type-options: nosniff" in head


def test_sigterm_stops_within_seconds():
    with tempfile.TemporaryDirectory() as data_dir:
        s = Server(data_dir)
        # An idle keep-alive connection must not hold the stop.
        idle = socket.create_connection(("127.0.0.1", s.port))
        idle.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        idle.recv(4096)
        started = time.time()
        s.process.send_signal(signal.SIGTERM)
        s.process.wait(timeout=10)
        elapsed = time.time() - started
        idle.close()
        s.final_output = s.output()
        s.log.close()
        assert elapsed < 5, f"stop took {elapsed:.1f} s"
        assert "took too long" not in s.final_output
