"""A new user imports a sheet of about 2.000 members typed in TCVN3 (ABC) with some bad rows
(issue 6's "done when"): the demo's canbo.dl (officer of X-DL) uploads it, reads each problem by
row, column, value and reason in Vietnamese, fixes the file, uploads it again, reads the preview,
confirms, and finds the people in the people list with their diacritics right. On a desktop the
file is an XLSX workbook (openpyxl), on a phone a CSV of raw TCVN3 bytes.

The TCVN3 bytes come from this file's own table (TCVN 5712:1993, the ABC fonts' code points),
written out here, independent of the application's Swift table.
"""

import datetime
import os
import re
import tempfile
import unicodedata

from openpyxl import Workbook
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import nfc

OFFICER = "canbo.dl"
PASSWORD = "demo-lamtheobac"
CELL_NAMES = {
    "X-DL-01": "Chi bộ thôn Phú Mỹ",
    "X-DL-02": "Chi bộ thôn An Hòa",
    "X-DL-03": "Chi bộ thôn Tân Lập",
    "X-DL-04": "Chi bộ Trường Trung học cơ sở Đông Lạc",
}
CELLS = list(CELL_NAMES)
MEMBERS = 2000
# A 2.000-row file is checked and then written on a shared build machine: give it time.
LONG_WAIT = 300

# TCVN3 (ABC): one byte per precomposed letter. Capital letters with a tone mark have no code of
# their own (the fonts' upper-case faces reuse the lower-case codes), so the names below avoid them.
TCVN3 = {
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
    "ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE,
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9,
    "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB,
    "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6,
    "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4,
    "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE,
    "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9,
    "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
}


def tcvn3_bytes(text):
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ord(ch))
        else:
            assert ch in TCVN3, f"{ch!r} of {text!r} has no TCVN3 code"
            out.append(TCVN3[ch])
    return bytes(out)


def tcvn3_text(text):
    """As a workbook typed in a .VnTime font holds it: each TCVN3 byte as the character of that code."""
    return tcvn3_bytes(text).decode("latin-1")


FAMILIES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLES = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Thu"]
GIVEN = {
    "desktop": ["Bình", "Cường", "Dũng", "Hùng", "Khoa", "Lâm", "Nghĩa", "Phúc", "Quân", "Sơn",
                "Tuấn", "Vinh", "Hằng", "Hương", "Lan", "Mai", "Nga", "Phượng", "Thảo", "Trang"],
    "phone": ["Bảo", "Chiến", "Duy", "Hiếu", "Kiên", "Long", "Nhân", "Phong", "Quyết", "Tâm",
              "Thắng", "Việt", "Dung", "Hạnh", "Huyền", "Loan", "Ngân", "Quỳnh", "Thủy", "Yến"],
}
HEADER = ["Họ và tên", "Ngày sinh", "Giới tính", "Chi bộ", "Đối tượng", "Số CCCD"]


