"""The dashboard in a real browser: Playwright driving Debian's Chromium, at phone and desktop sizes.

Each test runs the real app on loopback and asserts what a reader sees: the members, the organization, the
casus-foederis verdict, the address; and, on every path, no console error, no request leaving loopback and no
horizontal scrolling. axe-core (vendored in ``tests/web/vendor``, MPL-2.0) checks WCAG 2.1 AA.

Skipped with one line when Chromium or Playwright is missing; ``.ci/run`` installs Chromium with apt.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.slow  # over ~5 s each (browser / fitted models); `make test-fast` skips them

CHROMIUM = os.environ.get("CASUS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM and os.environ.get("CASUS_REQUIRE_BROWSER"):
    raise RuntimeError("CASUS_REQUIRE_BROWSER is set but Chromium is not installed (apt-get install chromium)")
if not CHROMIUM:
    pytest.skip("Chromium is not installed (apt-get install chromium); browser tests skipped", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[dev]')")

AXE = Path(__file__).with_name("vendor") / "axe.min.js"
#: Chromium flags for this machine (no sandbox as root, no GPU, no background traffic).
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
SIZES = {"phone": (390, 844), "desktop": (1440, 900)}
WAIT = 30_000  # ms; the first evaluation loads the knowledge base


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    import uvicorn

    from casus.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    app = create_app(rate_limit=None)  # every test evaluates a question; the limit has its own tests
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the test server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def playwright() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        yield p


@dataclass
class Tab:
    """A page and what it did: console errors, requests that left loopback."""

    page: Any
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    expected: list[str] = field(default_factory=lambda: list(EXPECTED_404))

    def ready(self) -> None:
        self.page.wait_for_selector("body[data-ready=true]", timeout=WAIT)
        self.page.wait_for_selector("#verdicts .result, #verdicts .error-box", timeout=WAIT)

    def settled(self) -> None:
        """Wait until the dashboard shows what its address says (no view still loading)."""
        self.page.wait_for_function(
            "() => document.body.dataset.busy === 'false' && document.body.dataset.shown === location.hash",
            timeout=WAIT,
        )

    def overflow(self) -> int:
        """How many pixels the page is wider than the window (0: no sideways scrolling)."""
        return int(self.page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))

    def hash(self) -> dict[str, str]:
        from urllib.parse import parse_qsl

        return dict(parse_qsl(urlsplit(self.page.url).fragment))


@pytest.fixture(params=sorted(SIZES), scope="module")
def context(request: pytest.FixtureRequest, playwright: Any) -> Iterator[Any]:
    width, height = SIZES[request.param]
    with tempfile.TemporaryDirectory(prefix="casus-chromium-") as profile:
        ctx = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=FLAGS, headless=True, viewport={"width": width, "height": height}
        )
        ctx.size = request.param
        yield ctx
        ctx.close()


def _map_installed() -> bool:
    from casus.errors import DataUnavailableError
    from casus.web.geo import find_countries_file

    try:
        find_countries_file()
    except DataUnavailableError:
        return False
    return True


#: Without Natural Earth the map endpoint answers 404 (the panel says how to install it): an expected error.
EXPECTED_404 = () if _map_installed() else ("/api/v1/geo/countries",)


@pytest.fixture
def tab(context: Any, base_url: str) -> Iterator[Tab]:
    page = context.new_page()
    tab = Tab(page)

    def console(m: Any) -> None:
        if m.type == "error" and not any(p in (m.location or {}).get("url", "") for p in tab.expected):
            tab.errors.append(f"{m.text} ({(m.location or {}).get('url', '')})")

    page.on("console", console)
    page.on("pageerror", lambda e: tab.errors.append(str(e)))

    def guard(route: Any) -> None:
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            tab.foreign.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.goto(base_url + "/")
    yield tab
    page.close()


def _members(tab: Tab) -> dict[str, str]:
    """The members table as {state name: status as shown}."""
    rows: list[list[str]] = tab.page.evaluate(
        """() => [...document.querySelectorAll('.members-table tbody tr')].map((tr) =>
            [tr.querySelector('th').firstChild.textContent, tr.querySelector('.status').textContent])"""
    )
    return dict((name, status) for name, status in rows)


def test_main_user_paths(tab: Tab, context: Any) -> None:
    page = tab.page
    tab.ready()
    assert page.locator("h1").inner_text() == "Collective Security Treaty Organization"
    assert tab.overflow() == 0

    # change the date: Armenia's participation in the CSTO is frozen from February 2024
    page.fill("#date-input", "2024-06-25")
    page.dispatch_event("#date-input", "change")
    page.wait_for_function("() => document.querySelector('#members-date').textContent === '25 Jun 2024'", timeout=WAIT)
    page.wait_for_selector(".members-table", timeout=WAIT)
    assert tab.hash()["on"] == "2024-06-25"
    members = _members(tab)
    assert len(members) == 6 and members["Armenia"] == "suspended (frozen)" and members["Belarus"] == "member"
    assert tab.overflow() == 0

    # switch organization: NATO had 32 members once Sweden joined on 7 March 2024
    page.select_option("#org", "nato")
    page.wait_for_function("() => document.querySelector('h1').textContent.startsWith('North Atlantic')", timeout=WAIT)
    tab.settled()
    assert tab.hash()["org"] == "nato" and tab.hash()["on"] == "2024-06-25"
    nato = _members(tab)
    assert sum(status == "member" for status in nato.values()) == 32 and nato["Sweden"] == "member"
    assert tab.overflow() == 0

    # submit a casus-foederis question: Ceuta lies outside NATO's Article 6 area
    page.fill("input[name=attacker]", "Morocco")
    page.fill("input[name=target]", "Spain")
    page.fill("input[name=place]", "Ceuta")
    page.fill("input[name=on]", "2024-06-25")
    page.click("button[type=submit]")
    page.wait_for_function("() => location.hash.includes('attacker=Morocco')", timeout=WAIT)
    nato = page.locator("#verdicts article.result", has_text="North Atlantic Treaty").first
    nato.wait_for(timeout=WAIT)
    heading = nato.locator("h3").text_content()
    assert heading == "not triggered · duty to consult only", heading  # Art. 4 consultations, not Art. 5
    assert "on 25 Jun 2024" in nato.inner_text()
    assert tab.hash()["place"] == "Ceuta" and tab.hash()["cf_on"] == "2024-06-25"
    assert page.locator("#verdicts .result-link").get_attribute("href") == "#" + urlsplit(page.url).fragment
    assert tab.overflow() == 0

    # follow a link: the CSTO in the membership network (a list on phones, the graph on desktops)
    page.locator("""a[data-go='{"org":"csto"}']:visible""").first.click()
    page.wait_for_function(
        "() => document.querySelector('h1').textContent.startsWith('Collective Security')", timeout=WAIT
    )
    assert tab.hash()["org"] == "csto" and tab.hash()["attacker"] == "Morocco"
    assert tab.overflow() == 0

    # Back: NATO again, with the same question and answer
    page.go_back()
    page.wait_for_function("() => document.querySelector('h1').textContent.startsWith('North Atlantic')", timeout=WAIT)
    assert tab.hash()["org"] == "nato" and tab.hash()["attacker"] == "Morocco"
    assert page.input_value("#org") == "nato"
    # Back once more, at once, while NATO may still be loading: the older view must not win
    page.go_back()
    tab.settled()
    assert page.input_value("input[name=attacker]") == "Azerbaijan"  # the first example again
    assert "attacker" not in tab.hash() and tab.hash()["org"] == "nato"
    assert "Morocco" not in page.locator("#verdicts .question").text_content()
    assert tab.overflow() == 0

    assert tab.errors == []
    assert tab.foreign == []


def test_addresses_are_checked_and_explained(tab: Tab, base_url: str) -> None:
    page = tab.page
    tab.ready()
    page.goto(f"{base_url}/#org=OTAN&on=45-13-2024&attacker=Azerbaijan&target=Armenia&cf_on=2023-01-01")
    page.wait_for_function("() => document.querySelector('h1').textContent.startsWith('North Atlantic')", timeout=WAIT)
    assert "“45-13-2024” is not a date" in page.locator("#notices").inner_text()
    assert tab.hash()["org"] == "nato"  # the French acronym, resolved as the API resolves it
    page.wait_for_selector("#verdicts .result", timeout=WAIT)
    csto = page.locator("#verdicts article.result", has_text="Collective Security Treaty").first
    assert csto.locator("h3").text_content().startswith("triggered · 5 states obligated to assist"), csto.inner_text()

    page.goto(f"{base_url}/#org=Warsaw%20Pakt&on=2024-06-25")
    page.wait_for_function(
        "() => document.querySelector('#notices').textContent.includes('No organization')", timeout=WAIT
    )
    assert page.locator("h1").inner_text() == "Collective Security Treaty Organization"
    assert "Warsaw Pakt" in page.locator("#notices").inner_text()
    assert tab.errors == [] and tab.foreign == []


def test_answers_speak_plainly(tab: Tab) -> None:
    page = tab.page
    tab.ready()
    # an empty date is evaluated as today, and the answer says so
    page.fill("input[name=attacker]", "non-state")
    page.fill("input[name=target]", "Kazakhstan")
    page.fill("input[name=on]", "")
    page.select_option("select[name=kind]", "unrest")
    page.select_option("select[name=requested]", "true")
    page.click("button[type=submit]")
    page.wait_for_function("() => location.hash.includes('target=Kazakhstan')", timeout=WAIT)
    page.wait_for_selector("#verdicts .result", timeout=WAIT)
    today = page.evaluate("() => document.querySelector('#verdicts .question').textContent")
    assert "(today: no date given)" in today, today
    words = page.evaluate(
        """() => [...document.querySelectorAll('#verdicts :is(.result-head, .trace td, .provision .label, .row)')]
            .map((e) => e.textContent).join(' | ')"""
    )
    assert "_" not in words, words  # no identifier such as not_triggered, in_force or deploy_collective_forces
    assert "not triggered · deployment of collective forces permitted (consensus)" in words
    text = page.locator("#verdicts").text_content()
    assert " 1 sources" not in text and " 1 checks" not in text
    for row in page.locator("#verdicts .trace tbody tr").all():  # one mark per source in each row
        marks = [b.text_content() for b in row.locator(".ref").all()]
        assert len(marks) == len(set(marks))
    # an unknown name: "did you mean" once, as buttons that fix the field
    tab.expected.append("/api/v1/obligations")  # the 404 for the unknown name is the expected answer
    page.fill("input[name=attacker]", "Azerbajan")
    page.fill("input[name=target]", "Armenia")
    page.click("button[type=submit]")
    box = page.locator("#verdicts .error-box")
    box.wait_for(timeout=WAIT)
    assert box.text_content().lower().count("did you mean") == 1, box.text_content()
    box.locator("button", has_text="Azerbaijan").click()
    page.wait_for_function("() => location.hash.includes('attacker=Azerbaijan')", timeout=WAIT)
    assert page.input_value("input[name=attacker]") == "Azerbaijan"
    assert tab.errors == [] and tab.foreign == []


def test_keyboard_reaches_the_form_and_the_tables(tab: Tab) -> None:
    page = tab.page
    tab.ready()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the casus-foederis form"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "casus-title"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Azerbaijan → Armenia, 2023"

    page.click("[data-set-view=table]")
    page.wait_for_function("() => location.hash.includes('view=table')", timeout=WAIT)
    assert page.locator("#network-table table").is_visible()
    assert page.locator("#map-table").is_visible()
    assert not page.locator("#timeline-strip").is_visible()
    assert tab.errors == [] and tab.foreign == []


def test_obligation_network_panel_draws_the_pledges_of_a_date(tab: Tab) -> None:
    page = tab.page
    tab.ready()
    page.fill("#obligations-form input[name=on]", "2024-06-25")
    page.click("#obligations-form button[type=submit]")
    page.wait_for_selector("#obligations .obligations-summary", timeout=WAIT)
    summary = page.locator("#obligations .obligations-summary").inner_text()
    assert "among 195 states on 25 Jun 2024" in summary
    edges = page.locator("#obligations line.edge.triggered").count()
    assert edges > 1000 and summary.startswith(f"{edges:,} obligations")
    rows = page.locator(".obligations-table tbody tr")
    assert rows.count() == 12
    assert int(rows.first.locator("td").nth(1).inner_text()) >= 31  # a NATO and EU member: 31 allies and more
    assert "casus extension from 2017" in page.locator("#obligations").inner_text()
    assert tab.overflow() == 0
    assert tab.errors == [] and tab.foreign == []


def test_no_serious_accessibility_violation(tab: Tab, context: Any) -> None:
    page = tab.page
    tab.ready()
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = {}
    for view in ("chart", "table"):
        page.evaluate(f"location.hash = '#org=csto&on=2024-06-25&view={view}'")
        page.wait_for_function(f"() => document.body.dataset.view === '{view}'", timeout=WAIT)
        page.wait_for_function("() => document.querySelector('#members-date').textContent === '25 Jun 2024'")
        page.wait_for_selector("#verdicts .result", timeout=WAIT)
        report = page.evaluate(
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        found[view] = [
            f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in report["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert len(report["passes"]) > 20  # axe really ran
    assert found == {"chart": [], "table": []}, f"{context.size}: {found}"
