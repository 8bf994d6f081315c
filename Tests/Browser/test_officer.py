"""An officer of a commune's Party committee (the demo's canbo.dl, officer of X-DL), as a new user
would, on a desktop and on a phone: grades a cell's members under the four-level regime of
124-QĐ/TW (2024) and under the 100-point regime of 366-QĐ/TW (2025), is warned that too many
HTXSNV break the cap, with the numbers, cannot submit until the grades respect it, then submits.

The demo leaves the 2025 members' sheet of X-DL-01 unopened and 2024's submitted: a submitted
sheet is first reopened by the officer (the level above the cell), as a second run must do too.
"""

import re

from selenium.webdriver.common.by import By

from conftest import nfc

OFFICER = "canbo.dl"
PASSWORD = "demo-lamtheobac"
CELL = "X-DL-01"
CAP_NUMBERS = re.compile(r"Có (\d+) HTXSNV, vượt giới hạn (\d+)% của (\d+) HTTNV \(tối đa (\d+)\)")


def open_members_sheet(ui, year):
    """The cell's members' sheet for year, editable: opened if new, reopened if submitted."""
    ui.open(f"/xep-loai?don-vi={CELL}&nam={year}")
    section = ui.wait("section.grading-subject")
    ui.assert_fits_width()
    start = section.find_elements(By.CSS_SELECTOR, "form button[type=submit]")
    if start:
        ui.submit_and_wait(start[0].click)
    else:
        ui.submit_and_wait(ui.find("a.button", section).click)
    assert re.fullmatch(r"/xep-loai/\d+", ui.path()), f"opening the {year} sheet led to {ui.driver.current_url}"
    if not ui.exists("form#grading-form"):
        form = ui.wait("form#reopen-form")
        ui.fill(ui.find("input[name=reason]", form), "Chi bộ xếp loại lại theo kết luận của Đảng ủy")
        ui.click_submit(form)
    return ui.wait("form#grading-form")


def grade_all(ui, form, excellent_rows, scored):
    """Grades every row: the first `excellent_rows` HTXSNV, the others HTTNV."""
    rows = form.find_elements(By.CSS_SELECTOR, "fieldset[data-row]")
    assert len(rows) >= 6, f"the sheet lists {len(rows)} members; the demo cell has more"
    for i, row in enumerate(rows):
        best = i < excellent_rows
        if scored:
            score = ui.find("input[name^=score-]", row)
            ui.driver.execute_script("arguments[0].value = arguments[1]", score, "95" if best else "80,5")
            done = ui.find("input[name^=done-]", row)
            if done.is_selected() != best:
                ui.driver.execute_script("arguments[0].click()", done)
        else:
            select = ui.find("select[name^=level-]", row)
            ui.driver.execute_script("arguments[0].value = arguments[1]", select, "htxsnv" if best else "httnv")
    outstanding = form.find_elements(By.CSS_SELECTOR, "input[name=outstanding]")
    if outstanding and outstanding[0].is_selected():
        ui.driver.execute_script("arguments[0].click()", outstanding[0])
    return len(rows)


def save(ui, form, submit):
    button = form.find_element(By.CSS_SELECTOR, "button[formaction]" if submit else "button[type=submit]:not([formaction])")
    ui.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    ui.submit_and_wait(button.click)


def grade_the_cell(ui, year, scored):
    ui.login(OFFICER, PASSWORD)
    form = open_members_sheet(ui, year)

    # Half of the cell HTXSNV: far over 20% of the HTTNV. Saving the draft shows the warning with its numbers.
    members = grade_all(ui, form, excellent_rows=0, scored=scored)
    half = members // 2
    grade_all(ui, form, excellent_rows=half, scored=scored)
    save(ui, form, submit=False)
    warning = nfc(ui.wait("#cap-warning").text)
    found = CAP_NUMBERS.search(warning)
    assert found, f"the cap warning does not give the numbers: {warning!r}"
    excellent, percent, good, allowed = map(int, found.groups())
    assert (excellent, percent, good) == (half, 20, members - half), f"the warning reads {warning!r}"
    assert allowed == good * 20 // 100, f"the warning allows {allowed} of {good} HTTNV"
    ui.assert_fits_width()

    # Submitting as it stands is refused, and nothing typed is lost.
    save(ui, ui.wait("form#grading-form"), submit=True)
    assert ui.exists("form#grading-form"), "a submission over the cap locked the sheet"
    assert CAP_NUMBERS.search(nfc(ui.find("main").text)), "the refusal does not say why"

    # Within the cap it goes through.
    form = ui.wait("form#grading-form")
    grade_all(ui, form, excellent_rows=allowed, scored=scored)
    save(ui, form, submit=True)
    assert not ui.exists("#cap-warning"), "the cap warning stays after the grades respect it"
    assert not ui.exists("form#grading-form"), "the sheet is still editable after submitting"
    counts = nfc(ui.find("#grading-counts").text)
    assert f"HTXSNV: {allowed}" in counts and f"HTTNV: {members - allowed}" in counts, f"the submitted counts read {counts!r}"
    assert "Đã nộp" in nfc(ui.find("main").text), "the sheet does not say it was submitted"
    ui.assert_fits_width()


def test_officer_grades_a_cell_under_the_four_level_regime(ui):
    grade_the_cell(ui, 2024, scored=False)


def test_officer_grades_a_cell_under_the_scored_regime(ui):
    grade_the_cell(ui, 2025, scored=True)
