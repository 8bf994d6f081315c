"""The foundation as a person uses it, on a desktop (1366x900) and a phone (390x844):
log in, the organisation tree as of two dates, searching people with and without diacritics,
log out. Runs against the demo data (`lamtheobac serve --demo`); see conftest.py.

Each test logs in afresh through the real form, so that any one of them can fail alone.
"""

import re
import unicodedata

from conftest import nfc

DEMO_USER = "tinhuy"
DEMO_PASSWORD = "demo-lamtheobac"

# Letters only Vietnamese (among the texts here) writes: a message in Vietnamese has some.
VIETNAMESE_LETTERS = re.compile(
    "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]",
    re.IGNORECASE,
)

TU = ("TU", "Tỉnh ủy Lạc Hồng")
HU_DL = ("HU-DL", "Huyện ủy Đông Lạc")
DUK = ("DUK", "Đảng ủy Khối các cơ quan tỉnh")
X_DL = ("X-DL", "Đảng ủy xã Đông Lạc")


def assert_unit(units, unit, day):
    code, name = unit
    assert code in units, f"{code} ({name}) missing from the tree of {day}; shown: {sorted(units)}"
    text, _ = units[code]
    assert nfc(name) in text, f"{code} in the tree of {day} does not contain {name!r}: {text[:200]!r}"


def assert_no_unit(units, unit, day):
    code, name = unit
    assert code not in units, f"{code} ({name}) is still in the tree of {day}"


def test_wrong_password_shows_the_form_again_with_an_error(ui):
    ui.fresh_session()
    form = ui.wait("form#login-form")
    ui.find("input[name=username]", form)
    password = ui.find("input[name=password]", form)
    assert password.get_attribute("type") == "password", "the password field must be type=password"
    ui.find("button[type=submit]", form)
    ui.assert_fits_width()

    ui.submit_login(DEMO_USER, "not-the-password")

    error = ui.wait(".flash-error")
    text = nfc(error.text or error.get_attribute("textContent"))
    assert VIETNAMESE_LETTERS.search(text), f"the login error is not in Vietnamese: {text!r}"
    ui.wait("form#login-form")
    ui.assert_fits_width()

    ui.open("/don-vi")
    assert ui.path() == "/dang-nhap", (
        f"after a failed login /don-vi must send to /dang-nhap, got {ui.driver.current_url}"
    )


def test_login_leads_home_with_navigation_and_logout(ui):
    ui.login(DEMO_USER, DEMO_PASSWORD)
    ui.wait("nav")
    # What a person sees, by hit-testing: Selenium calls anything inside a closed <details> hidden.
    on_screen = ui.driver.execute_script(
        "const a = document.querySelector('nav a[href=\"/don-vi\"]'); const r = a.getBoundingClientRect();"
        "return r.width > 0 && document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === a;"
    )
    menu_button = ui.find("details.menu > summary")
    if ui.is_phone:
        assert menu_button.is_displayed() and not on_screen, "on a phone the menu opens from its button"
    else:
        assert on_screen, "on a desktop the main menu's links must be on screen without opening anything"
    logout = ui.wait("form#logout-form")
    ui.find("button[type=submit], input[type=submit]", logout)
    ui.assert_fits_width()


def test_tree_before_the_2025_restructuring(ui):
    day = "2024-12-31"
    ui.login(DEMO_USER, DEMO_PASSWORD)
    units = ui.units(day)
    assert_unit(units, TU, day)
    assert_unit(units, HU_DL, day)
    assert_unit(units, DUK, day)
    date_form = ui.find("form#tree-date-form")
    date_input = ui.find("input[name=ngay]", date_form)
    assert date_input.get_attribute("type") == "date", "the tree's date field must be type=date"
    ui.assert_fits_width()


def test_tree_after_the_2025_restructuring(ui):
    day = "2025-12-31"
    ui.login(DEMO_USER, DEMO_PASSWORD)
    units = ui.units(day)
    assert_unit(units, TU, day)
    assert_no_unit(units, HU_DL, day)
    assert_no_unit(units, DUK, day)
    assert_unit(units, X_DL, day)
    _, parent = units[X_DL[0]]
    assert parent == TU[0], (
        f"on {day} X-DL must sit directly under TU; its nearest enclosing unit is {parent!r}"
    )
    ui.assert_fits_width()


def test_people_search_ignores_diacritics_and_case(ui):
    ui.login(DEMO_USER, DEMO_PASSWORD)
    plain = ui.search_by_url("nguyen van")
    assert plain > 0, "no one found for 'nguyen van' in the demo data"
    assert ui.person_rows(), "#result-count is non-zero but no [data-person-id] row is shown"
    assert len(ui.person_rows()) <= plain, "more rows than #result-count"
    ui.assert_fits_width()

    accented = ui.search_by_url("Nguyễn Văn")
    assert accented == plain, f"'Nguyễn Văn' found {accented}, 'nguyen van' found {plain}"
    # The same words typed as decomposed Unicode (base letters + combining marks).
    decomposed = ui.search_by_url(unicodedata.normalize("NFD", "Nguyễn Văn"))
    assert decomposed == plain, f"decomposed 'Nguyễn Văn' found {decomposed}, 'nguyen van' {plain}"


def test_people_search_form(ui):
    ui.login(DEMO_USER, DEMO_PASSWORD)
    duc = ui.search_by_url("duc")
    assert duc > 0, "no one found for 'duc' in the demo data"

    ui.open("/nguoi")
    form = ui.wait("form#people-search")
    box = ui.find("input[name=q]", form)
    ui.fill(box, "đức")
    ui.click_submit(form)
    assert ui.path() == "/nguoi", f"the search form led to {ui.driver.current_url}"
    typed = ui.result_count()
    assert typed == duc, f"typing 'đức' found {typed}, 'duc' found {duc}"
    assert ui.person_rows(), "the search for 'đức' shows no [data-person-id] row"
    ui.assert_fits_width()

    upper = ui.search_by_url("ĐỨC")
    assert upper == duc, f"'ĐỨC' found {upper}, 'duc' found {duc}"


def test_logout_ends_the_session(ui):
    ui.login(DEMO_USER, DEMO_PASSWORD)
    ui.click_submit(ui.wait("form#logout-form"))
    assert ui.path() == "/dang-nhap", f"logging out led to {ui.driver.current_url}"
    ui.wait("form#login-form")
    ui.assert_fits_width()

    ui.open("/don-vi")
    assert ui.path() == "/dang-nhap", (
        f"after logging out /don-vi must send to /dang-nhap, got {ui.driver.current_url}"
    )