def members(viewport):
    """MEMBERS distinct people, different for each viewport (both runs share one server)."""
    given = GIVEN[viewport]
    prefix = "0791" if viewport == "desktop" else "0792"
    rows = []
    for i in range(MEMBERS):
        family = FAMILIES[i % len(FAMILIES)]
        middle = MIDDLES[(i // len(FAMILIES)) % len(MIDDLES)]
        name = f"{family} {middle} {given[(i // (len(FAMILIES) * len(MIDDLES))) % len(given)]}"
        born = datetime.date(1960, 1, 1) + datetime.timedelta(days=(i * 7919) % 16000)
        rows.append([name, f"{born.day}/{born.month}/{born.year}", "Nữ" if middle == "Thị" else "Nam",
                     CELLS[i % len(CELLS)], "Đảng viên", f"{prefix}{i:08d}"])
    assert len({r[0] for r in rows}) == MEMBERS
    return rows


def with_mistakes(rows, first_row):
    """The file as first typed: four bad rows, each with the problem the test expects to read.
    Returns the rows and {file row number: (column header, value, words the reason holds)};
    the data start on row first_row of the file."""
    bad = [list(r) for r in rows]
    bad[9][3] = "X-DL-99"          # a cell code that does not exist
    bad[19][1] = "31/2/1985"       # an impossible date
    bad[29][0] = ""                # no name
    bad.insert(40, list(bad[39]))  # the same person twice
    expected = {
        first_row + 9: ("Chi bộ", "X-DL-99", "X-DL-99"),
        first_row + 19: ("Ngày sinh", "31/2/1985", ""),
        first_row + 29: ("Họ và tên", "", ""),
        first_row + 40: ("", "", f"dòng {first_row + 39}"),
    }
    return bad, expected


def write_file(rows, viewport, name):
    folder = tempfile.mkdtemp(prefix="lamtheobac-tcvn3-")
    if viewport == "desktop":
        path = os.path.join(folder, name + ".xlsx")
        book = Workbook()
        sheet = book.active
        sheet.title = "Danh sach"
        sheet.append([tcvn3_text("DANH SÁCH ĐẢNG VIÊN XÃ ĐÔNG LẠC".lower())])
        sheet.append([tcvn3_text(h) for h in HEADER])
        for row in rows:
            sheet.append([tcvn3_text(v) for v in row])
        book.save(path)
    else:
        path = os.path.join(folder, name + ".csv")
        lines = [HEADER] + rows
        with open(path, "wb") as f:
            f.write(b"\r\n".join(b",".join(tcvn3_bytes(v) for v in line) for line in lines) + b"\r\n")
    return path


def upload(ui, path):
    """Chooses the file on the upload form and sends it; waits for the checked file's page."""
    form = ui.wait("form.import-upload")
    ui.find("input[type=file]", form).send_keys(path)
    button = ui.find("button[type=submit]", form)
    ui.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    long_submit(ui, button.click)


def long_submit(ui, action):
    """ui.submit_and_wait with room for a long file."""
    ui.driver.execute_script("window.__lamtheobacOldPage = true")
    try:
        action()
    except TimeoutException:
        pass  # the click waited for the page load longer than the driver's page load timeout
    try:
        WebDriverWait(ui.driver, LONG_WAIT, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.execute_script("return window.__lamtheobacOldPage !== true && document.readyState === 'complete'"))
    except TimeoutException:
        raise AssertionError(f"no new page after {LONG_WAIT} s (still on {ui.driver.current_url})") from None


def table_rows(ui, css):
    return [[nfc(td.text) for td in tr.find_elements(By.CSS_SELECTOR, "td")]
            for tr in ui.driver.find_elements(By.CSS_SELECTOR, f"{css} tbody tr")]


def test_tcvn3_members_with_bad_rows_fixed_and_imported(ui):
    rows = members(ui.viewport)
    # The workbook has a title line above its header; the CSV starts with the header.
    bad, expected = with_mistakes(rows, first_row=3 if ui.viewport == "desktop" else 2)
    first = write_file(bad, ui.viewport, "dang-vien-tcvn3")
    fixed = write_file(rows, ui.viewport, "dang-vien-tcvn3-da-sua")

    ui.login(OFFICER, PASSWORD)
    ui.open("/nhap-du-lieu")
    ui.assert_fits_width()
    link = ui.find("a[href='/nhap-du-lieu/can-bo-dang-vien']")
    ui.reveal(link)
    ui.submit_and_wait(link.click)
    assert ui.path() == "/nhap-du-lieu/can-bo-dang-vien"
    ui.assert_fits_width()

    # The first file: every problem named by row, column, value and reason; nothing written.
    upload(ui, first)
    alert = nfc(ui.wait(".flash-error").text)
    assert "chưa ghi gì" in alert, f"the refusal reads {alert!r}"
    problems = table_rows(ui, "#import-problems")
    by_row = {}
    for row, column, value, reason in problems:
        by_row.setdefault(int(row), []).append((column, value, reason))
    assert sorted(by_row) == sorted(expected), f"problems on rows {sorted(by_row)}: {problems}"
    for number, (column, value, words) in expected.items():
        found = by_row[number][0]
        if column:
            assert found[0].startswith(column + " (cột "), f"row {number}: column {found[0]!r}"
        if value:
            assert found[1] == value, f"row {number}: value {found[1]!r}"
        assert words in found[2] and re.search(r"[ạ-ỹđơưăâêô]", found[2].lower()), f"row {number}: reason {found[2]!r}"
    if ui.viewport == "desktop":
        # A workbook's text is converted column by column, and the page says which columns.
        conversions = nfc(ui.find("#import-conversions").text) if ui.exists("#import-conversions") else ""
        assert "TCVN3" in conversions, f"the page does not say the text was converted: {conversions!r}"
    assert not ui.exists("form#import-confirm"), "a file with problems can be confirmed"
    ui.assert_fits_width()

    # The fixed file: a preview of 2.000 new people, their names in Unicode, then confirmed.
    upload(ui, fixed)
    confirm = ui.wait("form#import-confirm")
    lines = table_rows(ui, "#import-lines")
    assert lines and all(line[1] == "Thêm mới" for line in lines), f"the preview reads {lines[:3]}"
    assert rows[0][0] in lines[0][2], f"the first line reads {lines[0]!r}, not {rows[0][0]!r}"
    assert "2.000 thêm mới" in nfc(ui.find("main").text)
    ui.assert_fits_width()
    button = ui.find("button[type=submit]", confirm)
    ui.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    long_submit(ui, button.click)
    assert ui.path() == "/nguoi", f"confirming led to {ui.driver.current_url}"
    flash = nfc(ui.find("main").text)
    assert "2.000 thêm mới" in flash, f"after confirming the page reads {flash[:300]!r}"

    # The people are there, with their diacritics as typed in Unicode, in their cells. (The demo
    # has people of the same common names: the one imported is the party member of that cell.)
    for i in (0, 777, MEMBERS - 1):
        name, cell = rows[i][0], CELL_NAMES[rows[i][3]]
        assert ui.search_by_url(name) >= 1, f"searching {name!r} finds nobody"
        found = [[nfc(td.text) for td in r.find_elements(By.CSS_SELECTOR, "td")] for r in ui.person_rows()]
        imported = [r for r in found if r[0] == name and r[1] == "Đảng viên" and r[2] == cell]
        assert len(imported) == 1, f"{name!r} of {cell} is not once among {found}"
        ui.assert_fits_width()
