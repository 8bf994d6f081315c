"""An officer of a commune's Party committee (the demo's canbo.dl, officer of X-DL), as a new user
would, on a desktop and on a phone: grades a cell's members under the four-level regime of
124-QĐ/TW (2024) and under the 100-point regime of 366-QĐ/TW (2025), is warned that too many
HTXSNV break the cap, with the numbers, cannot submit until the grades respect it, then submits.

The demo leaves the 2025 members' sheet of X-DL-01 unopened and 2024's submitted: a submitted
sheet is first reopened by the officer (the level above the cell), as a second run must do too.
"""

import datetime
import re
import urllib.parse

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


# -- a nomination from the cell up to the province's decision --------------------------------

SECRETARY = "bithu.x-dl-01"
PROVINCE = "tinhuy"


def set_field(ui, form, name, value):
    field = ui.find(f"[name='{name}']", form)
    if field.tag_name == "select":
        ui.driver.execute_script("arguments[0].value = arguments[1]", field, value)
    else:
        ui.fill(field, value)


def act(ui, form_id, **fields):
    form = ui.wait(f"form#{form_id}")
    for name, value in fields.items():
        set_field(ui, form, name, value)
    ui.assert_fits_width()
    ui.click_submit(form)
    errors = ui.driver.find_elements(By.CSS_SELECTOR, ".error, .flash-error")
    assert not errors, f"{form_id} was refused: " + "; ".join(nfc(e.text) for e in errors)


def where_it_stands(ui, nomination_path):
    ui.open(nomination_path)
    return nfc(ui.wait(".nomination-status").text), nfc(ui.find(".nomination-current-unit").text)


def test_a_nomination_climbs_from_the_cell_to_the_province(ui):
    event = f"Thử nghiệm khen thưởng {ui.viewport} {datetime.datetime.now():%H%M%S%f}"
    year = datetime.date.today().year - 1

    # The cell's secretary proposes the cell and one member, with the papers.
    ui.login(SECRETARY, PASSWORD)
    ui.open(f"/nguoi?don-vi={CELL}")
    ids = [re.search(r"/nguoi/(\d+)$", a.get_attribute("href") or "") for a in ui.driver.find_elements(By.CSS_SELECTOR, "main a")]
    ids = [m.group(1) for m in ids if m]
    assert ids, f"the people list of {CELL} links to no person"
    person_id = ids[0]
    ui.open("/de-nghi-khen-thuong/moi")
    form = ui.wait("form#nomination-form")
    forms = [o.get_attribute("value") for o in form.find_elements(By.CSS_SELECTOR, "select[name=c1-formId] option")
             if o.get_attribute("value")]
    assert forms, "the nomination form offers no form of commendation"
    act(ui, "nomination-form", **{
        "title": "Đề nghị khen thưởng chi bộ và đảng viên tiêu biểu", "fromYear": str(year), "event": event,
        "c1-kind": "don_vi", "c1-unit": CELL, "c1-achievements": "Chi bộ trong sạch, vững mạnh tiêu biểu", "c1-formId": forms[0],
        "c2-kind": "ca_nhan", "c2-personId": person_id, "c2-achievements": "Gương mẫu giúp đỡ hộ nghèo", "c2-formId": forms[0],
        "paper-to_trinh": "Tờ trình số 05-TTr/CB", "paper-bien_ban": "Biên bản họp chi bộ xét khen thưởng",
        "paper-tom_tat_thanh_tich": "Báo cáo tóm tắt thành tích của chi bộ và đảng viên",
    })
    nomination = ui.path()
    assert re.fullmatch(r"/de-nghi-khen-thuong/\d+", nomination), f"saving the nomination led to {ui.driver.current_url}"
    act(ui, "nomination-submit")
    status, at = where_it_stands(ui, nomination)
    assert "chờ" in status.lower() and "Đông Lạc" in at, f"after sending it reads {status!r}, at {at!r}"

    # The commune returns it with a reason; the cell sends it again.
    ui.login(OFFICER, PASSWORD)
    ui.open(nomination)
    act(ui, "nomination-return", comment="Bổ sung số liệu hộ nghèo đã giúp đỡ")
    status, at = where_it_stands(ui, nomination)
    assert "trả lại" in status.lower(), f"after the return it reads {status!r}"
    assert "Bổ sung số liệu hộ nghèo" in nfc(ui.find("#nomination-timeline").text), "the timeline does not show the reason"
    ui.login(SECRETARY, PASSWORD)
    ui.open(nomination)
    act(ui, "nomination-submit")

    # The commune agrees and forwards it; the province decides.
    ui.login(OFFICER, PASSWORD)
    ui.open(nomination)
    act(ui, "nomination-forward")
    status, at = where_it_stands(ui, nomination)
    assert "Tỉnh ủy" in at, f"after forwarding it sits at {at!r}"
    ui.login(PROVINCE, PASSWORD)
    ui.open(nomination)
    decide = ui.wait("form#nomination-decide")
    issuers = [o.get_attribute("value") for o in decide.find_elements(By.CSS_SELECTOR, "select[name=issuerId] option")
               if o.get_attribute("value")]
    date_field = ui.find("input[name=decidedOn]", decide)
    ui.driver.execute_script("arguments[0].value = arguments[1]", date_field, datetime.date.today().isoformat())
    act(ui, "nomination-decide", issuerId=issuers[0], decisionNumber="152-QĐ/TU")
    status, _ = where_it_stands(ui, nomination)
    assert "quyết định" in status.lower(), f"after the decision it reads {status!r}"

    # The commendations are in the register, counted for the event.
    ui.open("/khen-thuong?" + urllib.parse.urlencode({"dot": event}))
    counts = nfc(ui.wait("#commendation-counts").text)
    assert "1 tập thể và 1 cá nhân" in counts, f"the register counts {counts!r} for the event"
    ui.assert_fits_width()
