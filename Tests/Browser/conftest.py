"""Fixtures that run the real `learncity` binary on a free loopback port with its own data directory."""
import os
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest

BIN = os.environ.get("LEARNCITY_BIN", ".build/debug/learncity")
ADMIN_PASSWORD = "browser-test-password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_cli(*args, env=None, timeout=120):
    """Runs the binary with a clean environment plus `env`; returns the CompletedProcess."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("LEARNCITY_", "DATABASE_URL"))}
    full_env.update(env or {})
    return subprocess.run([BIN, *args], env=full_env, capture_output=True, text=True, timeout=timeout)


class Server:
    def __init__(self, data_dir: str, env=None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("LEARNCITY_", "DATABASE_URL"))}
        self.env.update({"LEARNCITY_DATA_DIR": data_dir, "LEARNCITY_ADMIN_PASSWORD": ADMIN_PASSWORD})
        self.env.update(env or {})
        self.log = open(os.path.join(tempfile.gettempdir(), f"learncity-{self.port}.log"), "w+")
        self.process = subprocess.Popen([BIN, "serve", "--port", str(self.port)], env=self.env,
                                        stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("learncity exited: " + self.output())
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("learncity did not become healthy: " + self.output())

    def output(self) -> str:
        if self.log.closed:
            return self.final_output
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.final_output = self.output()
        self.log.close()


@pytest.fixture(scope="session")
def server():
    with tempfile.TemporaryDirectory() as data_dir:
        s = Server(data_dir)
        yield s
        s.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                              args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()
