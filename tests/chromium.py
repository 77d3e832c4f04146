"""Headless Chromium for tests, driven through the DevTools protocol over a pipe.

No dependency beyond Debian's `chromium` (scripts/install-system.sh): Chromium is
started with --remote-debugging-pipe and reads commands on fd 3, answers on fd 4,
one JSON message per NUL-terminated line. Just what the tests need: open a page
(desktop or phone), run JavaScript, press keys, type, tap, wait, screenshot.

    with Browser.launch() as browser:
        page = browser.new_page(phone=True)
        page.goto("http://127.0.0.1:8000/")
        page.press("/")
        page.type("helpdesk")
        page.wait_for("document.querySelectorAll('li').length > 0")
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--mute-audio",
         "--remote-debugging-pipe")
# Keys that are not text: DevTools needs their code and key code.
SPECIAL_KEYS = {
    "Enter": ("Enter", 13, "\r"), "Escape": ("Escape", 27, ""), "Tab": ("Tab", 9, ""),
    "ArrowDown": ("ArrowDown", 40, ""), "ArrowUp": ("ArrowUp", 38, ""), "Backspace": ("Backspace", 8, ""),
}


class BrowserError(Exception):
    """Chromium answered a command with an error, or did not answer in time."""


def find_chromium() -> str | None:
    env = os.environ.get("CHROMIUM")
    if env:
        return env
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


class Browser:
    def __init__(self, process: subprocess.Popen, to_browser: int, from_browser: int, profile: str) -> None:
        self.process, self.profile = process, profile
        self._out = os.fdopen(to_browser, "wb", buffering=0)
        self._in = os.fdopen(from_browser, "rb", buffering=0)
        self._next_id = 0
        self._lock = threading.Lock()
        self._changed = threading.Condition()
        self._answers: dict[int, dict] = {}
        self.events: list[dict] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    @classmethod
    def launch(cls, executable: str | None = None) -> Browser:
        executable = executable or find_chromium()
        if not executable:
            raise BrowserError("Chromium not found: install Debian's `chromium` (scripts/install-system.sh)")
        profile = tempfile.mkdtemp(prefix="chromium-test-")
        commands_r, commands_w = os.pipe()  # we write, Chromium reads on fd 3
        answers_r, answers_w = os.pipe()  # Chromium writes on fd 4, we read

        def fds():  # in the child, before exec: put the pipe ends on fds 3 and 4
            high_r = fcntl.fcntl(commands_r, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(answers_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)  # dup2 clears close-on-exec: these two are inherited
            os.dup2(high_w, 4)

        # close_fds=False: Python's own descriptors are close-on-exec (PEP 446) anyway,
        # and closing would drop fds 3 and 4.
        process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=fds, close_fds=False)
        os.close(commands_r)
        os.close(answers_w)
        return cls(process, commands_w, answers_r, profile)

    # --- protocol --------------------------------------------------------------------
    def _read(self) -> None:
        buffer = b""
        while True:
            try:
                chunk = self._in.read(65536)
            except OSError:
                chunk = b""
            if not chunk:
                with self._changed:
                    self._answers[-1] = {"error": {"message": "Chromium closed the pipe"}}
                    self._changed.notify_all()
                return
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            with self._changed:
                for raw in messages:
                    message = json.loads(raw)
                    if "id" in message:
                        self._answers[message["id"]] = message
                    else:
                        self.events.append(message)
                self._changed.notify_all()

    def send(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = 30) -> dict:
        with self._lock:
            self._next_id += 1
            ident = self._next_id
            message = {"id": ident, "method": method, "params": params or {}}
            if session:
                message["sessionId"] = session
            self._out.write(json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        with self._changed:
            while ident not in self._answers:
                if -1 in self._answers:
                    raise BrowserError(self._answers[-1]["error"]["message"])
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BrowserError(f"{method}: no answer in {timeout} s")
                self._changed.wait(left)
            answer = self._answers.pop(ident)
        if "error" in answer:
            raise BrowserError(f"{method}: {answer['error'].get('message')}")
        return answer.get("result", {})

    def wait_event(self, method: str, session: str | None = None, after: int = 0,
                   timeout: float = 30) -> dict:
        """The first event `method` (of `session`) received after the `after`-th event."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for event in self.events[after:]:
                    if event.get("method") == method and (session is None or event.get("sessionId") == session):
                        return event
                left = deadline - time.monotonic()
                if left <= 0:
                    raise BrowserError(f"no {method} in {timeout} s")
                self._changed.wait(left)

    # --- pages -----------------------------------------------------------------------
    def new_page(self, width: int = 1280, height: int = 800, phone: bool = False) -> Page:
        if phone:
            width, height = 390, 844
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, target, session)
        for domain in ("Page", "Runtime", "Network"):
            page.send(f"{domain}.enable")
        page.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 3 if phone else 1, "mobile": phone})
        if phone:
            page.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
        return page

    def close(self) -> None:
        try:
            self.send("Browser.close", timeout=5)
        except BrowserError:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for stream in (self._out, self._in):
            try:
                stream.close()
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Page:
    def __init__(self, browser: Browser, target: str, session: str) -> None:
        self.browser, self.target, self.session = browser, target, session

    def send(self, method: str, params: dict | None = None, timeout: float = 30) -> dict:
        return self.browser.send(method, params, self.session, timeout)

    def goto(self, url: str, timeout: float = 30) -> None:
        mark = len(self.browser.events)
        answer = self.send("Page.navigate", {"url": url})
        if answer.get("errorText"):
            raise BrowserError(f"{url}: {answer['errorText']}")
        self.browser.wait_event("Page.loadEventFired", self.session, mark, timeout)
        # the blank page's own load event may come late: wait for this document
        self.wait_for(f"location.href === {json.dumps(url)} && document.readyState === 'complete'", timeout)

    def requests(self) -> list[str]:
        """URLs this page asked for since it was opened."""
        return [e["params"]["request"]["url"] for e in self.browser.events
                if e.get("sessionId") == self.session and e.get("method") == "Network.requestWillBeSent"]

    def evaluate(self, expression: str, timeout: float = 30):
        answer = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True}, timeout)
        if "exceptionDetails" in answer:
            details = answer["exceptionDetails"]
            raise BrowserError(f"{expression}: {details.get('exception', {}).get('description') or details}")
        return answer["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 10):
        """Evaluate until the value is truthy; return it."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                raise BrowserError(f"still false after {timeout} s: {expression}")
            time.sleep(0.05)

    def press(self, key: str) -> None:
        """A key press: a special key name (Enter, Escape, Tab, ArrowDown…) or one character."""
        name, code, text = SPECIAL_KEYS.get(key, (key, ord(key.upper()) if len(key) == 1 else 0, key))
        params = {"key": name, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}
        if key in SPECIAL_KEYS:
            params["code"] = name
        self.send("Input.dispatchKeyEvent", {"type": "keyDown", "text": text, **params} if text
                  else {"type": "rawKeyDown", **params})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", **params})

    def type(self, text: str) -> None:
        for char in text:
            self.press(char)

    def tap(self, selector: str) -> None:
        """Touch the middle of the element, as a finger would."""
        box = self.evaluate(f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                            ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        point = [{"x": box[0], "y": box[1]}]
        self.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
        self.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        Path(path).write_bytes(base64.b64decode(data))
        return Path(path)

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
