"""Fixtures for the browser tests: a headless Chromium per viewport, driven by selenium through
Debian's chromedriver, and a small page helper.

Environment:
  LAMTHEOBAC_URL        base URL of a running app with demo data (required)
  LAMTHEOBAC_ARTIFACTS  directory for screenshots, page sources and chromedriver logs
                        (default: a new temporary directory)
"""

import os
import re
import tempfile
import unicodedata
import urllib.parse

import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = os.environ.get("LAMTHEOBAC_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("LAMTHEOBAC_CHROMEDRIVER", "/usr/bin/chromedriver")

VIEWPORTS = {
    "desktop": (1366, 900),
    "phone": (390, 844),
}

WAIT_SECONDS = 20

_failure_artifacts = []


def nfc(text):
    """NFC with runs of whitespace collapsed: the form text is compared in."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


@pytest.fixture(scope="session")
def base_url():
    url = os.environ.get("LAMTHEOBAC_URL", "").rstrip("/")
    if not url:
        pytest.fail(
            "LAMTHEOBAC_URL is not set: run scripts/test, or start the app "
            "(lamtheobac serve --demo) and set LAMTHEOBAC_URL=http://127.0.0.1:PORT",
            pytrace=False,
        )
    return url


@pytest.fixture(scope="session")
def artifacts_dir():
    path = os.environ.get("LAMTHEOBAC_ARTIFACTS") or tempfile.mkdtemp(prefix="lamtheobac-browser-")
    os.makedirs(path, exist_ok=True)
    return path


def _set_viewport(driver, width, height):
    """Sizes the window so that the page's viewport (innerWidth x innerHeight) is exactly
    width x height: headless Chromium counts a window frame in the window size, and since
    Chromium 15x will not make a window narrower than 500 px, so a phone's width is set by
    device emulation (the way DevTools' device toolbar does it)."""
    driver.set_window_size(width, height)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    for _ in range(3):
        inner_w, inner_h = driver.execute_script("return [window.innerWidth, window.innerHeight]")
        if (inner_w, inner_h) == (width, height):
            return
        size = driver.get_window_size()
        driver.set_window_size(size["width"] + width - inner_w, size["height"] + height - inner_h)
    inner_w, inner_h = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    assert (inner_w, inner_h) == (width, height), (
        f"could not size the viewport to {width}x{height}: got {inner_w}x{inner_h}"
    )


class UI:
    """One browser at one viewport, with the steps the tests share."""

    def __init__(self, driver, viewport, base_url, artifacts_dir):
        self.driver = driver
        self.viewport = viewport
        self.width, self.height = VIEWPORTS[viewport]
        self.base_url = base_url
        self.artifacts_dir = artifacts_dir

    @property
    def is_phone(self):
        return self.viewport == "phone"

    # -- navigation ------------------------------------------------------------------------

    def url(self, path):
        return self.base_url + path

    def open(self, path):
        self.driver.get(self.url(path))
        self.wait_loaded()

    def wait_loaded(self):
        WebDriverWait(self.driver, WAIT_SECONDS).until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )

    def path(self):
        return urllib.parse.urlsplit(self.driver.current_url).path

    def query(self):
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.driver.current_url).query)

    def wait(self, css, timeout=WAIT_SECONDS):
        try:
            return WebDriverWait(self.driver, timeout).until(
                EC.presence_of_element_located((By.CSS_SELECTOR, css))
            )
        except TimeoutException:
            raise AssertionError(
                f"no element {css!r} on {self.driver.current_url} after {timeout} s"
            ) from None

    def find(self, css, within=None):
        found = (within or self.driver).find_elements(By.CSS_SELECTOR, css)
        assert found, f"no element {css!r} on {self.driver.current_url}"
        return found[0]

    def exists(self, css):
        return bool(self.driver.find_elements(By.CSS_SELECTOR, css))

    def submit_and_wait(self, action):
        """Runs action (which submits a form or clicks a link) and waits for the next page.

        The old page is marked with a window property; the next document has none. While the
        browser is between documents, calls may fail in several ways: those count as 'not yet'.
        """
        self.driver.execute_script("window.__lamtheobacOldPage = true")
        action()

        def next_page_loaded(driver):
            return driver.execute_script(
                "return window.__lamtheobacOldPage !== true && document.readyState === 'complete'"
            )

        try:
            WebDriverWait(
                self.driver, WAIT_SECONDS, ignored_exceptions=(WebDriverException,)
            ).until(next_page_loaded)
        except TimeoutException:
            raise AssertionError(
                f"submitting did not load a new page (still on {self.driver.current_url})"
            ) from None

    def reveal(self, element):
        """Opens any closed <details> around element (a no-JS menu on a phone)."""
        if element.is_displayed():
            return
        self.driver.execute_script(
            "for (let e = arguments[0]; e; e = e.parentElement)"
            "  if (e.tagName === 'DETAILS') e.open = true;",
            element,
        )

    def click_submit(self, form):
        """Submits form the way a person does: its submit button, or Enter in its first field."""
        buttons = form.find_elements(By.CSS_SELECTOR, "button[type=submit], input[type=submit]")
        if not buttons:
            buttons = [b for b in form.find_elements(By.CSS_SELECTOR, "button") if not b.get_attribute("type")]
        if buttons:
            button = buttons[0]
            self.reveal(button)
            assert button.is_displayed(), (
                f"the submit button of {form.get_attribute('id') or 'a form'} is not visible "
                f"at {self.width}x{self.height}"
            )
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
            self.submit_and_wait(button.click)
        else:
            field = form.find_element(By.CSS_SELECTOR, "input:not([type=hidden])")
            self.submit_and_wait(lambda: field.send_keys(Keys.ENTER))

    def fill(self, element, text):
        element.clear()
        element.send_keys(text)

    # -- checks ----------------------------------------------------------------------------

    def assert_fits_width(self):
        """On the phone, the page must not scroll sideways."""
        if not self.is_phone:
            return
        scroll_w, inner_w = self.driver.execute_script(
            "return [document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll_w > inner_w + 1:
            culprits = self.driver.execute_script(
                "const w = window.innerWidth; const out = [];"
                "for (const e of document.querySelectorAll('body *')) {"
                "  const r = e.getBoundingClientRect();"
                "  if (r.right > w + 1 && r.width > 0) {"
                "    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +"
                "      (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') +"
                "      ' right=' + Math.round(r.right));"
                "    if (out.length >= 8) break; } }"
                "return out;"
            )
            raise AssertionError(
                f"{self.driver.current_url} scrolls sideways at {self.width}px: "
                f"scrollWidth {scroll_w} > innerWidth {inner_w}; widest elements: {culprits}"
            )

    # -- app steps -------------------------------------------------------------------------

    def fresh_session(self):
        """Forgets any login: opens the login page with no cookies."""
        self.open("/dang-nhap")
        self.driver.delete_all_cookies()
        self.open("/dang-nhap")

    def submit_login(self, username, password):
        form = self.wait("form#login-form")
        self.fill(self.find("input[name=username]", form), username)
        self.fill(self.find("input[name=password]", form), password)
        self.click_submit(form)

    def login(self, username, password):
        self.fresh_session()
        self.submit_login(username, password)
        assert self.path() == "/", (
            f"after logging in as {username} expected to land on /, got {self.driver.current_url}"
            + self._flash_suffix()
        )

    def _flash_suffix(self):
        errors = self.driver.find_elements(By.CSS_SELECTOR, ".flash-error")
        return f" (flash: {nfc(errors[0].text)!r})" if errors else ""

    def units(self, day):
        """The tree of /don-vi?ngay=day: {code: (text, nearest enclosing unit code)}."""
        self.open(f"/don-vi?ngay={day}")
        assert self.path() == "/don-vi", f"/don-vi?ngay={day} ended on {self.driver.current_url}"
        rows = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('[data-unit-code]')).map(e => {"
            "  const up = e.parentElement ? e.parentElement.closest('[data-unit-code]') : null;"
            "  return [e.getAttribute('data-unit-code'), e.textContent,"
            "          up ? up.getAttribute('data-unit-code') : null]; })"
        )
        codes = [r[0] for r in rows]
        duplicates = sorted({c for c in codes if codes.count(c) > 1})
        assert not duplicates, f"units shown more than once in the tree of {day}: {duplicates}"
        return {code: (nfc(text), parent) for code, text, parent in rows}

    def result_count(self):
        element = self.wait("#result-count")
        raw = element.get_attribute("data-count")
        assert raw is not None and re.fullmatch(r"\d+", raw.strip()), (
            f"#result-count has data-count={raw!r} on {self.driver.current_url}"
        )
        return int(raw)

    def person_rows(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "[data-person-id]")

    def search_by_url(self, q):
        self.open("/nguoi?" + urllib.parse.urlencode({"q": q}))
        assert self.path() == "/nguoi", f"/nguoi?q={q} ended on {self.driver.current_url}"
        return self.result_count()

    def snapshot(self, name):
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-")
        png = os.path.join(self.artifacts_dir, f"{safe}.png")
        html = os.path.join(self.artifacts_dir, f"{safe}.html")
        saved = []
        try:
            if self.driver.save_screenshot(png):
                saved.append(png)
        except Exception as error:  # the browser may be gone
            saved.append(f"(no screenshot: {error.__class__.__name__})")
        try:
            with open(html, "w", encoding="utf-8") as f:
                f.write(f"<!-- {self.driver.current_url} -->\n{self.driver.page_source}")
            saved.append(html)
        except Exception as error:
            saved.append(f"(no page source: {error.__class__.__name__})")
        return saved


@pytest.fixture(scope="module", params=list(VIEWPORTS), ids=lambda v: f"{v}-{VIEWPORTS[v][0]}x{VIEWPORTS[v][1]}")
def ui(request, base_url, artifacts_dir):
    viewport = request.param
    width, height = VIEWPORTS[viewport]
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-extensions",
        "--no-first-run",
        "--lang=vi-VN",
        f"--window-size={width},{height}",
    ):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "vi-VN,vi"})
    service = Service(
        executable_path=CHROMEDRIVER,
        log_output=os.path.join(artifacts_dir, f"chromedriver-{viewport}.log"),
    )
    driver = webdriver.Chrome(service=service, options=options)
    try:
        driver.set_page_load_timeout(60)
        _set_viewport(driver, width, height)
        yield UI(driver, viewport, base_url, artifacts_dir)
    finally:
        driver.quit()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.failed and report.when in ("setup", "call"):
        ui = getattr(item, "funcargs", {}).get("ui")
        if isinstance(ui, UI):
            saved = ui.snapshot(item.name)
            try:
                where = ui.driver.current_url
            except Exception:
                where = "?"
            report.sections.append(
                ("browser at failure", f"url: {where}\n" + "\n".join(saved))
            )
            _failure_artifacts.extend(p for p in saved if p.endswith(".png"))
    return report


def pytest_terminal_summary(terminalreporter):
    if _failure_artifacts:
        terminalreporter.write_sep("-", "screenshots of failed tests")
        for path in _failure_artifacts:
            terminalreporter.write_line(path)
