"""Regenerate the dashboard screenshots in docs/img at phone (390×844) and desktop (1440×900) sizes.

Runs the real app on loopback and drives Debian's Chromium with Playwright, as the browser tests do
(tests/web/test_browser.py). Run it with ``make screenshots``.
"""

from __future__ import annotations

import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from casus.web import create_app

OUT = Path(__file__).resolve().parents[1] / "docs" / "img"
VIEW = "#org=csto&on=2024-06-25&attacker=Azerbaijan&target=Armenia&cf_on=2023-01-01"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> int:
    """Take the screenshots; print each file written."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("screenshots: Chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 2
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as p:
            for name, (width, height) in {"desktop": (1440, 900), "phone": (390, 844)}.items():
                with tempfile.TemporaryDirectory(prefix="casus-chromium-") as profile:
                    ctx = p.chromium.launch_persistent_context(
                        profile, executable_path=chromium, args=FLAGS, headless=True,
                        viewport={"width": width, "height": height},
                    )  # fmt: skip
                    page = ctx.new_page()
                    page.goto(f"http://127.0.0.1:{port}/{VIEW}")
                    page.wait_for_selector("body[data-ready=true]", timeout=60_000)
                    page.wait_for_selector("#verdicts .result", timeout=60_000)
                    page.wait_for_timeout(300)  # the map's colours fade in
                    shots = {f"dashboard-{name}.png": None}
                    if name == "phone":
                        shots["dashboard-phone-verdict.png"] = "#verdicts"
                    for file, anchor in shots.items():
                        if anchor:
                            page.evaluate(f"() => document.querySelector('{anchor}').scrollIntoView()")
                            page.evaluate("() => window.scrollBy(0, -8)")
                        page.screenshot(path=str(OUT / file))
                        print(OUT / file)
                    ctx.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
